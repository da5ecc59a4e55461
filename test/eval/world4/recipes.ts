/**
 * How operators restart a site that was taken down (clone recipes, expected `clone`), and the pages that resemble a
 * site without being it (hard negatives, expected not clone).
 */
import {
  type Ctx,
  makeAd,
  makeAds,
  makeAdvertiser,
  makeOperator,
  makePhotoStyle,
  makeSite,
  makeTrackers,
} from './factory.ts';
import { AD_SCRIPTS, type Ad, type Obfuscation, type Site } from './model.ts';
import { RENAMABLE } from './scripts.ts';
import { code } from './vocab.ts';

export const CLONE_RECIPES = [
  'mirror',
  'restart-old-db',
  'half-db-new-ads',
  'migration-new-script',
  'new-operator-numbers',
  'partial-copy',
  'renamed-classes',
  'obfuscated-contacts',
  'photo-only',
] as const;
export type CloneRecipe = (typeof CLONE_RECIPES)[number];

export const HARD_KINDS = [
  'competitor-crossposting',
  'same-script-other-operator',
  'aggregator-excerpts',
  'forum-quoting',
] as const;
export type HardKind = (typeof HARD_KINDS)[number];

/** A random subset of the reference's ads, `share` of them (at least one). */
function keep(ctx: Ctx, ads: Ad[], share: number): Ad[] {
  const n = Math.max(1, Math.round(ads.length * share));
  return ctx.rng.shuffle(ads).slice(0, n);
}

/** New ads posted on the restarted site: some by the old advertisers, most by new ones. */
function fresh(ctx: Ctx, ref: Site, n: number): Ad[] {
  const old = [...new Map(ref.ads.map((a) => [a.advertiser.id, a.advertiser])).values()];
  return Array.from({ length: n }, () => makeAd(ctx, ctx.rng.chance(0.4) ? ctx.rng.pick(old) : makeAdvertiser(ctx)));
}

const between = (ctx: Ctx, lo: number, hi: number) => lo + ctx.rng.next() * (hi - lo);

/** A copy of the reference under a new domain; the recipe changes the rest. */
function relaunch(ctx: Ctx, ref: Site, name: string): Site {
  const base = makeSite(ctx, name, ref.script, []);
  return { ...ref, name, domain: base.domain, sources: undefined };
}

export function makeClone(ctx: Ctx, ref: Site, recipe: CloneRecipe): Site {
  const { rng } = ctx;
  const site = relaunch(ctx, ref, `${ref.name}-clone-${recipe}`);
  const newTrackers = () => makeTrackers(ctx);
  switch (recipe) {
    case 'mirror':
      return site;
    case 'restart-old-db': {
      const kept = keep(ctx, ref.ads, between(ctx, 0.8, 0.95));
      return {
        ...site,
        ads: rng.shuffle([...kept, ...fresh(ctx, ref, Math.round(ref.ads.length * between(ctx, 0.1, 0.3)))]),
        trackers: newTrackers(),
        photo: rng.chance(0.5) ? ref.photo : makePhotoStyle(ctx),
      };
    }
    case 'half-db-new-ads': {
      const kept = keep(ctx, ref.ads, between(ctx, 0.45, 0.55));
      return {
        ...site,
        ads: rng.shuffle([...kept, ...fresh(ctx, ref, kept.length)]),
        operator: { phone: ref.operator!.phone, email: makeOperator(ctx, site.domain).email },
        trackers: newTrackers(),
      };
    }
    case 'migration-new-script':
      return {
        ...site,
        script: rng.pick(AD_SCRIPTS.filter((s) => s !== ref.script)),
        ads: keep(ctx, ref.ads, between(ctx, 0.7, 0.95)),
        operator: { phone: ctx.phone(), email: ref.operator!.email },
        trackers: newTrackers(),
        photo: makePhotoStyle(ctx),
        perPage: rng.int(9, 12),
      };
    case 'new-operator-numbers':
      return {
        ...site,
        ads: keep(ctx, ref.ads, between(ctx, 0.75, 0.95)),
        operator: makeOperator(ctx, site.domain),
        trackers: newTrackers(),
      };
    case 'partial-copy':
      return { ...site, ads: keep(ctx, ref.ads, between(ctx, 0.55, 0.7)) };
    case 'renamed-classes': {
      const rename = Object.fromEntries(
        RENAMABLE[ref.script as keyof typeof RENAMABLE].map((c) => [
          c,
          `${code(rng, 2).toLowerCase()}-${code(rng, 5).toLowerCase()}`,
        ]),
      );
      return {
        ...site,
        ads: keep(ctx, ref.ads, between(ctx, 0.8, 0.95)),
        classRename: rename,
        trackers: newTrackers(),
      };
    }
    case 'obfuscated-contacts':
      return {
        ...site,
        script: rng.chance(0.5) ? ref.script : rng.pick(AD_SCRIPTS.filter((s) => s !== ref.script)),
        ads: keep(ctx, ref.ads, between(ctx, 0.8, 0.95)),
        obfuscation: rng.pick<Obfuscation>(['dots', 'spans', 'entities', 'words']),
        trackers: newTrackers(),
      };
    case 'photo-only':
      return {
        ...site,
        script: 'gallery',
        ads: keep(
          ctx,
          ref.ads.filter((a) => a.photos.length > 0),
          between(ctx, 0.75, 0.95),
        ),
        trackers: newTrackers(),
        photo: makePhotoStyle(ctx),
      };
  }
}

