/**
 * Scores of the hash-driven parts of the pipeline, where the fingerprint engine matters: ad near-duplicate detection
 * (is this candidate ad a copy of one of the reference's ads?) and same-template detection from layout distance.
 */
import type { SiteProfile } from '../../detector/index.ts';
import { hammingDistance64 } from '../../detector/index.ts';
import type { EvalUniverse } from '../fixtures/eval/universe.ts';

export interface BinaryScores {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

function binary(tp: number, fp: number, fn: number): BinaryScores {
  return { tp, fp, fn, precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}

/** The fixture ad number inside an ad id (every template puts the 5-digit id in the ad's URL). */
const adNumber = (id: string) => /(\d{5})(?!.*\d{5})/.exec(id)?.[1] ?? id;
const big = (hex: string) => BigInt(`0x${hex}`);

export function adNearDuplicateScores(
  universe: EvalUniverse,
  profiles: Map<string, SiteProfile>,
  k: number,
): BinaryScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of universe.pairs) {
    const ref = profiles.get(pair.reference)!;
    const cand = profiles.get(pair.candidate)!;
    const refNumbers = new Set(ref.ads.map((a) => adNumber(a.id)));
    const refHashes = ref.ads.map((a) => big(a.fingerprint));
    for (const ad of cand.ads) {
      const h = big(ad.fingerprint);
      let best = 65;
      for (const r of refHashes) best = Math.min(best, hammingDistance64(h, r));
      const predicted = best <= k;
      const copied = refNumbers.has(adNumber(ad.id));
      if (predicted && copied) tp++;
      else if (predicted) fp++;
      else if (copied) fn++;
    }
  }
  return binary(tp, fp, fn);
}

export function sameTemplateScores(
  universe: EvalUniverse,
  profiles: Map<string, SiteProfile>,
  maxDistance: number,
): BinaryScores {
  const template = new Map(universe.sites.map((s) => [s.name, s.spec.template]));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of universe.pairs) {
    const a = profiles.get(pair.reference)!;
    const b = profiles.get(pair.candidate)!;
    const distances = (['listing', 'ad'] as const)
      .filter((t) => a.layout[t] && b.layout[t])
      .map((t) => hammingDistance64(big(a.layout[t]!), big(b.layout[t]!)));
    if (distances.length === 0) continue;
    const predicted = distances.reduce((x, y) => x + y, 0) / distances.length <= maxDistance;
    const same = template.get(pair.reference) === template.get(pair.candidate);
    if (predicted && same) tp++;
    else if (predicted) fp++;
    else if (same) fn++;
  }
  return binary(tp, fp, fn);
}

/** A profile with its contacts and pivots withheld: the verdict then rests on the fingerprints alone. */
export function fingerprintsOnly(profile: SiteProfile): SiteProfile {
  return { ...profile, contacts: [], pivots: [] };
}
