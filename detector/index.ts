/**
 * Phénix detector — pure: captures in, data out (no I/O, no clock, no logger).
 *
 *   extractPage(page)                 → PageFeatures (layout tokens, page type, ads, contacts, pivots)
 *   buildDocumentFrequencies(pages)   → LayoutIdf (corpus statistics for tf-idf layout weighting)
 *   buildProfile(pages, { site, idf }) → SiteProfile (stored as JSON; compared even after the site is down)
 *   buildCorpusStats(profiles)        → CorpusStats (how many sites carry each contact and template)
 *   compareProfiles(ref, cand, t, stats) → Comparison (signals, families, score, verdict, evidence, explanation)
 *   fingerprintsOf(profile)           → 64-bit fingerprints to index for near-duplicate lookups
 *
 * Where things live: extract/ (HTML pass, layout tokens, ads), contacts/, pivots/, simhash.ts + hash64.ts,
 * profile.ts, compare/, thresholds.ts.
 */
export { buildCorpusStats, compareProfiles, formatContact } from './compare/index.ts';
export { extractContacts } from './contacts/index.ts';
export { type ExtractPageOptions, extractPage } from './extract/page.ts';
export {
  hashDistance,
  MIN_PHOTO_SIDE,
  type PhotoFamilyRule,
  type PhotoHashLike,
  photoDistances,
  photoFamilyContent,
  photoFamilyRule,
  photoMatch,
  photoSiteFrequencies,
  type SiteContent,
  sitePhotos,
} from './images/index.ts';
export { isValidBitcoin, isValidEthereum, isValidIban, shodanFaviconHash, WEAK_PIVOTS } from './pivots/index.ts';
export {
  type BuildProfileOptions,
  buildDocumentFrequencies,
  buildProfile,
  type Fingerprinter,
  fingerprintsOf,
  type ProfileFingerprint,
  simhashFingerprinter,
  withPhotoSites,
} from './profile.ts';
export { hammingDistance64, simhash64 } from './simhash.ts';
export { defaultThresholds, resolveThresholds, type ThresholdProblem, thresholdProblems } from './thresholds.ts';
export type * from './types.ts';
export { DETECTOR_VERSION } from './version.ts';
