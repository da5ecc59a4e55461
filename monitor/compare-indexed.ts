/**
 * Compares one stored profile with its counterparts found through indexes (ad texts within the detector's own
 * `adMaxDistance`, layouts, pivots, shared contacts), never with every profile: the queue's compare job, sub-linear in
 * the number of stored profiles. It reaches every pair the all-by-all comparison can call a clone, since a clone needs
 * a shared ad or contact (test/integration/monitor/indexed-equals-all.test.ts checks it on the evaluation corpus).
 * A candidate is never compared with the site it is a seed of; a profile of another detector version is not compared
 * (it is rebuilt at the next cycle).
 */
import type { Config } from '../config/index.ts';
import {
  counterpartProfiles,
  type Database,
  type DomainRow,
  getProfiles,
  listDomains,
  listSites,
  type SiteProfileRow,
} from '../db/index.ts';
import { DETECTOR_VERSION, resolveThresholds, type SiteProfile } from '../detector/index.ts';
import { type ComparisonReport, comparePair, emptyComparisonReport, thresholdsFromConfig } from './compare-all.ts';
import { storedCorpusStats, storedReferences } from './corpus-stats.ts';

export async function compareProfileIndexed(
  db: Database,
  config: Config,
  profileId: number,
): Promise<ComparisonReport & { found: { byFingerprint: number; byContact: number } }> {
  const report = emptyComparisonReport();
  const [profile] = await getProfiles(db, [profileId]);
  if (!profile) throw new RangeError(`profile ${profileId} does not exist`);
  if (!profile.latest || profile.detectorVersion !== DETECTOR_VERSION)
    return { ...report, found: { byFingerprint: 0, byContact: 0 } };
  const thresholds = thresholdsFromConfig(config);
  const { adMaxDistance, adCounterpartDistance, photoMaxDistance, photoCropMaxDistance } =
    resolveThresholds(thresholds);
  const counterparts = await counterpartProfiles(db, profile, {
    // containment counts an ad's counterpart up to adCounterpartDistance: the lookup must reach as far
    adBits: Math.max(adMaxDistance, adCounterpartDistance),
    layoutBits: 3,
    photoBits: photoMaxDistance,
    photoCropBits: photoCropMaxDistance,
  });
  const found = { byFingerprint: counterparts.byFingerprint, byContact: counterparts.byContact };
  if (counterparts.rows.length === 0) return { ...report, found };

  const pairs =
    profile.siteId !== null ? counterparts.rows.map((c) => [profile, c]) : counterparts.rows.map((s) => [s, profile]);
  const sites = new Map((await listSites(db)).map((s) => [s.id, s]));
  const candidateIds = pairs.map(([, c]) => c.domainId!);
  const candidates = new Map<number, DomainRow>(
    (await listDomains(db, { role: 'candidate', ids: candidateIds })).map((d) => [d.id, d]),
  );
  const stats = await storedCorpusStats(db);
  const references = await storedReferences(db);
  for (const [siteRow, candidateRow] of pairs as [SiteProfileRow, SiteProfileRow][]) {
    const site = sites.get(siteRow.siteId!);
    const candidate = candidates.get(candidateRow.domainId!);
    if (!site || !candidate) continue; // an inactive site, or a domain that is no longer a candidate
    if (site.domains.some((d) => d.hostname === candidate.hostname)) continue;
    await comparePair(
      db,
      thresholds,
      { id: site.id, name: site.name, profileId: siteRow.id, profile: siteRow.profile as unknown as SiteProfile },
      {
        id: candidate.id,
        name: candidate.hostname,
        profileId: candidateRow.id,
        profile: candidateRow.profile as unknown as SiteProfile,
      },
      report,
      stats,
      references,
    );
  }
  return { ...report, found };
}
