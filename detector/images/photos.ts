/**
 * Ad photos compared site against site: the same picture resized, recompressed, lightly cropped or stamped in a
 * corner keeps its 64-bit perceptual hash within a few bits. Pictures found on many unrelated sites (stock images,
 * logos of a common script, icons) say little, so each photo carries a specificity computed over every stored site,
 * the way an idf weighs words: a photo seen on 2 sites (the pair compared) weighs 1, on k sites 1/(k−1).
 */
import { fromHex64, hamming64, hammingHex } from '../hash64.ts';
import type { DetectorThresholds, Evidence, PageFeatures, PhotoFingerprint, SiteProfile } from '../types.ts';

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

/** A photo as compared: its whole-picture hash and, when it was hashed with them, the hashes of its 15 windows. */
export type PhotoHashLike = string | { hash: string; crops?: string[] };

interface Parsed {
  hi: number;
  lo: number;
}

interface ParsedPhoto {
  full: Parsed;
  crops: Parsed[];
}

function parsePhoto(p: PhotoHashLike): ParsedPhoto {
  return typeof p === 'string'
    ? { full: fromHex64(p), crops: [] }
    : { full: fromHex64(p.hash), crops: (p.crops ?? []).map((c) => fromHex64(c)) };
}

/** Whole-picture distance of two photos, and the least distance of one's whole picture to the other's windows. */
function distancesParsed(a: ParsedPhoto, b: ParsedPhoto): { full: number; crop: number } {
  let crop = 65;
  for (const c of a.crops) crop = Math.min(crop, hamming64(c, b.full));
  for (const c of b.crops) crop = Math.min(crop, hamming64(a.full, c));
  return { full: hamming64(a.full, b.full), crop };
}

/**
 * The rule that makes two photos the same picture: their whole-picture hashes within `maxDistance`, or — a cropped
 * copy — one's whole-picture hash within `cropMaxDistance` of one of the other's windows (a stricter bound: 30 more
 * comparisons per pair give unrelated photos 30 more chances to come close). Null when they are not.
 */
export function photoMatchOfDistances(
  d: { full: number; crop: number },
  maxDistance: number,
  cropMaxDistance: number,
): { distance: number; crop: boolean } | null {
  if (d.full <= maxDistance) return { distance: d.full, crop: false };
  return d.crop <= cropMaxDistance ? { distance: d.crop, crop: true } : null;
}

function matchParsed(a: ParsedPhoto, b: ParsedPhoto, maxDistance: number, cropMaxDistance: number) {
  const full = hamming64(a.full, b.full);
  // Most pairs are unrelated: the 30 window comparisons only when the whole pictures do not already match.
  if (full <= maxDistance) return { distance: full, crop: false };
  return photoMatchOfDistances(distancesParsed(a, b), maxDistance, cropMaxDistance);
}

