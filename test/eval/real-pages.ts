/**
 * The real-page layout set (test/fixtures/real-pages): saved pages of many real sites, several per site. Each page
 * becomes a one-page profile and every pair of pages of one part is compared: pairs of the same site are positives,
 * pairs of two sites negatives, and `signals.layout` is the ranking score (AUC, ties counted half).
 *
 * Sites, not pages, are split in two parts by a hash of the site name: the tuning part (the layout extraction and
 * signal were designed and tuned looking at it) and the reporting part (measured only to report). The layout idf of
 * each part is built over that part's pages, as the monitor builds it over its stored pages.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  extractPage,
  type PageFeatures,
} from '../../detector/index.ts';

const DIR = join(import.meta.dirname, '../fixtures/real-pages');

/** Issue 11's target for the layout signal on real pages (reporting part). */
export const REAL_LAYOUT_GOAL = 0.95;

export type RealPart = 'tuning' | 'reporting';

export interface RealPage {
  site: string;
  file: string;
  html: string;
}

/** The part a site belongs to: the first byte of SHA-256("phenix-real-pages:" + site), below 128 for tuning. */
export function partOf(site: string): RealPart {
  const byte = createHash('sha256').update(`phenix-real-pages:${site}`).digest()[0];
  return byte < 128 ? 'tuning' : 'reporting';
}

export function loadRealPages(part?: RealPart): RealPage[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { site: string; file: string }[];
  return manifest
    .filter((e) => !part || partOf(e.site) === part)
    .map((e) => ({
      site: e.site,
      file: e.file,
      html: gunzipSync(readFileSync(join(DIR, 'pages', e.file))).toString('utf8'),
    }));
}

export interface LayoutRanking {
  sites: number;
  pages: number;
  positives: number;
  negatives: number;
  /** Area under the ROC curve of `signals.layout` (same site above different sites), ties counted half. */
  auc: number;
  /** Share of same-site pairs whose layout signal is exactly 0 (the signal cannot rank them). */
  positivesAtZero: number;
  /** Mean layout signal of same-site and of cross-site pairs. */
  meanPositive: number;
  meanNegative: number;
}

/** Mann–Whitney AUC: the chance that a random positive scores above a random negative (ties half). */
export function auc(positives: number[], negatives: number[]): number {
  const all = [...positives.map((s) => ({ s, p: 1 })), ...negatives.map((s) => ({ s, p: 0 }))].sort(
    (a, b) => a.s - b.s,
  );
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k].p) rankSum += midRank;
    i = j;
  }
  const np = positives.length;
  const nn = negatives.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * nn);
}

/**
 * Ranks every pair of the pages by `signals.layout`. With `sketches: false` the profiles lose their layout sketches,
 * which gives the signal of detector version 2 (`1 − d / layoutZeroDistance` of the SimHash distance, floored at 0):
 * the "before" figures.
 */
export function layoutRanking(pages: RealPage[], options: { sketches?: boolean } = {}): LayoutRanking {
  const features: PageFeatures[] = pages.map((p) => extractPage({ url: `https://${p.file}`, html: p.html }));
  const idf = buildDocumentFrequencies(features);
  const profiles = features.map((f, i) => {
    const profile = buildProfile([f], { site: pages[i].file, idf });
    return options.sketches === false ? { ...profile, layoutSketch: undefined, layoutSketchAll: undefined } : profile;
  });
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < pages.length; i++)
    for (let j = i + 1; j < pages.length; j++) {
      const layout = compareProfiles(profiles[i], profiles[j]).signals.layout ?? 0;
      (pages[i].site === pages[j].site ? pos : neg).push(layout);
    }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    sites: new Set(pages.map((p) => p.site)).size,
    pages: pages.length,
    positives: pos.length,
    negatives: neg.length,
    auc: auc(pos, neg),
    positivesAtZero: pos.filter((x) => x === 0).length / Math.max(1, pos.length),
    meanPositive: mean(pos),
    meanNegative: mean(neg),
  };
}
