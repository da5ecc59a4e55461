/**
 * How operators of a taken-down board really restart it (world 7's clone recipes), with the weights they are drawn
 * with. Every recipe starts from what the operator kept — the database, the uploads folder, the theme, the tracker
 * accounts — and changes what a restart changes.
 */
import {
  addDays,
  adsBy,
  type Ctx,
  cloneSite,
  newAdvertiser,
  numberAds,
  perPageOf,
  stockStep,
  stockTheme,
  styleFor,
} from './build.ts';
import { rewrittenStyle, writePhone } from './contacts.ts';
import { dialect } from './html.ts';
import type { Ad, ScriptId, Site } from './model.ts';
import { makeBrand, makeOperator, makeTrackers, renewTrackers, restartDomain } from './people.ts';
import { slugify } from './regions.ts';
import type { Rng } from './rng.ts';
import { caption, reword, translate } from './text.ts';

export type CloneRecipe =
  | 'domain-swap'
  | 'new-trackers'
  | 'new-ads-first'
  | 'script-import'
  | 'new-operator'
  | 'partial-copy'
  | 'renamed-classes'
  | 'mirror'
  | 'reworded'
  | 'gallery'
  | 'obfuscated-phones'
  | 'translated'
  | 'chain'
  | 'merged';

export const CLONE_WEIGHTS: readonly (readonly [CloneRecipe, number])[] = [
  ['domain-swap', 3],
  ['new-trackers', 3],
  ['new-ads-first', 4],
  ['script-import', 4],
  ['new-operator', 3],
  ['partial-copy', 3],
  ['renamed-classes', 3],
  ['mirror', 2],
  ['reworded', 3],
  ['gallery', 2],
  ['obfuscated-phones', 3],
  ['translated', 2],
  ['chain', 2],
  ['merged', 2],
];

const SCRIPTS: readonly ScriptId[] = ['symfony-classifieds', 'dclassifieds', 'sharetribe'];

/** The copy an operator brings back up on a new domain, dated `start`. */
function restart(ctx: Ctx, src: Site, start: string, rng: Rng): Site {
  const site = cloneSite(src);
  site.name = ctx.domains.claim(restartDomain(src.name, src.brand, rng));
  site.role = 'clone';
  site.year = Number(start.slice(0, 4));
  site.notes = { ...site.notes, start };
  delete site.notes.mirrorBanner;
  return site;
}

/** New ads posted since the restart, by returning advertisers (share `old`) and newcomers. */
function freshAds(ctx: Ctx, site: Site, start: string, n: number, old: number, rng: Rng): Ad[] {
  const known = [...new Set(site.ads.map((a) => a.advertiser))].map((k) => ctx.advertisers.get(k)!);
  const trades = [...new Set(site.ads.map((a) => a.trade))];
  const newcomers = Array.from({ length: Math.max(3, Math.round(n / 4)) }, () =>
    newAdvertiser(ctx, site.region, rng.pick(trades), rng),
  );
  const people = [...rng.sample(known, Math.round(known.length * old)), ...newcomers];
  return adsBy(ctx, rng.shuffle(people), site.region, start, addDays(start, rng.int(20, 120)), n, rng);
}

function renumber(site: Site, ads: Ad[], start = 1): void {
  site.ads = numberAds(ads, start);
}

function maxId(site: Site): number {
  return site.ads.reduce((m, a) => Math.max(m, a.localId), 0);
}

