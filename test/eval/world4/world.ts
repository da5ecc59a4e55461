/** World 4: references, their clones by recipe, their hard negatives and unrelated pairs, for one seed. */
import { createCtx, makeReference } from './factory.ts';
import type { Site, World4, World4Pair } from './model.ts';
import { renderSite } from './others.ts';
import { createRng } from './prng.ts';
import { CLONE_RECIPES, HARD_KINDS, makeClone, makeHard } from './recipes.ts';
import type { Page } from './shell.ts';

/** The seeds of the held-out run (fixed before its first run). */
export const WORLD4_SEEDS = ['w4-alder', 'w4-birch', 'w4-cedar'];

export interface World4Options {
  seed: string;
  references?: number;
}

export function buildWorld4({ seed, references = 12 }: World4Options): World4 {
  const rng = createRng(`world4:${seed}`);
  const ctx = createCtx(rng);
  const refs = Array.from({ length: references }, (_, i) => makeReference(ctx, i));
  const sites: Site[] = [...refs];
  const pairs: World4Pair[] = [];
  const pair = (ref: Site, cand: Site, kind: string, group: World4Pair['group']) =>
    pairs.push({
      reference: ref.name,
      candidate: cand.name,
      kind,
      group,
      expectClone: group === 'clone',
      referenceScript: ref.script,
    });
  for (const [i, ref] of refs.entries()) {
    for (let k = 0; k < 4; k++) {
      const recipe = CLONE_RECIPES[(i * 4 + k) % CLONE_RECIPES.length];
      const clone = makeClone(ctx, ref, recipe);
      sites.push(clone);
      pair(ref, clone, recipe, 'clone');
    }
    const others = refs.filter((r) => r !== ref);
    for (const [k, kind] of HARD_KINDS.entries()) {
      if (k === i % HARD_KINDS.length) continue;
      const hard = makeHard(ctx, ref, kind, rng.shuffle(others).slice(0, 3));
      sites.push(hard);
      pair(ref, hard, kind, 'hard');
    }
    pair(ref, refs[(i + 1) % refs.length], 'other reference', 'unrelated');
    pair(ref, refs[(i + 5) % refs.length], 'other reference', 'unrelated');
  }
  return { seed, sites, pairs };
}

export function renderWorld4(world: World4): Map<string, Page[]> {
  return new Map(world.sites.map((s) => [s.name, renderSite(s)]));
}
