import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PhenixDatabase } from '../../../db/index.ts';
import {
  BOSS_SCHEMA,
  type Boss,
  jobId,
  openBoss,
  QUEUE,
  queueStatus,
  scheduleQueue,
  startWorker,
  syncSchedules,
} from '../../../queue/index.ts';
import { waitFor } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';
import { queueTestConfig, queueTestContext, queueTestLogger } from '../../helpers/queue.ts';

const config = queueTestConfig(2);
const logger = queueTestLogger;

describe('the job queue (pg-boss on Postgres)', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let handle: PhenixDatabase;
  const bosses: Boss[] = [];
  const open = async (schedule: boolean) => {
    const boss = await openBoss({ url: server.url, queue: config.queue, logger, schedule });
    bosses.push(boss);
    return boss;
  };

  beforeAll(async () => {
    server = await createServerDatabase();
    handle = await openDatabase({ url: server.url, migrate: true });
  });
  afterAll(async () => {
    for (const b of bosses) await b.stop({ graceful: false, wait: true });
    await handle?.close();
    await server?.drop();
  });

  it('starts four workers at once on a new database (their race to create the queues is retried)', async () => {
    const fresh = await createServerDatabase();
    try {
      const opened = await Promise.allSettled(
        [1, 2, 3, 4].map(() => openBoss({ url: fresh.url, queue: config.queue, logger })),
      );
      for (const o of opened) if (o.status === 'fulfilled') await o.value.stop({ graceful: false, wait: true });
      expect(opened.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok', 'ok']);
    } finally {
      await fresh.drop();
    }
  }, 60_000);

  it('fires a schedule once per slot however many schedulers registered it', async () => {
    const entries = [{ name: 'every minute', cron: '* * * * *', options: { scope: 'seeds' as const } }];
    const [a, b] = [await open(true), await open(true)];
    await syncSchedules(a, entries, config.queue);
    await syncSchedules(b, entries, config.queue);
    const queue = scheduleQueue('every minute');
    const dbNow = async () =>
      new Date((await a.getDb().executeSql('select now() as t', [])).rows[0].t as string | Date).getTime();
    const jobs = async () =>
      (await a.getDb().executeSql(`select count(*)::int as n from ${BOSS_SCHEMA}.job where name = $1`, [queue])).rows[0]
        .n as number;
    const from = await dbNow();
    await waitFor(async () => (await jobs()) > 0, 75_000, 'the scheduled job');
    // Both schedulers keep evaluating the cron every second for the rest of the slot.
    await new Promise((r) => setTimeout(r, 4000));
    const to = await dbNow();
    // One job per cron slot that began in the window (or just before it): a minute boundary crossed during the test
    // legitimately adds one; two schedulers sending the same slot would add more.
    const slots = 1 + Math.floor(to / 60_000) - Math.floor(from / 60_000);
    expect(await jobs()).toBeGreaterThanOrEqual(1);
    expect(await jobs()).toBeLessThanOrEqual(slots);
    expect((await a.getSchedules()).map((s) => s.name)).toEqual([queue]);
    // A schedule removed from the config is unscheduled.
    await syncSchedules(a, [], config.queue);
    expect(await a.getSchedules()).toEqual([]);
  }, 90_000);

  it('retries a failing job with its limit, then keeps it failed with the reason', async () => {
    const boss = await open(false);
    const ctx = queueTestContext(config, handle.db);
    const worker = await startWorker(ctx, boss, { concurrency: 1 });
    try {
      const id = jobId('test-cycle', 'compare', 987654);
      await boss.send(QUEUE.compare, { cycleId: 'test-cycle', profileId: 987654 }, { id });
      // The same work sent again (a retried planner) is not inserted twice.
      expect(await boss.send(QUEUE.compare, { cycleId: 'test-cycle', profileId: 987654 }, { id })).toBeNull();
      await waitFor(async () => (await boss.getJobById(QUEUE.compare, id))?.state === 'failed', 30_000, 'failure');
      const job = await boss.getJobById(QUEUE.compare, id);
      expect(job?.retryCount).toBe(config.queue.retryLimit);
      expect((job?.output as { message?: string } | undefined)?.message).toBe('profile 987654 does not exist');
      const status = await queueStatus(boss);
      expect(status.failed.map((f) => f.id)).toContain(id);
      expect(status.counts).toContainEqual({ name: QUEUE.compare, state: 'failed', n: 1 });
    } finally {
      await worker.stop();
    }
  }, 60_000);
});
