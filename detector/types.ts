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
  /**
   * In a profile: `site` for the operator's own contacts (found on service pages such as contact or legal, or on most
   * pages: a footer), `ad` for an advertiser's (found in ads only). Absent in page features and in older profiles
   * (read as `ad`).
   */
  scope?: 'site' | 'ad';
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
  /**
   * pHashes of 48 windows of the picture (95 % or 90 % of a side at its start, centre or end; windows.ts in
   * detector/images), so a cropped copy matches; none for a flat picture. Pictures hashed earlier have 15.
   */
  crops?: string[];
  width: number;
  height: number;
}

/** An ad photo of a site profile, with how specific it is to this site (1 = nowhere else; stock images ≪ 1). */
export interface PhotoFingerprint {
  url: string;
  sha256: string;
  hash: string;
  /** Hashes of the picture's windows (`PageImage.crops`); absent on pictures hashed before they were kept. */
  crops?: string[];
  specificity: number;
}

/** Document frequencies of layout tokens over a corpus of pages (any sites), for idf weighting. */
export interface LayoutIdf {
  documents: number;
  frequencies: Record<string, number>;
}

/**
 * How specific contacts and templates are over every stored site and candidate (see detector/compare/corpus.ts).
 * Built by `buildCorpusStats(profiles)`; plain JSON.
 */
export interface CorpusStats {
  sites: number;
  /** `kind:value` → number of profiles carrying the contact. */
  contacts: Record<string, number>;
  /**
   * `kind:value` → number of families carrying an operator's contact, when lower than its number of profiles (sites
   * that also share ads or photos are one family: detector/compare/contact-families.ts). Absent in statistics built
   * before it existed: the count of profiles then stands.
   */
  contactFamilies?: Record<string, number>;
  /** Per page type, every profile's layout fingerprint (16 hex digits). */
  layouts: Record<PageType, string[]>;
}

export interface AdFingerprint {
  id: string;
  url: string;
  /** 64-bit SimHash of the ad's normalised text without site boilerplate, 16 hex digits. */
  fingerprint: string;
  /** The ad text as displayed, whole, for the side-by-side view (cut only past 5,000 characters). */
  text: string;
  /** Set when `text` was cut (it then ends with "…"). */
  textCut?: boolean;
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
  /**
   * Per page type, the layout sketch (layout-sketch.ts: the most specific tokens with their weights) that the layout
   * signal compares by cosine; absent on profiles of detector versions before 3 (the signal then uses the SimHashes).
   */
  layoutSketch?: Record<PageType, string | null>;
  /** Layout sketch of all pages together. */
  layoutSketchAll?: string | null;
  contacts: Contact[];
  ads: AdFingerprint[];
  /**
   * The listing pages' ad summaries that carry an excerpt (title, excerpt, price…, at least 16 words): an excerpt and
   * its full text are one ad written twice, so excerpts are compared with excerpts (a copy made of listing pages only,
   * or a capture that reached few ad pages, still meets the reference's listings). Absent when no listing summary
   * carries an excerpt, and on profiles before detector version 6.
   */
  summaries?: AdFingerprint[];
  /** Site text fingerprint: bitwise majority of the ad fingerprints weighted by ad length (for the database index). */
  textAll: string | null;
  pivots: Pivot[];
  /** Ad photos (absent on profiles built before pictures were kept). */
  photos?: PhotoFingerprint[];
  /** Perceptual hash of the home page's above-the-fold screenshot. */
  look?: string | null;
}

export type { DetectorThresholds } from '../lib/detector-thresholds.ts';

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
      /** `cut`: the text is an excerpt of a longer ad (see AdFingerprint.textCut). */
      reference: { id: string; url: string; text: string; cut?: boolean };
      candidate: { id: string; url: string; text: string; cut?: boolean };
    }
  | {
      kind: 'layout';
      pageType: PageType;
      distance: number;
      /**
       * The verdict rule's judgement, copied on every layout item so that what the explanation and the review say
       * comes from one place: the two sites share a template (layout similarity at corroborationStrength or more).
       * Absent on evidence stored before detector version 4.
       */
      sameTemplate?: boolean;
      /** Sites of the corpus sharing the reference's template, and whether it is rare enough to name one operator. */
      templateSites?: number;
      operatorTemplate?: boolean;
    }
  | {
      kind: 'shared-pivot';
      pivotKind: PivotKind;
      value: string;
      /** The operator's own id (analytics, tag manager, advertising, payment), which corroborates; not a script's file. */
      operatorId?: boolean;
    }
  | {
      kind: 'shared-photo';
      distance: number;
      /** Matched through a window of one picture (one is a cropped copy of the other). */
      crop?: boolean;
      /** Matched through the ladders of centred windows (one re-cropped deeper: images/README.md). */
      ladder?: boolean;
      specificity: number;
      reference: { url: string; sha256: string };
      candidate: { url: string; sha256: string };
    }
  | { kind: 'look'; distance: number };

export interface Signals {
  /** Layout similarity (1 same template … 0 unrelated), before any rarity weighting. */
  layout: number | null;
  text: number | null;
  /** Shared advertiser contacts, idf-weighted, over the smaller side. */
  contacts: number | null;
  /** Shared site-level contacts (the operator's own), idf-weighted; null when one side has none. */
  identity: number | null;
  pivots: number | null;
  /** Shared ad photos (absent when neither side has photos). */
  photos?: number | null;
  /** Above-the-fold screenshot likeness (absent when a side has no screenshot). */
  look?: number | null;
}

/** The independent families of evidence a verdict rests on, each in [0, 1]. */
export interface Families {
  /** Containment of content: the shares of the candidate's and of the reference's ads (or advertisers) in common. */
  content: {
    candidateShare: number;
    referenceShare: number;
    /** The same shares counted on ad texts alone (the content rule's measure). */
    adCandidateShare: number;
    adReferenceShare: number;
    /**
     * Share of the candidate's ads from monitored references each largely on it, this one's pairing included
     * (compare/merged.ts); the ad share alone when the comparison is given no other reference.
     */
    jointCandidateShare: number;
    /** This reference's share of the candidate's ads and of its own ads on the candidate, read on the same side. */
    jointOwnShare: number;
    jointReferenceShare: number;
    /** Each side's share of ad pictures in common (weighed by specificity), 0 under `minSharedPhotos`. */
    photoCandidateShare: number;
    photoReferenceShare: number;
    /**
     * Each side's share of ad pictures in common counted as ad texts are, each once, stock pictures left out (the
     * photo-copy rule's measure), 0 under `minSharedPhotos`.
     */
    photoCopyCandidateShare: number;
    photoCopyReferenceShare: number;
    /** Each side's share of advertisers in common (contacts, idf-weighted), 0 under `minSharedAds`. */
    advertiserCandidateShare: number;
    advertiserReferenceShare: number;
    sharedAds: number;
    sharedAdvertisers: number;
  };
  identity: number;
  /** Layout similarity times the template's rarity in the corpus. */
  layout: number;
  /** 1 for a shared operator id (analytics, payment), 0 otherwise (favicons and assets belong to a script). */
  pivots: number;
}

export type Verdict = 'clone' | 'related' | 'unrelated';

export interface Comparison {
  verdict: Verdict;
  score: number;
  signals: Signals;
  families: Families;
  evidence: Evidence[];
  explanation: string[];
}
