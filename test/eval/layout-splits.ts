/**
 * The layout signal on real pages, measured by site over many splits (issue 18, item 4). The real-page set
 * (test/fixtures/real-pages) is cut into two halves of sites by a seeded hash, SPLITS times: a parameter of the
 * layout signal may be chosen on the fitting half, and the AUC of `signals.layout` (same-site page pairs ranked above
 * cross-site pairs) is reported on the other half. No page of one site is ever on both sides. The layout idf of a half
 * is built over that half's pages, as the monitor builds it over its stored pages.
 *
 * Reported per split: the AUC over every pair of the reporting half, and per kind of site (same-site pairs of that
 * kind against cross-site pairs whose two sites are both of that kind). The figure that counts is the low end over
 * the splits (10th percentile), never one split.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { layoutSignal, layoutValue } from '../../detector/compare/signals.ts';
import {
  buildDocumentFrequencies,
  buildProfile,
  defaultThresholds,
  extractPage,
  type PageFeatures,
  type SiteProfile,
} from '../../detector/index.ts';
import { decodedCosine, decodeSketch } from '../../detector/layout-sketch.ts';
import type { DetectorThresholds } from '../../lib/detector-thresholds.ts';
import { auc, loadRealPages } from './real-pages.ts';

export const LAYOUT_SPLITS = 24;
/** Issue 18's goal: the 10th percentile of the reporting AUC over the site splits. */
export const LAYOUT_P10_GOAL = 0.95;

export interface KindedPage {
  site: string;
  kind: string;
  features: PageFeatures;
}

export function loadKindedPages(): KindedPage[] {
  const manifest = JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/real-pages/manifest.json'), 'utf8'),
  ) as { file: string; kind: string }[];
  const kindOf = new Map(manifest.map((e) => [e.file, e.kind]));
  return loadRealPages().map((p) => ({
    site: p.site,
    kind: kindOf.get(p.file) ?? 'unknown',
    features: extractPage({ url: `https://${p.file}`, html: p.html }),
  }));
}

/** The half of split `seed` a site falls in: the first byte of SHA-256("phenix-layout-split:seed:site"). */
export function halfOf(site: string, seed: number): 'fit' | 'report' {
  return createHash('sha256').update(`phenix-layout-split:${seed}:${site}`).digest()[0] < 128 ? 'fit' : 'report';
}

/** Layout scores of every pair of pages of one half (i < j), in pair order. */
export type PairScorer = (pages: KindedPage[]) => Float64Array;

/** One-page profiles of a half, with the half's layout idf (only the layout part of the features matters here). */
export function halfProfiles(pages: KindedPage[]): SiteProfile[] {
  const idf = buildDocumentFrequencies(pages.map((p) => p.features));
  return pages.map((p, i) => buildProfile([layoutOnly(p.features)], { site: `${p.site}#${i}`, idf }));
}

const layoutOnly = (f: PageFeatures): PageFeatures => ({ ...f, ads: [], textBlocks: [], contacts: [], pivots: [] });

/**
 * `signals.layout` of one-page profiles with the given thresholds. A one-page profile's whole-site sketch is its
 * only type's sketch, so the signal is `layoutValue` of the two whole-site sketches' cosine: computed that way here
 * (ten times faster than layoutSignal, which also measures SimHash distances); `checkAgainstDetector` verifies it.
 */
export function detectorScorer(t: DetectorThresholds = defaultThresholds): PairScorer {
  return (pages) => {
    const sketches = halfProfiles(pages).map((p) => (p.layoutSketchAll ? decodeSketch(p.layoutSketchAll) : null));
    const out = new Float64Array((pages.length * (pages.length - 1)) / 2);
    let k = 0;
    for (let i = 0; i < pages.length; i++)
      for (let j = i + 1; j < pages.length; j++) {
        const a = sketches[i];
        const b = sketches[j];
        out[k++] = a && b ? layoutValue(decodedCosine(a, b), 0, t) : 0;
      }
    return out;
  };
}

