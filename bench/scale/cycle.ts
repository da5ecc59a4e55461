/**
 * Part 1 of `npm run bench:scale`: one cycle over the local fleet (test/helpers/fleet.ts) with N `phenix worker`
 * processes, timed end to end through `phenix run --once --json`, its alerts checked against the fleet's clones.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type postgres from 'postgres';
import { type Fleet, fleetConfigYaml } from '../../test/helpers/fleet.ts';
import { fmt } from '../lib/measure.ts';
import { withScratchDatabase, withSql } from '../lib/scratch-db.ts';
import { printTable } from '../lib/table.ts';
import { phenix, startWorkerProcess, stopWorkerProcess, type WorkerProcess } from './workers.ts';

/** Scratch databases of this benchmark: `<prefix><pid>_<part>`. */
export const SCALE_DB_PREFIX = 'phenix_bench_scale_';

export interface CycleResult {
  workers: number;
  seconds: number;
  crawlJobs: number;
  crawlFailed: number;
  profileJobs: number;
  compareJobs: number;
  pages: number;
  alerts: number;
  expectedAlerts: number;
  /** Clones without an alert, and alerted hosts that are not clones. */
  missing: string[];
  unexpected: string[];
  crawlMedianMs: number;
  /** First start to last completion of the cycle's crawl jobs, of its profile jobs, of its compare jobs. */
  crawlStageSeconds: number;
  profileStageSeconds: number;
  compareStageSeconds: number;
}

export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(' / ');
}

async function prepareMonitor(fleet: Fleet, dir: string, url: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const config = path.join(dir, 'phenix.yaml');
  const candidates = path.join(dir, 'candidates.txt');
  // A generous job timeout: a crawl slowed by a loaded machine must not be taken as lost and run twice.
  const yaml = fleetConfigYaml(fleet, {
    databaseUrl: url,
    evidenceDir: path.join(dir, 'evidence'),
    jobTimeoutSeconds: 300,
  });
  await writeFile(config, yaml);
  await writeFile(candidates, `${fleet.candidates.join('\n')}\n`);
  await phenix(config, ['db', 'migrate']);
  await phenix(config, ['sites', 'sync']);
  await phenix(config, ['candidates', 'import', candidates, '--site', 'fleet-origin']);
  return config;
}

interface CycleJson {
  crawlJobs: { completed: number; failed: number };
  profileJobs?: { completed: number; failed: number };
  compareJobs: { completed: number; failed: number };
  pagesCaptured: number;
  alertsCreated: number;
}

function parseCycleJson(stdout: string): CycleJson {
  const start = stdout.indexOf('{');
  if (start < 0) throw new Error(`phenix run --once --json printed no JSON:\n${stdout.slice(0, 500)}`);
  return JSON.parse(stdout.slice(start)) as CycleJson;
}

async function alertedHosts(sql: postgres.Sql): Promise<string[]> {
  const rows = await sql<{ hostname: string }[]>`
    select d.hostname from alerts a join domains d on d.id = a.candidate_domain_id order by d.hostname`;
  return rows.map((r) => r.hostname);
}

async function medianCrawlJobMs(sql: postgres.Sql): Promise<number> {
  const [{ ms }] = await sql<{ ms: number | null }[]>`
    select (percentile_cont(0.5) within group (order by extract(epoch from completed_on - started_on)) * 1000)::float8
      as ms
    from pgboss.job where name = 'crawl' and state = 'completed'`;
  return ms ?? Number.NaN;
}

async function stageSeconds(sql: postgres.Sql, name: string): Promise<number> {
  const [{ s }] = await sql<{ s: number | null }[]>`
    select extract(epoch from max(completed_on) - min(started_on))::float8 as s
    from pgboss.job where name = ${name} and state = 'completed'`;
  return s ?? Number.NaN;
}

