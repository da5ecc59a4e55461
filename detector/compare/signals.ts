/**
 * Per-signal similarities between two profiles, each in [0, 1] or null when one side gives nothing to measure, with
 * the evidence behind each: shared contacts, near-identical ad pairs, layout distances, shared pivots.
 */

import { fromHex64, hammingHex, popcount32 } from '../hash64.ts';
import { type DecodedSketch, decodedCosine, decodeSketch } from '../layout-sketch.ts';
import { matchingOwners } from '../matching.ts';
import { WEAK_PIVOTS } from '../pivots/index.ts';
import { BOILERPLATE_MIN_PAGES } from '../profile.ts';
import type {
  AdFingerprint,
  Contact,
  ContactKind,
  CorpusStats,
  DetectorThresholds,
  Evidence,
  PageType,
  SiteProfile,
} from '../types.ts';
import { contactKey, contactWeight, templateRarity, templateSites } from './corpus.ts';

type AdPair = Extract<Evidence, { kind: 'near-identical-ad' }>;
type SharedContact = Extract<Evidence, { kind: 'shared-contact' }>;
type LayoutEvidence = Extract<Evidence, { kind: 'layout' }>;
type SharedPivot = Extract<Evidence, { kind: 'shared-pivot' }>;

/** A shared favicon or asset file says "same script", which many unrelated operators run. */
const WEAK_PIVOT_VALUE = 0.25;

const decoded = new WeakMap<AdFingerprint[], Uint32Array>();

/** Ad fingerprints as [hi, lo, hi, lo, ...], decoded once per list (a profile's ads or summaries). */
function adWords(ads: AdFingerprint[]): Uint32Array {
  let out = decoded.get(ads);
  if (!out) {
    out = new Uint32Array(ads.length * 2);
    ads.forEach((ad, i) => {
      const h = fromHex64(ad.fingerprint);
      out![2 * i] = h.hi;
      out![2 * i + 1] = h.lo;
    });
    decoded.set(ads, out);
  }
  return out;
}

const adSide = (ad: SiteProfile['ads'][number]): AdPair['reference'] => ({
  id: ad.id,
  url: ad.url,
  text: ad.text,
  ...(ad.textCut ? { cut: true } : {}),
});

export interface TextSignal {
  /** Near-identical ads over the smaller side's ad count (each side's ads with a near-identical ad on the other). */
  value: number | null;
  pairs: AdPair[];
  matchedCandidate: number;
  /** Near-identical ads: the fewer of the reference's and of the candidate's ads that have one on the other side. */
  matched: number;
  /**
   * Containment of content: ads paired one-to-one with a counterpart on the other side (within
   * `adCounterpartDistance`), as many pairs as possible (a maximum matching). Looser than near-identical (shown to the
   * analyst as evidence) so that a clone that rewrote every ad still holds most of them; one-to-one so that a reference
   * ad copied twice, or an ad close to several by chance, counts once; maximal so that adding a shared ad on both sides
   * always adds a pair (a greedy best-match pairing could lose one to it, and a share would drop).
   */
  counterparts: number;
  /**
   * The same containment on the listing pages' summaries (`SiteProfile.summaries`): an excerpt is compared with
   * excerpts, not with the full text it was cut from. Null when either side has
   * fewer than `minAds` summaries.
   */
  summaries: { counterparts: number; near: number; reference: number; candidate: number } | null;
}

/** A profile's listing summaries (null on profiles before detector version 6, or without listing excerpts). */
const summariesOf = (p: SiteProfile): AdFingerprint[] | null => p.summaries ?? null;

/** Size of a maximum matching in a bipartite graph given as candidate → reference neighbours (Kuhn's algorithm). */
export function maximumMatching(neighbours: number[][], referenceCount: number): number {
  let size = 0;
  for (const o of matchingOwners(neighbours, referenceCount)) if (o >= 0) size++;
  return size;
}

/** Per candidate ad, the reference's ads within `adCounterpartDistance` (what the text signal's matching pairs). */
export function counterpartNeighbours(
  refAds: AdFingerprint[],
  candAds: AdFingerprint[],
  t: DetectorThresholds,
): number[][] {
  return matchLists(refAds, candAds, t).neighbours;
}

