/**
 * The real-page layout set (test/fixtures/real-pages): saved pages of many real sites, several per site, read from the
 * manifest; and the AUC used to rank them. The split by site and the figures live in layout-splits.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const DIR = join(import.meta.dirname, '../fixtures/real-pages');

export interface RealPage {
  site: string;
  file: string;
  html: string;
}

export function loadRealPages(): RealPage[] {
  const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { site: string; file: string }[];
  return manifest.map((e) => ({
    site: e.site,
    file: e.file,
    html: gunzipSync(readFileSync(join(DIR, 'pages', e.file))).toString('utf8'),
  }));
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
