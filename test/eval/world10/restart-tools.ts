/**
 * The moves an operator makes when a board comes back, as operations on a board's data: a later date, a new brand and
 * domain, a new or kept identity, a new script install or the old uploads folder restored, ads kept or dropped, ads
 * re-entered under new ids, photos re-processed, scraped or copied byte for byte, advertisers' numbers relayed or
 * disguised, fresh ads from new advertisers. Recipes (restarts.ts) and decoys (decoys.ts) compose them.
 */
import {
  type Ad,
  type AdPhoto,
  addDays,
  advertisersOf,
  type Board,
  customWelcome,
  freshAds,
  makeOperator,
  makeTrackers,
  numberAds,
  type Operator,
  SCRIPTS,
  type ScriptKey,
  type Settings,
  scriptSettings,
} from './board.ts';
import type { Domains } from './boards.ts';
import { brandName, companyName } from './lexicon.ts';
import { type Disguise, disguisePhone, formatPhone, maskPhone, type PhoneBook } from './phones.ts';
import { reword, rewordTitle } from './prose.ts';
import type { Rng } from './rng.ts';
import { photoFile } from './templates/common.ts';

export interface Ctx {
  book: PhoneBook;
  domains: Domains;
}

export function otherScript(rng: Rng, s: ScriptKey): ScriptKey {
  return rng.pick(SCRIPTS.filter((x) => x !== s));
}

/** The brand a restart shows: the same, a variant of it, or a new one. */
export function restartBrand(rng: Rng, ref: Board, mode: 'same' | 'variant' | 'new'): string {
  if (mode === 'same') return ref.brand;
  if (mode === 'variant')
    return rng.pick([`${ref.brand} 2`, `Nouveau ${ref.brand}`, `${ref.brand} – le retour`, `${ref.brand} Plus`]);
  return brandName(rng, ref.region);
}

export function claimDomain(ctx: Ctx, rng: Rng, brand: string): string {
  return ctx.domains.claim(rng.chance(0.3) ? `${brand} annonces` : brand, rng.chance(0.5) ? '.test' : '.example');
}

/** A new operator identity; `keep` carries over the old number and/or e-mail (the same person behind it). */
export function newOperator(ctx: Ctx, rng: Rng, ref: Board, keep: { phone?: boolean; email?: boolean } = {}): Operator {
  const op = makeOperator(rng, ref.region, ctx.book, companyName(rng));
  if (keep.phone) Object.assign(op, { phone: ref.operator.phone, phoneStyle: ref.operator.phoneStyle });
  if (keep.email) op.email = ref.operator.email;
  return op;
}

/** A fresh install of a script: its own picture sizes, upload folder and theme colour. */
export function newInstall(rng: Rng, script: ScriptKey, ref: Board, brand: string): Settings {
  return scriptSettings(rng, script, customWelcome(rng.fork('welcome'), brand, ref.region));
}

export function newTrackers(rng: Rng): Board['trackers'] {
  return makeTrackers(rng);
}

/** The day a restart is seen: some weeks after the takedown. */
export function restartDay(rng: Rng, ref: Board): string {
  return addDays(ref.asOf, rng.int(20, 150));
}

/** Ads re-entered in a new database: new ids and slugs, in date order. */
export function reenter(rng: Rng, ads: Ad[]): Ad[] {
  return numberAds(rng, ads);
}

/** Keeps ids of restored ads and numbers the new ones after them. */
export function appendNew(rng: Rng, restored: Ad[], fresh: Ad[]): Ad[] {
  let id = Math.max(0, ...restored.map((a) => a.id));
  const numbered = numberAds(rng, fresh).map((a) => {
    id += rng.int(1, 3);
    return { ...a, id, slug: `${a.slug}-${id}` };
  });
  return [...restored, ...numbered];
}

/** New advertisers of the board's region posting in its trades, dated between two days. */
export function newcomers(ctx: Ctx, rng: Rng, ref: Board, key: string, ads: number, from: string, to: string): Ad[] {
  if (ads <= 0) return [];
  const people = Math.max(1, Math.round(ads / rng.real(1.5, 2.5)));
  return freshAds(rng, key, ref.region, ref.categories, people, ads, ctx.book, from, to).ads;
}

/** Photos processed again by the new install from the originals (new renditions, new file names). */
export function reprocessed(ad: Ad): Ad {
  return { ...ad, photos: ad.photos.map((p) => ({ pic: p.pic })) };
}

/** Photos copied byte for byte from the old site (same rendition and file name, any path). */
export function copiedBytes(ref: Board, ad: Ad): Ad {
  return {
    ...ad,
    photos: ad.photos.map(
      (p): AdPhoto => ({ pic: p.pic, style: p.style ?? ref.settings.photo, file: photoFile(ref, p) }),
    ),
  };
}

/** Photos saved from the old pages and uploaded again: the old rendition re-encoded (and maybe cropped). */
export function scraped(rng: Rng, ref: Board, ad: Ad, crop: '' | '.c1' | '.c2' = ''): Ad {
  const step = `w${rng.pick([360, 400, 440, 480])}.q${rng.int(60, 80)}.jpg${crop}`;
  return { ...ad, photos: ad.photos.map((p) => ({ pic: p.pic, style: `${p.style ?? ref.settings.photo}>${step}` })) };
}

/** The ad text typed again by someone: words swapped, order changed, title redone. */
export function retyped(rng: Rng, ad: Ad, strength: number, titleChance: number): Ad {
  return {
    ...ad,
    sentences: reword(ad.sentences, rng, strength),
    title: rng.chance(titleChance) ? rewordTitle(ad.title, rng) : ad.title,
  };
}

/** Each advertiser behind a relay number of the operator: the real number appears nowhere. */
export function relayed(ctx: Ctx, ads: Ad[]): Ad[] {
  const relays = new Map<string, string>();
  for (const adv of advertisersOf(ads)) relays.set(adv.key, ctx.book.landline());
  return ads.map((ad) => {
    const relay = relays.get(ad.advertiser.key)!;
    const shown = formatPhone(relay, 'spaced');
    return {
      ...ad,
      phoneText: ad.closing ? shown : null,
      phoneField: shown,
      phoneDigits: relay,
      masked: false,
      email: null,
    };
  });
}

/** Numbers written so that scanners miss them (per advertiser, one habit), the contact field masked. */
export function disguised(rng: Rng, ads: Ad[], laravel: boolean): Ad[] {
  const habits = new Map<string, Disguise>();
  return ads.map((ad) => {
    let how = habits.get(ad.advertiser.key);
    if (!how) {
      how = rng.pick(['words', 'letters', 'spaced-digits', 'stars', 'split-text'] as Disguise[]);
      habits.set(ad.advertiser.key, how);
    }
    const digits = ad.advertiser.phone;
    return {
      ...ad,
      phoneText: ad.closing ? disguisePhone(digits, how) : null,
      phoneField: maskPhone(digits, laravel),
      phoneDigits: null,
      masked: true,
      email: null,
    };
  });
}

/** Ads of the chosen advertisers only (a share of the advertisers, all their ads). */
export function byAdvertisers(rng: Rng, ads: Ad[], share: number): Ad[] {
  const keep = new Set(rng.keep(advertisersOf(ads), share).map((a) => a.key));
  return ads.filter((a) => keep.has(a.advertiser.key));
}

/** Caps a board's ads so its pages stay within a crawl (200 pages, listings included). */
export function capAds(ads: Ad[], max = 140): Ad[] {
  return ads.length <= max ? ads : ads.slice(ads.length - max);
}