interface Matched {
  /** Per candidate ad, the reference ads within `adCounterpartDistance` (the closest first). */
  neighbours: number[][];
  /** Per reference ad, whether a candidate ad is within `adMaxDistance`. */
  refNear: Uint8Array;
  /** Per candidate ad, its closest reference ad within `adMaxDistance` and the distance, or null. */
  closest: ([number, number] | null)[];
}

/** Every candidate ad against every reference ad of two lists (ads with ads, or summaries with summaries). */
function matchLists(refAds: AdFingerprint[], candAds: AdFingerprint[], t: DetectorThresholds): Matched {
  const nr = refAds.length;
  const nc = candAds.length;
  const r = adWords(refAds);
  const c = adWords(candAds);
  const refNear = new Uint8Array(nr);
  const neighbours: number[][] = [];
  const closest: Matched['closest'] = [];
  for (let j = 0; j < nc; j++) {
    const hi = c[2 * j];
    const lo = c[2 * j + 1];
    let best = 65;
    let bestI = -1;
    const near: number[] = [];
    for (let i = 0; i < nr; i++) {
      const d = popcount32(hi ^ r[2 * i]) + popcount32(lo ^ r[2 * i + 1]);
      if (d <= t.adCounterpartDistance) near.push(i);
      if (d <= t.adMaxDistance) refNear[i] = 1;
      if (d < best) {
        best = d;
        bestI = i;
      }
    }
    // The closest first: the matching tries it first, so exact copies pair with each other.
    if (near.length > 1) near.sort((a, b) => (a === bestI ? -1 : b === bestI ? 1 : 0));
    neighbours.push(near);
    closest.push(best <= t.adMaxDistance ? [bestI, best] : null);
  }
  return { neighbours, refNear, closest };
}

const sum = (a: Uint8Array) => a.reduce((s, m) => s + m, 0);

/** The excerpts' containment (see TextSignal.summaries). */
function summarySignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): TextSignal['summaries'] {
  const rs = summariesOf(ref);
  const cs = summariesOf(cand);
  if (!rs || !cs || rs.length < t.minAds || cs.length < t.minAds) return null;
  const m = matchLists(rs, cs, t);
  const near = Math.min(sum(m.refNear), m.closest.filter((x) => x !== null).length);
  return { counterparts: maximumMatching(m.neighbours, rs.length), near, reference: rs.length, candidate: cs.length };
}

export function textSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): TextSignal {
  const nr = ref.ads.length;
  const nc = cand.ads.length;
  const summaries = summarySignal(ref, cand, t);
  if (nr < t.minAds || nc < t.minAds)
    return { value: null, pairs: [], matchedCandidate: 0, matched: 0, counterparts: 0, summaries };
  const { neighbours, refNear, closest } = matchLists(ref.ads, cand.ads, t);
  const pairs: AdPair[] = [];
  closest.forEach((x, j) => {
    if (!x) return;
    pairs.push({
      kind: 'near-identical-ad',
      distance: x[1],
      reference: adSide(ref.ads[x[0]]),
      candidate: adSide(cand.ads[j]),
    });
  });
  // Each side's ads with a near-identical ad on the other, the fewer of the two: both only grow with a shared ad.
  const matched = Math.min(sum(refNear), pairs.length);
  return {
    value: Math.min(1, matched / Math.min(nr, nc)),
    pairs,
    matchedCandidate: pairs.length,
    matched,
    counterparts: maximumMatching(neighbours, nr),
    summaries,
  };
}

export interface ContactSignal {
  /** Shared advertiser contacts (idf-weighted) over the smaller side's weight. */
  value: number | null;
  /** Shared site-level contacts of the reference (the operator's own), idf-weighted, capped at 1. */
  identity: number | null;
  shared: SharedContact[];
  /** Advertiser contacts shared, their weight, and the weight of each side's advertiser contacts. */
  advertisers: { shared: number; sharedWeight: number; referenceWeight: number; candidateWeight: number };
  /**
   * Site-level contacts of the reference, those the candidate shows as its own (`shared`: its contact page, legal
   * notice, footer) and those it only quotes among its ads or articles (`quoted`: a press article or a forum thread
   * giving the board's number).
   */
  siteContacts: { reference: number; shared: number; quoted: number };
}

