/**
 * `phenix worker`: takes jobs from every Phénix queue on the shared Postgres. Crawl, screen and compare jobs run
 * `concurrency` at a time; cycle planning and stage ends one at a time. Queues of schedules added later
 * (a site with its own cron) are picked up within a minute. stop() lets the jobs in flight finish their
 * pages; a crawl cut short is retried (and resumed) by the next worker that takes it.
 */
import type PgBoss from 'pg-boss';
import type { MonitorContext } from '../monitor/index.ts';
import type { Boss } from './boss.ts';
import { compareJob } from './compare-job.ts';
import { crawlJob } from './crawl-job.ts';
import { recordFailedCycles } from './failed-cycles.ts';
import { finishJob } from './finish-job.ts';
import type {
  CompareJobData,
  CrawlJobData,
  CycleJobData,
  FinishJobData,
  JobContext,
  ProfileJobData,
  ScreenJobData,
} from './job-context.ts';
import { isCycleQueue, QUEUE } from './names.ts';
import { planCycle } from './plan-cycle.ts';
import { profileJob } from './profile-job.ts';
import { screenJob } from './screen-job.ts';
import { createScreenerPool } from './screener-pool.ts';

export interface Worker {
  /** Jobs this worker finished, by queue (for progress lines and tests). */
  done: Record<string, number>;
  stop(): Promise<void>;
}

export async function startWorker(
  ctx: MonitorContext,
  boss: Boss,
  options: { concurrency: number; onJob?: (queue: string, id: string, ok: boolean) => void },
): Promise<Worker> {
  const log = ctx.logger.child({ component: 'worker', owner: ctx.owner });
  const jc: JobContext = { ctx, boss, log };
  const done: Record<string, number> = {};
  let sweeping: Promise<unknown> | null = null;
  const sweepFailedCycles = () => {
    sweeping ??= recordFailedCycles(jc)
      .catch((err) => log.warn({ err }, 'could not look for failed cycles; the next look retries'))
      .finally(() => {
        sweeping = null;
      });
  };
  const workOptions = { pollingIntervalSeconds: ctx.config.queue.pollSeconds, batchSize: 1 };
  const ids: string[] = [];

  // pg-boss sleeps a polling interval after every job shorter than it, even with more jobs waiting; a loop that has
  // just finished a job asks again at once instead (it sleeps only when its queue is empty).
  const handle =
    <T>(queue: string, fn: (job: PgBoss.Job<T>) => Promise<unknown>, loop: { id?: string }) =>
    async (jobs: PgBoss.Job<T>[]) => {
      try {
        return await run(queue, fn, jobs[0]);
      } finally {
        if (loop.id) boss.notifyWorker(loop.id);
      }
    };
  const run = async <T>(queue: string, fn: (job: PgBoss.Job<T>) => Promise<unknown>, job: PgBoss.Job<T>) => {
    const jobLog = log.child({ queue, jobId: job.id });
    const started = Date.now();
    try {
      const output = await fn(job);
      done[queue] = (done[queue] ?? 0) + 1;
      jobLog.debug({ ms: Date.now() - started }, 'job done');
      options.onJob?.(queue, job.id, true);
      return output;
    } catch (error) {
      jobLog.warn(
        { err: error, ms: Date.now() - started },
        'job failed; pg-boss retries it with backoff until its limit',
      );
      options.onJob?.(queue, job.id, false);
      // pg-boss marks the job failed once this handler has thrown: look for a cycle that can no longer end then.
      if (queue === QUEUE.finish || isCycleQueue(queue)) setTimeout(sweepFailedCycles, 1000).unref();
      throw error;
    }
  };
  const work = async <T>(queue: string, n: number, fn: (job: PgBoss.Job<T>) => Promise<unknown>) => {
    for (let i = 0; i < n; i++) {
      const loop: { id?: string } = {};
      loop.id = await boss.work<T>(queue, workOptions, handle(queue, fn, loop));
      ids.push(loop.id);
    }
  };

  await work<CrawlJobData>(QUEUE.crawl, options.concurrency, (job) => crawlJob(jc, job.id, job.data));
  const screening = createScreenerPool(jc);
  await work<ScreenJobData>(QUEUE.screen, options.concurrency, (job) => screenJob(jc, job.data, screening));
  await work<ProfileJobData>(QUEUE.profile, options.concurrency, (job) => profileJob(jc, job.data));
  await work<CompareJobData>(QUEUE.compare, options.concurrency, (job) => compareJob(jc, job.data));
  await work<FinishJobData>(QUEUE.finish, 1, (job) => finishJob(jc, job.data));
  const cycleQueues = new Set<string>();
  const watchCycleQueues = async () => {
    for (const q of await boss.getQueues()) {
      if (!isCycleQueue(q.name) || cycleQueues.has(q.name)) continue;
      cycleQueues.add(q.name);
      await work<CycleJobData>(q.name, 1, (job) => planCycle(jc, job.id, job.data));
    }
  };
  await watchCycleQueues();
  const timer = setInterval(() => {
    watchCycleQueues().catch((err) => log.warn({ err }, 'could not list the queues'));
  }, 60_000);
  timer.unref();
  // A planning or stage-end job may also fail for good by expiring (its worker died): pg-boss's maintenance fails it.
  const sweepTimer = setInterval(
    sweepFailedCycles,
    Math.min(60, Math.max(1, ctx.config.queue.maintenanceSeconds)) * 1000,
  );
  sweepTimer.unref();
  sweepFailedCycles();
  log.info({ concurrency: options.concurrency, cycleQueues: [...cycleQueues] }, 'worker started');

  return {
    done,
    stop: async () => {
      clearInterval(timer);
      clearInterval(sweepTimer);
      for (const id of ids) await boss.offWork({ id });
      await sweeping;
      await screening.close();
      log.info({ done }, 'worker stopped');
    },
  };
}
