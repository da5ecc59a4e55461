/**
 * Ad photos compared site against site: the same picture resized, recompressed, lightly cropped or stamped in a
 * corner keeps its 64-bit perceptual hash within a few bits. Pictures found on many unrelated sites (stock images,
 * logos of a common script, icons) say little, so each photo carries a specificity computed over every stored site,
 * the way an idf weighs words: a photo seen on 2 sites (the pair compared) weighs 1, on k sites 1/(k−1).
 */

import { hamming64, hammingHex } from '../hash64.ts';
import { matchingOwners } from '../matching.ts';
import type { DetectorThresholds, Evidence, PageFeatures, PhotoFingerprint, SiteProfile } from '../types.ts';
import {
  closestViews,
  distancesParsed,
  ladderDistance,
  type ParsedPhoto,
  type PhotoHashLike,
  parsePhoto,
} from './views.ts';

type PhotoPair = Extract<Evidence, { kind: 'shared-photo' }>;

/** Pictures smaller than this on either side are icons or buttons, not ad photos (still read by OCR). */
export const MIN_PHOTO_SIDE = 100;
/** Photos kept per profile (the comparison is all-by-all on both sides). */
const MAX_PHOTOS = 2_000;

/** Hamming distance of two perceptual hashes (16 hex digits). */
export const hashDistance = hammingHex;

/** The distinct ad photos of a site's pages (one per hash), without their specificity yet. */
export function sitePhotos(pages: PageFeatures[]): Omit<PhotoFingerprint, 'specificity'>[] {
  const seen = new Set<string>();
  const out: Omit<PhotoFingerprint, 'specificity'>[] = [];
  for (const p of pages)
    for (const img of p.images ?? []) {
      if (Math.min(img.width, img.height) < MIN_PHOTO_SIDE || seen.has(img.hash) || seen.has(img.sha256)) continue;
      seen.add(img.hash);
      seen.add(img.sha256);
      out.push({ url: img.url, sha256: img.sha256, hash: img.hash, ...(img.crops ? { crops: img.crops } : {}) });
      if (out.length >= MAX_PHOTOS) return out;
    }
  return out;
}

export { type ParsedPhoto, type PhotoHashLike, parsePhoto } from './views.ts';

/**
 * The rule that makes two photos the same picture: their whole-picture hashes within `maxDistance`, or — a cropped
 * copy — a view of one within `cropMaxDistance` of a view of the other (`distancesParsed`; a stricter bound: some
 * 450 more comparisons per pair give unrelated photos as many more chances to come close), or — a copy re-cropped
 * deeper and stamped along an edge — their ladders within `maxDistance` (a few dozen centred views: views.ts
 * `ladderDistance`). Null when they are not.
 */
/** How two photos match: the distance, whether through a window (`crop`), and whether through the ladders. */
export interface PhotoMatchResult {
  distance: number;
  crop: boolean;
  ladder?: true;
}

export function photoMatchOfDistances(
  d: { full: number; crop: number; ladder: number },
  maxDistance: number,
  cropMaxDistance: number,
): PhotoMatchResult | null {
  if (d.full <= maxDistance) return { distance: d.full, crop: false };
  if (d.crop <= cropMaxDistance) return { distance: d.crop, crop: true };
  return d.ladder <= maxDistance ? { distance: d.ladder, crop: true, ladder: true } : null;
}

export function matchParsed(
  a: ParsedPhoto,
  b: ParsedPhoto,
  maxDistance: number,
  cropMaxDistance: number,
): PhotoMatchResult | null {
  const full = hamming64(a.full, b.full);
  // Most pairs are unrelated: the window comparisons only when the whole pictures do not already match, and only
  // those that can come within the bound (views.ts closestViews).
  if (full <= maxDistance) return { distance: full, crop: false };
  const crop = closestViews(a, b, cropMaxDistance);
  if (crop <= cropMaxDistance) return { distance: crop, crop: true };
  const ladder = ladderDistance(a, b);
  return ladder <= maxDistance ? { distance: ladder, crop: true, ladder: true } : null;
}

