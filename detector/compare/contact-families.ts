/**
 * An operator's own contact counts families, not sites. A site that comes back in several copies (the old domain, a
 * restart, a mirror, a photo gallery) carries its operator's phone and address on each of them; counted site by site,
 * that contact would look like an agency's or a host's, spread over many sites, and weigh less with every copy the
 * operator puts online: the more it relaunches, the less its own number would sign the relaunch.
 *
 * So the sites carrying an operator's contact (one that some site shows as its own: a footer, a contact page) are
 * grouped first: two of them are one family when they also share content, `minSharedAds` near-identical ads or
 * `minSharedPhotos` near-identical photos. Unrelated sites behind one agency or host share the contact and nothing
 * else, and stay apart. The contact's weight then counts the families (connected components) carrying it. An
 * advertiser's contact, never a site's own, keeps its count of sites: an advertiser who posts everywhere is common.
 *
 * The grouping gives what comparing the sites pair by pair, every ad and photo of one against every one of the other,
 * would give (the unit tests hold it to that brute force), without the quadratic cost: the ads (and photos, and photo
 * windows) of a contact's sites are pooled, equal hashes merged, and the near pairs found at once with a band index
 * (hamming-join.ts); each hash then knows the sites carrying a near one, which counts for every pair of sites how many
 * ads (photos) of the first have a match on the second. Sites carrying the same contacts are grouped once. Where the
 * index declines (thresholds too loose for it, or hashes crowded into near copies of one another), the sites are
 * compared pair by pair as before, each comparison stopping at the first `minSharedAds` (`minSharedPhotos`) matches.
 */
import { fromHex64, hamming64 } from '../hash64.ts';
import { matchParsed, type ParsedPhoto, type PhotoHashLike, parsePhoto } from '../images/photos.ts';
import {
  LADDER_FIRST,
  LADDER_REACH,
  LADDER_STEPS,
  ladderStepAt,
  WINDOW_CLASS,
  WINDOW_CLASSES,
} from '../images/windows.ts';
import type { DetectorThresholds, SiteProfile } from '../types.ts';
import { distinct, type Hashes, nearJoin, type Planner, planBands, SiteMasks } from './hamming-join.ts';

/** Past this many sites a contact is common whatever its families (and the pairwise grouping stays cheap). */
const MAX_SITES = 64;

/** A contact's key in the corpus statistics (`kind:value`); corpus.ts re-exports it. */
export const contactKey = (c: { kind: string; value: string }) => `${c.kind}:${c.value}`;

/** 8 hex digits of `s` from `from` as a 32-bit word, or -1 when one is not a hex digit. */
function hexWord(s: string, from: number): number {
  let v = 0;
  for (let i = from; i < from + 8; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
    if (digit < 0) return -1;
    v = v * 16 + digit;
  }
  return v;
}

/** Writes hash `s` at `i` as `fromHex64` reads it (straight from the digits when the first 16 are hex, as stored). */
function parseInto(out: Hashes, i: number, s: string): void {
  let hi = typeof s === 'string' && s.length >= 16 ? hexWord(s, 0) : -1;
  let lo = hi < 0 ? -1 : hexWord(s, 8);
  if (lo < 0) ({ hi, lo } = fromHex64(s));
  out.hi[i] = hi;
  out.lo[i] = lo;
}

const sized = (n: number): Hashes => ({ hi: new Int32Array(n), lo: new Int32Array(n) });

/** Hashes of all the sites, one list, with the position of the site of each. */
interface Pool {
  all: Hashes;
  site: Int32Array;
}

/** The ad fingerprints of the sites, pooled. */
function poolAds(sites: SiteProfile[]): Pool {
  let n = 0;
  for (const p of sites) n += p.ads.length;
  const out = { all: sized(n), site: new Int32Array(n) };
  n = 0;
  sites.forEach((p, s) => {
    for (const a of p.ads) {
      parseInto(out.all, n, a.fingerprint);
      out.site[n++] = s;
    }
  });
  return out;
}

const photosOf = (p: SiteProfile) => (p.photos ?? []) as PhotoHashLike[];
const windowsOf = (ph: PhotoHashLike) => (typeof ph === 'string' ? [] : (ph.crops ?? []));
/** A photo's crop windows and any unknown ones past the ladder, with their positions: the ladder is joined apart. */
const cropWindowsOf = (ph: PhotoHashLike): [string, number][] =>
  windowsOf(ph)
    .map((c, i): [string, number] => [c, i])
    .filter(([, i]) => ladderStepAt(i) === 0);

