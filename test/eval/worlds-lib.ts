/**
 * Leave-one-world-out, the pieces: labelled pairs of both worlds through one comparison, the clone verdict's P/R/F1
 * and margin (lowest true-clone score minus highest non-clone score), the threshold grid, and the tables.
 * World 1 is the repo's own evaluation universe (sitegen + test/fixtures/eval, through evaluate.ts); world 2 is
 * test/eval/world2, written independently of it; world 3 is test/eval/world3, written later by someone who had not seen
 * the verdict, sitegen or world 2 (the held-out world).
 */
import {
  buildCorpusStats,
  type Comparison,
  compareProfiles,
  type DetectorThresholds,
  defaultThresholds,
  type SiteProfile,
} from '../../detector/index.ts';
import { buildHardCases } from '../fixtures/eval/hard-cases.ts';
import { buildProfiles, type Counts, countClones, prepareUniverse } from './evaluate.ts';
import { hardCaseProfiles } from './hard-eval.ts';
import { profileWorld2 } from './world2/pipeline.ts';
import { profileWorld3 } from './world3/pipeline.ts';
import { profileWorld4 } from './world4/pipeline.ts';
import { profileWorld5 } from './world5/pipeline.ts';
import { profileWorld6 } from './world6/pipeline.ts';
import { profileWorld7 } from './world7/pipeline.ts';
import { profileWorld8 } from './world8/pipeline.ts';
import { profileWorld9 } from './world9/pipeline.ts';
import { profileWorld10 } from './world10/pipeline.ts';

export interface WorldPair {
  world:
    | 'world 1'
    | 'world 2'
    | 'world 3'
    | 'world 4'
    | 'world 5'
    | 'world 6'
    | 'world 7'
    | 'world 8'
    | 'world 9'
    | 'world 10';
  seed: string;
  reference: string;
  candidate: string;
  kind: string;
  group: 'clone' | 'hard' | 'unrelated';
  expectClone: boolean;
  /** The reference site's script (worlds 2, 3 and 4). */
  referenceScript?: string;
  ref: SiteProfile;
  cand: SiteProfile;
  stats: ReturnType<typeof buildCorpusStats>;
  /**
   * Every reference of the pair's universe (one array per universe), read as a monitor reads its monitored sites: the
   * candidate against all of them at once (boards merged into one site).
   */
  references: SiteProfile[];
}

export interface WorldScore extends Counts {
  pairs: number;
  clones: number;
  minClone: number;
  maxNonClone: number;
  /** Lowest true-clone score minus highest non-clone score: negative when they overlap. */
  margin: number;
}

/**
 * The thresholds the fit may move, each with the values tried (the defaults are among them). Change this one table
 * when the verdict's keys change.
 */
export const FIT_GRID: Partial<Record<keyof DetectorThresholds, number[]>> = {
  cloneScore: [0.45, 0.55, 0.65],
  corroboratedAdShare: [0.5, 0.6, 0.7],
  cloneAdShare: [0.6, 0.7, 0.8],
};
export const FIT_KEYS = Object.keys(FIT_GRID) as (keyof DetectorThresholds)[];

export function gridPoints(): Partial<DetectorThresholds>[] {
  let points: Partial<DetectorThresholds>[] = [{}];
  for (const key of FIT_KEYS)
    points = points.flatMap((p) => (FIT_GRID[key] ?? []).map((value) => ({ ...p, [key]: value })));
  return points;
}

export const isDefaultPoint = (t: Partial<DetectorThresholds>) =>
  Object.entries(t).every(([k, v]) => defaultThresholds[k as keyof DetectorThresholds] === v);

export const describePoint = (t: Partial<DetectorThresholds>) =>
  FIT_KEYS.map((k) => `${k}=${t[k] ?? defaultThresholds[k]}`).join(' ');

export const WORLD1_HARD_SEEDS = ['phenix-hard-1'];

