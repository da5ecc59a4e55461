/**
 * Pictures → what the detector compares: perceptual hashes of ad photos and of the above-the-fold screenshot
 * (sharp), and contacts read in pictures (tesseract.js from node_modules, validated by detector/contacts).
 * Budgeted; called by the monitor when captures are stored. The comparison itself is pure, in detector/images/.
 *
 *   perceptual-hash.ts  pHash (DCT) and dHash, a photo's pHash with its 48 windows and 8 ladder windows, imageInfo
 *   ocr.ts              the tesseract.js engine (French + English) and its preprocessing passes
 *   deskew.ts           the slant of a picture's text, undone before reading
 *   read-contacts.ts    passes → contacts (two passes agree, rival misreadings outvoted), marked source: image
 *   text-likelihood.ts  which pictures are worth reading
 *   analyser.ts         per-crawl hashing cache and OCR queue with budgets
 */

export { hashDistance } from '../detector/index.ts';
export {
  type CapturePictures,
  createImageAnalyser,
  DEFAULT_MIN_TEXT_LIKELIHOOD,
  type ImageAnalyser,
  type ImageAnalyserOptions,
  OcrTimeoutError,
  type PictureArtifact,
} from './analyser.ts';
export { createOcrEngine, type OcrEngine, type OcrPass } from './ocr.ts';
export {
  dhash,
  imageInfo,
  MAX_INPUT_PIXELS,
  type PhotoHashes,
  phash,
  photoHashes,
  UnreadableImageError,
} from './perceptual-hash.ts';
export { contactsOfPasses, passesAgree } from './read-contacts.ts';
export { textLikelihood } from './text-likelihood.ts';
