/**
 * Photo-match evaluation: originals (procedural scenes), each copied with every transform a resurgent site applies,
 * and a gallery that also holds unrelated distractors. A copy is matched to its nearest gallery photo within the
 * thresholds (as the detector pairs photos, `photoMatch`); right = its own original. The thresholds are chosen on
 * the fit set (seeds 1000+) and reported on the held-out set (seeds 5000+), which they never saw.
 */
import { syntheticPhoto } from '../../../demo/photos.ts';
import { photoDistances, photoMatchOfDistances } from '../../../detector/images/index.ts';
import { dhash, phash, photoHashes } from '../../../images/index.ts';
import { createRng } from '../../../sitegen/prng.ts';
import { PHOTO_TRANSFORMS, type PhotoTransform, transformPhoto } from '../../fixtures/images/transforms.ts';

interface Hashed {
  hash: string;
  crops?: string[];
}

export interface PhotoSet {
  gallery: (Hashed & { original: number })[];
  copies: (Hashed & { original: number; transform: PhotoTransform })[];
  /** Distances of every copy to every gallery photo, and of every unrelated gallery pair (computed once). */
  toGallery: ReturnType<typeof photoDistances>[][];
  unrelated: ReturnType<typeof photoDistances>[];
}

/** `phash+windows`: the whole-picture pHash and the pHashes of its 48 windows (what the crawler stores). */
export type HashName = 'phash+windows' | 'phash' | 'dhash';
const HASHES: Record<HashName, (b: Uint8Array) => Promise<Hashed>> = {
  'phash+windows': photoHashes,
  phash: async (b) => ({ hash: await phash(b) }),
  dhash: async (b) => ({ hash: await dhash(b) }),
};

/** Whole-picture threshold, and the window one (equal to it, or below: ignored when there are no windows). */
export interface Thresholds {
  full: number;
  crop: number;
}

export async function makePhotoSet(
  name: HashName,
  firstSeed: number,
  originals: number,
  distractors: number,
): Promise<PhotoSet> {
  const hash = HASHES[name];
  const rng = createRng(`photo-set:${firstSeed}`);
  const set: PhotoSet = { gallery: [], copies: [], toGallery: [], unrelated: [] };
  for (let i = 0; i < originals + distractors; i++) {
    const seed = firstSeed + i;
    const bytes = await syntheticPhoto(seed);
    set.gallery.push({ ...(await hash(bytes)), original: seed });
    if (i >= originals) continue;
    for (const t of PHOTO_TRANSFORMS)
      set.copies.push({
        ...(await hash(await transformPhoto(bytes, t, rng.fork(`${seed}:${t}`)))),
        original: seed,
        transform: t,
      });
  }
  set.toGallery = set.copies.map((c) => set.gallery.map((g) => photoDistances(c, g)));
  for (let i = 0; i < set.gallery.length; i++)
    for (let j = i + 1; j < set.gallery.length; j++) set.unrelated.push(photoDistances(set.gallery[i], set.gallery[j]));
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

export function scoreMatches(set: PhotoSet, t: Thresholds): MatchScore {
  let tp = 0;
  let fp = 0;
  const hit: Record<string, [number, number]> = {};
  set.copies.forEach((c, ci) => {
    let best = 65;
    let bestOriginal = -1;
    set.gallery.forEach((g, gi) => {
      const d = photoMatchOfDistances(set.toGallery[ci][gi], t.full, t.crop)?.distance ?? 65;
      if (d < best) {
        best = d;
        bestOriginal = g.original;
      }
    });
    hit[c.transform] ??= [0, 0];
    const h = hit[c.transform];
    h[1]++;
    if (best > 64) return;
    if (bestOriginal === c.original) {
      tp++;
      h[0]++;
    } else fp++;
  });
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

/** Unrelated pairs (gallery × gallery) within the thresholds: how often two different photos would be "the same". */
export function unrelatedWithin(set: PhotoSet, t: Thresholds): { pairs: number; within: number } {
  const within = set.unrelated.filter((d) => photoMatchOfDistances(d, t.full, t.crop)).length;
  return { pairs: set.unrelated.length, within };
}

/**
 * Highest-recall thresholds whose precision is at least `minPrecision` and whose unrelated pairs all stay apart
 * (ties: the lowest thresholds). Without windows only the whole-picture threshold is searched.
 */
export function tuneThresholds(set: PhotoSet, minPrecision = 0.99): Thresholds {
  const windows = set.gallery.some((g) => g.crops?.length);
  let best: Thresholds = { full: 0, crop: 0 };
  let bestRecall = -1;
  for (let full = 0; full <= 16; full++)
    for (let crop = windows ? 0 : full; crop <= full; crop++) {
      const t = { full, crop };
      const s = scoreMatches(set, t);
      if (s.recall > bestRecall && s.precision >= minPrecision && unrelatedWithin(set, t).within === 0) {
        best = t;
        bestRecall = s.recall;
      }
    }
  return best;
}
