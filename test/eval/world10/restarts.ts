/**
 * World 10's restart recipes: how an operator brings a taken-down board back under a new domain. Every recipe is a
 * clone (group 'clone'); README.md says for each why an investigator calls it one. `merged` also restarts a second
 * reference (its partner), so it makes one pair per source.
 */
import { type Ad, addDays, type Board, customWelcome } from './board.ts';
import {
  appendNew,
  byAdvertisers,
  type Ctx,
  capAds,
  claimDomain,
  copiedBytes,
  disguised,
  newcomers,
  newInstall,
  newOperator,
  newTrackers,
  otherScript,
  reenter,
  relayed,
  reprocessed,
  restartBrand,
  restartDay,
  retyped,
  scraped,
} from './restart-tools.ts';
import type { Rng } from './rng.ts';

export type RecipeKind =
  | 'backup-restore'
  | 'new-identity'
  | 'script-migration'
  | 'archive-scrape'
  | 'reworded-import'
  | 'relayed-numbers'
  | 'disguised-numbers'
  | 'gallery-rebrand'
  | 'split'
  | 'merged'
  | 'diluted'
  | 'renamed-theme-mirror'
  | 'skeleton-restart'
  | 'full-disguise';

type Make = (ctx: Ctx, rng: Rng, ref: Board, partner: Board | null) => Board;

export interface Recipe {
  weight: number;
  /** A restart an investigator still calls a clone although little of the operator's trace is left. */
  hard: boolean;
  make: Make;
}

/** The common frame of a restart: later day, brand, domain; the rest is the recipe's. */
function frame(ctx: Ctx, rng: Rng, ref: Board, kind: RecipeKind, brandMode: 'same' | 'variant' | 'new'): Board {
  const brand = restartBrand(rng.fork('brand'), ref, brandMode);
  return {
    ...ref,
    key: `${ref.key}~${kind}`,
    brand,
    domain: claimDomain(ctx, rng.fork('domain'), brand),
    asOf: restartDay(rng, ref),
  };
}

const recent = (ctx: Ctx, rng: Rng, ref: Board, key: string, share: number, day: string): Ad[] =>
  newcomers(ctx, rng, ref, key, Math.round(ref.ads.length * share), ref.asOf, day);

