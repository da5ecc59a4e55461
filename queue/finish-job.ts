/**
 * The job that ends a cycle's stages. While jobs of the current stage are still queued, running or waiting
 * for a retry, it sends itself again a little later. Then:
 *   crawl   → (crawl and screening jobs) fixes the cycle's layout corpus (monitored sites and a sample of the crawled candidates),
 *             rebuilds the sites' profiles with it, and sends one profile job per crawled candidate;
 *   profile → sends one compare job per monitored site crawled in this cycle (its profile changed, so it
 *             is compared with candidates not crawled this time too);
 *   compare → records the cycle in the audit log.
 * Each successor has a derived id, so a retried finish job does not start a second chain.
 */
import { createHash } from 'node:crypto';
import { appendAudit, latestProfileIds, listAudit, recordCycleEnd, runsOfCycle, saveCorpus } from '../db/index.ts';
import {
  buildProfiles,
  candidateSubjects,
  layoutCorpus,
  SEAL_ACTION,
  sealCycle,
  siteSubjects,
  thresholdsFromConfig,
} from '../monitor/index.ts';
import { BOSS_SCHEMA, unfinishedJobs } from './boss.ts';
import type { CompareJobData, FinishJobData, JobContext, ProfileJobData } from './job-context.ts';
import { jobId, QUEUE } from './names.ts';

/** Candidates whose pages join the monitored sites' in a cycle's layout corpus (document frequencies). */
export const CORPUS_SAMPLE = 2000;
const BATCH = 500;

/** What each stage waits for: the crawl stage also waits for screening, whose escalated names become crawls. */
const STAGE_QUEUES = {
  crawl: [QUEUE.crawl, QUEUE.screen],
  profile: [QUEUE.profile],
  compare: [QUEUE.compare],
} as const;

export async function finishJob(jc: JobContext, data: FinishJobData) {
  const { ctx, boss } = jc;
  const { cycleId, stage, round } = data;
  const left = await unfinishedJobs(boss, [...STAGE_QUEUES[stage]], cycleId);
  if (left > 0) {
    await boss.send(
      QUEUE.finish,
      { ...data, round: round + 1 },
      { id: jobId(cycleId, 'finish', stage, round + 1), startAfter: checkDelaySeconds(round) },
    );
    return { stage, waitingFor: left };
  }
  const runs = await runsOfCycle(ctx.db, cycleId);
  if (stage === 'crawl') {
    const candidateIds = [...new Set(runs.flatMap((r) => (r.siteId === null ? [r.domainId] : [])))];
    // Captures an older detector described are recomputed from their stored HTML (versions never mix).
    const sites = await siteSubjects(ctx.db, { evidence: ctx.evidence });
    const sample = await candidateSubjects(ctx.db, sampleOf(candidateIds, cycleId), { evidence: ctx.evidence });
    const corpus = layoutCorpus([...sites, ...sample]);
    await saveCorpus(ctx.db, cycleId, { ...corpus, subjects: sites.length + sample.length });
    await buildProfiles(ctx.db, sites, { idf: corpus, thresholds: thresholdsFromConfig(ctx.config) });
    await sendJobs(
      jc,
      QUEUE.profile,
      candidateIds.map((domainId) => ({ id: jobId(cycleId, 'profile', domainId), data: { cycleId, domainId } })),
    );
    await next(jc, data, 'profile');
    return { stage, corpusSubjects: sites.length + sample.length, profileJobs: candidateIds.length };
  }
  if (stage === 'profile') {
    const siteIds = [...new Set(runs.flatMap((r) => (r.siteId === null ? [] : [r.siteId])))];
    const profileIds = await latestProfileIds(ctx.db, { siteIds, domainIds: [] });
    await sendJobs(
      jc,
      QUEUE.compare,
      profileIds.map((profileId) => ({ id: jobId(cycleId, 'compare', profileId), data: { cycleId, profileId } })),
    );
    await next(jc, data, 'compare');
    return { stage, compareJobs: profileIds.length };
  }
  const details = await cycleTotals(jc, cycleId);
  const recorded = (await listAudit(ctx.db, { subjectType: 'cycle', subjectId: cycleId })).some(
    (a) => a.action === 'cycle.completed',
  );
  if (!recorded) {
    // A retried finish job may have sealed already: one seal per cycle.
    const sealed = (await listAudit(ctx.db, { subjectType: 'cycle', subjectId: cycleId })).some(
      (a) => a.action === SEAL_ACTION,
    );
    if (!sealed) await sealCycle(ctx, cycleId);
    await appendAudit(ctx.db, {
      actor: 'monitor',
      action: 'cycle.completed',
      subjectType: 'cycle',
      subjectId: cycleId,
      details: { scope: data.scope, queued: true, durationMs: Date.now() - Date.parse(data.startedAt), ...details },
    });
  }
  await recordCycleEnd(ctx.db, cycleId, {
    status: 'completed',
    summary: { ...details, durationMs: Date.now() - Date.parse(data.startedAt) },
  });
  jc.log.info({ cycleId, ...details }, 'cycle finished');
  return { stage, ...details };
}

