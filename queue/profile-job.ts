/**
 * A profile job: one candidate crawled in the cycle gets its profile built from its last useful crawl,
 * weighed with the cycle's layout corpus (the same idf as the monitored sites' profiles of this cycle),
 * then compared with the sites the indexes link it to. Its own pages only: no job reads every profile.
 */
import { getCorpus } from '../db/index.ts';
import { buildProfiles, candidateSubjects, compareProfileIndexed, thresholdsFromConfig } from '../monitor/index.ts';
import type { JobContext, ProfileJobData } from './job-context.ts';

export async function profileJob(jc: JobContext, data: ProfileJobData) {
  const { db, config } = jc.ctx;
  const corpus = await getCorpus(db, data.cycleId);
  if (!corpus)
    throw new Error(`the layout corpus of cycle ${data.cycleId} is missing; the cycle must be planned again`);
  const subjects = await candidateSubjects(db, [data.domainId], { evidence: jc.ctx.evidence });
  if (subjects.length === 0) return { domainId: data.domainId, skipped: 'no page with ads, contacts or a listing' };
  const [built] = await buildProfiles(db, subjects, { idf: corpus, thresholds: thresholdsFromConfig(config) });
  const report = await compareProfileIndexed(db, config, built.row.id);
  return {
    domainId: data.domainId,
    profileId: built.row.id,
    compared: report.compared,
    outcomes: report.outcomes,
    found: report.found,
    clones: report.clones,
  };
}