export const RECIPES: Record<RecipeKind, Recipe> = {
  'backup-restore': {
    weight: 3,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'backup-restore', rng.pick(['same', 'same', 'variant'] as const));
      const kept = rng.keep(ref.ads, rng.real(0.88, 1));
      const fresh = recent(ctx, rng.fork('new'), ref, `${b.key}`, rng.real(0, 0.15), b.asOf);
      return { ...b, settings: { ...ref.settings }, ads: appendNew(rng.fork('ids'), kept, fresh) };
    },
  },
  'new-identity': {
    weight: 3,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'new-identity', 'new');
      const kept = rng.keep(ref.ads, rng.real(0.85, 1));
      const fresh = recent(ctx, rng.fork('new'), ref, b.key, rng.real(0.1, 0.3), b.asOf);
      const settings = {
        ...ref.settings,
        palette: `#${rng.token(6, '0123456789abcdef')}`,
        welcome: customWelcome(rng, b.brand, ref.region),
      };
      return {
        ...b,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers: newTrackers(rng.fork('trk')),
        settings,
        ads: appendNew(rng.fork('ids'), kept, fresh),
      };
    },
  },
  'script-migration': {
    weight: 3,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'script-migration', rng.pick(['same', 'variant'] as const));
      const script = otherScript(rng, ref.script);
      const op = newOperator(ctx, rng.fork('op'), ref, { phone: true, email: true });
      if (rng.chance(0.7)) op.company = ref.operator.company;
      const trackers = rng.chance(0.5)
        ? { ...newTrackers(rng.fork('trk')), ga4: ref.trackers.ga4 }
        : newTrackers(rng.fork('trk'));
      const ads = reenter(rng.fork('ids'), rng.keep(ref.ads, rng.real(0.8, 1)).map(reprocessed));
      return { ...b, script, operator: op, trackers, settings: newInstall(rng.fork('set'), script, ref, b.brand), ads };
    },
  },
  'archive-scrape': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'archive-scrape', 'variant');
      const script = rng.chance(0.6) ? otherScript(rng, ref.script) : ref.script;
      // Re-entered by hand or by a script on the import days: the original dates are lost.
      const ads = rng.keep(ref.ads, rng.real(0.6, 0.9)).map((ad) => {
        const s = scraped(rng, ref, ad);
        const photos = rng.chance(0.3) ? [] : rng.chance(0.5) ? s.photos.slice(0, 1) : s.photos;
        return { ...s, photos, date: addDays(b.asOf, -rng.int(0, 10)) };
      });
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref, { email: rng.chance(0.4) }),
        trackers: newTrackers(rng.fork('trk')),
        settings: newInstall(rng.fork('set'), script, ref, b.brand),
        ads: reenter(rng.fork('ids'), ads),
      };
    },
  },
  'reworded-import': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'reworded-import', 'new');
      const script = rng.chance(0.5) ? otherScript(rng, ref.script) : ref.script;
      const strength = rng.real(0.35, 0.6);
      const kept = rng.keep(ref.ads, rng.real(0.7, 1)).map((ad) => {
        const r = retyped(rng, ad, strength, 0.6);
        return reprocessed(
          rng.chance(0.4) ? { ...r, price: r.price.replace(/\d+/, (n) => String(Number(n) + rng.int(1, 9))) } : r,
        );
      });
      const fresh = recent(ctx, rng.fork('new'), ref, b.key, rng.real(0, 0.2), b.asOf);
      const trackers = { ...newTrackers(rng.fork('trk')), adsense: ref.trackers.adsense };
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers,
        settings: newInstall(rng.fork('set'), script, ref, b.brand),
        ads: reenter(rng.fork('ids'), [...kept, ...fresh]),
      };
    },
  },
  'relayed-numbers': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'relayed-numbers', rng.pick(['variant', 'new'] as const));
      const ads = relayed(ctx, rng.keep(ref.ads, rng.real(0.8, 1)));
      return { ...b, operator: newOperator(ctx, rng.fork('op'), ref), trackers: newTrackers(rng.fork('trk')), ads };
    },
  },
  'disguised-numbers': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'disguised-numbers', rng.pick(['same', 'variant', 'new'] as const));
      const script = rng.chance(0.5) ? otherScript(rng, ref.script) : ref.script;
      const kept = rng.keep(ref.ads, rng.real(0.8, 1)).map(reprocessed);
      const ads = disguised(rng.fork('disguise'), kept, script === 'laravel');
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers: newTrackers(rng.fork('trk')),
        settings: newInstall(rng.fork('set'), script, ref, b.brand),
        ads: reenter(rng.fork('ids'), ads),
      };
    },
  },
  'gallery-rebrand': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'gallery-rebrand', 'new');
      const script = rng.chance(0.5) ? otherScript(rng, ref.script) : ref.script;
      const settings = newInstall(rng.fork('set'), script, ref, b.brand);
      const mark = `.c1.m${rng.token(6)}`;
      Object.assign(settings, { view: 'grid', photo: `${settings.photo}${mark}`, thumb: `${settings.thumb}${mark}` });
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers: newTrackers(rng.fork('trk')),
        settings,
        ads: reenter(rng.fork('ids'), rng.keep(ref.ads, rng.real(0.85, 1)).map(reprocessed)),
      };
    },
  },
  split: {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'split', 'new');
      let kept: Ad[];
      if (rng.chance(0.5)) {
        const cats = new Set(
          rng.sample(ref.categories, Math.max(2, Math.round(ref.categories.length * rng.real(0.4, 0.6)))),
        );
        kept = ref.ads.filter((a) => cats.has(a.trade));
      } else {
        const towns = new Set(
          rng.sample(
            ref.region.towns.map((t) => t[0]),
            4,
          ),
        );
        kept = ref.ads.filter((a) => towns.has(a.town));
      }
      if (kept.length < 10) kept = ref.ads.filter((a) => kept.includes(a) || rng.chance(0.3));
      const same = rng.chance(0.5);
      const script = same ? ref.script : otherScript(rng, ref.script);
      return {
        ...b,
        script,
        categories: ref.categories.filter((t) => kept.some((a) => a.trade === t)),
        operator: newOperator(ctx, rng.fork('op'), ref, { email: rng.chance(0.5) }),
        trackers: newTrackers(rng.fork('trk')),
        settings: same ? { ...ref.settings } : newInstall(rng.fork('set'), script, ref, b.brand),
        ads: same ? kept : reenter(rng.fork('ids'), kept.map(reprocessed)),
      };
    },
  },
  merged: {
    weight: 2,
    hard: false,
    make(ctx, rng, ref, partner) {
      if (!partner) throw new Error('world 10: a merged restart needs a partner board');
      const b = frame(ctx, rng, ref, 'merged', 'new');
      const base = rng.chance(0.5) ? ref : partner;
      const other = base === ref ? partner : ref;
      const own = rng.keep(base.ads, rng.real(0.8, 1));
      const imported = rng.keep(other.ads, rng.real(0.8, 1)).map(reprocessed);
      const ads = capAds(appendNew(rng.fork('ids'), own, imported), 95);
      return {
        ...b,
        key: `${ref.key}+${partner.key}~merged`,
        script: base.script,
        categories: [...new Set([...base.categories, ...other.categories])],
        operator: rng.chance(0.6) ? newOperator(ctx, rng.fork('op'), base) : base.operator,
        trackers: rng.chance(0.5) ? base.trackers : newTrackers(rng.fork('trk')),
        settings: { ...base.settings, welcome: customWelcome(rng, b.brand, base.region) },
        region: base.region,
        ads,
      };
    },
  },
  diluted: {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'diluted', rng.pick(['variant', 'new'] as const));
      const same = rng.chance(0.5);
      const script = same ? ref.script : otherScript(rng, ref.script);
      const old = rng.keep(ref.ads, rng.real(0.4, 0.7));
      const fresh = newcomers(
        ctx,
        rng.fork('new'),
        ref,
        b.key,
        Math.round(old.length * rng.real(2, 3)),
        ref.asOf,
        b.asOf,
      );
      const ads = same
        ? appendNew(rng.fork('ids'), old, fresh)
        : reenter(rng.fork('ids'), [...old.map(reprocessed), ...fresh]);
      const keepPhone = rng.chance(0.6);
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref, { phone: keepPhone, email: !keepPhone }),
        trackers: newTrackers(rng.fork('trk')),
        settings: same ? { ...ref.settings } : newInstall(rng.fork('set'), script, ref, b.brand),
        ads: capAds(ads),
      };
    },
  },
  'renamed-theme-mirror': {
    weight: 2,
    hard: false,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'renamed-theme-mirror', rng.pick(['same', 'variant'] as const));
      const settings = {
        ...ref.settings,
        classSalt: rng.token(8),
        minify: rng.chance(0.7),
        palette: `#${rng.token(6, '0123456789abcdef')}`,
      };
      return {
        ...b,
        settings,
        trackers: rng.chance(0.5) ? {} : ref.trackers,
        ads: rng.keep(ref.ads, rng.real(0.95, 1)),
      };
    },
  },
  'skeleton-restart': {
    weight: 1,
    hard: true,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'skeleton-restart', 'new');
      const script = otherScript(rng, ref.script);
      const loyal = byAdvertisers(rng, ref.ads, rng.real(0.35, 0.5)).map((ad) => copiedBytes(ref, ad));
      const fresh = newcomers(
        ctx,
        rng.fork('new'),
        ref,
        b.key,
        Math.round(loyal.length * rng.real(0.3, 0.6)),
        ref.asOf,
        b.asOf,
      );
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers: rng.chance(0.5) ? {} : newTrackers(rng.fork('trk')),
        settings: newInstall(rng.fork('set'), script, ref, b.brand),
        ads: reenter(rng.fork('ids'), [...loyal, ...fresh]),
      };
    },
  },
  'full-disguise': {
    weight: 1,
    hard: true,
    make(ctx, rng, ref) {
      const b = frame(ctx, rng, ref, 'full-disguise', 'new');
      const script = otherScript(rng, ref.script);
      const strength = rng.real(0.5, 0.7);
      const ads = rng
        .keep(ref.ads, rng.real(0.8, 1))
        .map((ad) => ({ ...scraped(rng, ref, retyped(rng, ad, strength, 0.8), '.c2'), date: b.asOf }));
      return {
        ...b,
        script,
        operator: newOperator(ctx, rng.fork('op'), ref),
        trackers: {},
        settings: newInstall(rng.fork('set'), script, ref, b.brand),
        ads: reenter(rng.fork('ids'), relayed(ctx, ads)),
      };
    },
  },
};

export const RECIPE_KINDS = Object.keys(RECIPES) as RecipeKind[];
