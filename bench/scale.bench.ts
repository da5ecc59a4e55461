/**
 * npm run bench:scale — scale-out figures measured side by side in one run (no timed assertions):
 *
 * 1. Cycle throughput with 1, 2 and 4 `phenix worker` processes (each `--concurrency 1`) on one fleet of candidate
 *    sites (test/helpers/fleet.ts): per worker count, a fresh scratch database, the workers started and ready
 *    (start-up not timed), then `phenix run --once --json` timed end to end. Checks the alerts against the fleet's
 *    clones (a loud WARNING when they differ).
 * 2. Queue overhead per job: pg-boss alone (the product's `openBoss`) on no-op jobs, through `boss.work` polling
 *    loops exactly as the worker uses them, and through back-to-back fetch/complete (the database's share alone),
 *    set against the median real crawl job of step 1.
 * 3. Near-duplicate lookups at 1M/10M fingerprints (bench/near-dup.scale.ts).
 *
 * Flags: --candidates=N (80), --workers=1,2,4, --noop-jobs=N (2000), --nd-sizes=1000000,10000000, --skip-nd.
 * Scratch databases (phenix_bench_scale_<pid>_*) are created next to DATABASE_BENCH_URL or
 * postgres://postgres@127.0.0.1:5432/postgres and always dropped.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import postgres from 'postgres';
import type { Config } from '../config/index.ts';
import { queueSchema } from '../config/schema.ts';
import { isProcessAlive as isAlive } from '../lib/process-alive.ts';
import { type Boss, ensureQueue, openBoss } from '../queue/boss.ts';
import { type Fleet, fleetConfigYaml, startFleet } from '../test/helpers/fleet.ts';
import { fmt } from './lib/measure.ts';
import { printTable } from './lib/table.ts';
import { benchNearDuplicateLookups, type NearDupRow, printNearDupTable } from './near-dup.scale.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PHENIX_BIN = path.join(ROOT, 'bin/phenix.js');
const DB_PREFIX = `phenix_bench_scale_${process.pid}_`;
/** Poll interval of the fleet config and of the no-op loops (queue.pollSeconds). */
const POLL_SECONDS = 0.5;
const OVERHEAD_LOOPS = 4;
const run = promisify(execFile);

interface Options {
  candidates: number;
  workers: number[];
  noopJobs: number;
  ndSizes: number[];
  skipNd: boolean;
  adminUrl: string;
}

interface CycleResult {
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

interface OverheadResult {
  jobs: number;
  insertMs: number;
  /** Insert, then `loops` boss.work loops until every job is completed. */
  workWallMs: number;
  /** Insert, then `loops` back-to-back fetch + complete loops. */
  tightWallMs: number;
}

// ---------------------------------------------------------------------------------------------------------------------
// Arguments, header

function parseOptions(argv: string[]): Options {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const ints = (name: string, fallback: string) => {
    const list = (flag(name) ?? fallback).split(',').map((s) => Number(s.replaceAll('_', '')));
    if (list.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--${name} expects positive integers`);
    return list;
  };
  return {
    candidates: ints('candidates', '80')[0],
    workers: ints('workers', '1,2,4'),
    noopJobs: ints('noop-jobs', '2000')[0],
    ndSizes: ints('nd-sizes', '1000000,10000000'),
    skipNd: argv.includes('--skip-nd'),
    adminUrl: process.env.DATABASE_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => fmt(x, 2))
    .join(' / ');
}

async function printHeader(admin: postgres.Sql, options: Options): Promise<void> {
  const [{ version }] = await admin<{ version: string }[]>`select split_part(version(), ' on ', 1) as version`;
  console.log(`Phénix scale-out benchmark — Node ${process.version}, ${os.cpus().length} cores, ${version}`);
  console.log(`load average at start (1 / 5 / 15 min): ${loadAverage()}`);
  console.log(
    `fleet: ${options.candidates} candidates; workers: ${options.workers.join(', ')} processes × concurrency 1; ` +
      `no-op jobs: ${options.noopJobs}; near-duplicates: ${options.skipNd ? 'skipped' : options.ndSizes.join(', ')}`,
  );
  if (options.candidates < 20) {
    console.log(
      'note: below 20 candidates the fleet has no "we moved" notice (c020), so its moved-to clone is not found',
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Scratch databases

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withScratchDatabase<T>(
  admin: postgres.Sql,
  adminUrl: string,
  suffix: string,
  fn: (url: string) => Promise<T>,
): Promise<T> {
  const name = `${DB_PREFIX}${suffix}`;
  await admin.unsafe(`create database ${name}`);
  try {
    return await fn(databaseUrl(adminUrl, name));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch((error: Error) => {
      console.log(`WARNING: could not drop ${name}: ${error.message}`);
    });
  }
}

async function withSql<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Scratch databases of an earlier run that was killed (its pid is gone). */
async function dropStaleDatabases(admin: postgres.Sql): Promise<void> {
  const rows = await admin<{ datname: string }[]>`
    select datname from pg_database where datname ~ '^phenix_bench_scale_[0-9]+_'`;
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[3]);
    if (pid === process.pid || isAlive(pid)) continue;
    console.log(`dropping ${datname}, left by an interrupted run`);
    await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// The phenix CLI and worker processes

/** The environment of the children: JSON logs, and the config's database (DATABASE_URL would win over it). */
function childEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  return { ...env, LOG_FORMAT: 'json' };
}

async function phenix(config: string, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [PHENIX_BIN, '--config', config, ...args], {
    env: childEnv(),
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

interface WorkerProcess {
  child: ChildProcess;
  logPath: string;
}

/** Starts `phenix worker --concurrency 1` and resolves once it has printed its "worker running" line. */
function startWorkerProcess(config: string, logPath: string): Promise<WorkerProcess> {
  const log = openSync(logPath, 'w');
  const child = spawn(process.execPath, [PHENIX_BIN, '--config', config, 'worker', '--concurrency', '1'], {
    env: childEnv(),
    stdio: ['ignore', 'pipe', log],
  });
  closeSync(log);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('no "worker running" line within 120 s')), 120_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}; worker log tail:\n${tail(logPath, 15)}`));
    };
    child.once('exit', (code) => fail(new Error(`worker exited early (code ${code})`)));
    // Keep reading stdout for the whole life of the worker, so its pipe never fills.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!/worker running/.test(line)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, logPath });
    });
  });
}

