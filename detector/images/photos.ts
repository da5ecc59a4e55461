/**
 * Ad photos compared site against site: the same picture resized, recompressed, lightly cropped or stamped in a
 * corner keeps its 64-bit perceptual hash within a few bits. Pictures found on many unrelated sites (stock images,
 * logos of a common script, icons) say little, so each photo carries a specificity computed over every stored site,
 * the way an idf weighs words: a photo seen on 2 sites (the pair compared) weighs 1, on k sites 1/(k−1).
 */
import { fromHex64, popcount32 } from '../hash64.ts';
import type { DetectorThresholds, Evidence, PageFeatures, PhotoFingerprint, SiteProfile } from '../types.ts';

type PhotoPair = Extract<Evidence, { kind: 'shared-photo' }>;

/** Pictures smaller than this on either side are icons or buttons, not ad photos (still read by OCR). */
export const MIN_PHOTO_SIDE = 100;
/** Photos kept per profile (the comparison is all-by-all on both sides). */
const MAX_PHOTOS = 2_000;

export function hashDistance(a: string, b: string): number {
  const x = fromHex64(a);
  const y = fromHex64(b);
  return popcount32(x.hi ^ y.hi) + popcount32(x.lo ^ y.lo);
}

/** The distinct ad photos of a site's pages (one per hash), without their specificity yet. */
export function sitePhotos(pages: PageFeatures[]): Omit<PhotoFingerprint, 'specificity'>[] {
  const seen = new Set<string>();
  const out: Omit<PhotoFingerprint, 'specificity'>[] = [];
  for (const p of pages)
    for (const img of p.images ?? []) {
      if (Math.min(img.width, img.height) < MIN_PHOTO_SIDE || seen.has(img.hash) || seen.has(img.sha256)) continue;
      seen.add(img.hash);
      seen.add(img.sha256);
      out.push({ url: img.url, sha256: img.sha256, hash: img.hash });
      if (out.length >= MAX_PHOTOS) return out;
    }
  return out;
}

/**
 * For every photo hash, on how many sites (of `sites`, each a list of hashes) a photo within `maxDistance` appears.
 * Hashes are split in 8 bytes: two hashes within 7 bits share at least one byte, so only those are compared.
 */
export function photoSiteFrequencies(sites: string[][], maxDistance: number): Map<string, number> {
  const bands = Array.from({ length: 8 }, () => new Map<string, number[]>());
  const all: { hash: string; site: number }[] = [];
  sites.forEach((hashes, site) => {
    for (const hash of new Set(hashes)) {
      const i = all.push({ hash, site }) - 1;
      for (let b = 0; b < 8; b++) {
        const key = hash.slice(2 * b, 2 * b + 2);
        const list = bands[b].get(key) ?? [];
        list.push(i);
        bands[b].set(key, list);
      }
    }
  });
  const out = new Map<string, number>();
  for (const { hash } of all) {
    if (out.has(hash)) continue;
    const sitesNear = new Set<number>();
    for (let b = 0; b < 8; b++)
      for (const j of bands[b].get(hash.slice(2 * b, 2 * b + 2)) ?? []) {
        if (!sitesNear.has(all[j].site) && hashDistance(hash, all[j].hash) <= maxDistance) sitesNear.add(all[j].site);
      }
    out.set(hash, sitesNear.size);
  }
  return out;
}

/** 1 for a photo on at most two sites; 1/(k−1) for one on k sites. */
export function specificityOf(siteCount: number): number {
  return siteCount <= 2 ? 1 : 1 / (siteCount - 1);
}

export interface PhotoSignal {
  value: number | null;
  pairs: PhotoPair[];
  /** Matched photos weighted by specificity (what "N photos shared" counts in the rule). */
  weighted: number;
}

export function photoSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): PhotoSignal {
  const rp = ref.photos ?? [];
  const cp = cand.photos ?? [];
  if (rp.length === 0 || cp.length === 0) return { value: null, pairs: [], weighted: 0 };
  const used = new Uint8Array(rp.length);
  const pairs: PhotoPair[] = [];
  let weighted = 0;
  for (const c of cp) {
    let best = 65;
    let bestI = -1;
    for (let i = 0; i < rp.length; i++) {
      if (used[i]) continue;
      const d = hashDistance(c.hash, rp[i].hash);
      if (d < best) {
        best = d;
        bestI = i;
      }
    }
    if (bestI < 0 || best > t.photoMaxDistance) continue;
    // One-to-one: a reference photo matches one candidate photo only.
    used[bestI] = 1;
    const r = rp[bestI];
    const specificity = Math.min(r.specificity, c.specificity);
    weighted += specificity;
    pairs.push({
      kind: 'shared-photo',
      distance: best,
      specificity: Math.round(specificity * 1000) / 1000,
      reference: { url: r.url, sha256: r.sha256 },
      candidate: { url: c.url, sha256: c.sha256 },
    });
  }
  return { value: Math.min(1, weighted / Math.min(rp.length, cp.length)), pairs, weighted };
}

/** Score from shared photos alone: from the clone threshold up with the share, once enough specific photos match. */
export function photoRule(photos: PhotoSignal, t: DetectorThresholds): number {
  if (photos.value === null || photos.value < t.clonePhotoShare || photos.weighted < t.minSharedPhotos) return 0;
  return t.cloneScore + ((1 - t.cloneScore) * (photos.value - t.clonePhotoShare)) / (1 - t.clonePhotoShare);
}
