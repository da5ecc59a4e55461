/**
 * Scale-out: three `phenix worker` processes on one Postgres run a cycle over 200 candidate domains served
 * locally, and one worker is killed (SIGKILL) in the middle of a crawl. Each domain is crawled once (its
 * run comes back and finishes under the same id), nothing is lost, and no alert is raised twice.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.ts';
import { type RunningPhenix, runPhenix, startPhenix, waitFor } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';
import { type Fleet, fleetConfigYaml, startFleet } from '../../helpers/fleet.ts';

const CANDIDATES = 200;

/** Run ids a worker started and has not finished, from its JSON log lines. */
function crawlsInFlight(stderr: string): string[] {
  const started = new Set<string>();
  for (const line of stderr.split('\n')) {
    if (!line.startsWith('{')) continue;
    const entry = JSON.parse(line) as { msg?: string; runId?: string };
    if (entry.msg === 'crawl started' && entry.runId) started.add(entry.runId);
    if (entry.msg === 'crawl finished' && entry.runId) started.delete(entry.runId);
  }
  return [...started];
}

describe('three workers on one Postgres, one killed mid-cycle', () => {
  let fleet: Fleet;
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let sql: postgres.Sql;
  let config: string;
  const workers: RunningPhenix[] = [];

  beforeAll(async () => {
    fleet = await startFleet({ count: CANDIDATES });
    server = await createServerDatabase();
    await (await openDatabase({ url: server.url, migrate: true })).close();
    sql = postgres(server.url, { max: 2, onnotice: () => {} });
    const dir = mkdtempSync(join(tmpdir(), 'phenix-scale-'));
    config = join(dir, 'phenix.yaml');
    writeFileSync(
      config,
      fleetConfigYaml(fleet, { databaseUrl: server.url, evidenceDir: join(dir, 'evidence'), jobTimeoutSeconds: 30 }),
    );
    writeFileSync(join(dir, 'candidates.txt'), `${fleet.candidates.join('\n')}\n`);
    expect((await runPhenix(['sites', 'sync', '--config', config])).code).toBe(0);
    const imported = await runPhenix([
      'candidates',
      'import',
      join(dir, 'candidates.txt'),
      '--site',
      'fleet-origin',
      '--config',
      config,
    ]);
    expect(imported.stdout).toContain(`${CANDIDATES} new`);
  }, 60_000);

  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
    await sql?.end();
    await server?.drop();
    await fleet?.close();
  });

  it('crawls every domain once, loses nothing when a worker dies, and raises each alert once', async () => {
    for (let i = 0; i < 3; i++) workers.push(startPhenix(['worker', '--concurrency', '2', '--config', config], {}));
    await waitFor(() => workers.every((w) => w.stdout().includes('worker running')), 60_000, 'three workers');

    const cycle = startPhenix(['run', '--once', '--json', '--config', config], { LOG_LEVEL: 'warn' });
    const victim = workers[0];
    const doneRuns = async () => (await sql`select count(*)::int as n from crawl_runs where status = 'done'`)[0].n;
    await waitFor(
      async () => (await doneRuns()) >= 30 && crawlsInFlight(victim.stderr()).length > 0,
      180_000,
      'the first worker in the middle of a crawl',
    );
    const interrupted = crawlsInFlight(victim.stderr());
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBeNull();

    expect(await cycle.exited).toBe(0);
    const summary = JSON.parse(cycle.stdout()) as {
      cycleId: string;
      crawlJobs: { completed: number; failed: number };
      alertsCreated: number;
    };
    expect(summary.crawlJobs.failed).toBe(0);

    // Every domain that resolves — the monitored site, the 200 imported candidates, and those the crawls
    // revealed (the clone announced by a "we moved" notice, the host named on the legal page) — has exactly
    // one run in this cycle, finished; a name that does not resolve (the lookalike) has none.
    const runs = await sql<{ hostname: string; dns: string; runs: number; done: number }[]>`
      select d.hostname, d.dns_state as dns, count(r.id)::int as runs,
             count(*) filter (where r.status = 'done')::int as done
      from domains d left join crawl_runs r on r.domain_id = d.id and r.cycle_id = ${summary.cycleId}
      group by d.hostname, d.dns_state`;
    const resolving = runs.filter((r) => r.dns === 'resolves');
    expect(resolving.map((r) => r.hostname)).toEqual(expect.arrayContaining([...fleet.candidates, fleet.movedTo]));
    expect(resolving.filter((r) => r.runs !== 1 || r.done !== 1)).toEqual([]);
    expect(runs.filter((r) => r.dns !== 'resolves' && r.runs > 0)).toEqual([]);
    expect(runs.some((r) => r.dns !== 'resolves')).toBe(true);

    // The crawls cut short by the kill came back to another worker and finished under the same run id.
    const back = await sql<{ id: string; status: string; retries: number }[]>`
      select r.id, r.status, j.retry_count::int as retries
      from crawl_runs r join pgboss.job j on j.id::text = r.id and j.name = 'crawl'
      where r.id in ${sql(interrupted)}`;
    expect(back.length).toBe(interrupted.length);
    expect(back.every((r) => r.status === 'done')).toBe(true);
    expect(back.some((r) => r.retries >= 1)).toBe(true);

    // Exactly the planted clones (other sites may be raised as related, never as clones), each alert created once.
    const alerts = await sql<{ hostname: string }[]>`
      select d.hostname from alerts a join domains d on d.id = a.candidate_domain_id where a.verdict = 'clone'
      order by d.hostname`;
    expect(alerts.map((a) => a.hostname)).toEqual([...fleet.clones].sort());
    const [created] = await sql`
      select count(*)::int as n from audit_log where action = 'alert.created' and details->>'verdict' = 'clone'`;
    expect(created.n).toBe(fleet.clones.length);
    const [all] = await sql`select count(*)::int as n from alerts`;
    expect(summary.alertsCreated).toBe(all.n);

    // Every job of the cycle ended; the survivors stop cleanly.
    const [open] = await sql`select count(*)::int as n from pgboss.job where state < 'completed'
      and name in ('crawl', 'profile', 'compare', 'cycle_finish')`;
    expect(open.n).toBe(0);
    for (const w of workers.slice(1)) w.child.kill('SIGTERM');
    for (const w of workers.slice(1)) expect(await w.exited).toBe(0);
  }, 600_000);

  it('serve turns the schedules into queue schedules and sends a cycle with --run-now', async () => {
    const serve = startPhenix(['serve', '--no-review', '--run-now', '--config', config], {});
    await waitFor(() => serve.stderr().includes('cycle sent to the workers'), 60_000, 'the cycle sent by serve');
    const schedules = await sql<{ name: string; cron: string }[]>`select name, cron from pgboss.schedule order by cron`;
    expect(schedules.map((r) => r.cron)).toEqual(['0 */6 * * *', '30 */12 * * *']);
    const [queued] =
      await sql`select count(*)::int as n from pgboss.job where name = 'cycle_now' and state = 'created'`;
    expect(queued.n).toBe(1);
    serve.child.kill('SIGTERM');
    expect(await serve.exited).toBe(0);
    expect(serve.stdout()).toContain('Cycles run on the workers');
  }, 120_000);
});

describe('the queue on the embedded database', () => {
  it('is refused with what to do instead: one process runs everything there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-queue-embedded-'));
    writeFileSync(join(dir, 'phenix.yaml'), 'crawler:\n  mode: http\nqueue:\n  enabled: true\n');
    for (const args of [['worker'], ['run', '--once'], ['queue', 'status']]) {
      const r = await runPhenix([...args, '--config', join(dir, 'phenix.yaml')], { env: { DATABASE_URL: undefined } });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('needs a shared PostgreSQL database: set database.url in the config or DATABASE_URL');
      expect(r.stderr).toContain('With the embedded database, everything runs in one process');
    }
  }, 60_000);
});