const isSite = (c: Contact) => c.scope === 'site';

/**
 * Contacts in two families. The reference's site-level contacts (its operator's address or handle) that the candidate
 * shows as its own (site-level there too) are site identity: the operator signs the candidate. Quoted among the
 * candidate's ads or articles (a press article or a forum thread giving the board's number), they sign nothing and
 * are shown apart, neither identity nor an advertiser. Its advertisers' contacts shared by the candidate are content:
 * they travel with the copied ads and with advertisers who post on several sites, so they are measured like ads
 * (containment, weighted by how many sites carry each contact) and never corroborate the ads on their own.
 */
export function contactSignal(
  ref: SiteProfile,
  cand: SiteProfile,
  t: DetectorThresholds,
  stats?: CorpusStats,
): ContactSignal {
  const refSite = new Set(ref.contacts.filter(isSite).map(contactKey));
  const refAd = new Set(ref.contacts.filter((c) => !isSite(c)).map(contactKey));
  const advertisers = { shared: 0, sharedWeight: 0, referenceWeight: 0, candidateWeight: 0 };
  const siteContacts = { reference: refSite.size, shared: 0, quoted: 0 };
  if (ref.contacts.length < t.minContacts || cand.contacts.length < t.minContacts) {
    return { value: null, identity: null, shared: [], advertisers, siteContacts };
  }
  const w = (key: string) => contactWeight(stats, key);
  for (const key of refAd) advertisers.referenceWeight += w(key);
  const refByKey = new Map(ref.contacts.map((c) => [contactKey(c), c]));
  const byKind = new Map<ContactKind, string[]>();
  const fromImages = new Map<ContactKind, string[]>();
  let identity = 0;
  // On a candidate of one or two pages nothing tells a footer from the text (a footer needs BOILERPLATE_MIN_PAGES pages
  // to be seen): there, the reference's own contact found anywhere is taken as shown as the candidate's own.
  const tooSmallToTell = cand.pageCount < BOILERPLATE_MIN_PAGES;
  for (const c of cand.contacts) {
    const key = contactKey(c);
    if (refSite.has(key)) {
      if (isSite(c) || tooSmallToTell) {
        identity += w(key);
        siteContacts.shared++;
      } else siteContacts.quoted++;
    } else {
      advertisers.candidateWeight += w(key);
      if (!refAd.has(key)) continue;
      advertisers.shared++;
      advertisers.sharedWeight += w(key);
    }
    const r = refByKey.get(key);
    const list = byKind.get(c.kind) ?? [];
    list.push(c.value);
    byKind.set(c.kind, list);
    if (c.source === 'image' || r?.source === 'image')
      fromImages.set(c.kind, [...(fromImages.get(c.kind) ?? []), c.value]);
  }
  const count = (p: SiteProfile, k: ContactKind) => p.contacts.filter((c) => c.kind === k).length;
  const evidence: SharedContact[] = [...byKind].map(([kind, values]) => ({
    kind: 'shared-contact',
    contactKind: kind,
    values,
    ...(fromImages.has(kind) ? { fromImages: fromImages.get(kind) } : {}),
    referenceCount: count(ref, kind),
    candidateCount: count(cand, kind),
  }));
  const smaller = Math.min(advertisers.referenceWeight, advertisers.candidateWeight);
  return {
    value: smaller > 0 ? Math.min(1, advertisers.sharedWeight / smaller) : 0,
    identity: refSite.size > 0 ? Math.min(1, identity) : null,
    shared: evidence,
    advertisers,
    siteContacts,
  };
}

const sketchesOf = new WeakMap<SiteProfile, Map<string, DecodedSketch | null>>();

/** A profile's layout sketch of one page type (or 'all'), decoded once per profile object. */
function sketch(p: SiteProfile, type: PageType | 'all'): DecodedSketch | null {
  let m = sketchesOf.get(p);
  if (!m) {
    m = new Map();
    sketchesOf.set(p, m);
  }
  let d = m.get(type);
  if (d === undefined) {
    const hex = type === 'all' ? p.layoutSketchAll : p.layoutSketch?.[type];
    d = hex ? decodeSketch(hex) : null;
    m.set(type, d);
  }
  return d;
}

