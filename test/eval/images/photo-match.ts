/**
 * Photo-match evaluation: originals (procedural scenes), each copied with every transform a resurgent site applies,
 * and a gallery that also holds unrelated distractors. A copy is matched to its nearest gallery photo within the
 * threshold (as the detector pairs photos); right = its own original. The threshold is chosen on the tune set
 * (seeds 1000+) and reported on the report set (seeds 5000+), which it never saw.
 */
import { syntheticPhoto } from '../../../demo/photos.ts';
import { dhash, hashDistance, phash } from '../../../images/index.ts';
import { createRng } from '../../../sitegen/prng.ts';
import { PHOTO_TRANSFORMS, type PhotoTransform, transformPhoto } from '../../fixtures/images/transforms.ts';

export interface PhotoSet {
  gallery: { hash: string; original: number }[];
  copies: { hash: string; original: number; transform: PhotoTransform }[];
}

export type HashName = 'phash' | 'dhash';
const HASHES: Record<HashName, (b: Uint8Array) => Promise<string>> = { phash, dhash };

export async function makePhotoSet(
  name: HashName,
  firstSeed: number,
  originals: number,
  distractors: number,
): Promise<PhotoSet> {
  const hash = HASHES[name];
  const rng = createRng(`photo-set:${firstSeed}`);
  const set: PhotoSet = { gallery: [], copies: [] };
  for (let i = 0; i < originals + distractors; i++) {
    const seed = firstSeed + i;
    const bytes = await syntheticPhoto(seed);
    set.gallery.push({ hash: await hash(bytes), original: seed });
    if (i >= originals) continue;
    for (const t of PHOTO_TRANSFORMS)
      set.copies.push({
        hash: await hash(await transformPhoto(bytes, t, rng.fork(`${seed}:${t}`))),
        original: seed,
        transform: t,
      });
  }
  return set;
}

export interface MatchScore {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  positives: number;
  byTransform: Record<string, number>;
}

export function scoreMatches(set: PhotoSet, threshold: number): MatchScore {
  let tp = 0;
  let fp = 0;
  const hit: Record<string, [number, number]> = {};
  for (const c of set.copies) {
    let best = 65;
    let bestOriginal = -1;
    for (const g of set.gallery) {
      const d = hashDistance(c.hash, g.hash);
      if (d < best) {
        best = d;
        bestOriginal = g.original;
      }
    }
    hit[c.transform] ??= [0, 0];
    const h = hit[c.transform];
    h[1]++;
    if (best > threshold) continue;
    if (bestOriginal === c.original) {
      tp++;
      h[0]++;
    } else fp++;
  }
  const byTransform = Object.fromEntries(Object.entries(hit).map(([t, [ok, n]]) => [t, ok / n]));
  return {
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp / set.copies.length,
    tp,
    fp,
    positives: set.copies.length,
    byTransform,
  };
}

/** Unrelated pairs (gallery × gallery) within the threshold: how often two different photos would be "the same". */
export function unrelatedWithin(set: PhotoSet, threshold: number): { pairs: number; within: number } {
  let within = 0;
  let pairs = 0;
  for (let i = 0; i < set.gallery.length; i++)
    for (let j = i + 1; j < set.gallery.length; j++) {
      pairs++;
      if (hashDistance(set.gallery[i].hash, set.gallery[j].hash) <= threshold) within++;
    }
  return { pairs, within };
}

/** Highest-recall threshold whose precision is at least `minPrecision` and whose unrelated pairs stay apart. */
export function tuneThreshold(set: PhotoSet, minPrecision = 0.99): number {
  let best = 0;
  for (let t = 0; t <= 20; t++) {
    const s = scoreMatches(set, t);
    if (s.precision >= minPrecision && unrelatedWithin(set, t).within === 0) best = t;
  }
  return best;
}