/** The three distances of two photos as stored (16 hex digits each; `crop` and `ladder` are 65 when nothing compares). */
export function photoDistances(a: PhotoHashLike, b: PhotoHashLike): { full: number; crop: number; ladder: number } {
  return distancesParsed(parsePhoto(a), parsePhoto(b));
}

/** `photoMatchOfDistances` on photos as stored. */
export function photoMatch(
  a: PhotoHashLike,
  b: PhotoHashLike,
  maxDistance: number,
  cropMaxDistance: number,
): { distance: number; crop: boolean } | null {
  return matchParsed(parsePhoto(a), parsePhoto(b), maxDistance, cropMaxDistance);
}

/** 1 for a photo on at most two sites; 1/(k−1) for one on k sites. */
export function specificityOf(siteCount: number): number {
  return siteCount <= 2 ? 1 : 1 / (siteCount - 1);
}

export interface PhotoSignal {
  /** Shared photos (weighted) over the smaller side's photos: how much of one site's pictures the other carries. */
  value: number | null;
  pairs: PhotoPair[];
  /** Matched photos weighted by specificity (what "N photos shared" counts in the rule). */
  weighted: number;
  /** Shared photos (weighted) over the candidate's photos, and over the reference's (0 when a side has none). */
  candidateShare: number;
  referenceShare: number;
  /**
   * Shared pictures counted as ad texts are, each once, over each side's pictures: how much of a side is a copy of
   * the other's photos, whoever else also shows some of them. Stock pictures (on more than `photoFamilySites`
   * families) do not count.
   */
  candidateCopied: number;
  referenceCopied: number;
}

/** A site's photos, parsed, with the picture each shows: near-identical photos of one site (an ad's thumbnail and its
 * full view) are one picture, so a site showing each photo twice neither doubles its shares nor its count. */
interface SitePictures {
  parsed: ParsedPhoto[];
  picture: Int32Array;
  pictures: number;
}

const picturesCache = new WeakMap<readonly PhotoFingerprint[], Map<string, SitePictures>>();

function sitePictures(photos: readonly PhotoFingerprint[], t: DetectorThresholds): SitePictures {
  const key = `${t.photoMaxDistance}/${t.photoCropMaxDistance}`;
  const cached = picturesCache.get(photos)?.get(key);
  if (cached) return cached;
  const parsed = photos.map(parsePhoto);
  const picture = new Int32Array(photos.length);
  const firsts: number[] = [];
  for (let i = 0; i < parsed.length; i++) {
    let id = -1;
    for (const f of firsts) {
      if (matchParsed(parsed[i], parsed[f], t.photoMaxDistance, t.photoCropMaxDistance)) {
        id = picture[f];
        break;
      }
    }
    if (id < 0) {
      id = firsts.length;
      firsts.push(i);
    }
    picture[i] = id;
  }
  const out = { parsed, picture, pictures: firsts.length };
  const byKey = picturesCache.get(photos) ?? new Map<string, SitePictures>();
  byKey.set(key, out);
  picturesCache.set(photos, byKey);
  return out;
}

/** Sum over the pictures of the best specificity among their matched photos. */
function pictureWeight(picture: Int32Array, matched: [index: number, specificity: number][]): number {
  const best = new Map<number, number>();
  for (const [i, s] of matched) best.set(picture[i], Math.max(best.get(picture[i]) ?? 0, s));
  let sum = 0;
  for (const s of best.values()) sum += s;
  return sum;
}

