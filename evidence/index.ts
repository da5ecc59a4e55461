/** Public surface of the evidence store (standalone: imports nothing of the project). */
export {
  createEvidenceStore,
  EvidenceNotFoundError,
  type EvidenceStore,
  type EvidenceStoreOptions,
  relativeEvidencePath,
  type StoredObject,
  sha256Hex,
} from './store.ts';
