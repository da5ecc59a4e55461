/**
 * World 6's data model: people (operators, advertisers), their ads, the sites that show them and the labelled pairs.
 * Plain data: building (factory.ts, recipes.ts, world.ts) fills it, rendering (render.ts) only reads it.
 */

export type Script = 'wpadverts' | 'awpcp' | 'adforest';
export type OtherKind = 'aggregator' | 'press' | 'forum' | 'directory' | 'own-site';
export type Lang = 'fr' | 'en';

/** Analytics and advertising ids an operator pastes into every page (fiction values). */
export interface TagIds {
  ga4?: string;
  gtm?: string;
  pixel?: string;
  adsense?: string;
}

export interface Operator {
  brand: string;
  company: string;
  address: string;
  phone: string;
  email: string;
  tags: TagIds;
  /** The footer of every page shows the operator's phone and e-mail (otherwise only the contact and legal pages). */
  footerContact: boolean;
}

export interface Advertiser {
  id: string;
  first: string;
  last: string;
  region: string;
  town: string;
  /** National-format digits, e.g. 0639981234. */
  phone: string;
  email: string | null;
  /** Photo ids the advertiser takes their ad pictures from (their home, their goods). */
  library: string[];
  trades: string[];
}

/** One sentence of an ad body, in both languages so a copy can be translated. */
export type Sentence = readonly [fr: string, en: string];

export interface Ad {
  /** Which ad this is a copy of: the same key on two sites means one ad written once. */
  key: string;
  trade: string;
  advertiser: string;
  title: Sentence;
  body: Sentence[];
  price: number;
  town: string;
  phone: string;
  email: string | null;
  photos: string[];
  /** Days before the world's date the ad was posted (listings show newest first). */
  age: number;
}

/** How a site serves its pictures (photos.ts draws every served copy from one master). */
export interface PhotoStyle {
  width: number;
  thumb: number;
  /** Fraction cut off each side (0 … 0.06). */
  crop: number;
  quality: number;
  watermark: boolean;
  /** Brightness factor (0.9 … 1.1). */
  light: number;
}

export interface Site {
  name: string;
  role: 'reference' | 'clone' | 'hard' | 'noise';
  /** A board's script; null for non-board pages (press, forum…). */
  script: Script | null;
  other: OtherKind | null;
  region: string;
  operator: Operator | null;
  ads: Ad[];
  lang: Lang;
  perPage: number;
  /** Class names of the markup replaced by the operator's own (a restart hiding its script). */
  classSalt: string | null;
  /** How phones and e-mails are written on this site (contacts.ts styles, picked per ad from this list). */
  phoneStyles: number[];
  emailStyles: number[];
  photo: PhotoStyle;
  /** Ad text shown on listing pages: the first words of the body (0 = title, price and town only). */
  excerptWords: number;
  /** For press, forum, directory and aggregator pages: the boards they speak about. */
  about: string[];
  seedLabel: string;
}

export interface Pair {
  seed: string;
  reference: string;
  candidate: string;
  kind: string;
  group: 'clone' | 'hard' | 'unrelated';
  expectClone: boolean;
  referenceScript: string;
}

export interface World6 {
  seed: string;
  sites: Site[];
  advertisers: Map<string, Advertiser>;
  pairs: Pair[];
}

/** A rendered page with the pictures it shows (photo id and served width) so the pipeline hashes what a crawl sees. */
export interface RenderedPage {
  url: string;
  html: string;
  photos: { url: string; id: string; width: number; thumb: boolean }[];
}
