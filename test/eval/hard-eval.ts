/**
 * The hard cases through the whole pipeline: pages → features → profiles (one idf over the hard-case universe) →
 * corpus statistics over its profiles → comparison of each reference with its hard cases.
 */
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  type Comparison,
  compareProfiles,
  type DetectorThresholds,
  extractPage,
  type SiteProfile,
} from '../../detector/index.ts';
import { buildHardCases, type HardCaseUniverse, type HardPair } from '../fixtures/eval/hard-cases.ts';

export interface HardResult {
  pair: HardPair;
  comparison: Comparison;
}

export function hardCaseProfiles(universe: HardCaseUniverse): Map<string, SiteProfile> {
  const features = universe.sites.map((site) =>
    [...site.pages].map(([path, html]) => extractPage({ url: `http://${site.domain}${path}`, html })),
  );
  const idf = buildDocumentFrequencies(features.flat());
  return new Map(universe.sites.map((site, i) => [site.name, buildProfile(features[i], { site: site.name, idf })]));
}

export function scoreHardCases(
  universe: HardCaseUniverse = buildHardCases(),
  thresholds?: Partial<DetectorThresholds>,
  profiles = hardCaseProfiles(universe),
): HardResult[] {
  const stats = buildCorpusStats(profiles.values());
  return universe.pairs.map((pair) => ({
    pair,
    comparison: compareProfiles(profiles.get(pair.reference)!, profiles.get(pair.candidate)!, thresholds, stats),
  }));
}