/**
 * The photos of the sites pooled, read as `parsePhoto` reads them (a photo may be a bare hash, without windows), and
 * their windows pooled, with the photo of each.
 */
function poolPhotos(sites: SiteProfile[]): { photos: Pool; crops: Pool; cropPhoto: Int32Array; cropClass: Int32Array } {
  let n = 0;
  let w = 0;
  for (const p of sites)
    for (const ph of photosOf(p)) {
      n++;
      w += cropWindowsOf(ph).length;
    }
  const photos = { all: sized(n), site: new Int32Array(n) };
  const crops = { all: sized(w), site: new Int32Array(w) };
  const cropPhoto = new Int32Array(w);
  const cropClass = new Int32Array(w);
  n = 0;
  w = 0;
  sites.forEach((p, s) => {
    for (const ph of photosOf(p)) {
      parseInto(photos.all, n, typeof ph === 'string' ? ph : ph.hash);
      photos.site[n] = s;
      for (const [c, i] of cropWindowsOf(ph)) {
        parseInto(crops.all, w, c);
        crops.site[w] = s;
        cropClass[w] = i < WINDOW_CLASS.length ? WINDOW_CLASS[i] : -1;
        cropPhoto[w++] = n;
      }
      n++;
    }
  });
  return { photos, crops, cropPhoto, cropClass };
}

/** `x ≤ bound` ⇔ `x ≤ limit(bound)` for a whole distance x in 0–65 (65: no window to compare), whatever the bound. */
const limit = (bound: number) => (bound >= 0 ? Math.min(65, Math.floor(bound)) : -1);

/** Distinct values of pooled hashes, with the sites carrying each. */
function distinctWithSites(all: Hashes, site: Int32Array) {
  const { of, values } = distinct(all);
  const sites = new SiteMasks(values.hi.length);
  for (let i = 0; i < of.length; i++) sites.add(of[i], site[i]);
  return { of, values, sites };
}

/**
 * shared[a·k + b]: how many items of site a have a near one on site b, from each item's site and the sites near it
 * (`near`'s entry `of[i]` for item i; entry i when `of` is null).
 */
function sharedCounts(k: number, site: Int32Array, near: SiteMasks, of: Int32Array | null): Int32Array {
  const shared = new Int32Array(k * k);
  for (let i = 0; i < site.length; i++) {
    const s = site[i];
    const e = of ? of[i] : i;
    for (let w = 0; w < 2; w++) {
      let m = w === 0 ? near.lo[e] : near.hi[e];
      while (m !== 0) {
        const b = 31 - Math.clz32(m & -m) + 32 * w;
        m &= m - 1;
        if (b !== s) shared[s * k + b]++;
      }
    }
  }
  return shared;
}

/**
 * For each distinct value of `u`, the sites of every value within `d` of it, its own included (equal values are near
 * when any are: d ≥ 0); null when the band index declined.
 */
function sitesNear(u: ReturnType<typeof distinctWithSites>, d: number, planner: Planner): SiteMasks | null {
  const near = d >= 0 ? u.sites.copy() : new SiteMasks(u.values.hi.length);
  const done = nearJoin(
    u.values,
    null,
    d,
    (x, y) => {
      near.or(x, u.sites, y);
      near.or(y, u.sites, x);
    },
    planner,
  );
  return done ? near : null;
}

/**
 * Per pair of sites, how many ads of the first have a near-identical ad (within `adMaxDistance`) on the second; null
 * when the band index declined.
 */
function sharedAds(sites: SiteProfile[], t: DetectorThresholds, planner: Planner): Int32Array | null {
  const { all, site } = poolAds(sites);
  const d = limit(t.adMaxDistance);
  const u = distinctWithSites(all, site);
  const near = sitesNear(u, d, planner);
  return near ? sharedCounts(sites.length, site, near, u.of) : null;
}

/**
 * Per pair of sites, how many photos of the first are the same picture as one of the second's (`matchParsed`): whole
 * pictures within `photoMaxDistance`, or one's whole picture within `photoCropMaxDistance` of one of the other's
 * windows, either way round, or a window within it of a window of the same size; null when the band index declined.
 */
