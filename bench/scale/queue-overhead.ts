/**
 * Part 2 of `npm run bench:scale`: what the queue costs per job, on no-op jobs through pg-boss alone (the product's
 * `openBoss`): boss.work loops as `phenix worker` runs them, and back-to-back fetch/complete (the database's share).
 */
import pino from 'pino';
import type postgres from 'postgres';
import type { Config } from '../../config/index.ts';
import { queueSchema } from '../../config/schema.ts';
import { type Boss, ensureQueue, openBoss } from '../../queue/boss.ts';
import { fmt } from '../lib/measure.ts';
import { withScratchDatabase } from '../lib/scratch-db.ts';
import { printTable } from '../lib/table.ts';
import { SCALE_DB_PREFIX } from './cycle.ts';

/** Poll interval of the no-op loops (queue.pollSeconds), as in the fleet's config. */
const POLL_SECONDS = 0.5;
const OVERHEAD_LOOPS = 4;

export interface OverheadResult {
  jobs: number;
  insertMs: number;
  /** Insert, then `loops` boss.work loops until every job is completed. */
  workWallMs: number;
  /** Insert, then `loops` back-to-back fetch + complete loops. */
  tightWallMs: number;
}

async function openNoopBoss(url: string): Promise<{ boss: Boss; queue: Config['queue'] }> {
  const queue = queueSchema.parse({ pollSeconds: POLL_SECONDS, retryLimit: 0, jobTimeoutSeconds: 60 });
  const boss = await openBoss({ url, queue, logger: pino({ level: 'silent' }) });
  return { boss, queue };
}

async function completedCount(boss: Boss, name: string): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [name]);
  return rows[0].n as number;
}

async function insertNoopJobs(boss: Boss, name: string, count: number): Promise<number> {
  const t0 = performance.now();
  await boss.insert(Array.from({ length: count }, (_, i) => ({ name, data: { i } })));
  return performance.now() - t0;
}

/**
 * `loops` boss.work polling loops as `phenix worker` runs them (each asks for the next job at once after finishing
 * one, through notifyWorker, instead of sleeping the polling interval), timed from the insert to the last completion.
 */
async function timeWorkLoops(boss: Boss, name: string, jobs: number): Promise<{ insertMs: number; wallMs: number }> {
  const ids: string[] = [];
  for (let i = 0; i < OVERHEAD_LOOPS; i++) {
    const loop: { id?: string } = {};
    loop.id = await boss.work(name, { pollingIntervalSeconds: POLL_SECONDS, batchSize: 1 }, async () => {
      if (loop.id) boss.notifyWorker(loop.id);
      return {};
    });
    ids.push(loop.id);
  }
  const t0 = performance.now();
  const insertMs = await insertNoopJobs(boss, name, jobs);
  while ((await completedCount(boss, name)) < jobs) await new Promise((r) => setTimeout(r, 50));
  const wallMs = performance.now() - t0;
  for (const id of ids) await boss.offWork({ id });
  return { insertMs, wallMs };
}

/** The same work without the polling loop: concurrent fetch + complete loops (awaited) until the queue is empty. */
async function timeFetchComplete(boss: Boss, name: string, jobs: number): Promise<number> {
  const loop = async () => {
    for (;;) {
      const [job] = await boss.fetch(name);
      if (!job) return;
      await boss.complete(name, job.id, {});
    }
  };
  const t0 = performance.now();
  await insertNoopJobs(boss, name, jobs);
  await Promise.all(Array.from({ length: OVERHEAD_LOOPS }, loop));
  const wallMs = performance.now() - t0;
  const done = await completedCount(boss, name);
  if (done !== jobs) console.log(`  WARNING: ${done} of ${jobs} no-op jobs completed by the fetch/complete loops`);
  return wallMs;
}

export async function benchQueueOverhead(
  admin: postgres.Sql,
  adminUrl: string,
  noopJobs: number,
): Promise<OverheadResult> {
  return withScratchDatabase(admin, adminUrl, `${SCALE_DB_PREFIX}${process.pid}_queue`, async (url) => {
    const { boss, queue } = await openNoopBoss(url);
    try {
      await ensureQueue(boss, 'bench_noop_work', queue);
      await ensureQueue(boss, 'bench_noop_fetch', queue);
      console.log(`  ${noopJobs} no-op jobs through ${OVERHEAD_LOOPS} boss.work loops (poll ${POLL_SECONDS} s)…`);
      const work = await timeWorkLoops(boss, 'bench_noop_work', noopJobs);
      console.log(`  ${noopJobs} no-op jobs through ${OVERHEAD_LOOPS} back-to-back fetch/complete loops…`);
      const tightWallMs = await timeFetchComplete(boss, 'bench_noop_fetch', noopJobs);
      return { jobs: noopJobs, insertMs: work.insertMs, workWallMs: work.wallMs, tightWallMs };
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 10_000 });
    }
  });
}

export function printOverheadTable(o: OverheadResult, crawlMedianMs: number, workers: number): void {
  const perLoop = (wallMs: number) => (wallMs * OVERHEAD_LOOPS) / o.jobs;
  const share = (ms: number) => (Number.isFinite(crawlMedianMs) ? `${fmt((100 * ms) / crawlMedianMs, 2)} %` : '—');
  printTable(
    ['no-op jobs via', 'wall', 'wall / job', 'per loop / job', '% of a crawl job'],
    [
      [
        `${OVERHEAD_LOOPS} boss.work loops (as phenix worker)`,
        `${fmt(o.workWallMs / 1000, 1)} s`,
        `${fmt(o.workWallMs / o.jobs, 2)} ms`,
      ],
      [
        `${OVERHEAD_LOOPS} fetch/complete loops`,
        `${fmt(o.tightWallMs / 1000, 1)} s`,
        `${fmt(o.tightWallMs / o.jobs, 2)} ms`,
      ],
    ].map((row, i) => {
      const ms = perLoop(i === 0 ? o.workWallMs : o.tightWallMs);
      return [...row, `${fmt(ms, 2)} ms`, share(ms)];
    }),
  );
  console.log(
    `(insert of the ${o.jobs} jobs: ${fmt(o.insertMs, 0)} ms. "per loop / job" = wall × ${OVERHEAD_LOOPS} / jobs: ` +
      `what one worker slot spends per job, against the median crawl job with ${workers} worker(s) ` +
      `(${fmt(crawlMedianMs / 1000, 2)} s). Left alone, a pg-boss loop sleeps its polling interval minus the job's ` +
      `duration after every job, so each job shorter than ${POLL_SECONDS - 0.1} s would cost its slot about ` +
      `${POLL_SECONDS} s; the worker's loops skip that sleep while jobs are waiting.)`,
  );
}
