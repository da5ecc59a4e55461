/**
 * The end of a one-process cycle, and `phenix reprocess` by itself: bring every subject's captures to the current
 * detector version (features recomputed from the stored HTML), rebuild the profiles with one idf, compare all.
 */
import type { ComparisonReport } from './compare-all.ts';
import { compareAll, thresholdsFromConfig } from './compare-all.ts';
import type { MonitorContext } from './context.ts';
import { buildProfiles, collectSubjects } from './profiles.ts';
import { emptyRefreshReport, type RefreshReport } from './reprocess.ts';

export interface RebuildReport {
  refresh: RefreshReport;
  profiles: number;
  comparisons: ComparisonReport;
}

export async function rebuildAndCompare(
  ctx: Pick<MonitorContext, 'db' | 'config' | 'evidence'>,
): Promise<RebuildReport> {
  const refresh = emptyRefreshReport();
  const subjects = await collectSubjects(ctx.db, { evidence: ctx.evidence, refresh });
  const profiles = await buildProfiles(ctx.db, subjects, { thresholds: thresholdsFromConfig(ctx.config) });
  const comparisons = await compareAll(ctx.db, ctx.config, profiles);
  return { refresh, profiles: profiles.length, comparisons };
}