/** Every second for the first ten checks of a stage, then slower, up to every 15 s for stages of hours. */
export function checkDelaySeconds(round: number): number {
  return Math.min(15, 1 + Math.floor(round / 10));
}

async function next(jc: JobContext, data: FinishJobData, stage: FinishJobData['stage']): Promise<void> {
  await jc.boss.send(
    QUEUE.finish,
    { ...data, stage, round: 0 },
    { id: jobId(data.cycleId, 'finish', stage, 0), startAfter: 1 },
  );
}

async function sendJobs(
  jc: JobContext,
  name: string,
  jobs: { id: string; data: ProfileJobData | CompareJobData }[],
): Promise<void> {
  for (let i = 0; i < jobs.length; i += BATCH)
    await jc.boss.insert(jobs.slice(i, i + BATCH).map((j) => ({ name, id: j.id, data: j.data })));
}

/** Up to CORPUS_SAMPLE ids, the same for the same cycle (a retried job fixes the same corpus). */
function sampleOf(ids: number[], cycleId: string): number[] {
  if (ids.length <= CORPUS_SAMPLE) return ids;
  const key = (id: number) => createHash('sha256').update(`${cycleId}:${id}`).digest('hex');
  return ids
    .map((id) => ({ id, k: key(id) }))
    .sort((a, b) => (a.k < b.k ? -1 : 1))
    .slice(0, CORPUS_SAMPLE)
    .map((x) => x.id);
}

/** What the cycle's jobs did, from their states and outputs. */
async function cycleTotals(jc: JobContext, cycleId: string) {
  const { rows } = await jc.boss.getDb().executeSql(
    `select name, state::text as state, count(*)::int as n,
            coalesce(sum((output->'outcomes'->>'created')::int), 0)::int as created,
            coalesce(sum((output->'outcomes'->>'updated')::int), 0)::int as updated,
            coalesce(sum((output->>'pagesOk')::int), 0)::int as pages,
            coalesce(sum((output->>'names')::int), 0)::int as screened,
            coalesce(sum((output->>'escalated')::int), 0)::int as escalated
       from ${BOSS_SCHEMA}.job where name in ($1, $2, $3, $4) and data->>'cycleId' = $5
         and (name <> $4 or data->>'kind' = 'batch') group by name, state`,
    [QUEUE.crawl, QUEUE.profile, QUEUE.compare, QUEUE.screen, cycleId],
  );
  type Row = { name: string; state: string; n: number } & Record<Sum, number>;
  type Sum = 'created' | 'updated' | 'pages' | 'screened' | 'escalated';
  const list = rows as Row[];
  const jobs = (name: string) => ({
    completed: list.find((r) => r.name === name && r.state === 'completed')?.n ?? 0,
    failed: list.find((r) => r.name === name && r.state === 'failed')?.n ?? 0,
  });
  const sum = (names: string[], key: Sum) => list.filter((r) => names.includes(r.name)).reduce((a, r) => a + r[key], 0);
  return {
    crawlJobs: jobs(QUEUE.crawl),
    screenJobs: jobs(QUEUE.screen),
    namesScreened: sum([QUEUE.screen], 'screened'),
    namesEscalated: sum([QUEUE.screen], 'escalated'),
    profileJobs: jobs(QUEUE.profile),
    compareJobs: jobs(QUEUE.compare),
    pagesCaptured: sum([QUEUE.crawl], 'pages'),
    alertsCreated: sum([QUEUE.profile, QUEUE.compare], 'created'),
    alertsUpdated: sum([QUEUE.profile, QUEUE.compare], 'updated'),
  };
}
