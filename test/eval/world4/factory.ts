/** World 4's makers: advertisers, ads, trackers, operators, photo styles and reference sites. */
import { numberPool } from './contacts.ts';
import {
  AD_SCRIPTS,
  type Ad,
  type Advertiser,
  type Operator,
  type PhotoStyle,
  type Script,
  type Site,
  type Trackers,
} from './model.ts';
import type { Rng } from './prng.ts';
import { CLOSINGS, code, FIRST_NAMES, fill, INITIALS, siteIdentity, TOWNS, TRADES } from './vocab.ts';

export interface Ctx {
  rng: Rng;
  phone: () => string;
  serial: () => number;
}

export function createCtx(rng: Rng): Ctx {
  let n = 0;
  return { rng, phone: numberPool(rng.fork('numbers')), serial: () => ++n };
}

const HEX = '0123456789abcdef';
/** A few stock pictures (a paint roller, a van…) that many unrelated advertisers use. */
export const STOCK_PHOTOS = Array.from({ length: 6 }, (_, k) => `ph0000000${k}`);

export function makeAdvertiser(ctx: Ctx): Advertiser {
  const { rng } = ctx;
  const first = rng.pick(FIRST_NAMES);
  const user = first
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  return {
    id: `adv${ctx.serial()}`,
    name: `${first} ${rng.pick([...INITIALS])}.`,
    phone: ctx.phone(),
    email: rng.chance(0.45)
      ? `${user}.${code(rng, 4, '0123456789')}@${rng.pick(['boite.test', 'courriel.example', 'messagerie.test'])}`
      : null,
  };
}

export function makeAd(ctx: Ctx, advertiser: Advertiser, tradeKey?: string): Ad {
  const { rng } = ctx;
  const trade = TRADES.find((t) => t.key === tradeKey) ?? rng.pick(TRADES);
  const town = rng.pick(TOWNS);
  const price = rng.int(trade.price[0], trade.price[1]);
  const details = rng.shuffle(trade.details).slice(0, rng.int(1, 3));
  const body = [
    fill(rng.pick(trade.offers), rng, town),
    ...details.map((d) => fill(d, rng, town)),
    `Tarif : ${price} € ${trade.unit}, secteur ${town} et alentours.`,
    rng.pick(CLOSINGS),
  ].join(' ');
  const photos: string[] = [];
  const count = rng.pick([0, 1, 1, 2, 2, 3]);
  for (let i = 0; i < count; i++) photos.push(`ph${code(rng, 8, HEX)}`);
  if (rng.chance(0.1)) photos.push(rng.pick(STOCK_PHOTOS));
  return {
    id: `ad${ctx.serial()}`,
    trade: trade.label,
    title: fill(rng.pick(trade.titles), rng, town),
    body,
    price,
    town,
    advertiser,
    photos,
  };
}

/** `n` ads by a body of advertisers, each with one to four ads in one or two trades. */
export function makeAds(ctx: Ctx, n: number, advertisers: Advertiser[] = []): Ad[] {
  const { rng } = ctx;
  const people = [...advertisers];
  const ads: Ad[] = [];
  while (ads.length < n) {
    const reuse = people.length > 0 && rng.chance(0.35);
    const who = reuse ? rng.pick(people) : makeAdvertiser(ctx);
    if (!reuse) people.push(who);
    const trade = rng.pick(TRADES).key;
    for (let k = rng.int(1, 3); k > 0 && ads.length < n; k--) ads.push(makeAd(ctx, who, trade));
  }
  return rng.shuffle(ads);
}

export function makeTrackers(ctx: Ctx): Trackers {
  const { rng } = ctx;
  return {
    ga: `G-${code(rng, 10)}`,
    gtm: rng.chance(0.5) ? `GTM-${code(rng, 7)}` : null,
    pixel: rng.chance(0.5) ? `${rng.int(1, 9)}${code(rng, 14, '0123456789')}` : null,
  };
}

export function makeOperator(ctx: Ctx, domain: string): Operator {
  return { phone: ctx.phone(), email: `${ctx.rng.pick(['contact', 'admin', 'bonjour', 'equipe'])}@${domain}` };
}

export function makePhotoStyle(ctx: Ctx): PhotoStyle {
  const { rng } = ctx;
  return {
    width: rng.pick([480, 560, 640, 720, 800]),
    quality: rng.int(60, 90),
    crop: rng.chance(0.4) ? rng.int(2, 4) / 100 : 0,
    brightness: rng.chance(0.3) ? rng.pick([0.94, 0.97, 1.03, 1.06]) : 1,
  };
}

/** A new site with its own identity, operator, trackers and photo handling. */
export function makeSite(ctx: Ctx, name: string, script: Script, ads: Ad[]): Site {
  const id = siteIdentity(ctx.rng, ctx.serial());
  return {
    name,
    domain: id.domain,
    script,
    title: id.title,
    tagline: id.tagline,
    operator: makeOperator(ctx, id.domain),
    trackers: makeTrackers(ctx),
    ads,
    classRename: null,
    obfuscation: ctx.rng.chance(0.15) ? 'dots' : 'none',
    photo: makePhotoStyle(ctx),
    perPage: ctx.rng.int(9, 12),
  };
}

export function makeReference(ctx: Ctx, index: number): Site {
  const script = AD_SCRIPTS[index % AD_SCRIPTS.length];
  const ads = makeAds(ctx, ctx.rng.int(22, 34));
  return makeSite(ctx, `ref-${String(index + 1).padStart(2, '0')}`, script, ads);
}
