/**
 * The job that ends a cycle's stages. While crawl jobs of the cycle are still queued, running or waiting
 * for a retry, it sends itself again a little later; then it builds the profiles (one layout idf over all
 * subjects, as in a one-process cycle) and enqueues one compare job per profile crawled in this cycle;
 * when those are done too, it records the cycle in the audit log. Each successor has a derived id, so a
 * retried finish job does not start a second chain.
 */
import { appendAudit, latestProfileIds, listAudit, runsOfCycle } from '../db/index.ts';
import { buildProfiles, collectSubjects } from '../monitor/index.ts';
import { BOSS_SCHEMA, unfinishedJobs } from './boss.ts';
import type { CompareJobData, FinishJobData, JobContext } from './job-context.ts';
import { jobId, QUEUE } from './names.ts';

export async function finishJob(jc: JobContext, data: FinishJobData) {
  const { ctx, boss } = jc;
  const { cycleId, stage, round } = data;
  const left = await unfinishedJobs(boss, stage === 'crawl' ? QUEUE.crawl : QUEUE.compare, cycleId);
  if (left > 0) {
    await boss.send(
      QUEUE.finish,
      { ...data, round: round + 1 },
      { id: jobId(cycleId, 'finish', stage, round + 1), startAfter: Math.min(30, 2 + round) },
    );
    return { stage, waitingFor: left };
  }
  if (stage === 'crawl') {
    await buildProfiles(ctx.db, await collectSubjects(ctx.db));
    const runs = await runsOfCycle(ctx.db, cycleId);
    const siteIds = [...new Set(runs.flatMap((r) => (r.siteId === null ? [] : [r.siteId])))];
    const domainIds = [...new Set(runs.flatMap((r) => (r.siteId === null ? [r.domainId] : [])))];
    const profileIds = await latestProfileIds(ctx.db, { siteIds, domainIds });
    for (let i = 0; i < profileIds.length; i += 500) {
      await boss.insert(
        profileIds.slice(i, i + 500).map((profileId) => ({
          name: QUEUE.compare,
          id: jobId(cycleId, 'compare', profileId),
          data: { cycleId, profileId } satisfies CompareJobData,
        })),
      );
    }
    await boss.send(
      QUEUE.finish,
      { ...data, stage: 'compare', round: 0 },
      { id: jobId(cycleId, 'finish', 'compare', 0), startAfter: 1 },
    );
    return { stage, compareJobs: profileIds.length };
  }
  const details = await cycleTotals(jc, cycleId);
  const done = (await listAudit(ctx.db, { subjectType: 'cycle', subjectId: cycleId })).some(
    (a) => a.action === 'cycle.completed',
  );
  if (!done)
    await appendAudit(ctx.db, {
      actor: 'monitor',
      action: 'cycle.completed',
      subjectType: 'cycle',
      subjectId: cycleId,
      details: { scope: data.scope, queued: true, durationMs: Date.now() - Date.parse(data.startedAt), ...details },
    });
  jc.log.info({ cycleId, ...details }, 'cycle finished');
  return { stage, ...details };
}

/** What the cycle's jobs did, from their states and outputs. */
async function cycleTotals(jc: JobContext, cycleId: string) {
  const { rows } = await jc.boss.getDb().executeSql(
    `select name, state::text as state, count(*)::int as n,
            coalesce(sum((output->'outcomes'->>'created')::int), 0)::int as created,
            coalesce(sum((output->'outcomes'->>'updated')::int), 0)::int as updated,
            coalesce(sum((output->>'pagesOk')::int), 0)::int as pages
       from ${BOSS_SCHEMA}.job where name in ($1, $2) and data->>'cycleId' = $3 group by name, state`,
    [QUEUE.crawl, QUEUE.compare, cycleId],
  );
  const of = (name: string, state: string) =>
    (rows as { name: string; state: string; n: number }[]).find((r) => r.name === name && r.state === state)?.n ?? 0;
  const sum = (name: string, key: 'created' | 'updated' | 'pages') =>
    (rows as Record<string, number | string>[]).filter((r) => r.name === name).reduce((a, r) => a + Number(r[key]), 0);
  return {
    crawlJobs: { completed: of(QUEUE.crawl, 'completed'), failed: of(QUEUE.crawl, 'failed') },
    compareJobs: { completed: of(QUEUE.compare, 'completed'), failed: of(QUEUE.compare, 'failed') },
    pagesCaptured: sum(QUEUE.crawl, 'pages'),
    alertsCreated: sum(QUEUE.compare, 'created'),
    alertsUpdated: sum(QUEUE.compare, 'updated'),
  };
}
