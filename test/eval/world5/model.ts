/** World 5's data: advertisers, ads, operators, sites and the labelled pairs between them. */

/** The four classified scripts rebuilt from their public templates, and the other kinds of page a crawl meets. */
export type Script =
  | 'hivepress'
  | 'directorist'
  | 'geodirectory'
  | 'classima'
  | 'gallery'
  | 'aggregator'
  | 'press'
  | 'forum'
  | 'vitrine'
  | 'annuaire';
export const AD_SCRIPTS = ['hivepress', 'directorist', 'geodirectory', 'classima'] as const;
export type AdScript = (typeof AD_SCRIPTS)[number];

export type Lang = 'fr' | 'en';

/** How a phone number is written on a page (contacts.ts). */
export type PhoneStyle = 'spaced' | 'dotted' | 'intl' | 'intl0' | 'split' | 'dashed' | 'compact' | 'masked';
/** How an e-mail address is written on a page. */
export type MailStyle = 'mailto' | 'at-words' | 'entities' | 'data-attrs';

export interface Advertiser {
  id: string;
  name: string;
  /** Ten digits, an ARCEP fiction number (06 39 98 xx xx). */
  phone: string;
  email: string | null;
  region: number;
}

/** An ad as a database row: its text is rendered from these fields (text.ts), in a language and a wording. */
export interface Ad {
  /** Stable across the sites that carry the same row. */
  id: string;
  /** For an ad an advertiser wrote again elsewhere (not a copied row): the ad it was written from. */
  origin: string | null;
  trade: number;
  service: number;
  town: string;
  price: number;
  years: number;
  radius: number;
  availability: number;
  extras: number[];
  closing: number;
  /** Which wording of the title and body (0 = the original; a rewording bumps it). */
  wording: number;
  advertiser: Advertiser;
  /** Photo ids (pictures are drawn from them, deterministically). */
  photos: string[];
  /** Day number of publication (days after 2024-01-01). */
  day: number;
}

export interface Trackers {
  ga: string | null;
  gtm: string | null;
  pixel: string | null;
  adsense: string | null;
}

export interface Operator {
  brand: string;
  phone: string;
  email: string;
  /** The company name in the legal notice. */
  company: string;
}

/** How one site hands its ad photos to a browser. */
export interface PhotoStyle {
  width: number;
  quality: number;
  /** Share of each side cut off (0 = none). */
  crop: number;
  /** Brightness factor (1 = unchanged). */
  brightness: number;
  /** A corner watermark of the site's domain. */
  watermark: boolean;
  /** Width of the listing thumbnails (0: the listing shows no pictures). */
  thumb: number;
}

export interface Presentation {
  lang: Lang;
  phone: PhoneStyle;
  mail: MailStyle;
  /** Class names renamed by a child theme: a prefix replaced by another (null = the script's own classes). */
  classPrefix: [string, string] | null;
  /** Ads per listing page. */
  perPage: number;
  /** Accent colour of the theme (inline CSS). */
  accent: string;
}

export interface Site {
  name: string;
  domain: string;
  script: Script;
  title: string;
  region: number;
  operator: Operator | null;
  trackers: Trackers;
  ads: Ad[];
  photo: PhotoStyle;
  look: Presentation;
  /** The path of the logo the operator uploaded (null: the theme's text title only). */
  logo: string | null;
  /** For pages quoting ads of other sites (aggregator, press, forum): ad id → the domain it was seen on. */
  sources?: Record<string, string>;
  /** For a mirror: the site whose rendered pages are proxied, and the share of its pages the mirror caches. */
  mirrorOf?: { site: string; share: number };
  /** Free text the page kind needs (a press article's subject, a forum's topic). */
  subject?: string;
}

export type PairGroup = 'clone' | 'hard' | 'unrelated';

export interface World5Pair {
  reference: string;
  candidate: string;
  kind: string;
  group: PairGroup;
  expectClone: boolean;
  referenceScript: Script;
}

export interface World5 {
  seed: string;
  sites: Site[];
  pairs: World5Pair[];
}
