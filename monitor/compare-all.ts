/**
 * Compares every candidate profile with every monitored site's profile and upserts the alerts. A
 * candidate is never compared with the site it is a seed of.
 */
import type { Config } from '../config/index.ts';
import { type Database, type UpsertOutcome, upsertAlert } from '../db/index.ts';
import { compareProfiles, type DetectorThresholds } from '../detector/index.ts';
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
  for (const candidate of candidates) {
    for (const site of sites) {
      if (site.subject.hostnames.includes(candidate.subject.label)) continue;
      const result = compareProfiles(site.profile, candidate.profile, thresholds);
      report.compared++;
      const { outcome, alert } = await upsertAlert(db, {
        siteId: site.subject.siteId!,
        candidateDomainId: candidate.subject.domain!.id,
        verdict: result.verdict,
        score: result.score,
        signals: { ...result.signals },
        evidence: result.evidence,
        explanation: result.explanation,
        referenceProfileId: site.row.id,
        candidateProfileId: candidate.row.id,
      });
      report.outcomes[outcome]++;
      if (result.verdict === 'clone') {
        report.clones.push({
          site: site.subject.label,
          candidate: candidate.subject.label,
          score: result.score,
          alertId: alert?.id ?? null,
          outcome,
        });
      }
    }
  }
  return report;
}
