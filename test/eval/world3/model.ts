/** World 3's data model: advertisers, ads, operators, trackers, sites and labelled pairs. */
import type { EmailStyle, PhoneStyle } from './contacts.ts';

export interface Advertiser {
  id: string;
  name: string;
  phone: string;
  email: string | null;
}

export interface Ad {
  /** Stable across copies: a copied or reworded ad keeps the id of the ad it comes from. */
  id: string;
  trade: string;
  title: string;
  body: string;
  town: string;
  price: number | null;
  advertiser: Advertiser;
  photos: string[];
  posted: string;
}

export interface Operator {
  brand: string;
  phone: string;
  email: string;
  telegram: string | null;
}

export interface Trackers {
  ga4?: string;
  gtm?: string;
  adsense?: string;
  matomo?: string;
  fbPixel?: string;
}

/** Real software whose public markup a theme follows (see README, provenance). */
export type ThemeId =
  | 'osclass-sigma'
  | 'dj-classifieds'
  | 'adsmanager'
  | 'drupal-views'
  | 'phpbb'
  | 'press'
  | 'aggregator'
  | 'gallery';
export const CLASSIFIED_THEMES: ThemeId[] = ['osclass-sigma', 'dj-classifieds', 'adsmanager', 'drupal-views'];

export interface Site {
  name: string;
  domain: string;
  theme: ThemeId;
  /** Small per-site variations an operator makes to a theme: menu labels, colours, ads per page. */
  skin: number;
  /** Database ids: a restart on the old database keeps the salt, so ads keep their ids in URLs. */
  dbSalt: string;
  title: string;
  ads: Ad[];
  operator: Operator | null;
  trackers: Trackers;
  phoneStyles: PhoneStyle[];
  emailStyle: EmailStyle;
  detailPages: boolean;
  perPage: number;
  lang: 'fr' | 'en';
  /** Press article / forum thread text around the quoted ads, and the sites it names. */
  story?: { headline: string; paragraphs: string[] };
  /** Aggregators: the domain each ad is credited to. */
  credits?: Record<string, string>;
}

export type PairGroup = 'clone' | 'hard' | 'unrelated';

export interface World3Pair {
  reference: string;
  candidate: string;
  kind: string;
  group: PairGroup;
  expectClone: boolean;
  referenceTheme: ThemeId;
}

export interface World3 {
  seed: string;
  sites: Site[];
  pairs: World3Pair[];
}
