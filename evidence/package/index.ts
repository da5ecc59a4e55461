/** Court evidence packages: WACZ (WARC + CDXJ + pages + manifest), signed and timestamped; and their strict check. */
export {
  buildPackageWarc,
  EvidenceIntegrityError,
  type EvidenceManifest,
  type ManifestFile,
  PACKAGE_FORMAT,
  type PackageContent,
  type PackagedArtifact,
  type PackagedCapture,
  type PackagedWarc,
  type PackageSide,
  toolVersion,
} from './build.ts';
export { buildCdxj, surt } from './cdxj.ts';
export {
  EVIDENCE_RECORD_PATH,
  type EvidenceRecord,
  RenewalError,
  type RenewOptions,
  renewalText,
  renewPackage,
} from './renew.ts';
export { checkTrustedTime, type TimeReport, type TimeState } from './trusted-time.ts';
export { type PackageState, type VerifyOptions, type VerifyReport, verifyEvidencePackage } from './verify.ts';
export {
  CDXJ_PATH,
  type DataPackage,
  type DatapackageDigest,
  MANIFEST_PATH,
  PAGES_PATH,
  type SealOptions,
  sealWacz,
  WACZ_VERSION,
  WARC_PATH,
} from './wacz.ts';
export { readStoredZip, readStoredZipLoosely, UnreadableZipError, writeStoredZip, type ZipEntry } from './zip.ts';
