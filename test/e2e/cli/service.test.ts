import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.ts';
import { demoConfigYaml, type RunningUniverse, SNAPSHOT_DIR, startUniverse } from '../../../demo/index.ts';
import { runPhenix, startPhenix as start, waitFor } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';

const expectedPairs = (u: RunningUniverse) => u.universe.expectedAlerts.map((e) => `${e.site}|${e.candidate}`).sort();

describe('the service: crash and resume, scheduled cycles, graceful stop (Postgres)', () => {
  let universe: RunningUniverse;
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let sql: postgres.Sql;
  let configFile: string;

  beforeAll(async () => {
    universe = await startUniverse();
    server = await createServerDatabase();
    await (await openDatabase({ url: server.url, migrate: true })).close();
    sql = postgres(server.url, { max: 2, onnotice: () => {} });
    const dir = mkdtempSync(join(tmpdir(), 'phenix-service-'));
    configFile = join(dir, 'phenix.yaml');
    // A delay between pages keeps the crawl running long enough to be killed in the middle.
    const yaml = demoConfigYaml(universe, { mode: 'http', evidenceDir: join(dir, 'evidence') }).replace(
      'perHostDelayMs: 0',
      'perHostDelayMs: 400',
    );
    writeFileSync(configFile, yaml);
  });
  afterAll(async () => {
    await sql?.end();
    await server?.drop();
    await universe?.close();
  });

  it('after kill -9 in the middle of a crawl, the next run resumes it: no capture lost, none duplicated, no duplicate alert', async () => {
    const env = { DATABASE_URL: server.url };
    expect((await runPhenix(['sites', 'sync', '--config', configFile], { env })).code).toBe(0);
    const imported = await runPhenix(
      [
        'sites',
        'import-snapshot',
        'annonces-maison',
        join(SNAPSHOT_DIR, 'annonces-maison.test'),
        '--config',
        configFile,
      ],
      { env },
    );
    expect(imported.stdout).toMatch(
      /^13 page\(s\) of annonces-maison captured 2026-09-14T08:30:00.000Z stored \(13 new\)/,
    );
    const first = start(['run', '--once', '--config', configFile], env);
    await waitFor(
      async () => Number((await sql`select count(*)::int as n from captures where not imported`)[0].n) >= 4,
      180_000,
      'captures before the kill',
    ).catch((error) => {
      throw new Error(`${error.message}; the run said: ${first.stderr().slice(-1500)}`);
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const [interrupted] =
      await sql`select id, status from crawl_runs where status = 'running' order by started_at limit 1`;
    expect(interrupted?.status).toBe('running');
    const before = await sql`select requested_url from captures where run_id = ${interrupted.id}`;
    expect(before.length).toBeGreaterThan(0);

    const second = await runPhenix(['run', '--once', '--config', configFile], { env, timeoutMs: 300_000 });
    if (second.code !== 0) writeFileSync('/tmp/second.err', second.stderr);
    expect(second.code, second.stderr.slice(-2000)).toBe(0);
    const [resumed] = await sql`select status, pages_ok from crawl_runs where id = ${interrupted.id}`;
    expect(resumed.status).toBe('done');
    const after =
      await sql`select requested_url, count(*)::int as n from captures where run_id = ${interrupted.id} group by requested_url`;
    expect(after.every((r) => r.n === 1)).toBe(true);
    const urls = new Set(after.map((r) => r.requested_url));
    for (const r of before) expect(urls.has(r.requested_url)).toBe(true);
    expect(after.length).toBeGreaterThan(before.length);

    const third = await runPhenix(['run', '--once', '--config', configFile], { env, timeoutMs: 300_000 });
    expect(third.code).toBe(0);
    const alerts =
      await sql`select s.name as site, d.hostname as candidate from alerts a join sites s on s.id = a.site_id join domains d on d.id = a.candidate_domain_id where a.verdict = 'clone'`;
    expect(alerts.map((a) => `${a.site}|${a.candidate}`).sort()).toEqual(expectedPairs(universe));
    const list = await runPhenix(['alerts', 'list', '--json', '--config', configFile], { env });
    const json = JSON.parse(list.stdout) as Record<string, unknown>[];
    expect(Object.keys(json[0]).sort()).toEqual([
      'candidate',
      'createdAt',
      'id',
      'score',
      'site',
      'status',
      'updatedAt',
      'verdict',
    ]);
  }, 900_000);

  it('phenix serve runs cycles on its schedule and stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-serve-'));
    const file = join(dir, 'phenix.yaml');
    const yaml = demoConfigYaml(universe, { mode: 'http', evidenceDir: join(dir, 'evidence') }).replace(
      /\n$/,
      '\nschedules:\n  seeds: "*/2 * * * * *"\n  candidates: "0 0 1 1 *"\n',
    );
    writeFileSync(file, yaml);
    const serve = start(['serve', '--port', '0', '--config', file], { DATABASE_URL: server.url });
    await waitFor(() => serve.stderr().includes('"msg":"cycle done"'), 120_000, 'a scheduled cycle');
    expect(serve.stdout()).toMatch(/Review page: http:\/\/127\.0\.0\.1:\d+/);
    serve.child.kill('SIGTERM');
    const code = await Promise.race([serve.exited, new Promise((r) => setTimeout(() => r('timeout'), 60_000))]);
    expect(code).toBe(0);
    expect(serve.stdout()).toContain('Phénix stopped cleanly.');
    expect(serve.stderr()).toContain('"msg":"scheduler stopped"');
  }, 300_000);
});
