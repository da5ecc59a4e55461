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
import { hashedDecodedSketch, SKETCH_TOKENS, sketchTokenHash } from '../../detector/layout-sketch.ts';
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

/** A variant of the sketch for experiments (layout-variants.ts): tokens kept, and the power the idf is raised to. */
export interface SketchVariant {
  size: number;
  idfPower: number;
}
/** The sketch the detector builds (layout-sketch.ts, profile.ts). */
export const DETECTOR_SKETCH: SketchVariant = { size: SKETCH_TOKENS, idfPower: 1 };

/**
 * `signals.layout` of one-page profiles with the given thresholds. A one-page profile's whole-site sketch is its
 * only type's sketch: the page's tokens weighted by the half's smoothed idf (presence, not count), so it is built
 * here directly with layoutSketch, and the signal is `layoutValue` of the two sketches' cosine (twenty times faster
 * than buildProfile + layoutSignal, which also compute SimHashes); `checkAgainstDetector` verifies it is the same.
 */
export function detectorScorer(
  t: DetectorThresholds = defaultThresholds,
  variant: SketchVariant = DETECTOR_SKETCH,
): PairScorer {
  return (pages) => {
    const idf = buildDocumentFrequencies(pages.map((p) => p.features));
    const n = idf.documents;
    const sketches = pages.map((p) => {
      // profile.ts's idf: log((n + 1) / (df + 1)) + 0.05, times the share of the (one) page carrying the token.
      const entries = tokenHashes(p).map(([tok, h]): [number, number] => [
        h,
        (Math.log((n + 1) / (idf.frequencies[tok] + 1)) + 0.05) ** variant.idfPower,
      ]);
      return hashedDecodedSketch(entries, variant.size);
    });
    // Dot products through an inverted index (token → pages carrying it): pages share few tokens, so this is ten
    // times faster than merging every pair's sketches. Weights are integers (1..255): the sums are exact.
    const m = pages.length;
    const dots = new Float64Array((m * (m - 1)) / 2);
    const postings = new Map<number, number[]>();
    sketches.forEach((sk, i) => {
      if (!sk) return;
      for (let e = 0; e < sk.hashes.length; e++) {
        const list = postings.get(sk.hashes[e]) ?? postings.set(sk.hashes[e], []).get(sk.hashes[e])!;
        list.push(i, sk.weights[e]);
      }
    });
    for (const list of postings.values())
      for (let a = 0; a < list.length; a += 2)
        for (let b = a + 2; b < list.length; b += 2) {
          const i = list[a];
          const j = list[b];
          dots[(i * (2 * m - i - 1)) / 2 + (j - i - 1)] += list[a + 1] * list[b + 1];
        }
    const out = new Float64Array(dots.length);
    let k = 0;
    for (let i = 0; i < m; i++)
      for (let j = i + 1; j < m; j++, k++) {
        const a = sketches[i];
        const b = sketches[j];
        out[k] = a && b && a.norm > 0 && b.norm > 0 ? layoutValue(Math.min(1, dots[k] / (a.norm * b.norm)), 0, t) : 0;
      }
    return out;
  };
}

/** A page's layout tokens with their sketch hashes, computed once per page for all the splits. */
const hashesOf = new WeakMap<KindedPage, [string, number][]>();
function tokenHashes(p: KindedPage): [string, number][] {
  let out = hashesOf.get(p);
  if (!out) {
    out = Object.keys(p.features.layout).map((tok) => [tok, sketchTokenHash(tok)]);
    hashesOf.set(p, out);
  }
  return out;
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
  /** Per kind of site: AUC of same-site pairs of that kind against every cross-site pair with a site of that kind. */
  kindVsAll: Record<string, { auc: number; positives: number; negatives: number }>;
}

export function halfFigures(pages: KindedPage[], scores: Float64Array): HalfFigures {
  const pos = new Scores();
  const neg = new Scores();
  const within = new Map<string, { pos: Scores; neg: Scores }>();
  const against = new Map<string, Scores>();
  const of = (k: string) => within.get(k) ?? within.set(k, { pos: new Scores(), neg: new Scores() }).get(k)!;
  const negOf = (k: string) => against.get(k) ?? against.set(k, new Scores()).get(k)!;
  let k = 0;
  for (let i = 0; i < pages.length; i++)
    for (let j = i + 1; j < pages.length; j++) {
      const s = scores[k++];
      const a = pages[i].kind;
      const b = pages[j].kind;
      if (pages[i].site === pages[j].site) {
        pos.push(s);
        of(a).pos.push(s);
        continue;
      }
      neg.push(s);
      negOf(a).push(s);
      if (a === b) of(a).neg.push(s);
      else negOf(b).push(s);
    }
  const figures = (p: Scores, n: Scores) => ({
    auc: auc(p.view(), n.view()),
    positives: p.length,
    negatives: n.length,
  });
  const byKind: HalfFigures['byKind'] = {};
  const kindVsAll: HalfFigures['kindVsAll'] = {};
  for (const [kind, { pos: p, neg: n }] of within) {
    if (p.length > 0 && n.length > 0) byKind[kind] = figures(p, n);
    const all = against.get(kind) ?? new Scores();
    if (p.length > 0 && all.length > 0) kindVsAll[kind] = figures(p, all);
  }
  return { ...figures(pos, neg), byKind, kindVsAll };
}

/** A growable array of scores (a split pushes ~500,000 of them: plain arrays spend their time collecting garbage). */
class Scores {
  private data = new Float64Array(1_024);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
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
