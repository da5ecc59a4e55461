/**
 * A photo's specificity counts families, not sites. A clone online in several copies (mirrors, photo-only galleries)
 * carries the reference's photos on many sites; counted site by site, its own photos would look like a stock set and
 * weigh nothing. So sites are grouped into families first, and a photo is common only when it is spread over several
 * unrelated families.
 *
 * Two sites are one family (an edge) when both find most of their photos on the other (at least `minShared` and
 * `share` of their photos that are on at most `maxSites` sites) and their other content does not contradict it: one of
 * them shows no ad text and no contact (a photo-only copy), or they share a contact or a near-identical ad. Stock
 * photos reused by unrelated sites fail this test: those sites carry their own texts and numbers. A family has no
 * size limit; the sites of a photo other than the site's own family (its direct edges) are counted by connected
 * component, each component once.
 */
import { fromHex64, hamming64 } from '../hash64.ts';
import type { DetectorThresholds, SiteProfile } from '../types.ts';
import { matchParsed, type ParsedPhoto, type PhotoHashLike, parsePhoto } from './photos.ts';
import { viewIndex } from './view-index.ts';

export interface PhotoFamilyRule {
  minShared: number;
  share: number;
  /**
   * A photo on more sites than this is too common to tie sites into a family: it neither makes an edge nor counts in
   * a site's share (and it keeps the count linear in the photos, not quadratic in a stock photo's sites).
   */
  maxSites: number;
  /** Ad fingerprints within this distance are the same ad (default 12, the detector's `adMaxDistance`). */
  adMaxDistance?: number;
}

/** The family rule of the detector's thresholds: a family shares what the photo rule calls a clone's share. */
export function photoFamilyRule(t: DetectorThresholds): PhotoFamilyRule {
  return {
    minShared: t.minSharedPhotos,
    share: t.clonePhotoShare,
    maxSites: t.photoFamilySites,
    adMaxDistance: t.adMaxDistance,
  };
}

/** What a site shows beside its photos: contacts (`kind:value`) and ad fingerprints (16 hex digits). */
export interface SiteContent {
  contacts: string[];
  ads: string[];
}

/** A profile's content for the family test. */
export function photoFamilyContent(profile: Pick<SiteProfile, 'contacts' | 'ads'>): SiteContent {
  return { contacts: profile.contacts.map((c) => `${c.kind}:${c.value}`), ads: profile.ads.map((a) => a.fingerprint) };
}

/**
 * For each of `sites` (each a list of photos), for each of its photo hashes: on how many families the same picture
 * appears (`photoMatch`), its own counted once. Without `family` every site is its own family. `content[i]` is site
 * i's content (absent: photos only). Only the photos an exact index of views gives as candidates are compared
 * (view-index.ts).
 */
export function photoSiteFrequencies(
  sites: PhotoHashLike[][],
  maxDistance: number,
  cropMaxDistance = Math.min(maxDistance, 4),
  family?: PhotoFamilyRule,
  content?: readonly (SiteContent | null | undefined)[],
): Map<string, number>[] {
  const all: { hash: string; parsed: ParsedPhoto; site: number }[] = [];
  const hashesOf: Set<string>[] = sites.map(() => new Set());
  sites.forEach((photos, site) => {
    for (const p of photos) {
      const hash = typeof p === 'string' ? p : p.hash;
      if (hashesOf[site].has(hash)) continue;
      hashesOf[site].add(hash);
      all.push({ hash, parsed: parsePhoto(p), site });
    }
  });
  const index = viewIndex(
    all.map((a) => a.parsed),
    maxDistance,
    cropMaxDistance,
  );
  const near = new Map<string, Set<number>>();
  for (const photo of all) {
    if (near.has(photo.hash)) continue;
    const sitesNear = new Set<number>();
    for (const j of index.candidates(photo.parsed)) {
      const other = all[j];
      if (!sitesNear.has(other.site) && matchParsed(photo.parsed, other.parsed, maxDistance, cropMaxDistance))
        sitesNear.add(other.site);
    }
    near.set(photo.hash, sitesNear);
  }
  const edges = family ? photoFamilyEdges(hashesOf, near, family, content ?? []) : null;
  const component = edges ? components(edges) : null;
  return hashesOf.map((hashes, site) => {
    const out = new Map<string, number>();
    for (const hash of hashes) {
      const on = near.get(hash) ?? new Set<number>();
      if (!edges || !component) {
        out.set(hash, Math.max(on.size, 1));
        continue;
      }
      const others = new Set<number>();
      for (const o of on) if (o !== site && !edges[site].has(o)) others.add(component[o]);
      out.set(hash, 1 + others.size);
    }
    return out;
  });
}

/** For each site, the sites of its family it has a direct edge with (see the module header). */
function photoFamilyEdges(
  hashesOf: Set<string>[],
  near: Map<string, Set<number>>,
  rule: PhotoFamilyRule,
  content: readonly (SiteContent | null | undefined)[],
): Set<number>[] {
  // found[a].get(b): how many of a's photos are on b, of the `own` photos a could share with a family.
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
  const adMax = rule.adMaxDistance ?? 12;
  return hashesOf.map((_, a) => {
    const members = new Set<number>();
    for (const b of found[a].keys())
      if (b !== a && holds(a, b) && holds(b, a) && compatible(content[a], content[b], adMax)) members.add(b);
    return members;
  });
}

const isEmpty = (c: SiteContent | null | undefined) => !c || (c.contacts.length === 0 && c.ads.length === 0);

/** One side shows photos only, or both share a contact or a near-identical ad. */
function compatible(a: SiteContent | null | undefined, b: SiteContent | null | undefined, adMax: number): boolean {
  if (isEmpty(a) || isEmpty(b)) return true;
  const contacts = new Set(a!.contacts);
  if (b!.contacts.some((c) => contacts.has(c))) return true;
  const adsB = b!.ads.map((h) => fromHex64(h));
  return a!.ads.some((h) => {
    const x = fromHex64(h);
    return adsB.some((y) => hamming64(x, y) <= adMax);
  });
}

/** Connected components of the edge lists (union-find): each site's component id. */
function components(edges: Set<number>[]): number[] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  edges.forEach((members, a) => {
    for (const b of members) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  });
  return edges.map((_, i) => find(i));
}
