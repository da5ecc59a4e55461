/**
 * World 6's people and boards: a region's pool of advertisers (each with numbers, perhaps an e-mail, a photo library
 * per trade), operators (brand, company, numbers, tag ids) and reference boards drawing their advertisers from the
 * region's pool, so rival boards of a region share part of their advertisers as real ones do.
 */
import { NumberBook, personalEmail } from './contacts.ts';
import {
  BRAND_HEADS,
  BRAND_TAILS,
  COMPANY_FORMS,
  FIRST_NAMES,
  LAST_NAMES,
  type Region,
  STREETS,
  slugify,
} from './lexicon.ts';
import type { Ad, Advertiser, Operator, PhotoStyle, Script, Site } from './model.ts';
import type { Rng } from './rng.ts';
import { writeAd } from './text.ts';
import { TRADES, tradeOf } from './trades.ts';

export const SCRIPTS: Script[] = ['wpadverts', 'awpcp', 'adforest'];

export interface Factory {
  seed: string;
  rng: Rng;
  book: NumberBook;
  advertisers: Map<string, Advertiser>;
  domains: Set<string>;
  brands: Set<string>;
}

export function createFactory(seed: string, rng: Rng): Factory {
  return {
    seed,
    rng,
    book: new NumberBook(rng.fork('numbers')),
    advertisers: new Map(),
    domains: new Set(),
    brands: new Set(),
  };
}

/** A photo id names the scene it is drawn as, the person whose picture it is, and which picture. */
export function photoId(scene: string, owner: string, n: number): string {
  return `${scene}.${owner}.${n}`;
}

export function createAdvertiser(f: Factory, region: Region, n: number): Advertiser {
  const rng = f.rng.fork(`adv/${region.id}/${n}`);
  const first = rng.pick(FIRST_NAMES);
  const last = rng.pick(LAST_NAMES);
  const trades = rng.sample(
    TRADES.map((t) => t.id),
    rng.weighted([
      [1, 6],
      [2, 3],
    ]),
  );
  const id = `${f.seed}-${region.id}-a${n}`;
  const library = trades.flatMap((t) =>
    Array.from({ length: rng.int(3, 7) }, (_, i) => photoId(tradeOf(t).scene, `${id}-${t}`, i)),
  );
  const adv: Advertiser = {
    id,
    first,
    last,
    region: region.id,
    town: rng.pick(region.towns),
    phone: f.book.any(),
    email: rng.chance(0.5) ? personalEmail(rng, first, last) : null,
    library,
    trades,
  };
  f.advertisers.set(id, adv);
  return adv;
}

/** A domain not yet used in this world. */
export function freshDomain(f: Factory, base: string, tld: '.test' | '.example'): string {
  let name = `${slugify(base)}${tld}`;
  for (let i = 2; f.domains.has(name); i++) name = `${slugify(base)}-${i}${tld}`;
  f.domains.add(name);
  return name;
}

export function createOperator(f: Factory, rng: Rng, brand: string, domain: string, tags = true): Operator {
  const host = domain.replace(/\.(test|example)$/, '');
  return {
    brand,
    company: `${rng.pick(COMPANY_FORMS)} ${brand.split(' ')[0]} ${rng.pick(['Médias', 'Web', 'Diffusion', 'Numérique', 'Éditions'])}`,
    address: `${rng.int(2, 90)} ${rng.pick(STREETS)}`,
    phone: f.book.landline(),
    email: `${rng.pick(['contact', 'bonjour', 'moderation', 'info'])}@${host}.test`,
    tags: tags
      ? {
          ...(rng.chance(0.85) ? { ga4: `G-${rng.hex(10).toUpperCase()}` } : {}),
          ...(rng.chance(0.5) ? { gtm: `GTM-${rng.hex(7).toUpperCase()}` } : {}),
          ...(rng.chance(0.45) ? { pixel: rng.digits(15) } : {}),
          ...(rng.chance(0.6) ? { adsense: `ca-pub-${rng.digits(16)}` } : {}),
        }
      : {},
    footerContact: rng.chance(0.55),
  };
}

/** A board brand not yet used in this world (rivals of a region do not share a name). */
export function brandName(f: Factory, rng: Rng, region: Region): string {
  for (let tries = 0; ; tries++) {
    const brand = rng.chance(0.5)
      ? `${rng.pick(BRAND_HEADS)} ${rng.pick(BRAND_TAILS)}`
      : `${rng.pick(BRAND_HEADS)} ${region.name}`;
    if (!f.brands.has(brand) || tries > 20) {
      f.brands.add(brand);
      return brand;
    }
  }
}

export function photoStyle(rng: Rng): PhotoStyle {
  return {
    width: rng.pick([480, 560, 600, 640, 720]),
    thumb: rng.pick([160, 180, 200, 240]),
    crop: rng.chance(0.6) ? 0 : rng.range(0.005, 0.02),
    quality: rng.int(68, 90),
    watermark: rng.chance(0.3),
    light: rng.range(0.96, 1.04),
  };
}

/** One ad of an advertiser written for a board: its own text, the advertiser's number, photos from their library. */
export function boardAd(rng: Rng, adv: Advertiser, trade: string, key: string, region: Region): Ad {
  const t = tradeOf(trade);
  const town = rng.chance(0.7) ? adv.town : rng.pick(region.towns);
  const written = writeAd(rng, t, adv.first, town);
  const own = adv.library.filter((p) => p.includes(`-${trade}.`));
  return {
    key,
    trade,
    advertiser: adv.id,
    ...written,
    town,
    phone: adv.phone,
    email: adv.email && rng.chance(0.6) ? adv.email : null,
    photos: rng.sample(
      own,
      rng.weighted([
        [1, 6],
        [2, 3],
        [3, 1],
      ]),
    ),
    age: rng.int(1, 300),
  };
}

/** Ads of a board: each chosen advertiser posts one to four ads in their trades. */
export function boardAds(rng: Rng, advertisers: Advertiser[], region: Region, target: number, prefix: string): Ad[] {
  const ads: Ad[] = [];
  for (const adv of advertisers) {
    const count = rng.weighted([
      [1, 5],
      [2, 3],
      [3, 2],
      [4, 1],
    ]);
    for (let i = 0; i < count && ads.length < target; i++)
      ads.push(boardAd(rng, adv, rng.pick(adv.trades), `${prefix}:${adv.id}:${i}`, region));
    if (ads.length >= target) break;
  }
  return ads.sort((a, b) => a.age - b.age);
}

export function boardSite(
  rng: Rng,
  partial: Pick<Site, 'name' | 'role' | 'region' | 'operator' | 'ads'> & Partial<Site>,
): Site {
  return {
    script: rng.pick(SCRIPTS),
    other: null,
    lang: 'fr',
    perPage: rng.int(8, 14),
    classSalt: null,
    phoneStyles: rng.sample([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9], rng.int(2, 3)),
    emailStyles: rng.sample([0, 1, 2, 3, 4, 5], rng.int(1, 2)),
    photo: photoStyle(rng),
    excerptWords: rng.pick([0, 14, 20, 28]),
    about: [],
    seedLabel: rng.label,
    ...partial,
  };
}
