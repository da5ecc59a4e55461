/**
 * Building blocks of world 7: the build context (randomness, fiction numbers, domains, advertisers), new ads,
 * each script's stock picture processing, and a taken-down reference board with its advertisers and history.
 */
import { NumberBook, typedStyle, writePhone } from './contacts.ts';
import { dialect } from './html.ts';
import type { Ad, Advertiser, Pair, PhotoStep, PhotoStyle, ScriptId, Site, Theme } from './model.ts';
import { DomainBook, makeAdvertiser, makeBrand, makeOperator, makeTrackers } from './people.ts';
import type { Region } from './regions.ts';
import { slugify } from './regions.ts';
import { type Rng, rngOf } from './rng.ts';
import { writeAd } from './text.ts';
import { type SceneKind, TRADES, tradeById } from './trades.ts';

export interface Ctx {
  seed: string;
  book: NumberBook;
  domains: DomainBook;
  advertisers: Map<string, Advertiser>;
  sites: Site[];
  pairs: Pair[];
  seq: { ad: number; adv: number; photo: number };
}

export function newCtx(seed: string, rng: Rng): Ctx {
  return {
    seed,
    book: new NumberBook(rng),
    domains: new DomainBook(),
    advertisers: new Map(),
    sites: [],
    pairs: [],
    seq: { ad: 0, adv: 0, photo: 0 },
  };
}

export function newAdvertiser(ctx: Ctx, region: Region, trade: SceneKind, rng: Rng): Advertiser {
  const a = makeAdvertiser(`v${++ctx.seq.adv}`, region, trade, ctx.book, rng);
  ctx.advertisers.set(a.key, a);
  return a;
}

/** ISO day `days` after `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + Math.round(days));
  return d.toISOString().slice(0, 10);
}

/** Numbers as `adv` types them: mostly their usual way, now and then another. */
export function typedNumbers(adv: Advertiser, region: Region, rng: Rng): string[] {
  return adv.phones.map((p) => {
    const style = rng.chance(0.8) ? typedStyle(rngOf(`typing|${adv.key}|${p}`)) : typedStyle(rng);
    return writePhone(p, style, dialect(region.country));
  });
}

/** The line of a description that gives the number, as many advertisers add one (stored with the text). */
export function phoneLine(shown: string, lang: 'fr' | 'en', rng: Rng): string {
  if (lang === 'en') return rng.pick([`Call or text ${shown}.`, `Phone: ${shown}`]);
  return rng.pick([
    `Tél : ${shown}`,
    `Appelez-moi au ${shown}.`,
    `Contact au ${shown}`,
    `Joignable au ${shown} (SMS ok).`,
    `${shown}`,
  ]);
}

/** A new ad by `adv`, posted on `date`, with its photos (goods get more than services). */
export function newAd(ctx: Ctx, adv: Advertiser, region: Region, date: string, lang: 'fr' | 'en', rng: Rng): Ad {
  const key = `a${++ctx.seq.ad}`;
  const draft = writeAd(adv, region.name, lang, rng);
  const shown = typedNumbers(adv, region, rng);
  if (rng.chance(0.35)) draft.body.push(phoneLine(shown[0], lang, rng));
  const goods = tradeById(adv.trade).kind === 'goods';
  const n = goods
    ? rng.weighted([
        [1, 3],
        [2, 4],
        [3, 3],
        [4, 2],
        [5, 1],
        [0, 1],
      ])
    : rng.weighted([
        [0, 3],
        [1, 4],
        [2, 3],
        [3, 1],
      ]);
  return {
    key,
    localId: 0,
    advertiser: adv.key,
    seller: adv.business ?? adv.name,
    phones: [...adv.phones],
    shown,
    email: adv.email,
    trade: adv.trade,
    lang,
    ...draft,
    town: adv.town,
    postcode: adv.postcode,
    date,
    photos: Array.from({ length: n }, (_, i) => `${adv.trade}.${key}~${i}`),
    views: Math.round(20 + 600 * rng.next() ** 2),
  };
}

/** Newest first, then numbered in posting order (the board's auto-increment ids). */
export function numberAds(ads: Ad[], start: number): Ad[] {
  const sorted = [...ads].sort((a, b) =>
    a.date === b.date ? a.key.localeCompare(b.key) : b.date.localeCompare(a.date),
  );
  const byAge = [...sorted].reverse();
  byAge.forEach((ad, i) => {
    ad.localId = start + i;
  });
  return sorted;
}

