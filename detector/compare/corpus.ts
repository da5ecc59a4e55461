/**
 * Corpus statistics: how specific a contact or a template is, judged over every stored site and candidate. The
 * detector stays pure: the monitor (or `phenix compare`, or the evaluation) builds the table from the profiles it has
 * and passes it in. Without a table every contact and template counts as specific (the behaviour of a one-off
 * comparison of two sites, where nothing else is known).
 */
import { fromHex64, type Hash64, hamming64 } from '../hash64.ts';
import { defaultThresholds } from '../thresholds.ts';
import type { CorpusStats, DetectorThresholds, PageType, SiteProfile } from '../types.ts';
import { contactFamilyCounts, contactKey } from './contact-families.ts';

export { contactKey };

const LAYOUT_TYPES: PageType[] = ['listing', 'ad', 'other'];

/**
 * Document frequencies over profiles: each contact counted once per profile; each profile's layout fingerprints; for
 * an operator's contact on several sites, the families carrying it (contact-families.ts).
 */
export function buildCorpusStats(
  profiles: Iterable<SiteProfile>,
  t: DetectorThresholds = defaultThresholds,
): CorpusStats {
  const contacts: Record<string, number> = {};
  const layouts: Record<PageType, string[]> = { listing: [], ad: [], other: [] };
  const all = [...profiles];
  let sites = 0;
  for (const p of all) {
    sites++;
    for (const key of new Set(p.contacts.map(contactKey))) contacts[key] = (contacts[key] ?? 0) + 1;
    for (const t of LAYOUT_TYPES) {
      const hex = p.layout[t];
      if (hex) layouts[t].push(hex);
    }
  }
  return { sites, contacts, layouts, contactFamilies: contactFamilyCounts(all, t) };
}

/**
 * Weight of a contact in [0, 1]: 1 when no other site than the two compared carries it, halved each time the number
 * of sites carrying it doubles (an inverse document frequency on a log scale). A number on 16 sites (an advertiser who
 * posts everywhere, an agency) weighs 0.25. An operator's own contact counts the families carrying it: on the old site
 * and five of its copies, one family, it weighs 1 as on two sites.
 */
export function contactWeight(stats: CorpusStats | undefined, key: string): number {
  const df = stats?.contactFamilies?.[key] ?? stats?.contacts[key] ?? 0;
  return 1 / (1 + Math.log2(Math.max(df, 2) / 2));
}

const rarityCache = new WeakMap<CorpusStats, WeakMap<SiteProfile, Map<PageType, number>>>();

function near(a: string, b: Hash64): number {
  return hamming64(fromHex64(a), b);
}

/** Sites of the corpus whose layout of this page type is within `layoutSameDistance` of the profile's (same template). */
export function templateSites(
  stats: CorpusStats | undefined,
  profile: SiteProfile,
  type: PageType,
  t: DetectorThresholds,
): number {
  const hex = profile.layout[type];
  if (!stats || !hex) return 0;
  let byProfile = rarityCache.get(stats);
  if (!byProfile) {
    byProfile = new WeakMap();
    rarityCache.set(stats, byProfile);
  }
  let byType = byProfile.get(profile);
  if (!byType) {
    byType = new Map();
    byProfile.set(profile, byType);
  }
  const cached = byType.get(type);
  if (cached !== undefined) return cached;
  const h = fromHex64(hex);
  let n = 0;
  for (const other of stats.layouts[type]) if (near(other, h) <= t.layoutSameDistance) n++;
  byType.set(type, n);
  return n;
}

/**
 * How rare a template is, in [0, 1]: 1 when at most `templateRareSites` sites of the corpus share it (one operator
 * and its mirrors), 0 from `templateCommonSites` on (an off-the-shelf script), log-linear in between.
 */
export function templateRarity(sitesSharing: number, t: DetectorThresholds): number {
  if (sitesSharing <= t.templateRareSites) return 1;
  if (sitesSharing >= t.templateCommonSites) return 0;
  return 1 - Math.log(sitesSharing / t.templateRareSites) / Math.log(t.templateCommonSites / t.templateRareSites);
}
