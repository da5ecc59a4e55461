/**
 * World 9 for one seed: nine taken-down home-services boards (three per script), their restarts drawn from the
 * recipes by weight, hard negatives and one unrelated board per reference; every pair labelled.
 */
import {
  boardIdentity,
  makeAds,
  makeAdvertisers,
  makeOperator,
  makeTrackers,
  PhoneBook,
  type PictureCounter,
  pickTrades,
  Registry,
  SCRIPTS,
} from './model.ts';
import { aggregator, demoInstall, directory, NEGATIVES, unrelated } from './negatives.ts';
import { type Env, mergedBoards, RECIPES, type Ref } from './recipes.ts';
import { renderBoard } from './render.ts';
import { Dice } from './rng.ts';
import { DEFAULT_LOOK, type PhotoStyle, type Site } from './site.ts';

export interface PairSpec {
  reference: string;
  candidate: string;
  kind: string;
  group: 'clone' | 'hard' | 'unrelated';
  referenceScript: string;
}

export interface World9 {
  seed: string;
  sites: Site[];
  pairs: PairSpec[];
}

export const REFERENCES_PER_SEED = 9;

function makeRef(env: Env, i: number): Ref {
  const d = Dice.of(env.seed, 'ref', i);
  const name = `${env.seed}-ref${i}`;
  const script = SCRIPTS[i % SCRIPTS.length];
  const id = boardIdentity(d, env.reg);
  const trades = pickTrades(d);
  const advertisers = makeAdvertisers(d, name, d.int(10, 20), trades, env.phones);
  const ads = makeAds(d, name, d.int(Math.max(20, advertisers.length), 40), advertisers, env.pics, d.int(1, 30) * 50);
  const board = {
    name,
    title: id.title,
    domain: id.domain,
    script,
    operator: makeOperator(d, env.phones, id.domain),
    trackers: d.chance(0.75) ? makeTrackers(d) : {},
    trades,
    ads,
  };
  const look = {
    ...DEFAULT_LOOK,
    perPage: d.int(8, 12),
    photoStyle: d.pick<PhotoStyle>(['base', 'small', 'large', 'png']),
  };
  return { board, look, advertisers };
}

export function buildWorld9(seed: string): World9 {
  let picture = 0;
  const pics: PictureCounter = { next: () => `${seed}-pic${picture++}` };
  const env: Env = { seed, phones: new PhoneBook(seed), reg: new Registry(Dice.of(seed, 'domains')), pics };
  const sites: Site[] = [];
  const pairs: PairSpec[] = [];
  const refs = Array.from({ length: REFERENCES_PER_SEED }, (_, i) => makeRef(env, i));
  for (const r of refs) sites.push(renderBoard(r.board, r.look));
  const pair = (r: Ref, candidate: string, kind: string, group: PairSpec['group']) =>
    pairs.push({ reference: r.board.name, candidate, kind, group, referenceScript: r.board.script });

  // Restarts: 4 or 5 recipes per reference, drawn by weight without repetition.
  const recipes = Object.entries(RECIPES).map(([kind, r]) => ({ item: kind, weight: r.weight }));
  refs.forEach((r, i) => {
    const d = Dice.of(seed, 'restarts', i);
    for (const kind of d.weighted(recipes, d.int(4, 5))) {
      const name = `${seed}-ref${i}-${kind}`;
      sites.push(RECIPES[kind].make(r, env, Dice.of(seed, name), name));
      pair(r, name, kind, 'clone');
    }
  });
  // Two merged boards per seed, each a clone of both its sources.
  const dm = Dice.of(seed, 'merged');
  const order = dm.shuffle(refs.map((_, i) => i));
  for (let m = 0; m < 2; m++) {
    const [a, b] = [refs[order[2 * m]], refs[order[2 * m + 1]]];
    const name = `${seed}-merged${m}`;
    sites.push(mergedBoards(a, b, env, Dice.of(seed, name), name));
    pair(a, name, 'merged', 'clone');
    pair(b, name, 'merged', 'clone');
  }

  // Hard negatives: three kinds per reference, plus a directory, an aggregator and the scripts' demo installs.
  const kinds = Object.entries(NEGATIVES).map(([kind, n]) => ({ item: kind, weight: n.weight }));
  refs.forEach((r, i) => {
    const d = Dice.of(seed, 'negatives', i);
    for (const kind of d.weighted(kinds, 3)) {
      const name = `${seed}-ref${i}-${kind}`;
      sites.push(NEGATIVES[kind].make(r, env, Dice.of(seed, name), name));
      pair(r, name, kind, 'hard');
    }
  });
  const dirName = `${seed}-directory`;
  sites.push(directory(refs, env, Dice.of(seed, dirName), dirName));
  const aggName = `${seed}-aggregator`;
  sites.push(aggregator(refs, env, Dice.of(seed, aggName), aggName));
  for (const r of refs) {
    pair(r, dirName, 'directory', 'hard');
    pair(r, aggName, 'aggregator', 'hard');
  }
  for (const script of SCRIPTS) {
    const name = `${seed}-demo-${script}`;
    sites.push(demoInstall(script, env, Dice.of(seed, name), name));
    for (const r of refs.filter((x) => x.board.script === script)) pair(r, name, 'demo-install', 'hard');
  }

  // One unrelated board per reference.
  refs.forEach((r, i) => {
    const name = `${seed}-ref${i}-unrelated`;
    sites.push(unrelated(env, Dice.of(seed, name), name));
    pair(r, name, 'unrelated', 'unrelated');
  });
  return { seed, sites, pairs };
}
