/** Public surface of the evidence room: the content-addressed store, packages, signing, trusted time, Merkle roots. */
export { merkleRoot } from './merkle.ts';
export * from './package/index.ts';
export {
  createUnitKeys,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFingerprint,
  publicKeyPem,
  SigningKeyError,
  signDigest,
  type UnitKeyFiles,
  verifyDigestSignature,
} from './sign.ts';
export {
  createEvidenceStore,
  EvidenceNotFoundError,
  type EvidenceStore,
  type EvidenceStoreOptions,
  relativeEvidencePath,
  type StoredObject,
  sha256Hex,
} from './store.ts';
export { requestTimestamp, type TimestampCheck, TimestampError, verifyTimestamp } from './timestamp.ts';
