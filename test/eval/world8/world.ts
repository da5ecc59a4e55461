/**
 * World 8 by seed: 9 reference boards (three per script), for each 4–5 restarts drawn from the clone recipes,
 * 3–4 hard negatives drawn from the hard kinds and one unrelated pair (another reference's restart or a fresh
 * board). Deterministic: the same seed builds the same sites, pairs and pages.
 */
import { type Ctx, newReference, SCRIPTS } from './build.ts';
import type { Advertiser, Pair, RenderedPage, Script, Site, World8 } from './model.ts';
import { HARD_KINDS, unrelatedBoard } from './negatives.ts';
import { CLONE_RECIPES } from './recipes.ts';
import { renderSite } from './render.ts';
import { Rng } from './rng.ts';

export interface World8Options {
  seed: string;
  /** Reference boards (default 9). */
  references?: number;
}

export const WORLD8_SEEDS = ['w8-col-du-galibier', 'w8-lac-de-vassiviere', 'w8-hautes-fagnes'];

function drawWithout<E extends [string, unknown, number, ...number[]]>(rng: Rng, entries: E[], n: number): E[] {
  const left = [...entries];
  const out: E[] = [];
  while (out.length < n && left.length) {
    const name = rng.weighted(left.map((e) => [e[0], e[2]] as const));
    const i = left.findIndex((e) => e[0] === name);
    out.push(left[i]);
    left.splice(i, 1);
  }
  return out;
}

export function buildWorld8(options: World8Options): World8 {
  const seed = options.seed;
  const rng = new Rng(`world8:${seed}`);
  const ctx: Ctx = {
    seed,
    rng,
    used: new Set(),
    advertisers: new Map(),
    sites: [],
    next: { ad: 0, photo: 0, advertiser: 0 },
  };
  const count = options.references ?? 9;
  const refs: { site: Site & { script: Script }; advertisers: Advertiser[] }[] = [];
  for (let i = 0; i < count; i++) {
    const r = newReference(ctx, SCRIPTS[i % SCRIPTS.length]);
    refs.push(r as (typeof refs)[number]);
  }
  const pairs: Pair[] = [];
  const clonesOf = new Map<string, Site[]>();
  const pair = (ref: Site, cand: Site, kind: string, group: Pair['group']) =>
    pairs.push({
      seed,
      reference: ref.name,
      candidate: cand.name,
      kind,
      group,
      expectClone: group === 'clone',
      referenceScript: ref.script,
    });
  for (const { site: ref, advertisers } of refs) {
    const clones: Site[] = [];
    for (const [kind, recipe, , keepRules] of drawWithout(rng, CLONE_RECIPES, rng.int(4, 5))) {
      const cand = recipe(ctx, ref, advertisers);
      if (rng.chance(keepRules)) cand.rules = ref.rules;
      clones.push(cand);
      pair(ref, cand, kind, 'clone');
    }
    clonesOf.set(ref.name, clones);
    for (const [kind, negative] of drawWithout(rng, HARD_KINDS, rng.int(3, 4))) {
      const cand = negative(
        ctx,
        ref,
        advertisers,
        refs.map((r) => r.site),
      );
      pair(ref, cand, kind, 'hard');
    }
  }
  for (const [i, { site: ref }] of refs.entries()) {
    const other = refs[(i + 1 + rng.int(0, refs.length - 2)) % refs.length].site;
    const pool = clonesOf.get(other.name) ?? [];
    if (rng.chance(0.5) && pool.length && other !== ref) pair(ref, rng.pick(pool), 'other-board-restart', 'unrelated');
    else pair(ref, unrelatedBoard(ctx), 'unrelated-board', 'unrelated');
  }
  // Sites in crawl order by reference (the reference, then its candidates), so a board's pictures are drawn close
  // together; a candidate of two references comes with the first.
  const order = new Map<string, number>();
  for (const p of pairs) for (const n of [p.reference, p.candidate]) if (!order.has(n)) order.set(n, order.size);
  const sites = [...ctx.sites].sort((a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
  return { seed, sites, advertisers: ctx.advertisers, pairs };
}

export function renderWorld8(world: World8): Map<string, RenderedPage[]> {
  return new Map(world.sites.map((site) => [site.name, renderSite(site, world.advertisers)]));
}