/** The recipe applied to `src` (the reference, or for `chain` a previous restart), restart day `start`. */
export function applyRecipe(ctx: Ctx, recipe: CloneRecipe, src: Site, start: string, rng: Rng, other?: Site): Site {
  const site = restart(ctx, src, start, rng);
  const matomo = `stats.${slugify(site.operator.name)}.test`;
  switch (recipe) {
    case 'domain-swap':
      // Same database, same uploads, same accounts: only the domain moved; a few expired ads purged.
      site.ads = site.ads.filter(() => rng.chance(0.93));
      break;
    case 'new-trackers':
      site.trackers = renewTrackers(src.trackers, 0.15, matomo, rng);
      site.operator.email = `contact@${slugify(site.name.replace(/\.test$/, ''))}.example`;
      break;
    case 'new-ads-first': {
      const fresh = freshAds(ctx, site, start, rng.int(40, 130), rng.pick([0.2, 0.4, 0.6]), rng);
      site.ads = [...numberAds(fresh, maxId(site) + rng.int(1, 50)), ...site.ads];
      break;
    }
    case 'script-import': {
      const script = rng.pick(SCRIPTS.filter((s) => s !== src.script));
      site.script = script;
      site.theme = stockTheme(script, rng);
      site.perPage = perPageOf(script, rng);
      const fresh = styleFor(site, script, rng, 0.3);
      // Imported from the original uploads, or from the old site's served (possibly stamped) copies.
      site.photo = rng.chance(0.5) ? fresh : { key: fresh.key, steps: [...src.photo.steps, ...fresh.steps] };
      site.trackers = renewTrackers(src.trackers, 0.5, matomo, rng);
      for (const ad of site.ads) ad.body = rng.chance(0.5) ? [ad.body.join(' ')] : ad.body;
      renumber(site, site.ads, rng.int(1, 2000));
      if (rng.chance(0.5))
        site.ads = [...numberAds(freshAds(ctx, site, start, rng.int(5, 30), 0.3, rng), maxId(site) + 1), ...site.ads];
      break;
    }
    case 'new-operator': {
      site.brand = makeBrand(site.region, rng);
      site.operator = makeOperator(site.brand, site.region, ctx.book, rng);
      site.trackers = makeTrackers(`stats.${slugify(site.operator.name)}.test`, rng);
      site.theme = { ...site.theme, accent: stockTheme(site.script!, rng).accent };
      break;
    }
    case 'partial-copy': {
      const advertisers = [...new Set(site.ads.map((a) => a.advertiser))];
      const keep = new Set(rng.sample(advertisers, Math.ceil(advertisers.length * rng.pick([0.3, 0.45, 0.6]))));
      const kept = site.ads.filter((a) => keep.has(a.advertiser) || rng.chance(0.15));
      const fresh = freshAds(ctx, site, start, rng.int(10, 40), 0.3, rng);
      site.ads = [...numberAds(fresh, maxId(site) + 1), ...kept];
      site.trackers = renewTrackers(src.trackers, 0.3, matomo, rng);
      break;
    }
    case 'renamed-classes':
      site.theme = {
        id: `${site.script}-renamed`,
        rename: rng.chance(0.5)
          ? { kind: 'prefix', prefix: rng.pick(['x-', 'nv-', 'pa-', 'mk_']) }
          : { kind: 'hash', salt: site.name },
        accent: stockTheme(site.script!, rng).accent,
        variant: 1 - src.theme.variant,
      };
      site.trackers = renewTrackers(src.trackers, 0.5, matomo, rng);
      break;
    case 'mirror':
      site.notes.mirrorBanner =
        site.lang === 'fr' ? `Site miroir de ${src.brand} - nouvelle adresse : ${site.name}` : `Mirror of ${src.brand}`;
      break;
    case 'reworded': {
      for (const ad of site.ads) Object.assign(ad, reword(ad, rng), { date: addDays(start, rng.next() * 60) });
      site.photo = styleFor(site, site.script!, rng, 0.5);
      site.photo.steps[0].trim = rng.pick([0, 0.02, 0.04]);
      site.trackers = renewTrackers(src.trackers, 0.2, matomo, rng);
      renumber(site, site.ads, rng.int(1, 500));
      break;
    }
    case 'gallery': {
      site.ads = site.ads.filter((a) => a.photos.length > 0);
      for (const ad of site.ads)
        ad.body = [caption(ad, 110), ...ad.body.filter((l) => ad.shown.some((s) => l.includes(s)))];
      const step = {
        ...stockStep(site.script!, rng),
        stamp: { text: site.name.replace(/\.test$/, ''), corner: 'center' as const, opacity: 0.35 },
      };
      site.photo = { key: `${site.name}#gallery`, steps: [...src.photo.steps, step] };
      site.perPage = Math.max(site.perPage, 30);
      break;
    }
    case 'obfuscated-phones':
      // Numbers hidden from harvesters: in the phone field at display time, in the stored descriptions by rewriting.
      site.phoneHabit = 2;
      site.notes.phoneField = 'no';
      for (const ad of site.ads) {
        if (rng.chance(0.3)) Object.assign(ad, reword(ad, rng));
        ad.body = ad.body.map((line) =>
          ad.shown.reduce(
            (l, s, i) =>
              s && l.includes(s)
                ? l.replace(s, writePhone(ad.phones[i], rewrittenStyle(rng), dialect(site.country)))
                : l,
            line,
          ),
        );
      }
      site.trackers = renewTrackers(src.trackers, 0.2, matomo, rng);
      break;
    case 'translated': {
      site.lang = 'en';
      site.brand = `${site.region.name} Classifieds`;
      site.tagline = `Free classified ads - ${site.region.name}`;
      for (const ad of site.ads) if (rng.chance(0.55)) Object.assign(ad, translate(ad, site.region.name, rng));
      break;
    }
    case 'chain':
      // A second restart of an earlier restart: a new domain again, some of its trackers redone, new ads on top.
      site.trackers = renewTrackers(src.trackers, 0.5, matomo, rng);
      site.ads = [...numberAds(freshAds(ctx, site, start, rng.int(5, 40), 0.5, rng), maxId(site) + 1), ...site.ads];
      break;
    case 'merged': {
      // Two taken-down databases imported into one board, ads interleaved by date and renumbered.
      const extra = other ? cloneSite(other).ads : [];
      renumber(site, [...site.ads, ...extra], 1);
      site.brand = makeBrand(site.region, rng);
      break;
    }
  }
  return site;
}
