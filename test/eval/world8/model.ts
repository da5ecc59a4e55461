/**
 * World 8's data model: second-hand sports and outdoor gear boards (France and Belgium), their advertisers, ads,
 * operators, how each site shows phones and processes pictures, and the labelled pairs.
 */

export type Script = 'dcf' | 'bdp' | 'wpjm';
export type OtherKind = 'press' | 'forum' | 'aggregator' | 'directory' | 'shop';
export type Lang = 'fr' | 'nl' | 'en';

/** How a site writes a phone number on its pages. */
export type PhoneStyle =
  | 'spaced'
  | 'dots'
  | 'compact'
  | 'intl'
  | 'dashes'
  | 'split-spans'
  | 'words'
  | 'entities'
  | 'reveal';

/** What the operator's side of a site carries: contacts, trackers, legal identity. */
export interface Operator {
  email: string;
  phone: string;
  street: string;
  postcode: string;
  town: string;
  company: string;
  analytics: string | null;
  tagManager: string | null;
  adClient: string | null;
}

export interface Advertiser {
  id: string;
  nick: string;
  phone: string;
  email: string | null;
  town: string;
  pro: boolean;
}

/** The facts an ad's text is written from: a reworded or translated ad keeps its facts and changes its wording. */
export interface AdFacts {
  category: number;
  item: number;
  brand: string;
  condition: number;
  size: string;
  reason: number;
  handover: number;
  extra: number;
}

export interface Ad {
  id: string;
  facts: AdFacts;
  price: number;
  town: string;
  advertiser: string;
  /** Ids of the ad's original pictures (one original each; every site processes it its own way). */
  photos: string[];
  /** Days before the snapshot the ad was posted. */
  age: number;
  /** Wording variant (0 = the words it was first posted with). */
  wording: number;
  /** Whether the advertiser wrote the phone into the text as well. */
  phoneInText: boolean;
}

/** How a site processes the pictures it serves. */
export interface PhotoStyle {
  key: string;
  width: number;
  thumbWidth: number;
  /** Fractions cut from each side (left, top, right, bottom) before resizing. */
  crop: [number, number, number, number];
  quality: number;
  format: 'jpeg' | 'webp' | 'png';
  stamp: string | null;
  /** Gamma/brightness change a site's pipeline applies. */
  tone: number;
}

export interface Site {
  name: string;
  title: string;
  script: Script | OtherKind;
  lang: Lang;
  operator: Operator;
  ads: Ad[];
  phoneStyle: PhoneStyle;
  photo: PhotoStyle;
  /** CSS class renaming applied to the rendered markup (none: the script's own classes). */
  classSalt: string | null;
  /** Ads per listing page. */
  perPage: number;
  /** A gallery shows pictures with a price and no description. */
  gallery: boolean;
  /** Legal notice and contact pages. */
  legal: boolean;
  /** Text a non-board site writes about boards (press, forum, directory), already composed. */
  about?: { boards: { name: string; title: string; quotes: string[]; phones: string[] }[] };
  /** Where an aggregator found each ad (ad id → board name). */
  sources?: Record<string, string>;
  /** The board's house rules (paragraphs, `{site}` stands for its name); restarts often keep the old ones. */
  rules: string[];
  /** Tagline shown in the header. */
  tagline: string;
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

export interface World8 {
  seed: string;
  sites: Site[];
  advertisers: Map<string, Advertiser>;
  pairs: Pair[];
}

/** A rendered page with the pictures it shows, so the pipeline hashes what a crawl sees. */
export interface RenderedPage {
  url: string;
  html: string;
  photos: { url: string; id: string; thumb: boolean }[];
}
