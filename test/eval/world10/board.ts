/**
 * What a classified board of world 10 is made of, before any markup: its operator (company, number, e-mail, postal
 * address, trackers), its advertisers (each with their own number in their own habit), its ads, and how its script
 * install is set up (page size, picture sizes, upload folder). Recipes and decoys copy and change these.
 */
import { HOSTS, LEGAL_FORMS, MAIL_PROVIDERS, personName, type Region, slugify, streetAddress } from './lexicon.ts';
import { TRADE_KEYS, type TradeKey } from './lexicon-trades.ts';
import { formatPhone, PHONE_STYLES, type PhoneBook, type PhoneStyle } from './phones.ts';
import { makeVoice, type Voice, writeAd } from './prose.ts';
import type { Rng } from './rng.ts';

export type ScriptKey = 'adslight' | 'acadp' | 'laravel';
export const SCRIPTS: ScriptKey[] = ['adslight', 'acadp', 'laravel'];

export interface Trackers {
  ga4?: string;
  gtm?: string;
  adsense?: string;
  pixel?: string;
}

export interface Operator {
  company: string;
  legalForm: string;
  capital: number;
  rcs: string;
  director: string;
  phone: string;
  phoneStyle: PhoneStyle;
  email: string;
  address: { street: string; postcode: string; town: string };
  host: (typeof HOSTS)[number];
  /** Picks the wording of the legal page and of the contact page. */
  wording: string;
}

export interface Advertiser {
  key: string;
  name: string;
  trade: TradeKey;
  town: string;
  phone: string;
  phoneStyle: PhoneStyle;
  email: string | null;
  voice: Voice;
  /** Some advertisers illustrate with stock pictures found online. */
  stock: boolean;
}

export interface AdPhoto {
  pic: string;
  /** A fixed rendition (bytes copied from another site); absent: the site's own processing of the original. */
  style?: string;
  /** A fixed file name (an upload folder copied as is); absent: named by the site's upload salt. */
  file?: string;
}

export interface Ad {
  /** The offer's identity across sites (never shown). */
  key: string;
  advertiser: Advertiser;
  trade: TradeKey;
  title: string;
  sentences: string[];
  /** Closing with `{phone}`, or null when the text gives no number. */
  closing: string | null;
  /** The number as the text shows it (null: none, the closing is then dropped). */
  phoneText: string | null;
  /** The number in the script's contact field, null when hidden; `masked` when only a prefix shows. */
  phoneField: string | null;
  phoneDigits: string | null;
  masked: boolean;
  email: string | null;
  sign: string | null;
  price: string;
  town: string;
  date: string;
  photos: AdPhoto[];
  id: number;
  slug: string;
}

export interface Settings {
  perPage: number;
  excerptWords: number;
  view: 'list' | 'grid';
  /** Rendition of photos on ad pages, and of thumbnails on listings (photos.ts style keys). */
  photo: string;
  thumb: string;
  palette: string;
  /** Class and id names rewritten with this salt (an obfuscated theme); null for the script's own names. */
  classSalt: string | null;
  minify: boolean;
  uploadSalt: string;
  uploadFolder: string;
  welcome: string;
  /** Shows the operator's number in every footer. */
  footerPhone: boolean;
}

export interface Board {
  key: string;
  region: Region;
  brand: string;
  domain: string;
  script: ScriptKey;
  operator: Operator;
  trackers: Trackers;
  categories: TradeKey[];
  ads: Ad[];
  settings: Settings;
  /** The day the site is seen (a reference: the day it was taken down). */
  asOf: string;
}

export const DEFAULT_WELCOME: Record<ScriptKey, string> = {
  adslight: 'Bienvenue sur notre site de petites annonces. Consultez les annonces par catégorie ou déposez la vôtre.',
  acadp: 'Trouvez un professionnel près de chez vous parmi nos annonces de services.',
  laravel: 'Achetez, vendez et trouvez des services près de chez vous, en quelques clics.',
};

const DAY = 86_400_000;
export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * DAY).toISOString().slice(0, 10);
}

