/**
 * World 10 of a seed: nine reference boards (three per script, each its own operator and region), four or five
 * restarts of each drawn by weight from the recipes, four or five hard negatives of each drawn by weight from the
 * decoys (every recipe and every decoy at least once per seed), and unrelated pairs between references.
 */
import { type Board, SCRIPTS, type ScriptKey } from './board.ts';
import { Domains, makeReference } from './boards.ts';
import { DECOY_KINDS, DECOYS, type DecoyKind } from './decoys.ts';
import { REGIONS } from './lexicon.ts';
import { PhoneBook } from './phones.ts';
import type { Ctx } from './restart-tools.ts';
import { RECIPE_KINDS, RECIPES, type RecipeKind } from './restarts.ts';
import { Rng } from './rng.ts';
import type { Site } from './templates/common.ts';
import { renderBoard } from './templates/index.ts';

export interface Pair10 {
  reference: string;
  candidate: string;
  kind: string;
  group: 'clone' | 'hard' | 'unrelated';
  referenceScript: ScriptKey;
}

export interface World10 {
  seed: string;
  references: Board[];
  sites: Site[];
  pairs: Pair10[];
}

/** Per reference, 4 or 5 distinct kinds drawn by weight, every kind placed at least once over the references. */
function assign<K extends string>(
  rng: Rng,
  refs: Board[],
  kinds: K[],
  weight: (k: K) => number,
  fits: (k: K, ref: Board) => boolean,
): K[][] {
  const want = refs.map(() => rng.int(4, 5));
  const chosen = refs.map(() => [] as K[]);
  for (const k of rng.shuffle(kinds)) {
    const open = refs.map((_, i) => i).filter((i) => chosen[i].length < want[i] && fits(k, refs[i]));
    if (open.length) chosen[rng.pick(open)].push(k);
  }
  refs.forEach((ref, i) => {
    while (chosen[i].length < want[i]) {
      const left = kinds.filter((k) => !chosen[i].includes(k) && fits(k, ref));
      if (!left.length) break;
      chosen[i].push(rng.weighted(left.map((k) => [k, weight(k)] as const)));
    }
  });
  return chosen;
}

const boardSite = (b: Board, role: string): Site => ({
  name: b.key,
  domain: b.domain,
  role,
  script: b.script,
  pages: renderBoard(b),
});

export function buildWorld10(seed: string): World10 {
  const root = Rng.of('w10', seed);
  const ctx: Ctx = { book: new PhoneBook(root.fork('phones')), domains: new Domains() };
  const regions = root.fork('regions').sample(REGIONS, 9);
  const scripts = root.fork('scripts').shuffle([...SCRIPTS, ...SCRIPTS, ...SCRIPTS]);
  const refs = regions.map((region, i) =>
    makeReference(root.fork('reference', String(i)), ctx.book, ctx.domains, `${seed}/ref${i + 1}`, region, scripts[i]),
  );
  const sites: Site[] = refs.map((r) => boardSite(r, 'reference'));
  const pairs: Pair10[] = [];
  const pair = (ref: Board, candidate: string, kind: string, group: Pair10['group']) =>
    pairs.push({ reference: ref.key, candidate, kind, group, referenceScript: ref.script });

  const recipes = assign<RecipeKind>(
    root.fork('recipes'),
    refs,
    RECIPE_KINDS,
    (k) => RECIPES[k].weight,
    () => true,
  );
  refs.forEach((ref, i) => {
    for (const kind of recipes[i]) {
      const rng = root.fork('restart', ref.key, kind);
      const partner = kind === 'merged' ? rng.pick(refs.filter((r) => r !== ref)) : null;
      const board = RECIPES[kind].make(ctx, rng, ref, partner);
      sites.push(boardSite(board, kind));
      pair(ref, board.key, kind, 'clone');
      if (partner) pair(partner, board.key, kind, 'clone');
    }
  });

  const decoys = assign<DecoyKind>(
    root.fork('decoys'),
    refs,
    DECOY_KINDS,
    (k) => DECOYS[k].weight,
    (k, ref) => DECOYS[k].fits(ref),
  );
  refs.forEach((ref, i) => {
    for (const kind of decoys[i]) {
      const site = DECOYS[kind].make(ctx, root.fork('decoy', ref.key, kind), ref, refs);
      sites.push(site);
      pair(ref, site.name, kind, 'hard');
    }
  });

  // References of different operators, each met twice.
  refs.forEach((ref, i) => {
    for (const step of [1, 3]) pair(ref, refs[(i + step) % refs.length].key, 'unrelated', 'unrelated');
  });
  return { seed, references: refs, sites, pairs };
}
