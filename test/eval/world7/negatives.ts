/**
 * Sites that share something with a taken-down board without being it (world 7's hard negatives), with the weights
 * they are drawn with: a competitor in the same region and trades with up to half of its ads from the same
 * advertisers, a board elsewhere where some of them cross-post, an aggregator, a press article, a forum, a directory,
 * an advertiser's own site, another operator on the same script and theme, a demo install of that theme; and a few
 * unrelated blogs.
 */
import { addDays, adsBy, blankBoard, type Ctx, newAd, newAdvertiser, numberAds } from './build.ts';
import type { Ad, Advertiser, Site } from './model.ts';
import { makeAdvertiser, makeBrand, makeOperator, makeTrackers } from './people.ts';
import { REGIONS, type Region, slugify } from './regions.ts';
import { type Rng, rngOf } from './rng.ts';
import { TRADES, tradeById } from './trades.ts';

export type HardKind =
  | 'competitor'
  | 'cross-posting'
  | 'aggregator'
  | 'press'
  | 'forum'
  | 'directory'
  | 'advertiser-site'
  | 'same-script'
  | 'demo-install';

export const HARD_WEIGHTS: readonly (readonly [HardKind, number])[] = [
  ['competitor', 5],
  ['cross-posting', 3],
  ['aggregator', 3],
  ['press', 3],
  ['forum', 3],
  ['directory', 3],
  ['advertiser-site', 3],
  ['same-script', 4],
  ['demo-install', 3],
];

const advertisersOf = (ctx: Ctx, site: Site): Advertiser[] =>
  [...new Set(site.ads.map((a) => a.advertiser))].map((k) => ctx.advertisers.get(k)!);

/** A site that is not a board, with its own operator, trackers and picture processing. */
function plainSite(
  ctx: Ctx,
  wanted: string,
  brand: string,
  region: Region,
  kind: Site['kind'],
  year: number,
  rng: Rng,
): Site {
  const name = ctx.domains.claim(wanted);
  const operator = makeOperator(brand, region, ctx.book, rng);
  const full = kind === 'aggregator' ? 480 : kind === 'press' ? 800 : 1024;
  return {
    name,
    role: 'hard',
    kind,
    theme: { id: `${kind}-cms`, accent: rng.pick(['#333', '#0b6e4f', '#b23a48', '#1d3557']), variant: 0 },
    brand,
    tagline: `${brand} - ${region.name}`,
    lang: 'fr',
    region,
    country: region.country,
    operator,
    trackers: makeTrackers(`stats.${slugify(brand)}.test`, rng),
    ads: [],
    photo: {
      key: `${name}#cms`,
      steps: [
        {
          full,
          thumb: kind === 'aggregator' ? 240 : 300,
          quality: rng.pick([70, 75, 82]),
          format: kind === 'aggregator' ? 'webp' : 'jpeg',
        },
      ],
    },
    perPage: 20,
    phoneHabit: 0,
    notes: {},
    quotes: [],
    listed: [],
    year,
  };
}

/** The same advertiser posting elsewhere: the very text pasted again (sometimes) and their own pictures re-uploaded. */
function crossPost(ctx: Ctx, adv: Advertiser, from: Ad[], region: Region, date: string, rng: Rng): Ad {
  const mine = from.filter((a) => a.advertiser === adv.key);
  const ad = newAd(ctx, adv, region, date, 'fr', rng);
  const model = mine.length ? rng.pick(mine) : undefined;
  if (model && rng.chance(0.5)) Object.assign(ad, { title: model.title, body: [...model.body], price: model.price });
  if (model?.photos.length && rng.chance(0.4)) ad.photos = [...model.photos];
  return ad;
}

function otherRegion(region: Region, rng: Rng): Region {
  return rng.pick(REGIONS.filter((r) => r.id !== region.id));
}

