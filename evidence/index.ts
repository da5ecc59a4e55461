/** Public surface of the evidence room: the content-addressed store, packages, signing, trusted time, Merkle roots. */
export { merkleRoot } from './merkle.ts';
export * from './package/index.ts';
export {
  createUnitKeys,
  KEY_TYPES,
  keyType,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFingerprint,
  publicKeyPem,
  publicKeySpkiBase64,
  SigningKeyError,
  signDigest,
  type UnitKeyFiles,
  type UnitKeyType,
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
export {
  requestTimestamp,
  type TimestampCheck,
  TimestampError,
  type VerifyTimestampOptions,
  verifyTimestamp,
} from './timestamp.ts';
