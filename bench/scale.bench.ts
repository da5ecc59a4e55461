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
 * 3. Near-duplicate lookups at 1M/10M fingerprints (bench/scale/near-dup.ts); the parts live in bench/scale/.
 *
 * Flags: --candidates=N (80), --workers=1,2,4, --noop-jobs=N (2000), --nd-sizes=1000000,10000000, --skip-nd.
 * Scratch databases (phenix_bench_scale_<pid>_*) are created next to DATABASE_BENCH_URL or
 * postgres://postgres@127.0.0.1:5432/postgres and always dropped.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { startFleet } from '../test/helpers/fleet.ts';
import { benchFlags } from './lib/options.ts';
import { dropStaleScratchDatabases } from './lib/scratch-db.ts';
import {
  benchCycle,
  type CycleResult,
  loadAverage,
  printCycleTable,
  reportCycle,
  SCALE_DB_PREFIX,
} from './scale/cycle.ts';
import { benchNearDuplicateLookups, type NearDupRow, printNearDupTable } from './scale/near-dup.ts';
import { benchQueueOverhead, type OverheadResult, printOverheadTable } from './scale/queue-overhead.ts';

interface Options {
  candidates: number;
  workers: number[];
  noopJobs: number;
  ndSizes: number[];
  skipNd: boolean;
  adminUrl: string;
}

function parseOptions(argv: string[]): Options {
  const { ints } = benchFlags(argv);
  return {
    candidates: ints('candidates', '80')[0],
    workers: ints('workers', '1,2,4'),
    noopJobs: ints('noop-jobs', '2000')[0],
    ndSizes: ints('nd-sizes', '1000000,10000000'),
    skipNd: argv.includes('--skip-nd'),
    adminUrl: process.env.DATABASE_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  };
}

async function printHeader(admin: postgres.Sql, options: Options): Promise<void> {
  const [{ version }] = await admin<{ version: string }[]>`select split_part(version(), ' on ', 1) as version`;
  console.log(`Phénix scale-out benchmark — Node ${process.version}, ${os.cpus().length} cores, ${version}`);
  console.log(`load average at start (1 / 5 / 15 min): ${loadAverage()}`);
  console.log(
    `fleet: ${options.candidates} candidates; workers: ${options.workers.join(', ')} processes × concurrency 1; ` +
      `no-op jobs: ${options.noopJobs}; near-duplicates: ${options.skipNd ? 'skipped' : options.ndSizes.join(', ')}`,
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

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const fleet = await startFleet({ count: options.candidates });
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'phenix-bench-scale-'));
  try {
    await printHeader(admin, options);
    await dropStaleScratchDatabases(admin, options.adminUrl, SCALE_DB_PREFIX);
    console.log(
      `\n1. Cycle throughput (fleet of ${fleet.candidates.length} candidates, ${fleet.clones.length} clones)`,
    );
    const cycles: CycleResult[] = [];
    for (const n of options.workers) {
      const result = await benchCycle(admin, options.adminUrl, fleet, tmp, n);
      reportCycle(result);
      cycles.push(result);
    }
    console.log('\n2. Queue overhead (pg-boss alone, no-op jobs)');
    const overhead = await benchQueueOverhead(admin, options.adminUrl, options.noopJobs);
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
