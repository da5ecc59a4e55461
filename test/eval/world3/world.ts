/**
 * World 3: reference classified-ad sites (four real scripts' markup), and for each reference four clones made by the
 * recipes of recipes.ts, three hard negatives and two unrelated references. Deterministic by seed.
 */
import { Factory } from './factory.ts';
import { CLASSIFIED_THEMES, type Site, type World3, type World3Pair } from './model.ts';
import { Dice } from './prng.ts';
import { CLONE_RECIPES, HARD_KINDS, makeClone, makeHard } from './recipes.ts';
import { renderSite } from './themes/index.ts';

export const WORLD3_SEEDS = ['w3-ardoise', 'w3-basalte', 'w3-craie', 'w3-dolomie', 'w3-eclogite'];

export interface World3Options {
  seed: string;
  references?: number;
}

const CLONES_PER_REF = 4;
const HARDS_PER_REF = 3;
const UNRELATED_PER_REF = 2;

export function buildWorld3({ seed, references = 16 }: World3Options): World3 {
  const d = new Dice(seed, 'world3');
  const f = new Factory(d);
  // Roaming advertisers post the same ad on several references (cross-posting is common on small ad sites).
  const roaming = f.freshAds(24);
  const refs: Site[] = [];
  const themes = d.shuffle(CLASSIFIED_THEMES);
  for (let i = 0; i < references; i++) {
    const own = f.freshAds(d.int(20, 32));
    const ads = d.shuffle([...own, ...d.sample(roaming, d.int(0, 3))]);
    refs.push(f.classifiedSite('ref', themes[i % themes.length], ads, f.operator(), f.trackers()));
  }
  const sites: Site[] = [...refs];
  const pairs: World3Pair[] = [];
  const offset = d.int(0, CLONE_RECIPES.length - 1);
  for (const [i, ref] of refs.entries()) {
    const pair = (cand: Site, kind: string, group: World3Pair['group']) =>
      pairs.push({
        reference: ref.name,
        candidate: cand.name,
        kind,
        group,
        expectClone: group === 'clone',
        referenceTheme: ref.theme,
      });
    for (let k = 0; k < CLONES_PER_REF; k++) {
      const recipe = CLONE_RECIPES[(offset + i * CLONES_PER_REF + k) % CLONE_RECIPES.length];
      const clone = makeClone(f, ref, recipe);
      sites.push(clone);
      pair(clone, recipe, 'clone');
    }
    for (let k = 0; k < HARDS_PER_REF; k++) {
      const kind = HARD_KINDS[(i * HARDS_PER_REF + k) % HARD_KINDS.length];
      const hard = makeHard(f, ref, kind, { others: refs.filter((r) => r !== ref) });
      sites.push(hard);
      pair(hard, kind, 'hard');
    }
    for (const other of d.sample(
      refs.filter((r) => r !== ref),
      UNRELATED_PER_REF,
    ))
      pair(other, 'other-reference', 'unrelated');
  }
  return { seed, sites, pairs };
}

export function renderWorld3(world: World3): Map<string, [string, string][]> {
  return new Map(world.sites.map((s) => [s.name, renderSite(s)]));
}
