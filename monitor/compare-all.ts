/**
 * Compares every candidate profile with every monitored site's profile and upserts the alerts. A
 * candidate is never compared with the site it is a seed of.
 */
import type { Config } from '../config/index.ts';
import { type Database, type UpsertOutcome, upsertAlert } from '../db/index.ts';
import { type CorpusStats, compareProfiles, type DetectorThresholds, type SiteProfile } from '../detector/index.ts';
import { storedCorpusStats, storedReferences } from './corpus-stats.ts';
import type { BuiltProfile } from './profiles.ts';

export interface ComparisonReport {
  compared: number;
  outcomes: Record<UpsertOutcome, number>;
  clones: { site: string; candidate: string; score: number; alertId: number | null; outcome: UpsertOutcome }[];
}

export function thresholdsFromConfig(config: Config): Partial<DetectorThresholds> {
  return Object.fromEntries(
    Object.entries(config.detector).filter(([, v]) => v !== undefined),
  ) as Partial<DetectorThresholds>;
}

export function emptyComparisonReport(): ComparisonReport {
  return {
    compared: 0,
    outcomes: { created: 0, updated: 0, unchanged: 0, reopened: 0, 'kept-dismissed': 0, 'not-raised': 0 },
    clones: [],
  };
}

export async function compareAll(db: Database, config: Config, profiles: BuiltProfile[]): Promise<ComparisonReport> {
  const thresholds = thresholdsFromConfig(config);
  const sites = profiles.filter((p) => p.subject.kind === 'site');
  const candidates = profiles.filter((p) => p.subject.kind === 'candidate');
  const report = emptyComparisonReport();
  const stats = candidates.length > 0 && sites.length > 0 ? await storedCorpusStats(db) : undefined;
  const references = stats ? await storedReferences(db) : undefined;
  for (const candidate of candidates) {
    for (const site of sites) {
      if (site.subject.hostnames.includes(candidate.subject.label)) continue;
      await comparePair(
        db,
        thresholds,
        { id: site.subject.siteId!, name: site.subject.label, profileId: site.row.id, profile: site.profile },
        {
          id: candidate.subject.domain!.id,
          name: candidate.subject.label,
          profileId: candidate.row.id,
          profile: candidate.profile,
        },
        report,
        stats,
        references,
      );
    }
  }
  return report;
}

/** One side of a comparison: a monitored site or a candidate domain, with the stored profile compared. */
export interface PairSide {
  /** Site id, or candidate domain id. */
  id: number;
  /** Site name, or candidate hostname. */
  name: string;
  profileId: number;
  profile: SiteProfile;
}

/** Compares a site with a candidate, upserts the alert, and counts the outcome in `report`. */
export async function comparePair(
  db: Database,
  thresholds: Partial<DetectorThresholds>,
  site: PairSide,
  candidate: PairSide,
  report: ComparisonReport,
  stats?: CorpusStats,
  references?: SiteProfile[],
): Promise<void> {
  const result = compareProfiles(site.profile, candidate.profile, thresholds, stats, references);
  report.compared++;
  const { outcome, alert } = await upsertAlert(db, {
    siteId: site.id,
    candidateDomainId: candidate.id,
    verdict: result.verdict,
    score: result.score,
    signals: { ...result.signals },
    evidence: result.evidence,
    explanation: result.explanation,
    referenceProfileId: site.profileId,
    candidateProfileId: candidate.profileId,
  });
  report.outcomes[outcome]++;
  if (result.verdict === 'clone')
    report.clones.push({
      site: site.name,
      candidate: candidate.name,
      score: result.score,
      alertId: alert?.id ?? null,
      outcome,
    });
}