function sharedPhotos(sites: SiteProfile[], t: DetectorThresholds, planner: Planner): Int32Array | null {
  const k = sites.length;
  const { photos, crops, cropPhoto, cropClass } = poolPhotos(sites);
  const full = limit(t.photoMaxDistance);
  const crop = limit(t.photoCropMaxDistance);
  const p = distinctWithSites(photos.all, photos.site);
  if (crop >= 65) {
    // Every two photos match (a missing window counts 65): each site's photos match on every site showing any.
    const any = new SiteMasks(1);
    for (let i = 0; i < p.values.hi.length; i++) any.or(0, p.sites, i);
    return sharedCounts(k, photos.site, any, new Int32Array(photos.site.length));
  }
  // Whole pictures near whole pictures.
  const near = sitesNear(p, full, planner);
  if (!near) return null;
  const w = distinctWithSites(crops.all, crops.site);
  // A whole picture near a window: the picture's photos match the window's, both ways round.
  const nearWindow = new SiteMasks(p.values.hi.length);
  const windowNear = new SiteMasks(w.values.hi.length);
  const windows = nearJoin(
    p.values,
    w.values,
    crop,
    (x, y) => {
      nearWindow.or(x, w.sites, y);
      windowNear.or(y, p.sites, x);
    },
    planner,
  );
  if (!windows) return null;
  const all = near.copy();
  for (let i = 0; i < all.lo.length; i++) all.or(i, nearWindow, i);
  const perPhoto = new SiteMasks(photos.site.length);
  for (let i = 0; i < photos.site.length; i++) perPhoto.or(i, all, p.of[i]);
  for (let c = 0; c < cropPhoto.length; c++) perPhoto.or(cropPhoto[c], windowNear, w.of[c]);
  // Two copies cropped each its own way: a window near a window of the same size, both ways round.
  for (let cls = 0; cls < WINDOW_CLASSES; cls++) {
    const members: number[] = [];
    for (let c = 0; c < cropClass.length; c++) if (cropClass[c] === cls) members.push(c);
    if (members.length === 0) continue;
    const pool = { all: sized(members.length), site: new Int32Array(members.length) };
    members.forEach((c, j) => {
      pool.all.hi[j] = crops.all.hi[c];
      pool.all.lo[j] = crops.all.lo[c];
      pool.site[j] = crops.site[c];
    });
    const v = distinctWithSites(pool.all, pool.site);
    const wwNear = sitesNear(v, crop, planner);
    if (!wwNear) return null;
    members.forEach((c, j) => {
      perPhoto.or(cropPhoto[c], wwNear, v.of[j]);
    });
  }
  if (!ladderMatches(sites, full, perPhoto, planner)) return null;
  return sharedCounts(k, photos.site, perPhoto, null);
}

/**
 * A copy re-cropped deeper (views.ts `ladderDistance`): a step of one photo's ladder within `full` of a step 1 to
 * LADDER_REACH further down another's, step 0 being the whole picture. Adds to `perPhoto` the sites of the photos
 * met; false when the band index declined.
 */
function ladderMatches(sites: SiteProfile[], full: number, perPhoto: SiteMasks, planner: Planner): boolean {
  const steps = Array.from({ length: LADDER_STEPS + 1 }, (_, k) => {
    const items: [string, number, number][] = [];
    let n = 0;
    sites.forEach((p, s) => {
      for (const ph of photosOf(p)) {
        const h = k === 0 ? (typeof ph === 'string' ? ph : ph.hash) : windowsOf(ph)[LADDER_FIRST + k - 1];
        if (h !== undefined) items.push([h, s, n]);
        n++;
      }
    });
    const all = sized(items.length);
    for (const [i, [h]] of items.entries()) parseInto(all, i, h);
    const u = distinctWithSites(
      all,
      Int32Array.from(items, (x) => x[1]),
    );
    return { u, photo: Int32Array.from(items, ([, , n]) => n), near: new SiteMasks(u.values.hi.length) };
  });
  for (let j = 0; j < steps.length; j++)
    for (let d = 1; d <= LADDER_REACH && j + d < steps.length; d++) {
      const [a, b] = [steps[j], steps[j + d]];
      if (a.photo.length === 0 || b.photo.length === 0) continue;
      const done = nearJoin(
        a.u.values,
        b.u.values,
        full,
        (x, y) => {
          a.near.or(x, b.u.sites, y);
          b.near.or(y, a.u.sites, x);
        },
        planner,
      );
      if (!done) return false;
    }
  for (const { u, photo, near } of steps) for (let i = 0; i < photo.length; i++) perPhoto.or(photo[i], near, u.of[i]);
  return true;
}

