/**
 * World 5: a universe of French home-services classified boards, deterministic by seed. Twelve reference boards
 * (three per region, four scripts), each with four clones made by the recipes of recipes.ts, three hard negatives
 * and two unrelated references (one of the same region, whose advertisers partly overlap).
 */
import { Factory, type Person } from './factory.ts';
import { AD_SCRIPTS, type Site, type World5, type World5Pair } from './model.ts';
import type { Page } from './page.ts';
import { CLONE_RECIPES, HARD_KINDS, makeClone, makeHard, type Universe } from './recipes.ts';
import { renderSite } from './render.ts';
import { Dice } from './rng.ts';

export const WORLD5_SEEDS = ['w5-brume', 'w5-galet', 'w5-lierre', 'w5-sureau'] as const;

export interface World5Options {
  seed: string;
  /** How many reference boards (12 by default). */
  references?: number;
}

function reference(u: Universe, i: number): Site {
  const f = u.f;
  const region = i % 4;
  const script = AD_SCRIPTS[(i + Math.floor(i / 4)) % 4];
  const { brand, domain } = f.brand(region);
  const pool = u.people[region];
  const posters = f.dice.sample(pool, f.dice.int(14, 26));
  const ads = posters.flatMap((p) => Array.from({ length: f.dice.int(1, 4) }, () => f.ad(p)));
  return {
    name: `ref-${i}`,
    domain,
    script,
    title: brand,
    region,
    operator: f.operator(brand, domain),
    trackers: f.trackers(),
    logo: f.logo(brand),
    ads: ads.slice(0, 70),
    photo: f.photoStyle(),
    look: f.look(),
  };
}

export function buildWorld5({ seed, references = 12 }: World5Options): World5 {
  const dice = new Dice(`world5:${seed}`);
  const f = new Factory(dice, seed);
  const people: Person[][] = [0, 1, 2, 3].map((r) => Array.from({ length: 45 }, () => f.person(r)));
  const u: Universe = { f, people, peopleById: new Map(people.flat().map((p) => [p.id, p])), refs: [] };
  for (let i = 0; i < references; i++) u.refs.push(reference(u, i));
  const sites: Site[] = [...u.refs];
  const pairs: World5Pair[] = [];
  const clones = dice.shuffle(CLONE_RECIPES);
  const hards = dice.shuffle(HARD_KINDS);
  u.refs.forEach((ref, i) => {
    const pair = (candidate: string, kind: string, group: World5Pair['group']) =>
      pairs.push({
        reference: ref.name,
        candidate,
        kind,
        group,
        expectClone: group === 'clone',
        referenceScript: ref.script,
      });
    for (let k = 0; k < 4; k++) {
      const recipe = clones[(4 * i + k) % clones.length];
      const c = makeClone(u, ref, recipe, `${ref.name}-clone-${recipe}`);
      sites.push(c);
      pair(c.name, recipe, 'clone');
    }
    for (let k = 0; k < 3; k++) {
      const kind = hards[(3 * i + k) % hards.length];
      const h = makeHard(u, ref, kind, `${ref.name}-hard-${kind}`);
      sites.push(h);
      pair(h.name, kind, 'hard');
    }
    const n = u.refs.length;
    for (const j of [...new Set([(i + 1) % n, (i + 4) % n])])
      if (j !== i) pair(u.refs[j].name, 'other-reference', 'unrelated');
  });
  return { seed, sites, pairs };
}

/** Every site's pages, by site name. */
export function renderWorld5(world: World5): Map<string, Page[]> {
  return new Map(world.sites.map((s) => [s.name, renderSite(s)]));
}