export function photoSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): PhotoSignal {
  const rp = ref.photos ?? [];
  const cp = cand.photos ?? [];
  if (rp.length === 0 || cp.length === 0)
    return {
      value: null,
      pairs: [],
      weighted: 0,
      candidateShare: 0,
      referenceShare: 0,
      candidateCopied: 0,
      referenceCopied: 0,
    };
  const pairs: PhotoPair[] = [];
  const rSite = sitePictures(rp, t);
  const cSite = sitePictures(cp, t);
  const rParsed = rSite.parsed;
  const refMatched: [number, number][] = [];
  const candMatched: [number, number][] = [];
  // Every candidate photo's matches, the nearest first; then one maximum one-to-one pairing (a reference photo matches
  // one candidate photo only), so one match more never pairs fewer photos (matching.ts).
  const found = cp.map((_, ci) => {
    const list: { i: number; m: PhotoMatchResult }[] = [];
    for (let i = 0; i < rp.length; i++) {
      const m = matchParsed(cSite.parsed[ci], rParsed[i], t.photoMaxDistance, t.photoCropMaxDistance);
      if (m) list.push({ i, m });
    }
    return list.sort((a, b) => a.m.distance - b.m.distance || a.i - b.i);
  });
  const owner = matchingOwners(
    found.map((list) => list.map((x) => x.i)),
    rp.length,
  );
  const byCandidate = new Int32Array(cp.length).fill(-1);
  owner.forEach((ci, i) => {
    if (ci >= 0) byCandidate[ci] = i;
  });
  for (const [ci, c] of cp.entries()) {
    const ri = byCandidate[ci];
    if (ri < 0) continue;
    const best = found[ci].find((x) => x.i === ri)!.m;
    const r = rp[ri];
    const specificity = Math.min(r.specificity, c.specificity);
    refMatched.push([ri, specificity]);
    candMatched.push([ci, specificity]);
    pairs.push({
      kind: 'shared-photo',
      distance: best.distance,
      ...(best.crop ? { crop: true } : {}),
      ...(best.ladder ? { ladder: true } : {}),
      specificity: Math.round(specificity * 1000) / 1000,
      reference: { url: r.url, sha256: r.sha256 },
      candidate: { url: c.url, sha256: c.sha256 },
    });
  }
  // Counted in pictures: shared pictures of each side over that side's pictures.
  const refWeight = pictureWeight(rSite.picture, refMatched);
  const candWeight = pictureWeight(cSite.picture, candMatched);
  const weighted = Math.min(refWeight, candWeight);
  // Copied pictures, each counted 1; stock ones (on more than photoFamilySites families: a lower specificity) left out.
  const stockBelow = specificityOf(t.photoFamilySites);
  const copy = (matched: [number, number][]) => matched.map(([i, s]): [number, number] => [i, s >= stockBelow ? 1 : 0]);
  return {
    value: Math.min(1, weighted / Math.min(rSite.pictures, cSite.pictures)),
    pairs,
    weighted,
    candidateShare: Math.min(1, candWeight / cSite.pictures),
    referenceShare: Math.min(1, refWeight / rSite.pictures),
    candidateCopied: Math.min(1, pictureWeight(cSite.picture, copy(candMatched)) / cSite.pictures),
    referenceCopied: Math.min(1, pictureWeight(rSite.picture, copy(refMatched)) / rSite.pictures),
  };
}

/**
 * The photo rule's measure: the pictures carried both ways, √(candidate share × reference share), as content is.
 * A clone brings the reference's pictures with its database (a gallery copy, a partial copy: most of the candidate's
 * photos and a good part of the reference's); an advertiser's own small site that also posts on the reference
 * carries only its few ads' photos, most of its own pictures but a sliver of the reference's.
 */
export function photosBothWays(photos: PhotoSignal): number {
  return Math.sqrt(photos.candidateShare * photos.referenceShare);
}

/** Score from shared photos alone: from the clone threshold up with the share both ways, once enough specific photos match. */
export function photoRule(photos: PhotoSignal, t: DetectorThresholds): number {
  const both = photosBothWays(photos);
  if (photos.value === null || both < t.clonePhotoShare || photos.weighted < t.minSharedPhotos) return 0;
  return t.cloneScore + ((1 - t.cloneScore) * (both - t.clonePhotoShare)) / (1 - t.clonePhotoShare);
}
