/**
 * Boards merged into one: a site rebuilt from the databases of two or more taken-down boards holds most of each of
 * them, but no single one makes most of it (two boards of equal size make about half each). Compared pair by pair, it
 * is under the content rule with every reference. Read against every monitored reference at once, it is what the
 * content rule describes: most of the candidate's ads come from monitored boards, each of which is largely on it.
 *
 * `mergedContent` reads, for one candidate and the monitored references, the share of the candidate's ads (full texts,
 * or listing excerpts with excerpts) paired with an ad of a *source*: a reference with `minSharedAds` counterparts at
 * least and `cloneReferenceShare` of its own ads on the candidate, or the compared reference itself. The pairing is one
 * maximum one-to-one matching (signals.ts: counterparts within `adCounterpartDistance`) between the candidate's ads and
 * the sources' ads together, so a candidate ad counts once however many boards carry it, and one shared ad more (a
 * node on each side and an edge between them) always adds a pair: the joint share never drops with more evidence (a
 * union of each board's own matching could, when the matchings happened to pick the same candidate ads).
 */
import type { AdFingerprint, DetectorThresholds, SiteProfile } from '../types.ts';
import { counterpartNeighbours, maximumMatching } from './signals.ts';
import { margin } from './verdict.ts';

/** A reference whose ads the candidate largely carries. */
export interface MergedSource {
  site: string;
  /** Share of the candidate's ads (or excerpts) paired with this reference's. */
  candidateShare: number;
  /** Share of this reference's ads (or excerpts) paired with the candidate's. */
  referenceShare: number;
}

/**
 * The reading on one side (full texts, or listing excerpts with excerpts), the side on which the rule stands best: a
 * side counts only where the compared reference has ads to read, and its three values are read together on it (the
 * joint share of one side never meets the reference's share of the other).
 */
export interface MergedContent {
  /** Share of the candidate's ads paired one-to-one with the ads of the sources and of the compared reference together. */
  share: number;
  /** The compared reference's own share of the candidate's ads on that side (0 under `minSharedAds` pairs). */
  own: number;
  /** Share of the compared reference's ads paired with the candidate's on that side (0 under `minSharedAds` pairs). */
  referenceShare: number;
  /** The sources on that side, largest part of the candidate first. */
  sources: MergedSource[];
}

type Read = (p: SiteProfile) => AdFingerprint[] | null;
const fullTexts: Read = (p) => p.ads;
const excerpts: Read = (p) => p.summaries ?? null;

/** The candidate against one reference: per candidate ad its counterparts, the reference's size, the pairs. */
interface Reading {
  neighbours: number[][];
  size: number;
  pairs: number;
}

interface Side {
  read: Read;
  readings: Map<SiteProfile, Reading>;
  sources: Map<SiteProfile, MergedSource>;
}

function readingOf(ads: AdFingerprint[] | null, cand: AdFingerprint[], t: DetectorThresholds): Reading | null {
  if (!ads || ads.length < t.minAds) return null;
  const neighbours = counterpartNeighbours(ads, cand, t);
  return { neighbours, size: ads.length, pairs: maximumMatching(neighbours, ads.length) };
}

function sideOf(candidate: SiteProfile, references: SiteProfile[], read: Read, t: DetectorThresholds): Side | null {
  const ads = read(candidate);
  if (!ads || ads.length < t.minAds) return null;
  const side: Side = { read, readings: new Map(), sources: new Map() };
  for (const ref of references) {
    // A stored copy of the candidate itself (same site name) is no board it was built from.
    if (ref === candidate || ref.site === candidate.site || side.sources.has(ref)) continue;
    const r = readingOf(read(ref), ads, t);
    if (!r || r.pairs < t.minSharedAds || r.pairs / r.size < t.cloneReferenceShare) continue;
    // Only the sources' readings are kept with the candidate: the others would cost memory for every monitored site.
    side.readings.set(ref, r);
    side.sources.set(ref, { site: ref.site, candidateShare: r.pairs / ads.length, referenceShare: r.pairs / r.size });
  }
  return side;
}

