/**
 * Per-signal similarities between two profiles, each in [0, 1] or null when one side gives nothing to measure, with
 * the evidence behind each: shared contacts, near-identical ad pairs, layout distances, shared pivots.
 */
import { fromHex64, popcount32 } from '../hash64.ts';
import { WEAK_PIVOTS } from '../pivots/index.ts';
import type { Contact, ContactKind, DetectorThresholds, Evidence, PageType, SiteProfile } from '../types.ts';

type AdPair = Extract<Evidence, { kind: 'near-identical-ad' }>;
type SharedContact = Extract<Evidence, { kind: 'shared-contact' }>;
type LayoutEvidence = Extract<Evidence, { kind: 'layout' }>;
type SharedPivot = Extract<Evidence, { kind: 'shared-pivot' }>;

/** A shared favicon or asset file says "same script", which many unrelated operators run. */
const WEAK_PIVOT_VALUE = 0.25;

const decoded = new WeakMap<SiteProfile, Uint32Array>();

/** Ad fingerprints as [hi, lo, hi, lo, ...], decoded once per profile object. */
function adWords(p: SiteProfile): Uint32Array {
  let out = decoded.get(p);
  if (!out) {
    out = new Uint32Array(p.ads.length * 2);
    p.ads.forEach((ad, i) => {
      const h = fromHex64(ad.fingerprint);
      out![2 * i] = h.hi;
      out![2 * i + 1] = h.lo;
    });
    decoded.set(p, out);
  }
  return out;
}

function hamming(a: string, b: string): number {
  const x = fromHex64(a);
  const y = fromHex64(b);
  return popcount32(x.hi ^ y.hi) + popcount32(x.lo ^ y.lo);
}

export interface TextSignal {
  value: number | null;
  pairs: AdPair[];
  matchedCandidate: number;
}

export function textSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): TextSignal {
  const nr = ref.ads.length;
  const nc = cand.ads.length;
  if (nr < t.minAds || nc < t.minAds) return { value: null, pairs: [], matchedCandidate: 0 };
  const r = adWords(ref);
  const c = adWords(cand);
  const refMatched = new Uint8Array(nr);
  const pairs: AdPair[] = [];
  for (let j = 0; j < nc; j++) {
    const hi = c[2 * j];
    const lo = c[2 * j + 1];
    let best = 65;
    let bestI = -1;
    for (let i = 0; i < nr; i++) {
      const d = popcount32(hi ^ r[2 * i]) + popcount32(lo ^ r[2 * i + 1]);
      if (d < best) {
        best = d;
        bestI = i;
        if (d === 0) break;
      }
    }
    if (best <= t.adMaxDistance) {
      refMatched[bestI] = 1;
      const ra = ref.ads[bestI];
      const ca = cand.ads[j];
      pairs.push({
        kind: 'near-identical-ad',
        distance: best,
        reference: { id: ra.id, url: ra.url, text: ra.text },
        candidate: { id: ca.id, url: ca.url, text: ca.text },
      });
    }
  }
  let refCount = 0;
  for (const m of refMatched) refCount += m;
  // One-to-one share: several candidate ads matching one reference ad count once.
  const matched = Math.min(refCount, pairs.length);
  return { value: Math.min(1, matched / Math.min(nr, nc)), pairs, matchedCandidate: pairs.length };
}

const contactKey = (c: Contact) => `${c.kind}:${c.value}`;

export interface ContactSignal {
  value: number | null;
  shared: SharedContact[];
}

export function contactSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): ContactSignal {
  if (ref.contacts.length < t.minContacts || cand.contacts.length < t.minContacts) return { value: null, shared: [] };
  const refByKey = new Map(ref.contacts.map((c) => [contactKey(c), c]));
  const byKind = new Map<ContactKind, string[]>();
  const fromImages = new Map<ContactKind, string[]>();
  let shared = 0;
  for (const c of cand.contacts) {
    const r = refByKey.get(contactKey(c));
    if (!r) continue;
    shared++;
    const list = byKind.get(c.kind) ?? [];
    list.push(c.value);
    byKind.set(c.kind, list);
    if (c.source === 'image' || r.source === 'image')
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
  return { value: shared / Math.min(ref.contacts.length, cand.contacts.length), shared: evidence };
}

export interface LayoutSignal {
  value: number | null;
  evidence: LayoutEvidence[];
  distance: number | null;
}

export function layoutSignal(ref: SiteProfile, cand: SiteProfile, t: DetectorThresholds): LayoutSignal {
  const evidence: LayoutEvidence[] = [];
  for (const type of ['listing', 'ad'] as PageType[]) {
    const a = ref.layout[type];
    const b = cand.layout[type];
    if (a && b) evidence.push({ kind: 'layout', pageType: type, distance: hamming(a, b) });
  }
  if (evidence.length === 0) {
    const a = ref.layout.other ?? ref.layoutAll;
    const b = cand.layout.other ?? cand.layoutAll;
    if (!a || !b) return { value: null, evidence, distance: null };
    evidence.push({ kind: 'layout', pageType: 'other', distance: hamming(a, b) });
  }
  const distance = evidence.reduce((s, e) => s + e.distance, 0) / evidence.length;
  return { value: Math.max(0, 1 - distance / t.layoutZeroDistance), evidence, distance };
}

export interface PivotSignal {
  value: number | null;
  shared: SharedPivot[];
}

export function pivotSignal(ref: SiteProfile, cand: SiteProfile): PivotSignal {
  if (ref.pivots.length === 0 || cand.pivots.length === 0) return { value: null, shared: [] };
  const refKeys = new Set(ref.pivots.map((p) => `${p.kind}:${p.value}`));
  const shared: SharedPivot[] = cand.pivots
    .filter((p) => refKeys.has(`${p.kind}:${p.value}`))
    .map((p) => ({ kind: 'shared-pivot', pivotKind: p.kind, value: p.value }));
  const strong = shared.some((p) => !WEAK_PIVOTS.has(p.pivotKind));
  return { value: strong ? 1 : shared.length > 0 ? WEAK_PIVOT_VALUE : 0, shared };
}
