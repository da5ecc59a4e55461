/**
 * World 7, assembled from a seed: ten taken-down boards (one per region, the three scripts shared out), about forty
 * restarts drawn from the clone recipes (every recipe at least once), thirty hard negatives (every kind at least
 * once), three unrelated blogs and twelve unrelated pairs across families; rendered as a crawl sees each site.
 */
import { addDays, type Ctx, makeReference, newCtx } from './build.ts';
import type { Pair, RenderedPage, ScriptId, Site, World7 } from './model.ts';
import { HARD_WEIGHTS, type HardKind, hardNegative, unrelatedBlog } from './negatives.ts';
import { applyRecipe, CLONE_WEIGHTS, type CloneRecipe } from './recipes.ts';
import { REGIONS } from './regions.ts';
import { renderSite } from './render.ts';
import { type Rng, rngOf } from './rng.ts';

export const WORLD7_SEEDS = ['w7-meuse', 'w7-leman', 'w7-volcans', 'w7-bocage'] as const;

export interface World7Options {
  seed: string;
}

const REFERENCES = 10;
const CLONES = 40;
const HARD = 30;
const BLOGS = 3;
const CROSS_PAIRS = 12;

/** Every value once, then weighted draws up to `n`, shuffled. */
function deal<T>(weights: readonly (readonly [T, number])[], n: number, rng: Rng): T[] {
  const out = weights.map(([v]) => v);
  while (out.length < n) out.push(rng.weighted(weights));
  return rng.shuffle(out);
}

function pair(ctx: Ctx, ref: Site, candidate: Site, kind: string, group: Pair['group']): void {
  ctx.pairs.push({
    seed: ctx.seed,
    reference: ref.name,
    candidate: candidate.name,
    kind,
    group,
    expectClone: group === 'clone',
    referenceScript: ref.script ?? ref.kind,
  });
}

export function buildWorld7({ seed }: World7Options): World7 {
  const rng = rngOf(`world7|${seed}`);
  const ctx = newCtx(seed, rng.fork('numbers'));
  const regions = rng.fork('regions').shuffle(REGIONS).slice(0, REFERENCES);
  const scripts = rng
    .fork('scripts')
    .shuffle<ScriptId>([
      'symfony-classifieds',
      'symfony-classifieds',
      'symfony-classifieds',
      'symfony-classifieds',
      'dclassifieds',
      'dclassifieds',
      'dclassifieds',
      'sharetribe',
      'sharetribe',
      'sharetribe',
    ]);
  const takedowns = regions.map((_, i) => addDays('2024-09-01', rng.fork(`takedown${i}`).int(0, 400)));
  const refs = regions.map((region, i) =>
    makeReference(ctx, region, scripts[i], takedowns[i], rng.fork(`reference${i}`)),
  );
  ctx.sites.push(...refs);
  /** Which references each site comes from or talks about (an unrelated pair never crosses these). */
  const family = new Map<string, Set<string>>(refs.map((r) => [r.name, new Set([r.name])]));

  const recipes = deal(CLONE_WEIGHTS, CLONES, rng.fork('recipes'));
  const clonesOf = new Map<Site, Site[]>(refs.map((r) => [r, []]));
  // Chains last, so that a second restart has a first one to start from.
  const order = recipes
    .map((recipe, i) => ({ recipe, ref: refs[i % REFERENCES], i }))
    .sort((a, b) => Number(a.recipe === 'chain') - Number(b.recipe === 'chain'));
  for (const { recipe, ref, i } of order) {
    const r = rng.fork(`clone${i}`);
    const earlier = clonesOf.get(ref)!;
    const src = recipe === 'chain' && earlier.length ? r.pick(earlier) : ref;
    const start = addDays(src.notes.start ?? takedowns[refs.indexOf(ref)], r.int(15, 200));
    const other = recipe === 'merged' ? r.pick(refs.filter((o) => o !== ref)) : undefined;
    const clone = applyRecipe(ctx, recipe as CloneRecipe, src, start, r, other);
    ctx.sites.push(clone);
    earlier.push(clone);
    pair(ctx, ref, clone, `clone:${recipe}`, 'clone');
    family.set(clone.name, new Set([ref.name, ...(other ? [other.name] : [])]));
    if (other) pair(ctx, other, clone, `clone:${recipe}`, 'clone');
  }

  const kinds = deal(HARD_WEIGHTS, HARD, rng.fork('hard'));
  kinds.forEach((kind: HardKind, i) => {
    const ref = refs[(i * 3 + 1) % REFERENCES];
    const site = hardNegative(ctx, kind, ref, takedowns[refs.indexOf(ref)], refs, rng.fork(`hard${i}`));
    ctx.sites.push(site);
    pair(ctx, ref, site, `hard:${kind}`, 'hard');
    family.set(site.name, new Set([ref.name, ...site.quotes]));
  });

  const u = rng.fork('unrelated');
  for (let i = 0; i < BLOGS; i++) {
    const blog = unrelatedBlog(ctx, rng.fork(`blog${i}`));
    ctx.sites.push(blog);
    family.set(blog.name, new Set());
    pair(ctx, u.pick(refs), blog, 'unrelated:blog', 'unrelated');
  }
  const paired = new Set(ctx.pairs.map((p) => `${p.reference}|${p.candidate}`));
  for (let i = 0; i < CROSS_PAIRS; i++) {
    const ref = refs[i % REFERENCES];
    const pool = ctx.sites.filter(
      (s) =>
        s.role !== 'unrelated' &&
        s.region.id !== ref.region.id &&
        !family.get(s.name)!.has(ref.name) &&
        !paired.has(`${ref.name}|${s.name}`),
    );
    const candidate = u.pick(pool);
    paired.add(`${ref.name}|${candidate.name}`);
    pair(
      ctx,
      ref,
      candidate,
      `unrelated:${candidate.role === 'reference' ? 'other-reference' : candidate.kind === 'board' ? 'other-board' : candidate.kind}`,
      'unrelated',
    );
  }
  return { seed, sites: ctx.sites, advertisers: ctx.advertisers, pairs: ctx.pairs };
}

/** Every site's pages as a crawl fetches them. */
export function renderWorld7(world: World7): Map<string, RenderedPage[]> {
  return new Map(world.sites.map((s) => [s.name, renderSite(s)]));
}