/** Whether `enough` items of `a` have a match in `b` (at least one): site pair by site pair, stopping there. */
function countShared<T>(a: T[], b: T[], same: (x: T, y: T) => boolean, enough: number): boolean {
  let n = 0;
  for (const x of a) {
    if (b.some((y) => same(x, y)) && ++n >= enough) return true;
  }
  return false;
}

/** What `countShared` answers from a count of items with a match. */
const reaches = (n: number, enough: number) => n >= 1 && n >= enough;

/**
 * For each operator contact carried by three sites or more, the number of families carrying it (only when lower than
 * its number of sites). Profiles are the corpus's, each site once. `planner` (tests) picks the band indexes.
 */
export function contactFamilyCounts(
  profiles: SiteProfile[],
  t: DetectorThresholds,
  planner: Planner = planBands,
): Record<string, number> {
  const own = new Set<string>();
  for (const p of profiles) for (const c of p.contacts) if (c.scope === 'site') own.add(contactKey(c));
  // Only a contact whose value ends an operator's key after a colon can carry it: the others' keys are not built.
  const tails = new Set<string>();
  for (const key of own)
    for (let at = key.indexOf(':'); at >= 0; at = key.indexOf(':', at + 1)) tails.add(key.slice(at + 1));
  const carriers = new Map<string, number[]>();
  profiles.forEach((p, i) => {
    for (const c of p.contacts) {
      if (!tails.has(typeof c.value === 'string' ? c.value : `${c.value}`)) continue;
      const key = contactKey(c);
      if (!own.has(key)) continue;
      const list = carriers.get(key) ?? [];
      if (list.at(-1) !== i) list.push(i);
      carriers.set(key, list);
    }
  });
  // Families depend on the sites only: an operator's phone and address on the same sites are grouped once.
  const bySites = new Map<string, number>();
  const familiesOf = (sites: number[]): number => {
    // Each contact's sites read afresh (held over the whole corpus, the parsed hashes would outlive the young
    // generation and weigh on the collection of a large heap).
    const ps = sites.map((i) => profiles[i]);
    const k = sites.length;
    // Union-find over the sites carrying the contact; two are linked when the first (lower in the corpus) has
    // minSharedAds ads, or minSharedPhotos photos, with a near-identical one on the second.
    const parent = sites.map((_, n) => n);
    const find = (n: number): number => {
      while (parent[n] !== n) n = parent[n];
      return n;
    };
    let count = k;
    const unite = (linked: (a: number, b: number) => boolean) => {
      for (let a = 0; a < k; a++)
        for (let b = a + 1; b < k; b++)
          if (find(a) !== find(b) && linked(a, b)) {
            parent[find(a)] = find(b);
            count--;
          }
    };
    // Where the band index declined (thresholds too loose for it, or hashes crowded into near copies of one another),
    // site pair by site pair as before it, stopping at the first enough matches (cheap where everything is near).
    const parsed = <T>(read: (p: SiteProfile) => T) => {
      const cache = new Map<number, T>();
      return (n: number) => cache.get(n) ?? cache.set(n, read(ps[n])).get(n)!;
    };
    const ads = sharedAds(ps, t, planner);
    if (ads) unite((a, b) => reaches(ads[a * k + b], t.minSharedAds));
    else {
      const of = parsed((p) => p.ads.map((a) => fromHex64(a.fingerprint)));
      unite((a, b) => countShared(of(a), of(b), (x, y) => hamming64(x, y) <= t.adMaxDistance, t.minSharedAds));
    }
    if (count === 1) return count;
    const photos = sharedPhotos(ps, t, planner);
    if (photos) unite((a, b) => reaches(photos[a * k + b], t.minSharedPhotos));
    else {
      const of = parsed((p) => (p.photos ?? []).map(parsePhoto));
      const same = (x: ParsedPhoto, y: ParsedPhoto) =>
        matchParsed(x, y, t.photoMaxDistance, t.photoCropMaxDistance) !== null;
      unite((a, b) => countShared(of(a), of(b), same, t.minSharedPhotos));
    }
    return count;
  };
  const families: Record<string, number> = {};
  for (const key of own) {
    const sites = carriers.get(key)!;
    if (sites.length < 3 || sites.length > MAX_SITES) continue;
    const id = sites.join(',');
    let count = bySites.get(id);
    if (count === undefined) {
      count = familiesOf(sites);
      bySites.set(id, count);
    }
    if (count < sites.length) families[key] = count;
  }
  return families;
}
