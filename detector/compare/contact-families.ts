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
 */
import { fromHex64, type Hash64, hamming64 } from '../hash64.ts';
import { matchParsed, type ParsedPhoto, parsePhoto } from '../images/photos.ts';
import type { DetectorThresholds, SiteProfile } from '../types.ts';

/** Past this many sites a contact is common whatever its families (and the pairwise grouping stays cheap). */
const MAX_SITES = 64;

interface Content {
  ads: Hash64[];
  photos: ParsedPhoto[];
}

/** A contact's key in the corpus statistics (`kind:value`); corpus.ts re-exports it. */
export const contactKey = (c: { kind: string; value: string }) => `${c.kind}:${c.value}`;

function countShared<T>(a: T[], b: T[], same: (x: T, y: T) => boolean, enough: number): boolean {
  let n = 0;
  for (const x of a) {
    if (b.some((y) => same(x, y)) && ++n >= enough) return true;
  }
  return false;
}

/**
 * For each operator contact carried by three sites or more, the number of families carrying it (only when lower than
 * its number of sites). Profiles are the corpus's, each site once.
 */
export function contactFamilyCounts(profiles: SiteProfile[], t: DetectorThresholds): Record<string, number> {
  const carriers = new Map<string, number[]>();
  const own = new Set<string>();
  profiles.forEach((p, i) => {
    for (const c of p.contacts) {
      const key = contactKey(c);
      if (c.scope === 'site') own.add(key);
      const list = carriers.get(key) ?? [];
      if (list.at(-1) !== i) list.push(i);
      carriers.set(key, list);
    }
  });
  const content = new Map<number, Content>();
  const contentOf = (i: number): Content => {
    let c = content.get(i);
    if (!c) {
      const p = profiles[i];
      c = { ads: p.ads.map((a) => fromHex64(a.fingerprint)), photos: (p.photos ?? []).map(parsePhoto) };
      content.set(i, c);
    }
    return c;
  };
  const linked = new Map<string, boolean>();
  const isLinked = (i: number, j: number): boolean => {
    const k = i < j ? `${i}:${j}` : `${j}:${i}`;
    let v = linked.get(k);
    if (v === undefined) {
      const a = contentOf(i);
      const b = contentOf(j);
      v =
        countShared(a.ads, b.ads, (x, y) => hamming64(x, y) <= t.adMaxDistance, t.minSharedAds) ||
        countShared(
          a.photos,
          b.photos,
          (x, y) => matchParsed(x, y, t.photoMaxDistance, t.photoCropMaxDistance) !== null,
          t.minSharedPhotos,
        );
      linked.set(k, v);
    }
    return v;
  };
  const families: Record<string, number> = {};
  for (const key of own) {
    const sites = carriers.get(key)!;
    if (sites.length < 3 || sites.length > MAX_SITES) continue;
    // Union-find over the sites carrying the contact.
    const parent = sites.map((_, n) => n);
    const find = (n: number): number => {
      while (parent[n] !== n) n = parent[n];
      return n;
    };
    for (let a = 0; a < sites.length; a++)
      for (let b = a + 1; b < sites.length; b++)
        if (find(a) !== find(b) && isLinked(sites[a], sites[b])) parent[find(a)] = find(b);
    const count = new Set(sites.map((_, n) => find(n))).size;
    if (count < sites.length) families[key] = count;
  }
  return families;
}
