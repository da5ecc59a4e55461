/**
 * A cycle on the queue that cannot end, on a real Postgres with two workers: a planning job that fails at every
 * attempt, a stage-end job that fails at every attempt, and a planning job whose worker died (it expires). Each cycle is recorded as failed with the reason, and
 * the `cycle.failed` notification is in the outbox exactly once, however many workers saw the failed job and however
 * often they looked again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCycle, openDatabase, type PhenixDatabase } from '../../../db/index.ts';
import { notificationOutbox } from '../../../db/schema/index.ts';
import {
  type Boss,
  enqueueCycle,
  openBoss,
  scheduleQueue,
  startWorker,
  type Worker,
  waitForCycle,
} from '../../../queue/index.ts';
import { waitFor } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';
import { queueTestConfig, queueTestContext, queueTestLogger } from '../../helpers/queue.ts';

const config = queueTestConfig(1, [
  'sites:',
  '  - name: maison-services',
  '    status: convicted',
  '    caseRef: PJ-2026-017',
  '    domains: [maison-services.test]',
]);
const logger = queueTestLogger;

let server: Awaited<ReturnType<typeof createServerDatabase>>;
let handle: PhenixDatabase;
const bosses: Boss[] = [];
const workers: Worker[] = [];

/** Makes every insert into `table` fail, as a full disk or a revoked grant would. */
async function refuseInserts(table: string, message: string): Promise<() => Promise<void>> {
  await handle.db.execute(
    sql.raw(`create or replace function phenix_test_refuse_${table}() returns trigger language plpgsql as $$
      begin raise exception '${message}'; end $$`),
  );
  await handle.db.execute(
    sql.raw(`create trigger phenix_test_refuse before insert or update on ${table}
      for each row execute function phenix_test_refuse_${table}()`),
  );
  return async () => {
    await handle.db.execute(sql.raw(`drop trigger phenix_test_refuse on ${table}`));
  };
}

async function failedNotices(cycleId: string) {
  return handle.db
    .select()
    .from(notificationOutbox)
    .where(
      and(eq(notificationOutbox.event, 'cycle.failed'), sql`${notificationOutbox.payload}->>'cycleId' = ${cycleId}`),
    );
}

/** Waits until the cycle is recorded failed, then long enough for both workers to look again several times. */
async function failedCycle(cycleId: string) {
  await waitFor(
    async () => (await getCycle(handle.db, cycleId).catch(() => null))?.status === 'failed',
    30_000,
    'the failed cycle',
  );
  await new Promise((r) => setTimeout(r, 3000));
  return getCycle(handle.db, cycleId);
}

beforeAll(async () => {
  server = await createServerDatabase();
  handle = await openDatabase({ url: server.url, migrate: true });
  const ctx = queueTestContext(config, handle.db);
  for (let i = 0; i < 2; i++) {
    const boss = await openBoss({ url: server.url, queue: config.queue, logger });
    bosses.push(boss);
    workers.push(await startWorker(ctx, boss, { concurrency: 1 }));
  }
}, 120_000);
afterAll(async () => {
  for (const w of workers) await w.stop();
  for (const b of bosses) await b.stop({ graceful: false, wait: true });
  await handle?.close();
  await server?.drop();
});

describe('failed cycles on the queue', () => {
  it('records a cycle whose planning fails at every attempt, and notifies it once', async () => {
    const allow = await refuseInserts('sites', 'the disk is full (test)');
    try {
      const cycleId = await enqueueCycle(bosses[0], { scope: 'seeds', origin: 'phenix run --once' });
      const cycle = await failedCycle(cycleId);
      expect(cycle.error).toContain('the cycle could not be planned after 1 retries: the disk is full (test)');
      expect(cycle.finishedAt).not.toBeNull();
      const notices = await failedNotices(cycleId);
      expect(notices).toHaveLength(1);
      expect(notices[0].payload).toMatchObject({ cycleId, scope: 'seeds', origin: 'phenix run --once' });
      expect(String(notices[0].payload.error)).toContain('the disk is full (test)');
      // `phenix run --once` following the cycle stops with the reason instead of waiting for ever.
      await expect(waitForCycle(handle.db, bosses[1], cycleId, { pollMs: 100 })).rejects.toThrow(/disk is full/);
    } finally {
      await allow();
    }
  }, 90_000);

  it('records a cycle whose stage end fails at every attempt, and notifies it once', async () => {
    const allow = await refuseInserts('layout_corpora', 'permission denied for table layout_corpora (test)');
    try {
      // No site in scope: the planner sends only the job that ends the crawl stage, which fails.
      const cycleId = await enqueueCycle(bosses[1], { scope: 'seeds', sites: ['nulle-part'], origin: 'test' });
      const cycle = await failedCycle(cycleId);
      expect(cycle.error).toContain('the end of its crawl stage failed after 1 retries: permission denied');
      expect(await failedNotices(cycleId)).toHaveLength(1);
      await expect(waitForCycle(handle.db, bosses[0], cycleId, { pollMs: 100 })).rejects.toThrow(/crawl stage failed/);
    } finally {
      await allow();
    }
  }, 90_000);

  it('records a scheduled cycle whose planner died and let the job expire, before it wrote anything', async () => {
    const queue = scheduleQueue('expiry test');
    await bosses[0].createQueue(queue, { name: queue, policy: 'standard', retryLimit: 0, expireInSeconds: 1 });
    const cycleId = await bosses[0].send(queue, { scope: 'seeds', origin: 'schedule expiry test' });
    // The worker that takes it dies at once: the job stays active until it expires, and nobody records the cycle.
    const [taken] = await bosses[0].fetch(queue);
    expect(taken.id).toBe(cycleId);
    const cycle = await failedCycle(String(cycleId));
    expect(cycle).toMatchObject({ scope: 'seeds', origin: 'schedule expiry test' });
    expect(cycle.error).toBe('the cycle could not be planned after 0 retries: job failed by timeout in active state');
    expect(await failedNotices(String(cycleId))).toHaveLength(1);
  }, 90_000);

  it('leaves a cycle that ends well as completed, with no failure notice', async () => {
    const cycleId = await enqueueCycle(bosses[0], { scope: 'seeds', sites: ['nulle-part'], origin: 'test' });
    expect(await waitForCycle(handle.db, bosses[0], cycleId, { pollMs: 200 })).not.toBeNull();
    await new Promise((r) => setTimeout(r, 2000));
    expect((await getCycle(handle.db, cycleId)).status).toBe('completed');
    expect(await failedNotices(cycleId)).toHaveLength(0);
  }, 90_000);
});
