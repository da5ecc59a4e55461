/** A compare job: one profile against the counterparts the indexes link it to; alerts upserted (never twice). */
import { compareProfileIndexed } from '../monitor/index.ts';
import type { CompareJobData, JobContext } from './job-context.ts';

export async function compareJob(jc: JobContext, data: CompareJobData) {
  const report = await compareProfileIndexed(jc.ctx.db, jc.ctx.config, data.profileId);
  return {
    profileId: data.profileId,
    compared: report.compared,
    outcomes: report.outcomes,
    found: report.found,
    clones: report.clones,
  };
}