/** How each script stores and serves uploads out of the box (sizes from its templates and defaults). */
export function stockStep(script: ScriptId, rng: Rng): PhotoStep {
  if (script === 'symfony-classifieds') return { full: 1280, thumb: 300, quality: rng.pick([80, 85]), format: 'jpeg' };
  if (script === 'dclassifieds') return { full: 1000, thumb: 740, quality: 90, format: 'jpeg' };
  return { full: 660, thumb: 408, thumbRatio: 1.5, quality: rng.pick([75, 80]), format: 'jpeg' };
}

export function styleFor(site: { name: string; brand: string }, script: ScriptId, rng: Rng, stamp: number): PhotoStyle {
  const step = stockStep(script, rng);
  if (rng.chance(stamp)) {
    step.stamp = {
      text: site.name.replace(/\.test$/, ''),
      corner: rng.pick(['br', 'bl', 'br', 'tr']),
      opacity: rng.pick([0.45, 0.6, 0.75]),
    };
  }
  return { key: `${site.name}#${script}`, steps: [step] };
}

export function stockTheme(script: ScriptId, rng: Rng): Theme {
  return {
    id: `${script}-stock`,
    accent: rng.pick(['#e4572e', '#17bebb', '#2e86ab', '#76b041', '#a23b72', '#f18f01', '#3b1f2b']),
    variant: rng.int(0, 1),
  };
}

export function perPageOf(script: ScriptId, rng: Rng): number {
  if (script === 'symfony-classifieds') return rng.pick([10, 15, 20]);
  if (script === 'dclassifieds') return rng.pick([12, 16, 20]);
  return rng.pick([24, 24, 36]);
}

/** A board shell with no ads yet (name claimed, operator, trackers, theme, picture processing). */
export function blankBoard(
  ctx: Ctx,
  wanted: string,
  brand: string,
  region: Region,
  script: ScriptId,
  role: Site['role'],
  year: number,
  rng: Rng,
): Site {
  const name = ctx.domains.claim(wanted);
  const operator = makeOperator(brand, region, ctx.book, rng);
  const site: Site = {
    name,
    role,
    kind: 'board',
    script,
    theme: stockTheme(script, rng),
    brand,
    tagline: `${rng.pick([
      'Petites annonces gratuites',
      'Les bonnes affaires près de chez vous',
      'Services et occasions entre particuliers',
    ])} - ${region.name}`,
    lang: 'fr',
    region,
    country: region.country,
    operator,
    trackers: makeTrackers(`stats.${slugify(operator.name)}.test`, rng),
    ads: [],
    photo: { key: '', steps: [] },
    perPage: perPageOf(script, rng),
    phoneHabit: rng.weighted([
      [0, 6],
      [1, 4],
    ]),
    notes: {},
    quotes: [],
    listed: [],
    year,
  };
  site.photo = styleFor(site, script, rng, script === 'sharetribe' ? 0.15 : 0.4);
  return site;
}

/** Ads by a set of advertisers between two days (some advertisers post a lot, most a little). */
export function adsBy(
  ctx: Ctx,
  people: Advertiser[],
  region: Region,
  from: string,
  to: string,
  n: number,
  rng: Rng,
): Ad[] {
  const span = (Date.parse(to) - Date.parse(from)) / 86400000;
  const weights = people.map((p, i) => [p, 1 / (1 + i * 0.35)] as const);
  return Array.from({ length: n }, () =>
    newAd(ctx, rng.weighted(weights), region, addDays(from, rng.next() * span), 'fr', rng),
  );
}

/** A taken-down reference board: 4–7 trades, 15–35 advertisers, 45–100 ads over two years before the takedown. */
export function makeReference(ctx: Ctx, region: Region, script: ScriptId, takedown: string, rng: Rng): Site {
  const brand = makeBrand(region, rng);
  const site = blankBoard(ctx, slugify(brand), brand, region, script, 'reference', Number(takedown.slice(0, 4)), rng);
  const trades = rng.sample(TRADES, rng.int(4, 7)).map((t) => t.id);
  const people = Array.from({ length: rng.int(15, 35) }, () => newAdvertiser(ctx, region, rng.pick(trades), rng));
  site.ads = numberAds(
    adsBy(ctx, people, region, addDays(takedown, -rng.int(400, 760)), takedown, rng.int(45, 100), rng),
    1,
  );
  return site;
}

export function cloneSite(src: Site): Site {
  return {
    ...src,
    theme: { ...src.theme },
    operator: { ...src.operator },
    trackers: { ...src.trackers },
    ads: src.ads.map((a) => ({
      ...a,
      phones: [...a.phones],
      shown: [...a.shown],
      body: [...a.body],
      photos: [...a.photos],
    })),
    photo: { key: src.photo.key, steps: src.photo.steps.map((s) => ({ ...s })) },
    notes: { ...src.notes },
    quotes: [...src.quotes],
    listed: [...src.listed],
  };
}