export interface LayoutSignal {
  value: number | null;
  evidence: LayoutEvidence[];
  distance: number | null;
  /** Mean cosine of the layout sketches over the compared page types (null when a side has no sketch). */
  similarity: number | null;
  /** Sites of the corpus sharing the reference's template (0 without corpus statistics) and the rarity drawn from it. */
  templateSites: number;
  rarity: number;
}

/**
 * Layout signal from the sketches' cosine `s` (layout-sketch.ts), graded over its whole range so that pages of one
 * site rank above pages of two sites even when they share only their template: `s ^ layoutSketchExponent`. The
 * default exponent (2) puts 0.5, the corroboration strength, at a cosine of 0.71: on the real-page tuning set about
 * as many pairs reach it as reached 12 bits of 64 before. Profiles without sketches (built before detector version 3)
 * fall back on the SimHash distance: `1 − d / layoutZeroDistance`, floored at 0.
 */
export function layoutValue(similarity: number | null, distance: number, t: DetectorThresholds): number {
  if (similarity !== null) return similarity ** t.layoutSketchExponent;
  return Math.max(0, 1 - distance / t.layoutZeroDistance);
}

export function layoutSignal(
  ref: SiteProfile,
  cand: SiteProfile,
  t: DetectorThresholds,
  stats?: CorpusStats,
): LayoutSignal {
  const evidence: LayoutEvidence[] = [];
  const cosines: (number | null)[] = [];
  const cosine = (a: DecodedSketch | null, b: DecodedSketch | null) => (a && b ? decodedCosine(a, b) : null);
  for (const type of ['listing', 'ad'] as PageType[]) {
    const a = ref.layout[type];
    const b = cand.layout[type];
    if (a && b) {
      evidence.push({ kind: 'layout', pageType: type, distance: hammingHex(a, b) });
      cosines.push(cosine(sketch(ref, type), sketch(cand, type)));
    }
  }
  if (evidence.length === 0) {
    const a = ref.layout.other ?? ref.layoutAll;
    const b = cand.layout.other ?? cand.layoutAll;
    if (!a || !b) return { value: null, evidence, distance: null, similarity: null, templateSites: 0, rarity: 1 };
    evidence.push({ kind: 'layout', pageType: 'other', distance: hammingHex(a, b) });
    const of = (p: SiteProfile) => sketch(p, p.layout.other ? 'other' : 'all');
    cosines.push(cosine(of(ref), of(cand)));
  }
  const distance = evidence.reduce((s, e) => s + e.distance, 0) / evidence.length;
  const similarity = cosines.every((c) => c !== null)
    ? (cosines as number[]).reduce((s, c) => s + c, 0) / cosines.length
    : null;
  // The template's spread is read on the page types the two sites share; the most widespread one decides.
  const sharing = Math.max(
    ...evidence.map((e) => (ref.layout[e.pageType] ? templateSites(stats, ref, e.pageType, t) : 0)),
  );
  return {
    value: layoutValue(similarity, distance, t),
    evidence,
    distance,
    similarity,
    templateSites: sharing,
    rarity: templateRarity(sharing, t),
  };
}

export interface PivotSignal {
  value: number | null;
  shared: SharedPivot[];
  /** An operator's own id is shared (analytics, advertising, payment), not only a script's favicon or assets. */
  strong: boolean;
}

export function pivotSignal(ref: SiteProfile, cand: SiteProfile): PivotSignal {
  if (ref.pivots.length === 0 || cand.pivots.length === 0) return { value: null, shared: [], strong: false };
  const refKeys = new Set(ref.pivots.map((p) => `${p.kind}:${p.value}`));
  const shared: SharedPivot[] = cand.pivots
    .filter((p) => refKeys.has(`${p.kind}:${p.value}`))
    .map((p) => ({ kind: 'shared-pivot', pivotKind: p.kind, value: p.value, operatorId: !WEAK_PIVOTS.has(p.kind) }));
  const strong = shared.some((p) => p.operatorId);
  return { value: strong ? 1 : shared.length > 0 ? WEAK_PIVOT_VALUE : 0, shared, strong };
}