/** One side's reading for the comparison with `reference`, or null when the reference has nothing to read there. */
function jointOf(
  side: Side | null,
  candidate: SiteProfile,
  reference: SiteProfile,
  t: DetectorThresholds,
): MergedContent | null {
  if (!side) return null;
  // The compared reference's own reading: a source's is kept; any other is read for this pair only, not kept.
  const own = side.readings.get(reference) ?? readingOf(side.read(reference), side.read(candidate)!, t);
  if (!own) return null;
  // The compared reference stands for any stored copy of itself among the sources (same site name).
  const boards = [
    own,
    ...[...side.sources.keys()].filter((b) => b.site !== reference.site).map((b) => side.readings.get(b)!),
  ];
  const n = side.read(candidate)!.length;
  const joined: number[][] = Array.from({ length: n }, () => []);
  let offset = 0;
  for (const r of boards) {
    for (let j = 0; j < n; j++) for (const i of r.neighbours[j]) joined[j].push(offset + i);
    offset += r.size;
  }
  const counted = own.pairs >= t.minSharedAds;
  return {
    share: maximumMatching(joined, offset) / n,
    own: counted ? own.pairs / n : 0,
    referenceShare: counted ? own.pairs / own.size : 0,
    sources: [...side.sources.values()].sort((a, b) => b.candidateShare - a.candidateShare),
  };
}

interface Sides {
  texts: Side | null;
  excerpts: Side | null;
}

const cache = new WeakMap<SiteProfile, WeakMap<SiteProfile[], Map<string, Sides>>>();

function sidesOf(candidate: SiteProfile, references: SiteProfile[], t: DetectorThresholds): Sides {
  let byRefs = cache.get(candidate);
  if (!byRefs) {
    byRefs = new WeakMap();
    cache.set(candidate, byRefs);
  }
  let byThresholds = byRefs.get(references);
  if (!byThresholds) {
    byThresholds = new Map();
    byRefs.set(references, byThresholds);
  }
  // The thresholds a reading depends on (an evaluation grades one array under several).
  const key = `${t.adCounterpartDistance}/${t.minAds}/${t.minSharedAds}/${t.cloneReferenceShare}`;
  let sides = byThresholds.get(key);
  if (!sides) {
    sides = {
      texts: sideOf(candidate, references, fullTexts, t),
      excerpts: sideOf(candidate, references, excerpts, t),
    };
    byThresholds.set(key, sides);
  }
  return sides;
}

/**
 * The candidate's content read against every monitored reference at once (see the module comment), for its
 * comparison with `reference`: the side (full texts or excerpts) on which the rule stands best. The readings of the references are cached per candidate, references array and the
 * thresholds they depend on: the monitor and the evaluation pass one array for every pair of a cycle.
 */
export function mergedContent(
  reference: SiteProfile,
  candidate: SiteProfile,
  references: SiteProfile[],
  t: DetectorThresholds,
): MergedContent {
  const sides = sidesOf(candidate, references, t);
  // The side on which the rule's three conditions stand best (each value only grows with more shared evidence, and
  // so do their weakest margin and the better side's).
  const weakest = (m: MergedContent) =>
    Math.min(
      margin(m.share, t.cloneAdShare),
      margin(m.referenceShare, t.cloneReferenceShare),
      margin(m.own, 1 - t.cloneAdShare),
    );
  const read = [jointOf(sides.texts, candidate, reference, t), jointOf(sides.excerpts, candidate, reference, t)].filter(
    (m): m is MergedContent => m !== null,
  );
  if (read.length === 0) return { share: 0, own: 0, referenceShare: 0, sources: [] };
  return read.reduce((a, b) => (weakest(b) > weakest(a) ? b : a));
}