/** World 1: the default sitegen evaluation universe and the hard cases of WORLD1_HARD_SEEDS. */
export function world1Pairs(): WorldPair[] {
  const prepared = prepareUniverse();
  const profiles = buildProfiles(prepared);
  const stats = buildCorpusStats(profiles.values());
  const references = [...new Set(prepared.universe.pairs.map((p) => profiles.get(p.reference)!))];
  const out: WorldPair[] = prepared.universe.pairs.map((p) => ({
    world: 'world 1',
    seed: 'phenix-eval-1',
    reference: p.reference,
    candidate: p.candidate,
    kind: `generated: ${p.kind}`,
    group: p.expectClone ? 'clone' : p.kind === 'unrelated' ? 'unrelated' : 'hard',
    expectClone: p.expectClone,
    ref: profiles.get(p.reference)!,
    cand: profiles.get(p.candidate)!,
    stats,
    references,
  }));
  for (const seed of WORLD1_HARD_SEEDS) {
    const universe = buildHardCases({ seed });
    const hp = hardCaseProfiles(universe);
    const hs = buildCorpusStats(hp.values());
    const hardReferences = [...new Set(universe.pairs.map((p) => hp.get(p.reference)!))];
    for (const p of universe.pairs)
      out.push({
        world: 'world 1',
        seed,
        reference: p.reference,
        candidate: p.candidate,
        kind: `hard case: ${p.kind}`,
        group: p.expectClone ? 'clone' : 'hard',
        expectClone: p.expectClone,
        ref: hp.get(p.reference)!,
        cand: hp.get(p.candidate)!,
        stats: hs,
        references: hardReferences,
      });
  }
  return out;
}

/** A generated world's pair as its pipeline returns it (the reference's script under a name of the world's own). */
interface ProfiledWorldPair {
  reference: string;
  candidate: string;
  kind: string;
  group: WorldPair['group'];
  expectClone: boolean;
  referenceProfile: SiteProfile;
  candidateProfile: SiteProfile;
  stats: WorldPair['stats'];
}

/** One universe per seed, each with its own corpus statistics, profiled one seed after the other. */
async function generatedPairs<P extends ProfiledWorldPair>(
  world: WorldPair['world'],
  seeds: string[],
  profile: (seed: string) => Promise<{ seed: string; pairs: P[] }>,
  scriptOf: (p: P) => string,
): Promise<WorldPair[]> {
  const out: WorldPair[] = [];
  for (const seed of seeds) {
    const { pairs } = await profile(seed);
    const references = [...new Set(pairs.map((p) => p.referenceProfile))];
    for (const p of pairs)
      out.push({
        world,
        seed,
        reference: p.reference,
        candidate: p.candidate,
        kind: p.kind,
        group: p.group,
        expectClone: p.expectClone,
        referenceScript: scriptOf(p),
        ref: p.referenceProfile,
        cand: p.candidateProfile,
        stats: p.stats,
        references,
      });
  }
  return out;
}