export function hardNegative(ctx: Ctx, kind: HardKind, ref: Site, takedown: string, refs: Site[], rng: Rng): Site {
  const year = Number(takedown.slice(0, 4));
  const people = advertisersOf(ctx, ref);
  const trades = [...new Set(ref.ads.map((a) => a.trade))];
  switch (kind) {
    case 'competitor':
    case 'cross-posting': {
      const region = kind === 'competitor' ? ref.region : otherRegion(ref.region, rng);
      let brand = makeBrand(region, rng);
      while (brand === ref.brand) brand = makeBrand(region, rng);
      const script =
        kind === 'competitor' && rng.chance(0.35)
          ? ref.script!
          : rng.pick(['symfony-classifieds', 'dclassifieds', 'sharetribe'] as const);
      const site = blankBoard(ctx, slugify(brand), brand, region, script, 'hard', year, rng);
      const own = Array.from({ length: rng.int(10, 25) }, () =>
        newAdvertiser(ctx, region, rng.pick(kind === 'competitor' ? trades : TRADES.map((t) => t.id)), rng),
      );
      const n = rng.int(40, 90);
      const sharedAds = kind === 'competitor' ? Math.round(n * (0.15 + 0.3 * rng.next())) : rng.int(3, 8);
      const shared = rng.sample(
        people,
        kind === 'competitor'
          ? rng.int(Math.ceil(people.length * 0.15), Math.ceil(people.length * 0.5))
          : rng.int(2, 5),
      );
      const from = addDays(takedown, -rng.int(300, 600));
      const ads = adsBy(ctx, own, region, from, addDays(takedown, 90), n - sharedAds, rng);
      for (let i = 0; i < sharedAds; i++)
        ads.push(crossPost(ctx, rng.pick(shared), ref.ads, region, addDays(from, rng.next() * 500), rng));
      site.ads = numberAds(ads, rng.int(1, 900));
      return site;
    }
    case 'same-script': {
      const region = otherRegion(ref.region, rng);
      const brand = makeBrand(region, rng);
      const site = blankBoard(ctx, slugify(brand), brand, region, ref.script!, 'hard', year, rng);
      // Same script, same stock theme; the accent colour is the theme default on both or their own choices.
      site.theme = { ...ref.theme, rename: undefined, accent: rng.chance(0.5) ? ref.theme.accent : site.theme.accent };
      const own = Array.from({ length: rng.int(12, 30) }, () => newAdvertiser(ctx, region, rng.pick(TRADES).id, rng));
      site.ads = numberAds(
        adsBy(ctx, own, region, addDays(takedown, -rng.int(200, 600)), addDays(takedown, 60), rng.int(40, 90), rng),
        1,
      );
      return site;
    }
    case 'demo-install': {
      const region = rng.pick(REGIONS);
      const brand = rng.pick(['My Classifieds', 'Classifieds Demo', 'Annonces Démo', 'Test Annonces']);
      const site = blankBoard(
        ctx,
        `${slugify(brand)}-${slugify(region.brandWords[0])}`,
        brand,
        region,
        ref.script!,
        'hard',
        year,
        rng,
      );
      site.theme = { id: `${ref.script}-stock`, accent: '#337ab7', variant: 0 };
      // The theme's demo users, the same on every demo install of the script (one fiction number each).
      const demo = (i: number): Advertiser => {
        const key = `demo-${ref.script}-${i}`;
        let adv = ctx.advertisers.get(key);
        if (!adv) {
          adv = {
            ...makeAdvertiser(key, REGIONS[0], 'computer', ctx.book, rngOf(key)),
            name: ['Demo User', 'John Doe', 'Jane Smith'][i],
            business: undefined,
          };
          ctx.advertisers.set(key, adv);
        }
        return adv;
      };
      site.ads = numberAds(
        Array.from({ length: rng.int(12, 20) }, (_, i) => {
          const adv = demo(i % 3);
          const ad = newAd(
            ctx,
            { ...adv, trade: TRADES[i % TRADES.length].id },
            region,
            addDays('2020-01-01', i * 3),
            'en',
            rngOf(`demo-ad-${ref.script}-${i}`),
          );
          return { ...ad, photos: ad.photos.map((_, k) => `${ad.trade}.demo-${ref.script}-${i}~${k}`) };
        }),
        1,
      );
      return site;
    }
    case 'aggregator': {
      const brand = `${rng.pick(['Toutes les Annonces', 'Annonces Regroupées', 'Le Moteur des Annonces'])} ${ref.region.name}`;
      const site = plainSite(ctx, slugify(brand), brand, ref.region, 'aggregator', year, rng);
      const others = refs.filter((r) => r !== ref);
      const quoted = [
        ...rng.sample(ref.ads, rng.int(10, 25)).map((a) => ({ ...a, source: ref.name })),
        ...others.flatMap((o) => rng.sample(o.ads, rng.int(2, 6)).map((a) => ({ ...a, source: o.name }))),
      ];
      site.ads = numberAds(
        quoted.map((a) => ({ ...a })),
        10000 + rng.int(0, 5000),
      );
      site.quotes = [...new Set(quoted.map((a) => a.source))];
      return site;
    }
    case 'press':
    case 'forum': {
      const brand =
        kind === 'press'
          ? `${rng.pick(['Le Courrier', 'L’Écho', 'La Gazette', 'Info'])} ${ref.region.name}`
          : `Forum Entraide ${ref.region.name}`;
      const site = plainSite(ctx, slugify(brand), brand, ref.region, kind, year, rng);
      site.notes = { subject: ref.brand, domain: ref.name };
      site.ads = rng.sample(ref.ads, 2).map((a) => ({ ...a, source: ref.name }));
      site.listed = rng.sample(
        people.filter((p) => p.business),
        1,
      );
      site.quotes = [ref.name];
      return site;
    }
    case 'directory': {
      const brand = `Annuaire des artisans ${ref.region.name}`;
      const site = plainSite(ctx, slugify(brand), brand, ref.region, 'directory', year, rng);
      const pros = people.filter((p) => p.business);
      const mine = rng.sample(pros, Math.ceil(pros.length * (0.3 + 0.3 * rng.next())));
      const others = Array.from({ length: rng.int(12, 25) }, () =>
        newAdvertiser(ctx, ref.region, rng.pick(TRADES.filter((t) => t.kind === 'service')).id, rng),
      ).filter((a) => a.business);
      site.listed = rng.shuffle([...mine, ...others]);
      return site;
    }
    case 'advertiser-site': {
      const pros = people.filter((p) => p.business && ref.ads.some((a) => a.advertiser === p.key && a.photos.length));
      const owner = pros.length ? rng.pick(pros) : rng.pick(people);
      const brand = owner.business ?? `${owner.name} ${tradeById(owner.trade).fr}`;
      const site = plainSite(ctx, slugify(brand), brand, ref.region, 'vitrine', year, rng);
      site.operator = {
        ...site.operator,
        name: owner.name,
        company: owner.business,
        email: owner.email ?? `contact@${slugify(brand)}.example`,
        phone: owner.phones[0],
      };
      const mine = ref.ads.filter((a) => a.advertiser === owner.key);
      site.ads = [...mine.map((a) => ({ ...a })), newAd(ctx, owner, ref.region, takedown, 'fr', rng)];
      site.listed = [owner];
      return site;
    }
  }
}

/** A blog with no link to any board (walks, recipes, gardening), pictures of its own. */
export function unrelatedBlog(ctx: Ctx, rng: Rng): Site {
  const region = rng.pick(REGIONS);
  const brand =
    rng.pick(['Carnet de balades', 'Les recettes de Mamie', 'Mon potager bio', 'Bricoles et récup']) +
    ` ${region.name}`;
  const site = plainSite(ctx, slugify(brand), brand, region, 'blog', 2025, rng);
  site.role = 'unrelated';
  const author = newAdvertiser(ctx, region, rng.pick(TRADES).id, rng);
  site.ads = numberAds(
    Array.from({ length: rng.int(6, 12) }, () =>
      newAd(ctx, author, region, addDays('2024-01-01', rng.int(0, 600)), 'fr', rng),
    ),
    1,
  );
  return site;
}
