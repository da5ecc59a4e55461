/**
 * The detector's data contract. Everything here is plain JSON (64-bit fingerprints travel as 16-hex-digit strings) so
 * page features and site profiles can be stored in the database and compared long after the site went down.
 */

export interface PageInput {
  url: string;
  html: string;
  /** Visible text when the crawler has it (innerText); otherwise derived from the HTML. */
  text?: string | null;
  faviconBase64?: string | null;
  scripts?: string[];
  stylesheets?: string[];
}

export type PageType = 'listing' | 'ad' | 'other';

/** WhatsApp and Signal numbers are phones: the same advertiser may show a plain number on one site and a wa.me link on another. */
export type ContactKind = 'phone' | 'email' | 'telegram' | 'snapchat' | 'instagram' | 'signal';

export interface Contact {
  kind: ContactKind;
  /** Canonical value: E.164 for phones (and WhatsApp numbers), lower-case address for emails, lower-case handle otherwise. */
  value: string;
  /** The text as it appeared on the page (for the report). */
  raw: string;
  /** Set when the contact was read in a picture (OCR) rather than in the page's text or links. */
  source?: 'image';
}

export type PivotKind =
  | 'google-analytics'
  | 'google-tag-manager'
  | 'adsense'
  | 'meta-pixel'
  | 'yandex-metrica'
  | 'favicon-mmh3'
  | 'favicon-sha256'
  | 'asset'
  | 'iban'
  | 'bitcoin'
  | 'ethereum'
  | 'payment-link';

export interface Pivot {
  kind: PivotKind;
  value: string;
}

/** One ad as found on a page: its title (when known) and body text, both as displayed (trimmed, whitespace collapsed). */
export interface AdBlock {
  /** Stable id within the site: the page path for ad pages, path#index for listing blocks. */
  id: string;
  url: string;
  text: string;
  /** Normalised text blocks of the ad, kept so site boilerplate can be removed at profile time. */
  blocks: string[];
}

/** What one page yields. Layout tokens are kept as counts so the site's tf-idf weighting can be applied later. */
export interface PageFeatures {
  url: string;
  path: string;
  pageType: PageType;
  /** Layout token → count on this page (tag-path shingles; no text, class or attribute values). */
  layout: Record<string, number>;
  /** Normalised text blocks of the whole page (for boilerplate detection across the site). */
  textBlocks: string[];
  ads: AdBlock[];
  contacts: Contact[];
  pivots: Pivot[];
  /** Pictures of the page with their perceptual hash (added when the capture is stored; absent on older captures). */
  images?: PageImage[];
  /** Perceptual hash of the page's above-the-fold screenshot (16 hex digits), when one was taken. */
  look?: string | null;
}

/** A picture of a page: where it came from, its evidence SHA-256, its 64-bit perceptual hash and its size. */
export interface PageImage {
  url: string;
  sha256: string;
  hash: string;
  width: number;
  height: number;
}

/** An ad photo of a site profile, with how specific it is to this site (1 = nowhere else; stock images ≪ 1). */
export interface PhotoFingerprint {
  url: string;
  sha256: string;
  hash: string;
  specificity: number;
}

/** Document frequencies of layout tokens over a corpus of pages (any sites), for idf weighting. */
export interface LayoutIdf {
  documents: number;
  frequencies: Record<string, number>;
}

export interface AdFingerprint {
  id: string;
  url: string;
  /** 64-bit SimHash of the ad's normalised text without site boilerplate, 16 hex digits. */
  fingerprint: string;
  /** The ad text as displayed (trimmed to a few hundred characters) for the side-by-side view. */
  text: string;
}

export interface SiteProfile {
  version: 1;
  site: string;
  pageCount: number;
  pageTypes: Record<PageType, number>;
  /** Per page type, the 64-bit layout SimHash of the type's aggregated tokens (16 hex digits), null when no such page. */
  layout: Record<PageType, string | null>;
  /** Layout SimHash of all pages together (for the database near-duplicate index). */
  layoutAll: string | null;
  contacts: Contact[];
  ads: AdFingerprint[];
  /** Site text fingerprint: bitwise majority of the ad fingerprints weighted by ad length (for the database index). */
  textAll: string | null;
  pivots: Pivot[];
  /** Ad photos (absent on profiles built before pictures were kept). */
  photos?: PhotoFingerprint[];
  /** Perceptual hash of the home page's above-the-fold screenshot. */
  look?: string | null;
}

export interface DetectorThresholds {
  /** Hamming distance (of 64) up to which two ads are near-identical. */
  adMaxDistance: number;
  /** Layout distance at which the layout signal reaches 0 (as different as unrelated templates). */
  layoutZeroDistance: number;
  /** Layout distance up to which two sites are said to share a template in the explanation. */
  layoutSameDistance: number;
  /** Score weights of the signals (the text and contacts signals count through the stronger of the two). */
  weightContent: number;
  weightSecondContent: number;
  weightLayout: number;
  weightPivots: number;
  /** Score at or above which the verdict is `clone`. */
  cloneScore: number;
  /**
   * Share of ads near-identical at or above which the candidate is a clone whatever else changed (template, phones):
   * copying half of a site's ads is what a resurgence does and what competitors sharing a few advertisers do not.
   */
  cloneAdShare: number;
  /** Near-identical ads needed before the ad-share rule applies (small sites prove little). */
  minSharedAds: number;
  /** Score at or above which the verdict is `related`. */
  relatedScore: number;
  /** Minimum ads on both sides for the text signal to be measured. */
  minAds: number;
  /** Minimum contacts on both sides for the contacts signal to be measured. */
  minContacts: number;
  /** Perceptual-hash distance (of 64) up to which two photos are the same picture (re-encoded, resized, cropped). */
  photoMaxDistance: number;
  /** Share of photos shared (weighted by specificity) at or above which the candidate is a clone. */
  clonePhotoShare: number;
  /** Shared photos (weighted by specificity) needed before the photo rule applies. */
  minSharedPhotos: number;
  /** Screenshot-hash distance at which the look signal reaches 0. */
  lookZeroDistance: number;
}

export type Evidence =
  | {
      kind: 'shared-contact';
      contactKind: ContactKind;
      values: string[];
      /** The values among `values` read in a picture on either side (OCR). */
      fromImages?: string[];
      referenceCount: number;
      candidateCount: number;
    }
  | {
      kind: 'near-identical-ad';
      distance: number;
      reference: { id: string; url: string; text: string };
      candidate: { id: string; url: string; text: string };
    }
  | { kind: 'layout'; pageType: PageType; distance: number }
  | { kind: 'shared-pivot'; pivotKind: PivotKind; value: string }
  | {
      kind: 'shared-photo';
      distance: number;
      specificity: number;
      reference: { url: string; sha256: string };
      candidate: { url: string; sha256: string };
    }
  | { kind: 'look'; distance: number };

export interface Signals {
  layout: number | null;
  text: number | null;
  contacts: number | null;
  pivots: number | null;
  /** Shared ad photos (absent when neither side has photos). */
  photos?: number | null;
  /** Above-the-fold screenshot likeness (absent when a side has no screenshot). */
  look?: number | null;
}

export type Verdict = 'clone' | 'related' | 'unrelated';

export interface Comparison {
  verdict: Verdict;
  score: number;
  signals: Signals;
  evidence: Evidence[];
  explanation: string[];
}
