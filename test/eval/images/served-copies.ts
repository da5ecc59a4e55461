/**
 * Two sites serving one original each its own way (`servedCopy`: own crop, brightness, watermark, width, quality),
 * compared copy against copy, as a clone that took its photos from a board that had already stamped and cropped them.
 * Unrelated pairs are every copy of one original against every copy of the others.
 *
 * Sets: procedural scenes (demo/photos.ts; fit seeds 1000+, held-out seeds 5000+ in groups), and, with
 * `--real-photos`, photographs and wallpapers read at run time from Debian packages (real-photos.ts: fit on three
 * packages, reported on two others). Pictures the product finds flat (no windows) are left out: they are no ad photos.
 */
import { syntheticPhoto } from '../../../demo/photos.ts';
import { defaultThresholds, photoMatch } from '../../../detector/index.ts';
import { photoHashes } from '../../../images/index.ts';
import { createRng } from '../../../sitegen/prng.ts';
import { restampedCopy, servedCopy } from '../../fixtures/images/transforms.ts';

export interface ServedScore {
  originals: number;
  flat: number;
  recall: number;
  /** Unrelated copy pairs within the thresholds, of how many. */
  unrelatedWithin: number;
  unrelatedPairs: number;
  /** Matched positives over everything matched. */
  precision: number;
  /** The same with the rule before window-to-window matching (15 windows, a whole picture against windows only). */
  before: { recall: number; precision: number; unrelatedWithin: number };
}

type Hashes = Awaited<ReturnType<typeof photoHashes>>;

function score(a: Hashes[], b: Hashes[], same: (x: Hashes, y: Hashes) => boolean) {
  const tp = a.filter((x, i) => same(x, b[i])).length;
  let fp = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (i !== j && same(a[i], b[j])) fp++;
  return { recall: a.length ? tp / a.length : 0, precision: tp + fp ? tp / (tp + fp) : 1, unrelatedWithin: fp };
}

/**
 * `second`: how the other site serves the picture: `served` (its own light crop, as the first), or `restamped`
 * (`restampedCopy`: re-cropped 2–9 % a side and stamped along an edge). `before` is then the rule before the ladder
 * (the 48 crop windows alone) rather than before window-to-window matching.
 */
export async function scoreServedCopies(
  label: string,
  originals: Buffer[],
  second: 'served' | 'restamped' = 'served',
): Promise<ServedScore> {
  const rng = createRng(`served:${label}`);
  const t = defaultThresholds;
  const a: Hashes[] = [];
  const b: Hashes[] = [];
  let flat = 0;
  for (const [i, bytes] of originals.entries()) {
    if ((await photoHashes(bytes)).crops.length === 0) {
      flat++;
      continue;
    }
    a.push(await photoHashes(await servedCopy(bytes, rng.fork(`a${i}`))));
    const other = second === 'served' ? servedCopy : restampedCopy;
    b.push(await photoHashes(await other(bytes, rng.fork(`b${i}`))));
  }
  const match = (x: Hashes | { hash: string; crops?: string[] }, y: typeof x) =>
    photoMatch(x, y, t.photoMaxDistance, t.photoCropMaxDistance) !== null;
  const first48 = (h: Hashes) => ({ hash: h.hash, crops: h.crops.slice(0, 48) });
  const before = (x: Hashes, y: Hashes) =>
    second === 'restamped'
      ? match(first48(x), first48(y))
      : match({ hash: x.hash, crops: x.crops.slice(0, 15) }, { hash: y.hash }) ||
        match({ hash: x.hash }, { hash: y.hash, crops: y.crops.slice(0, 15) });
  return {
    originals: a.length,
    flat,
    ...score(a, b, match),
    unrelatedPairs: a.length * (a.length - 1),
    before: score(a, b, before),
  };
}

export async function syntheticOriginals(firstSeed: number, n: number): Promise<Buffer[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => syntheticPhoto(firstSeed + i)));
}
