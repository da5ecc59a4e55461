/**
 * Screening on the queue (real Postgres): two workers split a day's feed in batch jobs. Every feed name is
 * claimed by one batch and screened once, the hidden clone under an unrelated name is escalated to a crawl of the
 * same cycle and raised as an alert, and the cycle ends only after the screening and the crawls it caused. Two
 * planners claiming at once get disjoint names; a batch job run again after its results were stored (its worker
 * died before pg-boss marked it done) screens nothing twice.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDueForScreening, listAlerts, syncSites } from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { ingestFeed, scorerFromDatabase } from '../../../feeds/index.ts';
import { type MonitorContext, processOwner, siteSpecsFromConfig } from '../../../monitor/index.ts';
import {
  BOSS_SCHEMA,
  type Boss,
  enqueueCycle,
  openBoss,
  startWorker,
  type Worker,
  waitForCycle,
} from '../../../queue/index.ts';
import { screenJob } from '../../../queue/screen-job.ts';
import { createScreenerPool } from '../../../queue/screener-pool.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { HIDDEN_CLONE, universeWithHiddenClone } from '../../helpers/hidden-clone.ts';
import { demoContext, importDemoSnapshots } from '../../helpers/monitor.ts';

const UNREGISTERED = Array.from({ length: 400 }, (_, i) => `jamais-vu-${String(i).padStart(3, '0')}.test`);
const FEED = [...UNREGISTERED.slice(0, 200), HIDDEN_CLONE, ...UNREGISTERED.slice(200)];
const BATCH = 10;

describe('screening split between two workers (postgres)', () => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;
  const bosses: Boss[] = [];
  const workers: Worker[] = [];
  const jobsOf: string[][] = [[], []];

  beforeAll(async () => {
    universe = await startUniverse({ universe: universeWithHiddenClone() });
    t = await createTestDatabase('postgres');
    const base = demoContext(t.handle.db, universe);
    ctx = {
      ...base,
      config: {
        ...base.config,
        queue: {
          ...base.config.queue,
          enabled: true,
          jobTimeoutSeconds: 120,
          retryLimit: 2,
          retryDelaySeconds: 1,
          pollSeconds: 0.5,
          maintenanceSeconds: 2,
        },
        screen: { ...base.config.screen, batchSize: BATCH },
      },
    };
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
    const url = t.url as string;
    for (const i of [0, 1]) {
      const boss = await openBoss({ url, queue: ctx.config.queue, logger: ctx.logger });
      bosses.push(boss);
      workers.push(
        await startWorker({ ...ctx, owner: processOwner() }, boss, {
          concurrency: 1,
          onJob: (queue, id, ok) => {
            if (queue === 'screen' && ok) jobsOf[i].push(id);
          },
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    for (const w of workers) await w.stop();
    for (const b of bosses) await b.stop({ graceful: false, wait: true });
    await t?.drop();
    await universe?.close();
  });

  it('screens every name once across both workers and raises the hidden clone', async () => {
    const report = await ingestFeed(Readable.from([FEED.join('\n')]), {
      db: ctx.db,
      source: 'file:day.txt',
      detail: 'feed day.txt',
      score: await scorerFromDatabase(ctx.db),
    });
    expect(report).toMatchObject({ names: FEED.length, newNames: FEED.length, errors: 0 });

    const cycleId = await enqueueCycle(bosses[0], { scope: 'all', origin: 'test' });
    const details = await waitForCycle(ctx.db, bosses[0], cycleId, { pollMs: 250 });
    expect(details).toMatchObject({
      screenJobs: { completed: Math.ceil(FEED.length / BATCH), failed: 0 },
      namesScreened: FEED.length,
      namesEscalated: 1,
    });

    // Each name in exactly one batch job, and screened exactly once.
    const sql = bosses[0].getDb();
    const { rows: batches } = await sql.executeSql(
      `select id::text as id, data from ${BOSS_SCHEMA}.job where name = 'screen' and data->>'kind' = 'batch'`,
      [],
    );
    const claimed = (batches as { data: { ids: number[] } }[]).flatMap((b) => b.data.ids);
    expect(claimed.length).toBe(FEED.length);
    expect(new Set(claimed).size).toBe(FEED.length);
    const { rows: names } = await sql.executeSql(
      `select hostname, screen_count as n, screen_state as state from domains where source = 'feed'`,
      [],
    );
    expect(names.length).toBe(FEED.length);
    expect((names as { n: number }[]).filter((r) => r.n !== 1)).toEqual([]);
    const states = new Map((names as { hostname: string; state: string }[]).map((r) => [r.hostname, r.state]));
    expect(states.get(HIDDEN_CLONE)).toBe('escalated');
    expect(UNREGISTERED.filter((n) => states.get(n) !== 'nxdomain')).toEqual([]);

    // Both workers took batches: the feed was split, not run by one of them.
    const batchIds = new Set((batches as { id: string }[]).map((b) => b.id));
    const perWorker = jobsOf.map((ids) => ids.filter((id) => batchIds.has(id)).length);
    expect(perWorker[0] + perWorker[1]).toBe(batchIds.size);
    expect(perWorker.every((n) => n > 0)).toBe(true);

    // The escalated name was crawled in the same cycle and compared: an alert.
    const { rows: crawled } = await sql.executeSql(
      `select count(*)::int as n from crawl_runs r join domains d on d.id = r.domain_id
        where d.hostname = $1 and r.cycle_id = $2 and r.status = 'done'`,
      [HIDDEN_CLONE, cycleId],
    );
    expect(crawled[0].n).toBe(1);
    expect((await listAlerts(ctx.db)).map((a) => a.candidate)).toContain(HIDDEN_CLONE);
  }, 300_000);

  it('claims names for one planner only, and a retried batch screens nothing twice', async () => {
    const names = Array.from({ length: 6 }, (_, i) => `reprise-${i}.test`);
    await ingestFeed(Readable.from([names.join('\n')]), { db: ctx.db, source: 'file:retry.txt', detail: 'retry' });
    // Two planners at once (two cycles): each name goes to one of them.
    const until = new Date(Date.now() + 3_600_000);
    const [a, b] = await Promise.all([claimDueForScreening(ctx.db, 4, until), claimDueForScreening(ctx.db, 4, until)]);
    const ids = [...a, ...b].map((n) => n.id);
    expect(ids.length).toBe(names.length);
    expect(new Set(ids).size).toBe(names.length);
    expect(await claimDueForScreening(ctx.db, 10, until)).toEqual([]);

    // The same batch job run twice (its worker died after storing the results): the second attempt skips them.
    const jc = { ctx, boss: bosses[0], log: ctx.logger };
    const pool = createScreenerPool(jc);
    const data = { cycleId: 'retry-test', kind: 'batch' as const, ids, claimedAt: new Date().toISOString() };
    try {
      expect(await screenJob(jc, data, pool)).toMatchObject({ names: names.length, skipped: 0 });
      expect(await screenJob(jc, data, pool)).toMatchObject({ names: 0, skipped: names.length });
    } finally {
      await pool.close();
    }
    const { rows } = await bosses[0]
      .getDb()
      .executeSql(`select screen_count as n from domains where hostname like 'reprise-%'`, []);
    expect((rows as { n: number }[]).map((r) => r.n)).toEqual(names.map(() => 1));
  }, 60_000);
});