/** Both distances of two photos as stored (16 hex digits each; `crop` is 65 when neither has windows). */
export function photoDistances(a: PhotoHashLike, b: PhotoHashLike): { full: number; crop: number } {
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

/**
 * Sites that carry most of each other's photos are one family (a clone and its mirrors) and count as one site in a
 * photo's specificity, as long as the family is small: the same photos on many sites are a stock set, whatever their
 * share. Both sides must find at least `minShared` of their photos on the other, and at least `share` of them (of
 * their photos that are on at most `maxSites` sites: stock photos neither make a family nor dilute one).
 */
export interface PhotoFamilyRule {
  minShared: number;
  share: number;
  /** Largest family counted as one; a group of sites sharing photos larger than this is stock. */
  maxSites: number;
}

/**
 * For each of `sites` (each a list of photos), for each of its photo hashes: on how many sites the same picture
 * appears (`photoMatch`), itself included, its family (`family`) excluded. Hashes are split in 8 bytes: two hashes
 * within 7 bits share at least one byte, so only those are compared; each photo is indexed by its whole-picture
 * hash and its windows, and looked up by both.
 */
export function photoSiteFrequencies(
  sites: PhotoHashLike[][],
  maxDistance: number,
  cropMaxDistance = Math.min(maxDistance, 4),
  family?: PhotoFamilyRule,
): Map<string, number>[] {
  const bands = Array.from({ length: 8 }, () => new Map<string, number[]>());
  const all: { hash: string; keys: string[]; parsed: ParsedPhoto; site: number }[] = [];
  const hashesOf: Set<string>[] = sites.map(() => new Set());
  const index = (key: string, i: number) => {
    for (let b = 0; b < 8; b++) {
      const k = key.slice(2 * b, 2 * b + 2);
      const list = bands[b].get(k) ?? [];
      if (list.at(-1) !== i) list.push(i);
      bands[b].set(k, list);
    }
  };
  sites.forEach((photos, site) => {
    for (const p of photos) {
      const hash = typeof p === 'string' ? p : p.hash;
      if (hashesOf[site].has(hash)) continue;
      hashesOf[site].add(hash);
      const keys = typeof p === 'string' ? [hash] : [hash, ...(p.crops ?? [])];
      const i = all.push({ hash, keys, parsed: parsePhoto(p), site }) - 1;
      for (const key of keys) index(key, i);
    }
  });
  const near = new Map<string, Set<number>>();
  for (const photo of all) {
    if (near.has(photo.hash)) continue;
    const sitesNear = new Set<number>();
    const probe = (key: string) => {
      for (let b = 0; b < 8; b++)
        for (const j of bands[b].get(key.slice(2 * b, 2 * b + 2)) ?? []) {
          const other = all[j];
          if (!sitesNear.has(other.site) && matchParsed(photo.parsed, other.parsed, maxDistance, cropMaxDistance))
            sitesNear.add(other.site);
        }
    };
    for (const key of photo.keys) probe(key);
    near.set(photo.hash, sitesNear);
  }
  const related = family ? photoFamilies(hashesOf, near, family) : null;
  return hashesOf.map((hashes, site) => {
    const out = new Map<string, number>();
    for (const hash of hashes) {
      let n = 0;
      for (const other of near.get(hash) ?? []) if (other === site || !related?.[site].has(other)) n++;
      out.set(hash, Math.max(n, 1));
    }
    return out;
  });
}

/** For each site, the other sites of its family (`PhotoFamilyRule`); empty when its family is too large. */
function photoFamilies(hashesOf: Set<string>[], near: Map<string, Set<number>>, rule: PhotoFamilyRule): Set<number>[] {
  // found[a].get(b): how many of a's photos are on b, of the `own` photos a could share with a family. A photo on
  // more sites than a family can hold is stock: it makes no family and is not counted in the share either (it also
  // keeps this count linear in the photos, not quadratic in a stock photo's sites).
  const own = hashesOf.map(() => 0);
  const found = hashesOf.map((hashes, a) => {
    const m = new Map<number, number>();
    for (const hash of hashes) {
      const on = near.get(hash);
      if (!on || on.size > rule.maxSites) continue;
      own[a]++;
      for (const b of on) m.set(b, (m.get(b) ?? 0) + 1);
    }
    return m;
  });
  const holds = (a: number, b: number) => {
    const n = found[a].get(b) ?? 0;
    return n >= rule.minShared && n >= rule.share * own[a];
  };
  const families = hashesOf.map((_, a) => {
    const members = new Set<number>();
    for (const b of found[a].keys()) if (b !== a && holds(a, b) && holds(b, a)) members.add(b);
    return members;
  });
  return families.map((members) => (members.size + 1 > rule.maxSites ? new Set<number>() : members));
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
  const rParsed = rp.map(parsePhoto);
  let weighted = 0;
  for (const c of cp) {
    const cParsed = parsePhoto(c);
    let best: { distance: number; crop: boolean } | null = null;
    let bestI = -1;
    for (let i = 0; i < rp.length; i++) {
      if (used[i]) continue;
      const m = matchParsed(cParsed, rParsed[i], t.photoMaxDistance, t.photoCropMaxDistance);
      if (m && (!best || m.distance < best.distance)) {
        best = m;
        bestI = i;
      }
    }
    if (!best) continue;
    // One-to-one: a reference photo matches one candidate photo only.
    used[bestI] = 1;
    const r = rp[bestI];
    const specificity = Math.min(r.specificity, c.specificity);
    weighted += specificity;
    pairs.push({
      kind: 'shared-photo',
      distance: best.distance,
      ...(best.crop ? { crop: true } : {}),
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