/** Starts `n` workers into `started` (all at once: they may race to create the queues; openBoss settles that). */
async function startWorkers(config: string, dir: string, n: number, started: WorkerProcess[]): Promise<void> {
  const results = await Promise.allSettled(
    Array.from({ length: n }, async (_, i) => {
      started.push(await startWorkerProcess(config, path.join(dir, `worker-${i}.log`)));
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** One cycle over the fleet with `n` worker processes, on a scratch database of its own. */
export async function benchCycle(
  admin: postgres.Sql,
  adminUrl: string,
  fleet: Fleet,
  tmp: string,
  n: number,
): Promise<CycleResult> {
  return withScratchDatabase(admin, adminUrl, `${SCALE_DB_PREFIX}${process.pid}_w${n}`, async (url) => {
    const dir = path.join(tmp, `workers-${n}`);
    const config = await prepareMonitor(fleet, dir, url);
    const workers: WorkerProcess[] = [];
    try {
      await startWorkers(config, dir, n, workers);
      console.log(`  ${n} worker(s) running; sending the cycle…`);
      const t0 = performance.now();
      const cycle = parseCycleJson(await phenix(config, ['run', '--once', '--json']));
      const seconds = (performance.now() - t0) / 1000;
      return await withSql(url, async (sql) => cycleResult(n, seconds, cycle, fleet, sql));
    } finally {
      await Promise.all(workers.map(stopWorkerProcess));
    }
  });
}

async function cycleResult(
  n: number,
  seconds: number,
  cycle: CycleJson,
  fleet: Fleet,
  sql: postgres.Sql,
): Promise<CycleResult> {
  const hosts = await alertedHosts(sql);
  return {
    workers: n,
    seconds,
    crawlJobs: cycle.crawlJobs.completed,
    crawlFailed: cycle.crawlJobs.failed,
    profileJobs: cycle.profileJobs?.completed ?? 0,
    compareJobs: cycle.compareJobs.completed,
    pages: cycle.pagesCaptured,
    alerts: cycle.alertsCreated,
    expectedAlerts: fleet.clones.length,
    missing: fleet.clones.filter((h) => !hosts.includes(h)),
    unexpected: hosts.filter((h) => !fleet.clones.includes(h)),
    crawlMedianMs: await medianCrawlJobMs(sql),
    crawlStageSeconds: await stageSeconds(sql, 'crawl'),
    profileStageSeconds: await stageSeconds(sql, 'profile'),
    compareStageSeconds: await stageSeconds(sql, 'compare'),
  };
}

export function reportCycle(r: CycleResult): void {
  console.log(
    `  ${r.workers} worker(s): ${fmt(r.seconds, 1)} s, ${r.crawlJobs} crawl jobs (${r.crawlFailed} failed), ` +
      `${r.profileJobs} profile jobs, ${r.compareJobs} compare jobs, ${r.pages} pages, ` +
      `${r.alerts} alerts (${r.expectedAlerts} clones), ` +
      `median crawl job ${fmt(r.crawlMedianMs / 1000, 2)} s, crawl stage ${fmt(r.crawlStageSeconds, 1)} s, ` +
      `profile stage ${fmt(r.profileStageSeconds, 1)} s, compare stage ${fmt(r.compareStageSeconds, 1)} s; ` +
      `load average now ${loadAverage()}`,
  );
  const problems = [
    r.alerts !== r.expectedAlerts ? `${r.alerts} alerts created, ${r.expectedAlerts} clones in the fleet` : '',
    r.missing.length ? `clones without an alert: ${r.missing.join(', ')}` : '',
    r.unexpected.length ? `alerts on hosts that are not clones: ${r.unexpected.join(', ')}` : '',
    r.crawlFailed ? `${r.crawlFailed} crawl jobs failed` : '',
  ].filter(Boolean);
  for (const p of problems) console.log(`  !!!!! WARNING (${r.workers} worker(s)): ${p} !!!!!`);
}

export function printCycleTable(results: CycleResult[]): void {
  const base = results.find((r) => r.workers === 1) ?? results[0];
  printTable(
    [
      'workers',
      'seconds',
      'crawl jobs',
      'pages',
      'domains/s',
      'pages/s',
      'vs 1 worker',
      'median crawl job',
      'crawl stage',
      'profile stage',
      'compare stage',
      'alerts',
    ],
    results.map((r) => [
      String(r.workers),
      fmt(r.seconds, 1),
      r.crawlFailed ? `${r.crawlJobs} (+${r.crawlFailed} failed)` : String(r.crawlJobs),
      String(r.pages),
      fmt(r.crawlJobs / r.seconds, 2),
      fmt(r.pages / r.seconds, 1),
      `×${fmt(base.seconds / r.seconds, 2)}`,
      `${fmt(r.crawlMedianMs / 1000, 2)} s`,
      `${fmt(r.crawlStageSeconds, 1)} s`,
      `${fmt(r.profileStageSeconds, 1)} s`,
      `${fmt(r.compareStageSeconds, 1)} s`,
      `${r.alerts} / ${r.expectedAlerts}${r.alerts === r.expectedAlerts && !r.missing.length ? ' ok' : ' WRONG'}`,
    ]),
  );
}
