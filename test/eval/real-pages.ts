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

/**
 * Mann–Whitney AUC: the chance that a random positive scores above a random negative (ties half). Both sides are
 * sorted as typed arrays and merged: the real-page splits rank ~170,000 pairs each, twenty times per test run.
 */
export function auc(positives: ArrayLike<number>, negatives: ArrayLike<number>): number {
  const pos = Float64Array.from(positives).sort();
  const neg = Float64Array.from(negatives).sort();
  if (pos.length === 0 || neg.length === 0) return Number.NaN;
  let below = 0; // negatives strictly under the current positive
  let tied = 0; // negatives equal to it
  let sum = 0;
  for (let i = 0; i < pos.length; i++) {
    const s = pos[i];
    while (below < neg.length && neg[below] < s) below++;
    tied = below;
    while (tied < neg.length && neg[tied] === s) tied++;
    sum += below + (tied - below) / 2;
  }
  return sum / (pos.length * neg.length);
}