/** World 2 (`pictures: false`: HTML alone). */
export function world2Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 2',
    seeds,
    (seed) => profileWorld2({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 3 (the reference's theme as its script). */
export function world3Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 3',
    seeds,
    (seed) => profileWorld3({ seed }, options),
    (p) => p.referenceTheme,
  );
}

/** World 4. */
export function world4Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 4',
    seeds,
    (seed) => profileWorld4({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 5 (written blind to the verdict in the fourth session). */
export function world5Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 5',
    seeds,
    (seed) => profileWorld5({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 7 (written blind to the verdict in the seventh session on issue 18: 2MAX classifieds, DClassifieds, Sharetribe Go). */
export function world7Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 7',
    seeds,
    (seed) => profileWorld7({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 8 (written blind to the verdict in the ninth session: DCF Django Classified, Business Directory Plugin, WP Job Manager). */
export function world8Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 8',
    seeds,
    (seed) => profileWorld8({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 9 (written blind to the verdict in the eleventh session: Jobberbase, Zikula Classifieds, Better Classifieds). */
export function world9Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 9',
    seeds,
    (seed) => profileWorld9({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 10 (written blind to the verdict in the twelfth session: AdsLight, Advanced Classifieds & Directory Pro, a Laravel app). */
export function world10Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 10',
    seeds,
    (seed) => profileWorld10({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** World 6 (written blind to the verdict in the fifth session on issue 18). */
export function world6Pairs(seeds: string[], options: { pictures?: boolean } = {}): Promise<WorldPair[]> {
  return generatedPairs(
    'world 6',
    seeds,
    (seed) => profileWorld6({ seed }, options),
    (p) => p.referenceScript,
  );
}

/** One pair's verdict under one set of thresholds: what the tables need, light enough to pass between threads. */
export interface Graded {
  world: WorldPair['world'];
  seed: string;
  reference: string;
  candidate: string;
  kind: string;
  group: WorldPair['group'];
  expectClone: boolean;
  referenceScript?: string;
  verdict: Comparison['verdict'];
  score: number;
  /** Kept for the default thresholds only (the worst-miss listing). */
  families?: Comparison['families'];
  explanation?: string[];
}

export interface GradedWorld {
  /** One list per grid point, in gridPoints() order. */
  points: Graded[][];
  defaults: Graded[];
}

function graded(pair: WorldPair, c: Comparison, full: boolean): Graded {
  const { ref: _r, cand: _c, stats: _s, references: _f, ...label } = pair;
  return {
    ...label,
    verdict: c.verdict,
    score: c.score,
    ...(full ? { families: c.families, explanation: c.explanation } : {}),
  };
}

/** Every pair under every grid point and under the defaults. */
export function gradePairs(pairs: WorldPair[], points = gridPoints()): GradedWorld {
  const run = (t: Partial<DetectorThresholds>, full: boolean) =>
    pairs.map((p) => graded(p, compareProfiles(p.ref, p.cand, t, p.stats, p.references), full));
  return { points: points.map((t) => run(t, false)), defaults: run({}, true) };
}

export function scoreOutcomes(outcomes: Graded[]): WorldScore {
  // countClones reads only the verdict.
  const counts = countClones(
    outcomes.map((o) => ({ expectClone: o.expectClone, comparison: { verdict: o.verdict } as Comparison })),
  );
  const clones = outcomes.filter((o) => o.expectClone).map((o) => o.score);
  const others = outcomes.filter((o) => !o.expectClone).map((o) => o.score);
  const minClone = clones.length ? Math.min(...clones) : 1;
  const maxNonClone = others.length ? Math.max(...others) : 0;
  return {
    ...counts,
    pairs: outcomes.length,
    clones: clones.length,
    minClone,
    maxNonClone,
    margin: minClone - maxNonClone,
  };
}

/** Better fit: higher F1, then larger margin, then the defaults. */
export function better(a: { score: WorldScore; point: Partial<DetectorThresholds> }, b: typeof a | null): boolean {
  if (!b) return true;
  if (a.score.f1 !== b.score.f1) return a.score.f1 > b.score.f1;
  if (a.score.margin !== b.score.margin) return a.score.margin > b.score.margin;
  return isDefaultPoint(a.point) && !isDefaultPoint(b.point);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Per kind: verdict counts and score range. */
export function kindRows(outcomes: Graded[]): string[][] {
  const byKind = new Map<string, Graded[]>();
  for (const o of outcomes)
    byKind.set(`${o.group}\u0000${o.kind}`, [...(byKind.get(`${o.group}\u0000${o.kind}`) ?? []), o]);
  return [...byKind]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, list]) => {
      const [group, kind] = key.split('\u0000');
      const count = (v: string) => String(list.filter((o) => o.verdict === v).length);
      const scores = list.map((o) => o.score);
      return [
        group,
        kind,
        list[0].expectClone ? 'clone' : 'not clone',
        String(list.length),
        count('clone'),
        count('related'),
        count('unrelated'),
        `${Math.min(...scores).toFixed(2)}–${Math.max(...scores).toFixed(2)}`,
      ];
    });
}

/** Per reference script: clones found and missed, non-clones called clones. */
export function scriptRows(outcomes: Graded[]): string[][] {
  const scripts = [...new Set(outcomes.map((o) => o.referenceScript ?? '?'))].sort();
  return scripts.map((script) => {
    const mine = outcomes.filter((o) => (o.referenceScript ?? '?') === script);
    const clones = mine.filter((o) => o.expectClone);
    const found = clones.filter((o) => o.verdict === 'clone').length;
    const fp = mine.filter((o) => !o.expectClone && o.verdict === 'clone').length;
    return [
      script,
      String(clones.length),
      String(found),
      String(clones.length - found),
      (clones.length ? found / clones.length : 1).toFixed(3),
      String(fp),
    ];
  });
}

/** The worst errors: missed clones by lowest score, then false clones by highest score. */
export function worstMisses(outcomes: Graded[], n = 10): Graded[] {
  const fn = outcomes.filter((o) => o.expectClone && o.verdict !== 'clone').sort((a, b) => a.score - b.score);
  const fp = outcomes.filter((o) => !o.expectClone && o.verdict === 'clone').sort((a, b) => b.score - a.score);
  const out: Graded[] = [];
  for (let i = 0; out.length < n && (i < fn.length || i < fp.length); i++) {
    if (i < fn.length) out.push(fn[i]);
    if (i < fp.length && out.length < n) out.push(fp[i]);
  }
  return out;
}
