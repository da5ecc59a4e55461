/**
 * A cycle on the queue that cannot end: its planning job, or the job that ends one of its stages, failed for good
 * (an error at every attempt, or a worker that died at every attempt and let the job expire). No job of the cycle is
 * left to record it, so every worker looks for such cycles (right after a planning or stage-end job fails, and every
 * maintenance interval) and records each as failed, with the `cycle.failed` notification in the same transaction.
 * Two workers that find the same cycle write one outbox row: recordCycleEnd only ends a cycle still running.
 *
 * Crawl, profile and compare jobs that fail for good do not fail their cycle: the cycle goes on without them and
 * its summary counts them (`crawlJobs.failed`…), as a one-process cycle lists a site it could not crawl.
 */
import { recordCycleEnd, recordCycleStart, unendedCycles } from '../db/index.ts';
import { BOSS_SCHEMA } from './boss.ts';
import type { CycleJobData, FinishJobData, JobContext } from './job-context.ts';
import { isCycleQueue, QUEUE } from './names.ts';

interface FailedJob {
  id: string;
  name: string;
  data: CycleJobData | FinishJobData;
  /** The error as pg-boss kept it (a failed query's own message is in its cause), or pg-boss's word on a timeout. */
  output: { message?: string; cause?: { message?: string }; value?: { message?: string } } | null;
  retryCount: number;
}

/** Records the cycles whose planning or stage-end job failed for good in the last three days; returns their ids. */
export async function recordFailedCycles(jc: JobContext): Promise<string[]> {
  // One query per queue, so PostgreSQL reads only these queues' partitions, never the crawl queue's millions of jobs.
  const names = [QUEUE.finish, ...(await jc.boss.getQueues()).map((q) => q.name).filter(isCycleQueue)];
  const rows: FailedJob[] = [];
  for (const name of names) {
    const found = await jc.boss.getDb().executeSql(
      `select id::text as id, name, data, output, retry_count as "retryCount" from ${BOSS_SCHEMA}.job
        where name = $1 and state = 'failed' and completed_on > now() - interval '3 days'
        order by completed_on desc limit 500`,
      [name],
    );
    rows.push(...(found.rows as FailedJob[]));
  }
  const failed = rows.map((job) => ({ job, cycleId: cycleIdOf(job) }));
  const open = new Set(await unendedCycles(jc.ctx.db, [...new Set(failed.map((f) => f.cycleId))]));
  const recorded: string[] = [];
  for (const { job, cycleId } of failed) {
    if (!open.has(cycleId)) continue;
    open.delete(cycleId);
    const planning = isCycleQueue(job.name);
    const scope = job.data.scope ?? 'all';
    // A planner that failed at its first statement never wrote the cycle: it is recorded now, to be ended.
    if (planning) await recordCycleStart(jc.ctx.db, { id: cycleId, scope, origin: originOf(job) });
    const reason = job.output?.cause?.message ?? job.output?.message ?? job.output?.value?.message ?? 'no reason given';
    const what = planning
      ? 'the cycle could not be planned'
      : `the end of its ${(job.data as FinishJobData).stage} stage failed`;
    const ended = await recordCycleEnd(jc.ctx.db, cycleId, {
      status: 'failed',
      error: `${what} after ${job.retryCount} retries: ${reason}`.slice(0, 2000),
    });
    if (ended) {
      recorded.push(cycleId);
      jc.log.error({ cycleId, job: job.name, reason }, 'cycle failed on the queue: recorded and notified');
    }
  }
  return recorded;
}

function cycleIdOf(job: FailedJob): string {
  // A planning job's id is the cycle's id; a stage-end job carries it.
  return job.name === QUEUE.finish ? (job.data as FinishJobData).cycleId : job.id;
}

function originOf(job: FailedJob): string {
  return (job.data as CycleJobData).origin ?? (job.name === QUEUE.cycleNow ? 'queue' : job.name);
}
