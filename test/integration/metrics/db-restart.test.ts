/**
 * PostgreSQL restarted in the middle of a cycle: the cycle fails cleanly (recorded as failed, notified) or goes on,
 * nothing stored is lost or duplicated, /healthz says unhealthy while the server is down and ok after, and the next
 * cycle runs and raises the expected alerts. Other engineers share this server: the restart is one short command
 * and the test waits for pg_isready.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listCycles, syncSites } from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { type RunningMetricsServer, startMetricsServer } from '../../../metrics/index.ts';
import { type MonitorContext, runCycle, siteSpecsFromConfig } from '../../../monitor/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { demoContext, expectedPairs, importDemoSnapshots } from '../../helpers/monitor.ts';

function restartPostgres(): void {
  const version = readdirSync('/etc/postgresql')[0];
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'ignore' });
  for (let i = 0; i < 60; i++) {
    try {
      execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
      return;
    } catch {
      execFileSync('sleep', ['0.5']);
    }
  }
  throw new Error('PostgreSQL did not come back within 30 s');
}

const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('timed out');
};

describe('a PostgreSQL restart in the middle of a cycle', () => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;
  let sql: postgres.Sql;
  let metrics: RunningMetricsServer;

  beforeAll(async () => {
    universe = await startUniverse();
    t = await createTestDatabase('postgres');
    ctx = demoContext(t.handle.db, universe);
    // Slow pages keep the crawl running while the server restarts.
    ctx.config.crawler.perHostDelayMs = 300;
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
    sql = postgres(t.url!, { max: 1, onnotice: () => {} });
    metrics = await startMetricsServer({
      db: ctx.db,
      host: '127.0.0.1',
      port: 0,
      logger: ctx.logger,
      liveness: { name: 'scheduler', alive: () => true },
      maxCycleAgeMs: 3600_000,
      startedAt: new Date(),
    });
  });
  afterAll(async () => {
    await metrics?.close();
    await sql?.end({ timeout: 1 });
    await t?.drop();
    await universe?.close();
  });

  it('loses nothing, records the outcome, reports health, and the next cycle runs', async () => {
    const health = async () => (await fetch(`${metrics.url}/healthz`)).status;
    expect(await health()).toBe(200);

    const first = runCycle(ctx, { origin: 'test' }).then(
      () => 'completed' as const,
      (error: Error) => error,
    );
    await waitFor(
      async () => Number((await sql`select count(*)::int as n from captures where not imported`)[0].n) >= 3,
      120_000,
    );
    const before = await sql`select id, run_id, requested_url, html_sha256 from captures order by id`;
    restartPostgres();
    const outcome = await first;
    console.info(
      `cycle during the restart: ${outcome === 'completed' ? 'went on to the end' : `failed: ${outcome.message}`}`,
    );

    // Every capture stored before the restart is still there, unchanged; none is stored twice.
    const after = await sql`select id, run_id, requested_url, html_sha256 from captures order by id`;
    const byId = new Map(after.map((r) => [r.id, r]));
    for (const r of before) expect(byId.get(r.id)).toEqual(r);
    const dup = await sql`select run_id, requested_url from captures group by 1, 2 having count(*) > 1`;
    expect(dup).toHaveLength(0);

    const [cycle] = await listCycles(ctx.db, 1);
    if (outcome === 'completed') expect(cycle.status).toBe('completed');
    else {
      expect(cycle).toMatchObject({ status: 'failed' });
      expect(cycle.error).toBeTruthy();
      const [notice] = await sql`select event, payload from notification_outbox where event = 'cycle.failed'`;
      expect(notice.payload.cycleId).toBe(cycle.id);
    }

    // The next cycle runs to the end, finishing what was cut short, and raises the expected alerts.
    ctx.config.crawler.perHostDelayMs = 0;
    const summary = await runCycle(ctx, { origin: 'test' });
    expect(summary.stoppedEarly).toBe(false);
    const alerts = await listAlerts(ctx.db, { verdict: 'clone' });
    expect(alerts.map((a) => `${a.site} ← ${a.candidate}`).sort()).toEqual(expectedPairs(universe));
    expect((await listCycles(ctx.db, 1))[0].status).toBe('completed');
    expect(await health()).toBe(200);
    const text = await (await fetch(`${metrics.url}/metrics`)).text();
    expect(text).toMatch(/^phenix_database_up 1$/m);
    const completed = outcome === 'completed' ? 2 : 1;
    expect(text).toMatch(new RegExp(`^phenix_cycles_total\\{scope="all",status="completed"\\} ${completed}$`, 'm'));
  }, 600_000);
});