/** Ads that are neither the reference's nor any other reference's, for the competitor and the quoting pages. */
function elsewhere(ctx: Ctx, n: number): Ad[] {
  return makeAds(ctx, n);
}

export function makeHard(ctx: Ctx, ref: Site, kind: HardKind, others: Site[]): Site {
  const { rng } = ctx;
  const name = `${ref.name}-hard-${kind}`;
  switch (kind) {
    case 'competitor-crossposting': {
      // Up to half of the reference's advertisers also post here: some paste the same ad, others write it anew.
      const advertisers = rng.shuffle([...new Map(ref.ads.map((a) => [a.advertiser.id, a.advertiser])).values()]);
      const shared = advertisers.slice(0, Math.max(1, Math.round(advertisers.length * between(ctx, 0.25, 0.5))));
      const cross = shared.map((adv) => {
        const theirs = ref.ads.filter((a) => a.advertiser.id === adv.id);
        return rng.chance(0.5) ? rng.pick(theirs) : makeAd(ctx, adv);
      });
      const ads = rng.shuffle([...cross, ...elsewhere(ctx, rng.int(22, 34))]);
      return makeSite(ctx, name, rng.pick(AD_SCRIPTS), ads);
    }
    case 'same-script-other-operator':
      return makeSite(ctx, name, ref.script, makeAds(ctx, rng.int(22, 34)));
    case 'aggregator-excerpts': {
      const quoted = keep(ctx, ref.ads, between(ctx, 0.25, 0.44));
      const fromOthers = others.flatMap((o) => keep(ctx, o.ads, 0.15));
      const ads = rng.shuffle([...quoted, ...fromOthers, ...elsewhere(ctx, 20)]);
      const site = makeSite(ctx, name, 'aggregator', ads);
      const sources: Record<string, string> = {};
      for (const a of quoted) sources[a.id] = ref.domain;
      for (const o of others) for (const a of o.ads) sources[a.id] ??= o.domain;
      return { ...site, perPage: 20, sources };
    }
    case 'forum-quoting': {
      const quoted = keep(ctx, ref.ads, between(ctx, 0.1, 0.2));
      const fromOthers = others.slice(0, 2).flatMap((o) => keep(ctx, o.ads, 0.1));
      const site = makeSite(ctx, name, 'forum', rng.shuffle([...quoted, ...fromOthers]));
      const sources: Record<string, string> = {};
      for (const a of quoted) sources[a.id] = ref.domain;
      for (const o of others) for (const a of o.ads) sources[a.id] ??= o.domain;
      return { ...site, sources, obfuscation: 'none' };
    }
  }
}