export function makeOperator(rng: Rng, region: Region, book: PhoneBook, company: string): Operator {
  const director = personName(rng);
  const rcsDigits = Array.from({ length: 9 }, () => rng.int(1, 9)).join('');
  return {
    company,
    legalForm: rng.pick(LEGAL_FORMS),
    capital: rng.pick([1000, 1500, 2000, 5000, 7500, 10000]),
    rcs: `${rng.pick(region.towns)[0]} ${rcsDigits.replace(/(\d{3})(?=\d)/g, '$1 ')}`,
    director: `${director.first} ${director.last}`,
    phone: book.landline(),
    phoneStyle: rng.pick(['spaced', 'dotted', 'intl'] as PhoneStyle[]),
    email: `${rng.pick(['contact', 'admin', 'annonces', 'bonjour', 'service'])}.${slugify(company)}@${rng.pick(MAIL_PROVIDERS)}`,
    address: streetAddress(rng, region),
    host: rng.pick(HOSTS),
    wording: rng.token(8),
  };
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function makeTrackers(rng: Rng): Trackers {
  const t: Trackers = {};
  if (rng.chance(0.8)) t.ga4 = `G-ZZ${rng.token(8, ALNUM)}`;
  if (rng.chance(0.35)) t.gtm = `GTM-ZZ${rng.token(5, ALNUM)}`;
  if (rng.chance(0.5)) t.adsense = `ca-pub-0000${rng.token(12, '0123456789')}`;
  if (rng.chance(0.3)) t.pixel = `99990000${rng.token(7, '0123456789')}`;
  return t;
}

const TRADING_NAME: Record<TradeKey, string> = {
  vitres: 'Vitres',
  repassage: 'Repassage',
  animaux: 'Pattes et Moustaches',
  compagnie: 'Présence',
  ramonage: 'Ramonage',
  serrurerie: 'Serrurerie',
  piano: 'Pianos',
  carrelage: 'Carrelages',
  toiture: 'Toitures',
  velo: 'Cycles',
};

export function makeAdvertiser(rng: Rng, key: string, region: Region, trade: TradeKey, book: PhoneBook): Advertiser {
  const person = personName(rng);
  const trading = rng.chance(0.3);
  const name = trading
    ? `${TRADING_NAME[trade]} ${person.last}`
    : rng.pick([`${person.first} ${person.last[0]}.`, `${person.first} ${person.last}`, person.first]);
  const mobile = rng.chance(0.82);
  return {
    key,
    name,
    trade,
    town: rng.pick(region.towns)[0],
    phone: mobile ? book.mobile() : book.landline(),
    phoneStyle: rng.pick(PHONE_STYLES),
    email: rng.chance(0.3) ? `${slugify(`${person.first}.${person.last}`)}@${rng.pick(MAIL_PROVIDERS)}` : null,
    voice: makeVoice(rng.fork('voice'), trade),
    stock: rng.chance(0.2),
  };
}

/** The pictures of one new ad: the advertiser's own shots, now and then a stock picture. */
function shoot(rng: Rng, adv: Advertiser, index: number): AdPhoto[] {
  const n = rng.weighted([
    [0, 20],
    [1, 40],
    [2, 28],
    [3, 12],
  ] as const);
  const out: AdPhoto[] = [];
  for (let i = 0; i < n; i++) {
    if (adv.stock && i === 0 && rng.chance(0.7)) out.push({ pic: `s/${adv.trade}/${rng.int(0, 4)}` });
    else out.push({ pic: `p/${adv.trade}/${adv.key}/${index}-${i}` });
  }
  return out;
}

/** A fresh ad of an advertiser, contact shown plainly in their own habit. */
export function makeAd(rng: Rng, adv: Advertiser, index: number, date: string): Ad {
  const signature = adv.name.split(' ')[0];
  const text = writeAd(rng, adv.voice, adv.trade, adv.town, signature, index);
  const written = formatPhone(adv.phone, adv.phoneStyle);
  return {
    key: `${adv.key}#${index}`,
    advertiser: adv,
    trade: adv.trade,
    title: text.title,
    sentences: text.sentences,
    closing: text.closing,
    phoneText: text.closing ? written : null,
    phoneField: rng.chance(0.85) ? written : null,
    phoneDigits: adv.phone,
    masked: false,
    email: adv.email && rng.chance(0.6) ? adv.email : null,
    sign: text.sign,
    price: text.price,
    town: adv.town,
    date,
    photos: shoot(rng.fork('photos'), adv, index),
    id: 0,
    slug: '',
  };
}

/** Ids and slugs in date order, as a script assigns them on insert. */
export function numberAds(rng: Rng, ads: Ad[]): Ad[] {
  const sorted = [...ads].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let id = rng.int(40, 900);
  const seen = new Set<string>();
  return sorted.map((ad) => {
    id += rng.int(1, 4);
    let slug = slugify(ad.title).slice(0, 60);
    for (let k = 2; seen.has(slug); k++) slug = `${slugify(ad.title).slice(0, 60)}-${k}`;
    seen.add(slug);
    return { ...ad, id, slug };
  });
}

export interface FreshAds {
  advertisers: Advertiser[];
  ads: Ad[];
}

/** New advertisers and their ads in a region, dated in [from, to]. */
export function freshAds(
  rng: Rng,
  prefix: string,
  region: Region,
  trades: TradeKey[],
  advertisers: number,
  ads: number,
  book: PhoneBook,
  from: string,
  to: string,
): FreshAds {
  const span = Math.max(1, Math.round((Date.parse(to) - Date.parse(from)) / DAY));
  const people = Array.from({ length: advertisers }, (_, i) =>
    makeAdvertiser(rng.fork('adv', String(i)), `${prefix}-v${i}`, region, rng.pick(trades), book),
  );
  const out: Ad[] = [];
  const perPerson = new Map<string, number>();
  for (let i = 0; i < ads; i++) {
    const adv = i < people.length ? people[i] : rng.pick(people);
    const k = perPerson.get(adv.key) ?? 0;
    perPerson.set(adv.key, k + 1);
    out.push(makeAd(rng.fork('ad', String(i)), adv, k, addDays(from, rng.int(0, span))));
  }
  return { advertisers: people, ads: out };
}

export function scriptSettings(rng: Rng, script: ScriptKey, welcome: string): Settings {
  const q = rng.int(68, 88);
  const settings: Settings = {
    perPage: script === 'laravel' ? rng.pick([9, 12]) : rng.pick([8, 10, 12]),
    excerptWords: rng.pick([18, 22, 26, 30]),
    view: rng.chance(0.75) ? 'list' : 'grid',
    photo: '',
    thumb: '',
    palette: `#${rng.token(6, '0123456789abcdef')}`,
    classSalt: null,
    minify: false,
    uploadSalt: rng.token(10),
    uploadFolder: `20${rng.int(22, 24)}/${String(rng.int(1, 12)).padStart(2, '0')}`,
    welcome,
    footerPhone: rng.chance(0.6),
  };
  if (script === 'adslight') {
    settings.photo = `w${rng.pick([180, 200, 240])}.q${q}.jpg`;
    settings.thumb = settings.photo;
  } else if (script === 'acadp') {
    settings.photo = `w${rng.pick([480, 560, 640])}.q${q}.jpg`;
    settings.thumb = `w300.q${q}.jpg`;
  } else {
    settings.photo = `w${rng.pick([420, 480, 540])}.q${q}.${rng.pick(['jpg', 'webp'])}`;
    settings.thumb = settings.photo;
  }
  return settings;
}

export function customWelcome(rng: Rng, brand: string, region: Region): string {
  return rng.pick([
    `${brand} met en relation les particuliers et les artisans de ${region.name}.`,
    `Petites annonces de services à domicile en ${region.name} : trouvez la bonne personne près de chez vous.`,
    `Sur ${brand}, des indépendants de ${region.name} proposent leurs services. Déposez votre annonce gratuitement.`,
    `Le site d’annonces des services à la maison en ${region.name}, depuis 20${rng.int(12, 21)}.`,
  ]);
}

/** The advertisers of a board's ads, each once, in order of first ad. */
export function advertisersOf(ads: Ad[]): Advertiser[] {
  const seen = new Map<string, Advertiser>();
  for (const ad of ads) if (!seen.has(ad.advertiser.key)) seen.set(ad.advertiser.key, ad.advertiser);
  return [...seen.values()];
}

/** Trades a board of a region covers. */
export function pickTrades(rng: Rng): TradeKey[] {
  return rng.sample(TRADE_KEYS, rng.int(4, 6));
}
