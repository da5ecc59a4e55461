/**
 * Runs the detector pipeline on the evaluation universe (render → extractPage → idf → buildProfile → compareProfiles)
 * for a fingerprinter and thresholds, and scores the `clone` verdict: precision, recall, F1, with the errors listed.
 */
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  type Comparison,
  compareProfiles,
  type DetectorThresholds,
  extractPage,
  type Fingerprinter,
  type PageFeatures,
  type SiteProfile,
} from '../../detector/index.ts';
import { renderSite } from '../../sitegen/index.ts';
import { buildEvalUniverse, type EvalPair, type EvalUniverse } from '../fixtures/eval/universe.ts';

export interface PreparedUniverse {
  universe: EvalUniverse;
  pages: Map<string, PageFeatures[]>;
  pageCount: number;
  extractMs: number;
}

export function prepareUniverse(universe: EvalUniverse = buildEvalUniverse()): PreparedUniverse {
  const pages = new Map<string, PageFeatures[]>();
  let pageCount = 0;
  let extractMs = 0;
  for (const site of universe.sites) {
    const html = renderSite(site.spec);
    const t0 = performance.now();
    const feats = [...html].map(([path, body]) =>
      extractPage({ url: `http://${site.spec.domain}${path}`, html: body }),
    );
    extractMs += performance.now() - t0;
    pageCount += feats.length;
    pages.set(site.name, feats);
  }
  return { universe, pages, pageCount, extractMs };
}

export function buildProfiles(prepared: PreparedUniverse, fingerprinter?: Fingerprinter): Map<string, SiteProfile> {
  const idf = buildDocumentFrequencies([...prepared.pages.values()].flat());
  const out = new Map<string, SiteProfile>();
  for (const [name, feats] of prepared.pages) out.set(name, buildProfile(feats, { site: name, idf, fingerprinter }));
  return out;
}

export interface PairResult {
  pair: EvalPair;
  comparison: Comparison;
}

export interface Scores {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  results: PairResult[];
  errors: PairResult[];
}

export type Counts = Pick<Scores, 'tp' | 'fp' | 'fn' | 'tn' | 'precision' | 'recall' | 'f1'>;

/** Confusion counts and precision, recall and F1 of `clone` over labelled verdicts. */
export function countClones(items: { expectClone: boolean; comparison: Comparison }[]): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const { expectClone, comparison } of items) {
    const saysClone = comparison.verdict === 'clone';
    if (saysClone && expectClone) tp++;
    else if (saysClone) fp++;
    else if (expectClone) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

export function scorePairs(
  universe: EvalUniverse,
  profiles: Map<string, SiteProfile>,
  thresholds?: Partial<DetectorThresholds>,
  stats = buildCorpusStats(profiles.values()),
): Scores {
  const results: PairResult[] = universe.pairs.map((pair) => ({
    pair,
    comparison: compareProfiles(profiles.get(pair.reference)!, profiles.get(pair.candidate)!, thresholds, stats),
  }));
  const errors = results.filter((r) => (r.comparison.verdict === 'clone') !== r.pair.expectClone);
  return {
    ...countClones(results.map((r) => ({ expectClone: r.pair.expectClone, comparison: r.comparison }))),
    results,
    errors,
  };
}

/** Per pair kind: how many pairs got each verdict. */
export function verdictsByKind(results: PairResult[]): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const { pair, comparison } of results) {
    const row = out.get(pair.kind) ?? { clone: 0, related: 0, unrelated: 0 };
    row[comparison.verdict]++;
    out.set(pair.kind, row);
  }
  return out;
}
