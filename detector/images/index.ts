/**
 * Pictures in the detector (pure): ad photos compared by perceptual hash with a specificity over every stored site,
 * and the look of the home page. The hashes and OCR text come from images/ (which owns the pixels).
 */
export {
  type PhotoFamilyRule,
  photoFamilyContent,
  photoFamilyRule,
  photoSiteFrequencies,
  type SiteContent,
} from './families.ts';
export { type LookSignal, lookSignal, siteLook } from './look.ts';
export {
  hashDistance,
  MIN_PHOTO_SIDE,
  type PhotoHashLike,
  type PhotoSignal,
  photoDistances,
  photoMatch,
  photoMatchOfDistances,
  photoRule,
  photoSignal,
  photosBothWays,
  sitePhotos,
  specificityOf,
} from './photos.ts';
