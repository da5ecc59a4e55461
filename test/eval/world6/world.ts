/**
 * World 6: French boards of everyday services and second-hand goods in four regions. Per seed: about eleven reference
 * boards (the sites taken down), four clones of each (recipes.ts), three hard negatives of each, and pairs of
 * unrelated references. Deterministic by seed.
 */
import {
  boardAds,
  boardSite,
  brandName,
  createAdvertiser,
  createFactory,
  createOperator,
  freshDomain,
} from './factory.ts';
import { REGIONS } from './lexicon.ts';
import type { Pair, RenderedPage, Site, World6 } from './model.ts';
import { CLONE_RECIPES, CLONE_WEIGHTS, HARD_RECIPES, HARD_WEIGHTS } from './recipes.ts';
import { renderSites } from './render.ts';
import { Rng } from './rng.ts';

export const WORLD6_SEEDS = ['w6-armor', 'w6-bourrasque', 'w6-chevreuil', 'w6-dentelle'];

export interface World6Options {
  seed: string;
}

/** `k` distinct names by weight. */
function draw(rng: Rng, weights: [string, number][], k: number): string[] {
  const out: string[] = [];
  let left = weights;
  while (out.length < k && left.length > 0) {
    const name = rng.weighted(left);
    out.push(name);
    left = left.filter(([n]) => n !== name);
  }
  return out;
}

export function buildWorld6({ seed }: World6Options): World6 {
  const rng = new Rng(`world6:${seed}`);
  const f = createFactory(seed, rng.fork('factory'));
  const regions = rng.sample(REGIONS, 4);
  const sites: Site[] = [];
  const references: { site: Site; region: (typeof REGIONS)[number]; pool: ReturnType<typeof createAdvertiser>[] }[] =
    [];
  const boards = rng.shuffle([3, 3, 2, 2]);
  regions.forEach((region, r) => {
    const pool = Array.from({ length: rng.int(70, 90) }, (_, n) => createAdvertiser(f, region, n));
    for (let b = 0; b < boards[r]; b++) {
      const brng = rng.fork(`ref/${region.id}/${b}`);
      const brand = brandName(f, brng, region);
      const name = freshDomain(f, brand, '.test');
      const people = brng.sample(pool, brng.int(25, 40));
      const ads = boardAds(brng, people, region, brng.int(30, 55), name);
      const site = boardSite(brng, {
        name,
        role: 'reference',
        region: region.id,
        operator: createOperator(f, brng, brand, name),
        ads,
      });
      sites.push(site);
      references.push({ site, region, pool });
    }
  });
  const pairs: Pair[] = [];
  const refSites = references.map((r) => r.site);
  const add = (ref: Site, cand: Site, kind: string, group: Pair['group']) =>
    pairs.push({
      seed,
      reference: ref.name,
      candidate: cand.name,
      kind,
      group,
      expectClone: group === 'clone',
      referenceScript: ref.script ?? 'none',
    });
  for (const { site: ref, region, pool } of references) {
    const prng = rng.fork(`recipes/${ref.name}`);
    for (const kind of draw(prng, CLONE_WEIGHTS, 4)) {
      const cand = CLONE_RECIPES[kind]({ f, rng: prng.fork(kind), ref, region, pool, references: refSites });
      sites.push(cand);
      add(ref, cand, kind, 'clone');
    }
    for (const kind of draw(prng, HARD_WEIGHTS, 3)) {
      const cand = HARD_RECIPES[kind]({ f, rng: prng.fork(kind), ref, region, pool, references: refSites });
      sites.push(cand);
      add(ref, cand, kind, 'hard');
    }
  }
  // Unrelated: each reference against one rival reference of its region and one of another region.
  const seen = new Set<string>();
  const urng = rng.fork('unrelated');
  for (const { site: ref, region } of references) {
    const same = refSites.filter((s) => s !== ref && s.region === region.id);
    const far = refSites.filter((s) => s.region !== region.id);
    for (const [other, kind] of [
      [same.length > 0 ? urng.pick(same) : null, 'other-reference-same-region'],
      [urng.pick(far), 'other-reference'],
    ] as const) {
      if (!other) continue;
      const key = [ref.name, other.name].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      add(ref, other, kind, 'unrelated');
    }
  }
  return { seed, sites, advertisers: f.advertisers, pairs };
}

export function renderWorld6(world: World6): Map<string, RenderedPage[]> {
  return renderSites(world);
}
