/**
 * The monitored sites' features held for screening: their layout, site-text, ad and photo fingerprints in an 8-band index
 * (two 64-bit fingerprints within 7 bits agree exactly on at least one of eight 8-bit bands, so a band hit followed
 * by an exact Hamming check finds them all without a scan), their contacts, strong pivots and favicon hashes, and
 * their names for "we moved" mentions. Pure: profiles in, matches out. Built once per screening run.
 */
import {
  buildProfile,
  fingerprintsOf,
  hammingDistance64,
  type LayoutIdf,
  type PageFeatures,
  type SiteProfile,
} from '../detector/index.ts';

export interface MonitoredProfile {
  siteId: number;
  siteName: string;
  hostnames: string[];
  profile: SiteProfile;
}

export interface ScreenMatch {
  siteId: number;
  siteName: string;
  /** In plain words: which feature matched and how closely. */
  reason: string;
}

interface Print {
  siteId: number;
  kind: string;
  value: bigint;
}

const BANDS = 8;
const STRONG_PIVOTS_EXCLUDED = new Set(['asset']);

function bandKeys(kind: string, value: bigint): string[] {
  const out: string[] = [];
  for (let i = 0; i < BANDS; i++) out.push(`${kind}|${i}|${(value >> BigInt(8 * i)) & 0xffn}`);
  return out;
}

/** Layout kinds compared across page types: a landing page is one page, the site profile has one hash per type. */
const layoutFamily = (kind: string) => (kind.startsWith('layout-') ? 'layout' : kind === 'text-all' ? 'ad' : kind);

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export interface SiteIndexOptions {
  layoutMaxBits: number;
  adMaxBits: number;
  /** Photos within this many bits of a monitored site's ad photo escalate (the detector's photoMaxDistance, ≤ 7). */
  photoMaxBits: number;
  /** Phrases announcing a move, folded (discovery's MOVE_PHRASES). */
  movePhrases: readonly string[];
  /** The layout idf the monitored profiles were built with; the landing page's profile uses the same. */
  idf?: LayoutIdf;
}

export interface SiteIndex {
  sites: number;
  match(page: PageFeatures, text: string): ScreenMatch | null;
}

export function buildSiteIndex(monitored: readonly MonitoredProfile[], options: SiteIndexOptions): SiteIndex {
  const bands = new Map<string, Print[]>();
  const contacts = new Map<string, number>();
  const pivots = new Map<string, number>();
  const names: { siteId: number; name: string }[] = [];
  const siteNames = new Map(monitored.map((m) => [m.siteId, m.siteName]));
  for (const m of monitored) {
    for (const f of fingerprintsOf(m.profile)) {
      const print = { siteId: m.siteId, kind: layoutFamily(f.kind), value: f.value };
      for (const key of bandKeys(print.kind, f.value)) {
        const list = bands.get(key) ?? [];
        list.push(print);
        bands.set(key, list);
      }
    }
    for (const c of m.profile.contacts) contacts.set(`${c.kind}:${c.value}`, m.siteId);
    for (const p of m.profile.pivots)
      if (!STRONG_PIVOTS_EXCLUDED.has(p.kind)) pivots.set(`${p.kind}:${p.value}`, m.siteId);
    for (const h of m.hostnames) names.push({ siteId: m.siteId, name: fold(h) });
  }
  const near = (kind: string, value: bigint, maxBits: number): { print: Print; distance: number } | null => {
    let best: { print: Print; distance: number } | null = null;
    for (const key of bandKeys(kind, value)) {
      for (const print of bands.get(key) ?? []) {
        const distance = hammingDistance64(print.value, value);
        if (distance <= maxBits && (!best || distance < best.distance)) best = { print, distance };
      }
    }
    return best;
  };
  const found = (siteId: number, reason: string): ScreenMatch => ({
    siteId,
    siteName: siteNames.get(siteId) ?? String(siteId),
    reason,
  });

  return {
    sites: monitored.length,
    match(page, text) {
      for (const c of page.contacts) {
        const siteId = contacts.get(`${c.kind}:${c.value}`);
        if (siteId !== undefined) return found(siteId, `shows the ${c.kind} ${c.raw} of a monitored site`);
      }
      for (const p of page.pivots) {
        const siteId = pivots.get(`${p.kind}:${p.value}`);
        if (siteId !== undefined)
          return found(siteId, `shares the ${p.kind} ${p.value.slice(0, 40)} of a monitored site`);
      }
      const profile = buildProfile([page], { site: 'landing', idf: options.idf });
      for (const f of fingerprintsOf(profile)) {
        const kind = layoutFamily(f.kind);
        const maxBits =
          kind === 'layout' ? options.layoutMaxBits : kind === 'photo' ? options.photoMaxBits : options.adMaxBits;
        const hit = near(kind, f.value, maxBits);
        if (hit) {
          const what = kind === 'layout' ? 'page layout' : kind === 'photo' ? 'ad photo' : 'ad text';
          return found(hit.print.siteId, `${what} within ${hit.distance} bits of a monitored site's`);
        }
      }
      const folded = fold(text);
      if (options.movePhrases.some((phrase) => folded.includes(phrase))) {
        const named = names.find((n) => folded.includes(n.name));
        if (named) return found(named.siteId, `announces a move and names the monitored domain ${named.name}`);
      }
      return null;
    },
  };
}
