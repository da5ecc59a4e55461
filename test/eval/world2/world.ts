/**
 * One world-2 universe for a seed: reference sites (the convicted sites), for each its clones (recipes), hard
 * negatives and unrelated sites, and the labelled pairs (reference → candidate, clone or not). Deterministic by seed.
 */
import { Market } from './market.ts';
import { resetAdIds, type Site } from './model.ts';
import { createRng } from './prng.ts';
import { CLONE_RECIPES, type CloneRecipe, HARD_KINDS, type HardKind, makeClones, makeHard } from './recipes.ts';
import { renderWorld2Site } from './scripts/index.ts';

export interface World2Pair {
  reference: string;
  candidate: string;
  /** The clone recipe, the hard-negative kind, or `unrelated`. */
  kind: CloneRecipe | HardKind | 'unrelated';
  group: 'clone' | 'hard' | 'unrelated';
  expectClone: boolean;
  /** The reference's script, for the harness's per-script table. */
  referenceScript: string;
}

export interface World2 {
  seed: string;
  sites: Site[];
  pairs: World2Pair[];
}

export interface World2Options {
  seed: string;
  references?: number;
  clonesPerReference?: number;
  hardPerReference?: number;
  unrelatedPerReference?: number;
}

export const WORLD2_SEEDS = ['w2-alpha', 'w2-bravo', 'w2-charlie', 'w2-delta', 'w2-echo'];

export function buildWorld2(options: World2Options): World2 {
  const { seed, references = 20, clonesPerReference = 4, hardPerReference = 5, unrelatedPerReference = 2 } = options;
  resetAdIds();
  const rng = createRng(`world2:${seed}`);
  const market = new Market(rng);
  const refs: Site[] = [];
  for (let i = 0; i < references; i++) {
    const borrowFrom = refs.flatMap((r) => r.ads);
    refs.push(market.classified('ref', undefined, undefined, borrowFrom));
  }
  const sites: Site[] = [...refs];
  const pairs: World2Pair[] = [];
  refs.forEach((ref, i) => {
    for (const recipe of rng.sample(CLONE_RECIPES, clonesPerReference)) {
      for (const clone of makeClones(market, ref, recipe)) {
        sites.push(clone);
        pairs.push({
          reference: ref.name,
          candidate: clone.name,
          kind: recipe,
          group: 'clone',
          expectClone: true,
          referenceScript: ref.script,
        });
      }
    }
    const others = refs.filter((r) => r !== ref);
    for (const kind of rng.sample(HARD_KINDS, hardPerReference)) {
      const hard = makeHard(market, ref, kind, others);
      sites.push(hard);
      pairs.push({
        reference: ref.name,
        candidate: hard.name,
        kind,
        group: 'hard',
        expectClone: false,
        referenceScript: ref.script,
      });
    }
    for (let k = 1; k <= unrelatedPerReference; k++) {
      const other = refs[(i + k * 7) % refs.length];
      if (other !== ref)
        pairs.push({
          reference: ref.name,
          candidate: other.name,
          kind: 'unrelated',
          group: 'unrelated',
          expectClone: false,
          referenceScript: ref.script,
        });
    }
  });
  return { seed, sites, pairs };
}

/** Every page of the world: site name → [url, html][]. */
export function renderWorld2(world: World2): Map<string, [string, string][]> {
  const out = new Map<string, [string, string][]>();
  for (const site of world.sites)
    out.set(
      site.name,
      [...renderWorld2Site(site)].map(([path, html]) => [`http://${site.domain}${path}`, html]),
    );
  return out;
}
