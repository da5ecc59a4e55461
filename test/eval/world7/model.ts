/**
 * World 7's data model: advertisers, ads, sites (boards and the other kinds of pages a monitor meets), the photo
 * pipelines sites serve pictures through, and the labelled pairs. `Pair` and `RenderedPage` keep the shape the
 * evaluation harness reads from every world.
 */
import type { Country, Region } from './regions.ts';
import type { SceneKind } from './trades.ts';

/** The three classified-ad scripts world 7 rebuilds (README: provenance). */
export type ScriptId = 'symfony-classifieds' | 'dclassifieds' | 'sharetribe';

/** Sites that are not boards: the hard negatives' own kinds of pages. */
export type PageKind = 'board' | 'aggregator' | 'press' | 'forum' | 'directory' | 'vitrine' | 'blog';

export interface Advertiser {
  key: string;
  name: string;
  /** Business name for professionals, absent for private sellers. */
  business?: string;
  /** E.164 numbers, first one the main. */
  phones: string[];
  email?: string;
  town: string;
  postcode: string;
  trade: SceneKind;
}

export interface Ad {
  /** Stable identity of the ad across copies (a copy keeps it; a new ad gets a new one). */
  key: string;
  /** Id the site shows in its URLs (an import renumbers). */
  localId: number;
  advertiser: string;
  /** Name the ad is signed with. */
  seller: string;
  /** Numbers the ad shows (usually the advertiser's; a restart may change some). */
  phones: string[];
  /** The same numbers as typed into the ad's phone field (stored text, printed as is by the scripts). */
  shown: string[];
  email?: string;
  trade: SceneKind;
  lang: 'fr' | 'en';
  title: string;
  body: string[];
  /** Price in the board's currency, null when "sur devis" / free. */
  price: number | null;
  unit: string;
  town: string;
  postcode: string;
  /** Day the ad was posted, ISO yyyy-mm-dd. */
  date: string;
  /** Photo ids (photos.ts renders each deterministically from its id). */
  photos: string[];
  views: number;
  /** Board an aggregator, article or forum post quotes the ad from. */
  source?: string;
}

export interface Operator {
  name: string;
  company?: string;
  email: string;
  phone: string;
  address: string;
  host: string;
}

export interface Trackers {
  ga4?: string;
  ua?: string;
  gtm?: string;
  matomo?: { url: string; site: number };
  pixel?: string;
  adsense?: string;
}

/** How a site serves an ad photo: one or more processing steps applied to the original, in order. */
export interface PhotoStep {
  /** Longest side of the served full picture (never enlarged past the original). */
  full: number;
  /** Width of list thumbnails; `thumbRatio` crops them (e.g. 1.5 for 3:2). */
  thumb: number;
  thumbRatio?: number;
  quality: number;
  format: 'jpeg' | 'webp';
  /** Fraction of each side trimmed (an operator's crop of borders). */
  trim?: number;
  /** Brand stamped on the picture. */
  stamp?: { text: string; corner: 'br' | 'bl' | 'tr' | 'center'; opacity: number };
}

export interface PhotoStyle {
  /** Identity of the processed files: sites with the same key serve byte-identical copies. */
  key: string;
  steps: PhotoStep[];
}

/** Class-name rewrite of a theme (identity for the stock theme). */
export interface Theme {
  id: string;
  /** Prefix or hashed renaming applied to every class token; absent = stock. */
  rename?: { kind: 'prefix'; prefix: string } | { kind: 'hash'; salt: string };
  accent: string;
  /** Optional stock-theme variant (e.g. a Bootstrap skin) changing some wrappers. */
  variant: number;
}

export interface Site {
  name: string;
  role: 'reference' | 'clone' | 'hard' | 'unrelated';
  kind: PageKind;
  script?: ScriptId;
  theme: Theme;
  brand: string;
  tagline: string;
  lang: 'fr' | 'en';
  region: Region;
  country: Country;
  operator: Operator;
  trackers: Trackers;
  /** Ads in listing order (newest first for boards). */
  ads: Ad[];
  photo: PhotoStyle;
  /** Ads per listing page. */
  perPage: number;
  /** Phone writing habits: 0 = plain, 1 = mixed, 2 = obfuscating. */
  phoneHabit: 0 | 1 | 2;
  /** A mirror's banner, a press article's subject, a forum's topic… (free text per kind). */
  notes: Record<string, string>;
  /** Sites this one talks about or quotes (aggregators, press, forums). */
  quotes: string[];
  /** Advertisers a directory or vitrine lists. */
  listed: Advertiser[];
  /** Date of the site's last update (footer year, legal notice). */
  year: number;
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

export interface World7 {
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
