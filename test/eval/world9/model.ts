/**
 * World 9's data: advertisers, ads, operators and boards; fiction phone numbers (ARCEP ranges 06 39 98 xx xx and
 * 01 99 00 xx xx only) and the many ways boards write them.
 */
import { Dice } from './rng.ts';
import { adText, businessName, personName, TOWNS, TRADES, type Trade } from './vocab.ts';

export const SCRIPTS = ['jobberbase', 'zikula-classifieds', 'betterclassifieds'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

export interface Advertiser {
  key: string;
  name: string;
  /** National form, 10 digits, always in a fiction range. */
  phone: string;
  email?: string;
  town: string;
  trades: Trade[];
  pro: boolean;
  /** How this advertiser writes the number (index into PHONE_STYLES). */
  phoneStyle: number;
}

export interface Ad {
  /** Stable key of the ad across every site showing it (the original's). */
  key: string;
  id: number;
  slug: string;
  advertiser: Advertiser;
  trade: Trade;
  title: string;
  sentences: string[];
  price: string;
  town: string;
  date: string;
  /** Picture ids (the photograph, before a site serves it its own way). */
  photos: string[];
  phoneInText: boolean;
}

export interface Operator {
  company: string;
  email: string;
  phone: string;
  address: string;
}

export interface Trackers {
  ga?: string;
  gtm?: string;
  adsense?: string;
}

export interface Board {
  name: string;
  domain: string;
  title: string;
  script: ScriptName;
  operator: Operator;
  trackers: Trackers;
  trades: Trade[];
  ads: Ad[];
}

/** Numbers handed out once per seed, never twice. */
export class PhoneBook {
  private mobiles: string[];
  private lines: string[];
  constructor(seed: string) {
    const d = Dice.of(seed, 'phones');
    const all = Array.from({ length: 10000 }, (_, i) => String(i).padStart(4, '0'));
    this.mobiles = d.shuffle(all).map((s) => `063998${s}`);
    this.lines = d.shuffle(all).map((s) => `019900${s}`);
  }
  mobile(): string {
    const n = this.mobiles.pop();
    if (!n) throw new Error('out of fiction mobile numbers');
    return n;
  }
  landline(): string {
    const n = this.lines.pop();
    if (!n) throw new Error('out of fiction landline numbers');
    return n;
  }
}

/** Unique names and domains within a seed. */
export class Registry {
  private used = new Set<string>();
  constructor(private readonly d: Dice) {}
  domain(stem: string): string {
    for (let i = 0; ; i++) {
      const tld = this.d.chance(0.6) ? 'test' : 'example';
      const name = `${stem}${i === 0 ? '' : `-${this.d.int(2, 99)}`}.${tld}`;
      if (!this.used.has(name)) {
        this.used.add(name);
        return name;
      }
    }
  }
}

const pairs = (n: string) => [n.slice(0, 2), n.slice(2, 4), n.slice(4, 6), n.slice(6, 8), n.slice(8, 10)];

export const PHONE_STYLES: ((n: string) => string)[] = [
  (n) => pairs(n).join(' '),
  (n) => pairs(n).join('.'),
  (n) => n,
  (n) => `+33 ${n[1]} ${pairs(n).slice(1).join(' ')}`,
  (n) => `+33 (0)${n[1]} ${pairs(n).slice(1).join(' ')}`,
  (n) => pairs(n).join('-'),
  (n) => `+33${n.slice(1)}`,
];

export const e164 = (n: string) => `+33${n.slice(1)}`;

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

export function frenchNumber(v: number): string {
  if (v < 17) return UNITS[v];
  if (v < 20) return `dix-${UNITS[v - 10]}`;
  if (v < 70) {
    const t = Math.floor(v / 10);
    const u = v % 10;
    return u === 0 ? TENS[t] : u === 1 ? `${TENS[t]} et un` : `${TENS[t]}-${UNITS[u]}`;
  }
  if (v < 80) return v === 71 ? 'soixante et onze' : `soixante-${frenchNumber(v - 60)}`;
  if (v === 80) return 'quatre-vingts';
  return `quatre-vingt-${frenchNumber(v - 80)}`;
}

/** How a restarted board hides numbers from scrapers (the text a visitor still reads as the number). */
export function obfuscatedPhone(n: string, variant: number): string {
  const p = pairs(n);
  switch (variant % 3) {
    case 0:
      return `O${n[1]} ${p.slice(1).join(' ')}`;
    case 1:
      return p.join(' - ');
    default:
      return p.map((x) => frenchNumber(Number(x))).join(' ');
  }
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export { slugify };

export function makeAdvertisers(
  d: Dice,
  prefix: string,
  count: number,
  trades: Trade[],
  phones: PhoneBook,
): Advertiser[] {
  return Array.from({ length: count }, (_, i) => {
    const pro = d.chance(0.3);
    const name = pro ? businessName(d) : personName(d);
    return {
      key: `${prefix}-adv${i}`,
      name,
      phone: d.chance(0.85) ? phones.mobile() : phones.landline(),
      email: d.chance(0.35) ? `${slugify(name).replace(/-/g, '.')}${d.int(1, 99)}@courriel.example` : undefined,
      town: d.pick(TOWNS),
      trades: d.sample(trades, d.int(1, 2)),
      pro,
      phoneStyle: d.int(0, PHONE_STYLES.length - 1),
    };
  });
}

export interface PictureCounter {
  next(): string;
}

/** Photo counts drawn per ad; sites that are not the world's subject carry fewer (keeps the pipeline's hashing short). */
export const FULL_PHOTOS = [0, 1, 1, 2, 2, 3];
export const FEW_PHOTOS = [0, 0, 0, 1, 1, 2];

export function makeAds(
  d: Dice,
  prefix: string,
  count: number,
  advertisers: Advertiser[],
  pics: PictureCounter,
  idBase: number,
  photoChoices: number[] = FULL_PHOTOS,
): Ad[] {
  let id = idBase;
  return Array.from({ length: count }, (_, i) => {
    id += d.int(1, 3);
    const advertiser = i < advertisers.length ? advertisers[i] : d.pick(advertisers);
    const trade = d.pick(advertiser.trades);
    const town = d.chance(0.75) ? advertiser.town : d.pick(TOWNS);
    const text = adText(d, trade, town);
    const nPhotos = d.pick(photoChoices);
    return {
      key: `${prefix}-ad${i}`,
      id,
      slug: slugify(text.title),
      advertiser,
      trade,
      title: text.title,
      sentences: text.sentences,
      price: text.price,
      town,
      date: `2026-${String(d.int(1, 10)).padStart(2, '0')}-${String(d.int(1, 28)).padStart(2, '0')}`,
      photos: Array.from({ length: nPhotos }, () => pics.next()),
      phoneInText: d.chance(0.3),
    };
  });
}

const STEMS = [
  'coupdemain',
  'petitsboulots',
  'aidemaison',
  'servicesadomicile',
  'mainforte',
  'bricoloc',
  'jobsduquartier',
  'entraidemaison',
  'depannvoisins',
  'lesbonsbras',
  'allomaison',
  'tousservices',
];
const TITLES = [
  'Coup de Main',
  'Petits Boulots',
  'Aide Maison',
  'Services à Domicile',
  'Main Forte',
  'Brico Local',
  'Jobs du Quartier',
  'Entraide Maison',
  'Dépann\u2019 Voisins',
  'Les Bons Bras',
  'Allo Maison',
  'Tous Services',
];
const REGIONS = ['Rhône', 'Isère', 'Savoie', 'Loire', 'Ain', 'Drôme', 'Auvergne', 'Bourgogne', 'Alpes', 'Lyonnais'];

export function boardIdentity(d: Dice, reg: Registry): { title: string; domain: string; stem: string } {
  const k = d.int(0, STEMS.length - 1);
  const region = d.pick(REGIONS);
  const stem = `${STEMS[k]}-${slugify(region)}`;
  return { title: `${TITLES[k]} ${region}`, domain: reg.domain(stem), stem };
}

export function makeOperator(d: Dice, phones: PhoneBook, domain: string): Operator {
  const company = `${d.pick(['SAS', 'SARL', 'EURL'])} ${d.pick(['Annonces', 'Médias', 'Réseau', 'Web'])} ${d.pick(['Confluence', 'Fourvière', 'Belledonne', 'Vercors', 'Pilat', 'Bugey'])}`;
  return {
    company,
    email: `${d.pick(['contact', 'admin', 'support', 'moderation'])}@${domain}`,
    phone: d.chance(0.5) ? phones.landline() : phones.mobile(),
    address: `${d.int(1, 120)} ${d.pick(['rue', 'avenue', 'boulevard', 'chemin'])} ${d.pick(['des Lilas', 'Pasteur', 'de la Gare', 'du Stade', 'Victor-Hugo', 'des Écoles'])}, ${d.pick(TOWNS)}`,
  };
}

export function makeTrackers(d: Dice): Trackers {
  const t: Trackers = {};
  if (d.chance(0.6)) t.ga = `G-W9${d.hex(8).toUpperCase()}`;
  if (d.chance(0.3)) t.gtm = `GTM-W9${d.hex(5).toUpperCase()}`;
  if (d.chance(0.35)) t.adsense = `ca-pub-99${d.digits(14)}`;
  return t;
}

export function pickTrades(d: Dice): Trade[] {
  return d.sample(TRADES, d.int(5, 7));
}