async function stopWorkerProcess(worker: WorkerProcess): Promise<void> {
  const { child } = worker;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    console.log(`WARNING: worker ${child.pid} still running 60 s after SIGTERM; killing it`);
    child.kill('SIGKILL');
  }, 60_000);
  const code = await exited;
  clearTimeout(timer);
  if (code !== 0) console.log(`WARNING: worker ${child.pid} exited with code ${code}:\n${tail(worker.logPath, 10)}`);
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// 1. Cycle throughput

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

/**
 * Starts `n` workers into `started`: the first alone, the others together once it runs. On a fresh database, workers
 * starting together race to create pg-boss's queues (getQueue, then createQueue) and all but one fail with
 * "deadlock detected"; once the queues exist they start together fine.
 */
async function startWorkers(config: string, dir: string, n: number, started: WorkerProcess[]): Promise<void> {
  const start = async (i: number) => {
    started.push(await startWorkerProcess(config, path.join(dir, `worker-${i}.log`)));
  };
  await start(0);
  const rest = await Promise.allSettled(Array.from({ length: n - 1 }, (_, i) => start(i + 1)));
  const failed = rest.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function benchCycle(
  admin: postgres.Sql,
  options: Options,
  fleet: Fleet,
  tmp: string,
  n: number,
): Promise<CycleResult> {
  return withScratchDatabase(admin, options.adminUrl, `w${n}`, async (url) => {
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

function reportCycle(r: CycleResult): void {
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

// ---------------------------------------------------------------------------------------------------------------------
// 2. Queue overhead

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

async function benchQueueOverhead(admin: postgres.Sql, options: Options): Promise<OverheadResult> {
  return withScratchDatabase(admin, options.adminUrl, 'queue', async (url) => {
    const { boss, queue } = await openNoopBoss(url);
    try {
      await ensureQueue(boss, 'bench_noop_work', queue);
      await ensureQueue(boss, 'bench_noop_fetch', queue);
      console.log(
        `  ${options.noopJobs} no-op jobs through ${OVERHEAD_LOOPS} boss.work loops (poll ${POLL_SECONDS} s)…`,
      );
      const work = await timeWorkLoops(boss, 'bench_noop_work', options.noopJobs);
      console.log(`  ${options.noopJobs} no-op jobs through ${OVERHEAD_LOOPS} back-to-back fetch/complete loops…`);
      const tightWallMs = await timeFetchComplete(boss, 'bench_noop_fetch', options.noopJobs);
      return { jobs: options.noopJobs, insertMs: work.insertMs, workWallMs: work.wallMs, tightWallMs };
    } finally {
      await boss.stop({ graceful: false, wait: true, timeout: 10_000 });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Output

function printCycleTable(results: CycleResult[]): void {
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

function printOverheadTable(o: OverheadResult, crawlMedianMs: number, workers: number): void {
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

function printSummary(cycles: CycleResult[], overhead: OverheadResult, nd: NearDupRow[] | null): void {
  console.log('\n===== summary =====');
  console.log(`load average at end (1 / 5 / 15 min): ${loadAverage()}`);
  console.log(`\nCycle throughput, ${cycles[0]?.crawlJobs ?? '?'} domains, worker processes × concurrency 1:`);
  printCycleTable(cycles);
  const base = cycles.find((r) => r.workers === 1) ?? cycles[0];
  console.log('\nQueue overhead per job:');
  printOverheadTable(overhead, base?.crawlMedianMs ?? Number.NaN, base?.workers ?? 0);
  console.log('\nNear-duplicate lookups (band indexes vs full scan):');
  if (nd === null) console.log('(skipped: --skip-nd)');
  else if (nd.length === 0) console.log('(no rows: see the messages above)');
  else printNearDupTable(nd);
}

// ---------------------------------------------------------------------------------------------------------------------
// Main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const fleet = await startFleet({ count: options.candidates });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'phenix-bench-scale-'));
  try {
    await printHeader(admin, options);
    await dropStaleDatabases(admin);
    console.log(
      `\n1. Cycle throughput (fleet of ${fleet.candidates.length} candidates, ${fleet.clones.length} clones)`,
    );
    const cycles: CycleResult[] = [];
    for (const n of options.workers) {
      const result = await benchCycle(admin, options, fleet, tmp, n);
      reportCycle(result);
      cycles.push(result);
    }
    console.log('\n2. Queue overhead (pg-boss alone, no-op jobs)');
    const overhead = await benchQueueOverhead(admin, options);
    console.log('\n3. Near-duplicate lookups');
    const nd = options.skipNd
      ? null
      : await benchNearDuplicateLookups({ sizes: options.ndSizes, adminUrl: options.adminUrl });
    printSummary(cycles, overhead, nd);
  } finally {
    await fleet.close();
    await rm(tmp, { recursive: true, force: true });
    await admin.end({ timeout: 5 });
  }
}

await main();
