/** World 4's data: advertisers, ads, sites and the labelled pairs between them. */

/** The three classified scripts rebuilt from their public templates, and the other kinds of page a crawl meets. */
export type Script = 'awpcp' | 'dcf' | 'sharetribe' | 'gallery' | 'aggregator' | 'forum';
export const AD_SCRIPTS = ['awpcp', 'dcf', 'sharetribe'] as const;

export interface Advertiser {
  id: string;
  name: string;
  /** Ten digits, an ARCEP fiction number. */
  phone: string;
  email: string | null;
}

export interface Ad {
  /** Stable across the sites that carry it (the old database's row). */
  id: string;
  trade: string;
  title: string;
  body: string;
  price: number;
  town: string;
  advertiser: Advertiser;
  /** Photo ids (the pictures are made from them, deterministically). */
  photos: string[];
}

export interface Trackers {
  ga: string | null;
  gtm: string | null;
  pixel: string | null;
}

export interface Operator {
  phone: string;
  email: string;
}

/** How one site hands its ad photos to a browser: the crawl fetches them at this size and quality. */
export interface PhotoStyle {
  width: number;
  quality: number;
  /** Share of each side cut off (0 = none), as a re-upload through another script's cropper. */
  crop: number;
  /** Brightness factor of the site's re-encoding (1 = unchanged). */
  brightness: number;
}

export type Obfuscation = 'none' | 'dots' | 'spans' | 'entities' | 'words';

export interface Site {
  name: string;
  domain: string;
  script: Script;
  title: string;
  tagline: string;
  operator: Operator | null;
  trackers: Trackers;
  ads: Ad[];
  /** Class names renamed (a new theme over the same script): a map from the script's class to the site's. */
  classRename: Record<string, string> | null;
  obfuscation: Obfuscation;
  photo: PhotoStyle;
  /** Ads per listing page. */
  perPage: number;
  /** For aggregator and forum pages: where each quoted ad comes from (ad id → domain). */
  sources?: Record<string, string>;
}

export type PairGroup = 'clone' | 'hard' | 'unrelated';

export interface World4Pair {
  reference: string;
  candidate: string;
  kind: string;
  group: PairGroup;
  expectClone: boolean;
  referenceScript: Script;
}

export interface World4 {
  seed: string;
  sites: Site[];
  pairs: World4Pair[];
}
