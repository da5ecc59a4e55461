/**
 * Fit on one part, report on another. Part A (fitting) is the generator universe and the hard cases of the seeds the
 * defaults were tuned on; part B (held out) is universes and hard cases of other seeds, never looked at while tuning.
 * The fit is a small grid over the thresholds of the verdict rule, choosing the best F1 of `clone` on part A (ties go
 * to the defaults); the held-out part is then scored with the fitted thresholds and with the defaults.
 */
import {
  buildCorpusStats,
  type Comparison,
  compareProfiles,
  type DetectorThresholds,
  defaultThresholds,
  type SiteProfile,
} from '../../detector/index.ts';
import { buildHardCases, HARD_CLONE_KINDS, HARD_NOT_CLONE_KINDS } from '../fixtures/eval/hard-cases.ts';
import { buildEvalUniverse } from '../fixtures/eval/universe.ts';
import { buildProfiles, type Counts, countClones, prepareUniverse } from './evaluate.ts';
import { hardCaseProfiles } from './hard-eval.ts';

export const FIT_SEEDS = { universe: ['phenix-eval-1'], hard: ['phenix-hard-1'] };
export const HELD_OUT_SEEDS = {
  universe: ['phenix-eval-2', 'phenix-eval-3'],
  hard: ['phenix-hard-2', 'phenix-hard-3'],
};

export interface LabelledPair {
  part: 'generated' | 'hard';
  kind: string;
  expectClone: boolean;
  reference: SiteProfile;
  candidate: SiteProfile;
  stats: ReturnType<typeof buildCorpusStats>;
}

export interface Outcome {
  pair: LabelledPair;
  comparison: Comparison;
}

export type PartScores = Counts;

function labelled(
  part: LabelledPair['part'],
  pairs: { reference: string; candidate: string; kind: string; expectClone: boolean }[],
  profiles: Map<string, SiteProfile>,
): LabelledPair[] {
  const stats = buildCorpusStats(profiles.values());
  return pairs.map((p) => ({
    part,
    kind: p.kind,
    expectClone: p.expectClone,
    reference: profiles.get(p.reference)!,
    candidate: profiles.get(p.candidate)!,
    stats,
  }));
}

/** Every labelled pair of the given seeds, with its corpus statistics (one corpus per universe). */
export function labelledPairs(seeds: { universe: string[]; hard: string[] }): LabelledPair[] {
  const out: LabelledPair[] = [];
  for (const seed of seeds.universe) {
    const prepared = prepareUniverse(buildEvalUniverse({ seed }));
    out.push(...labelled('generated', prepared.universe.pairs, buildProfiles(prepared)));
  }
  for (const seed of seeds.hard) {
    const universe = buildHardCases({ seed });
    out.push(...labelled('hard', universe.pairs, hardCaseProfiles(universe)));
  }
  return out;
}

export function run(pairs: LabelledPair[], thresholds?: Partial<DetectorThresholds>): Outcome[] {
  return pairs.map((pair) => ({
    pair,
    comparison: compareProfiles(pair.reference, pair.candidate, thresholds, pair.stats),
  }));
}

export function scoreOutcomes(outcomes: Outcome[]): PartScores {
  return countClones(outcomes.map((o) => ({ expectClone: o.pair.expectClone, comparison: o.comparison })));
}

/** The grid searched on part A: the shares and the counterpart distance of the verdict rule. */
export const GRID: Partial<DetectorThresholds>[] = [];
for (const cloneAdShare of [0.7, 0.8, 0.9])
  for (const corroboratedAdShare of [0.6, 0.7, 0.8])
    for (const adCounterpartDistance of [14, 16, 18])
      GRID.push({ cloneAdShare, corroboratedAdShare, adCounterpartDistance });

const isDefault = (t: Partial<DetectorThresholds>) =>
  Object.entries(t).every(([k, v]) => defaultThresholds[k as keyof DetectorThresholds] === v);

/** Best F1 on the fitting pairs (then precision, then the defaults). */
export function fitThresholds(pairs: LabelledPair[]): { thresholds: Partial<DetectorThresholds>; scores: PartScores } {
  let best: { thresholds: Partial<DetectorThresholds>; scores: PartScores } | null = null;
  for (const thresholds of GRID) {
    const scores = scoreOutcomes(run(pairs, thresholds));
    const better =
      !best ||
      scores.f1 > best.scores.f1 ||
      (scores.f1 === best.scores.f1 && scores.precision > best.scores.precision) ||
      (scores.f1 === best.scores.f1 && scores.precision === best.scores.precision && isDefault(thresholds));
    if (better) best = { thresholds, scores };
  }
  return best!;
}

/** Per hard-case kind: the verdicts given. */
export function hardConfusion(
  outcomes: Outcome[],
): { kind: string; expected: string; counts: Record<string, number> }[] {
  return [...HARD_NOT_CLONE_KINDS, ...HARD_CLONE_KINDS].map((kind) => {
    const counts: Record<string, number> = { clone: 0, related: 0, unrelated: 0 };
    for (const o of outcomes) if (o.pair.part === 'hard' && o.pair.kind === kind) counts[o.comparison.verdict]++;
    return { kind, expected: (HARD_CLONE_KINDS as string[]).includes(kind) ? 'clone' : 'not clone', counts };
  });
}