/** Largest gap between the fast scorer and the detector's own layoutSignal over the first `n` pairs of the pages. */
export function checkAgainstDetector(
  pages: KindedPage[],
  n = 2_000,
  t: DetectorThresholds = defaultThresholds,
): number {
  const profiles = halfProfiles(pages);
  const fast = detectorScorer(t)(pages);
  let worst = 0;
  let k = 0;
  for (let i = 0; i < pages.length && k < n; i++)
    for (let j = i + 1; j < pages.length && k < n; j++, k++)
      worst = Math.max(worst, Math.abs(fast[k] - (layoutSignal(profiles[i], profiles[j], t).value ?? 0)));
  return worst;
}

export interface HalfFigures {
  auc: number;
  positives: number;
  negatives: number;
  /** Per kind of site: AUC of same-site pairs of that kind against cross-site pairs of two sites of that kind. */
  byKind: Record<string, { auc: number; positives: number; negatives: number }>;
}

export function halfFigures(pages: KindedPage[], scores: Float64Array): HalfFigures {
  const pos: number[] = [];
  const neg: number[] = [];
  const kinds = new Map<string, { pos: number[]; neg: number[] }>();
  const of = (k: string) => kinds.get(k) ?? kinds.set(k, { pos: [], neg: [] }).get(k)!;
  let k = 0;
  for (let i = 0; i < pages.length; i++)
    for (let j = i + 1; j < pages.length; j++) {
      const s = scores[k++];
      const same = pages[i].site === pages[j].site;
      (same ? pos : neg).push(s);
      if (pages[i].kind === pages[j].kind) (same ? of(pages[i].kind).pos : of(pages[i].kind).neg).push(s);
    }
  const byKind: HalfFigures['byKind'] = {};
  for (const [kind, { pos: p, neg: n }] of kinds)
    if (p.length > 0 && n.length > 0) byKind[kind] = { auc: auc(p, n), positives: p.length, negatives: n.length };
  return { auc: auc(pos, neg), positives: pos.length, negatives: neg.length, byKind };
}

export interface SplitResult {
  seed: number;
  /** The variant chosen on the fitting half (its best AUC there). */
  chosen: string;
  fitAuc: number;
  report: HalfFigures;
}

/**
 * Runs the splits. With several variants (named scorers), each split picks the variant of best AUC on its fitting
 * half and reports that variant on the reporting half; with one, the fitting half is not scored at all.
 */
export function runSplits(
  pages: KindedPage[],
  variants: Record<string, PairScorer>,
  splits = LAYOUT_SPLITS,
): SplitResult[] {
  const names = Object.keys(variants);
  const out: SplitResult[] = [];
  for (let seed = 0; seed < splits; seed++) {
    const fit = pages.filter((p) => halfOf(p.site, seed) === 'fit');
    const report = pages.filter((p) => halfOf(p.site, seed) === 'report');
    let chosen = names[0];
    let fitAuc = Number.NaN;
    if (names.length > 1)
      for (const name of names) {
        const a = halfFigures(fit, variants[name](fit)).auc;
        if (!(a <= fitAuc)) {
          fitAuc = a;
          chosen = name;
        }
      }
    out.push({ seed, chosen, fitAuc, report: halfFigures(report, variants[chosen](report)) });
  }
  return out;
}

/** The q-quantile (0..1) of the values, linear between order statistics. */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const x = q * (s.length - 1);
  const lo = Math.floor(x);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (x - lo);
}

export interface SplitSummary {
  median: number;
  p10: number;
  min: number;
  splits: number;
}

export function summarise(values: number[]): SplitSummary {
  const v = values.filter((x) => Number.isFinite(x));
  return { median: quantile(v, 0.5), p10: quantile(v, 0.1), min: Math.min(...v), splits: v.length };
}
