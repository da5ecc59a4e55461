/**
 * Screening on the workers: the cycle's feed names split into batches that any worker takes.
 *   plan  → waits (re-sending itself) until the cycle's seed crawls are done, then claims the due names, the most
 *           name-like first, `screen.batchSize` at a time up to `screen.maxNamesPerCycle`, one batch job each;
 *   batch → the same funnel as the one-process cycle (screen/), results stored, escalated names sent as crawl
 *           jobs of the same cycle (they are compared with the rest when the crawl stage ends).
 * A claimed name is in one batch only (its due time moves past the claim), so no name is screened twice by two
 * workers; a batch retried after its worker died skips the names an earlier attempt already screened.
 */
import { claimDueForScreening, screeningSince } from '../db/index.ts';
import { emptyScreenSummary } from '../screen/index.ts';
import { BOSS_SCHEMA } from './boss.ts';
import { checkDelaySeconds } from './finish-job.ts';
import type { JobContext, ScreenJobData } from './job-context.ts';
import { jobId, QUEUE } from './names.ts';
import { sendCrawlJobs } from './plan-cycle.ts';
import type { ScreenerPool } from './screener-pool.ts';

const emptyStats = () => {
  const { names, resolving, fetched, probed, escalated, dnsMs, fetchMs, byState } = emptyScreenSummary();
  return { names, resolving, fetched, probed, escalated, dnsMs, fetchMs, byState };
};

/** The screening plan of a cycle (sent by the planner unless the cycle is seeds only). */
export async function sendScreenPlan(jc: JobContext, cycleId: string): Promise<void> {
  const data: ScreenJobData = { cycleId, kind: 'plan', round: 0 };
  await jc.boss.send(QUEUE.screen, data, { id: jobId(cycleId, 'screen', 'plan', 0) });
}

/**
 * How long a batch keeps its names: every attempt pg-boss may give it (timeout, then the backed-off retry delay),
 * so a name is not claimed again while its batch may still run.
 */
export function claimSeconds(q: JobContext['ctx']['config']['queue']): number {
  let total = 0;
  for (let attempt = 0; attempt <= q.retryLimit; attempt++)
    total += q.jobTimeoutSeconds + q.retryDelaySeconds * 2 ** Math.min(attempt, 10);
  return total + 60;
}

export async function screenJob(jc: JobContext, data: ScreenJobData, pool: ScreenerPool) {
  return data.kind === 'plan' ? planScreening(jc, data) : screenBatchJob(jc, data, pool);
}

async function seedCrawlsLeft(jc: JobContext, cycleId: string): Promise<number> {
  const { rows } = await jc.boss
    .getDb()
    .executeSql(
      `select count(*)::int as n from ${BOSS_SCHEMA}.job where name = $1 and data->>'cycleId' = $2 and data->>'kind' = 'site' and state < 'completed'`,
      [QUEUE.crawl, cycleId],
    );
  return rows[0].n as number;
}

async function planScreening(jc: JobContext, data: Extract<ScreenJobData, { kind: 'plan' }>) {
  const { ctx, boss } = jc;
  const { cycleId, round } = data;
  const waiting = await seedCrawlsLeft(jc, cycleId);
  if (waiting > 0) {
    const again: ScreenJobData = { ...data, round: round + 1 };
    await boss.send(QUEUE.screen, again, {
      id: jobId(cycleId, 'screen', 'plan', round + 1),
      startAfter: checkDelaySeconds(round),
    });
    return { waitingForSeedCrawls: waiting };
  }
  const { batchSize, maxNamesPerCycle } = ctx.config.screen;
  const until = new Date(Date.now() + claimSeconds(ctx.config.queue) * 1000);
  let names = 0;
  let batches = 0;
  while (names < maxNamesPerCycle) {
    const claimedAt = new Date();
    const claimed = await claimDueForScreening(ctx.db, Math.min(batchSize, maxNamesPerCycle - names), until, claimedAt);
    if (claimed.length === 0) break;
    const ids = claimed.map((n) => n.id);
    const batch: ScreenJobData = { cycleId, kind: 'batch', ids, claimedAt: claimedAt.toISOString() };
    // Names claimed by a planner that dies right here are due again when the claim expires: delayed, not lost.
    await boss.send(QUEUE.screen, batch, { id: jobId(cycleId, 'screen', 'batch', ids[0]) });
    names += ids.length;
    batches++;
  }
  jc.log.info({ cycleId, names, batches }, 'screening planned: batch jobs enqueued');
  return { names, batches };
}

async function screenBatchJob(jc: JobContext, data: Extract<ScreenJobData, { kind: 'batch' }>, pool: ScreenerPool) {
  const { ctx } = jc;
  const { toScreen, escalatedAlready } = await screeningSince(ctx.db, data.ids, new Date(data.claimedAt));
  const summary =
    toScreen.length > 0
      ? await pool.use(data.cycleId, (screener) => screener.screen(toScreen))
      : { ...emptyStats(), escalatedIds: [] as number[], escalatedNames: [] as string[] };
  const escalated = [...new Set([...escalatedAlready.map((e) => e.id), ...summary.escalatedIds])];
  await sendCrawlJobs(
    jc,
    escalated.map((id) => ({ cycleId: data.cycleId, kind: 'candidate' as const, id, generation: 1 })),
  );
  return {
    names: summary.names,
    skipped: data.ids.length - toScreen.length,
    resolving: summary.resolving,
    fetched: summary.fetched,
    probed: summary.probed,
    escalated: escalated.length,
    escalatedNames: [...escalatedAlready.map((e) => e.hostname), ...summary.escalatedNames],
    byState: summary.byState,
    dnsMs: Math.round(summary.dnsMs),
    fetchMs: Math.round(summary.fetchMs),
  };
}
