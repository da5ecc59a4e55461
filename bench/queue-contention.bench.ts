/**
 * `npm run bench:queue`: how many screening workers one PostgreSQL server carries, measured on this machine.
 * One machine cannot run eight real workers (two cores), so the workers' work on the database is simulated and
 * their screening is not: N names are ingested as a feed and claimed in batches as the planner claims them
 * (`claimDueForScreening`, `for update skip locked`); K simulated workers, each with its own connection pool, take
 * batches and do what a batch job does to the database (`screeningSince`, then `recordScreenResults` with the day's
 * mix of outcomes: 98.5 % NXDOMAIN). The names/s they reach together, for K = 1, 2, 4, 8, is the database's ceiling
 * for screening bookkeeping; divided by one real worker's end-to-end rate (bench:feed with FEED_WORKERS) it says
 * how many machines the server can feed. Goal: 8 simulated workers reach at least 8 × 700 names/s (eight workers
 * each at the rate that screens 2.5 M names in an hour); exits non-zero otherwise.
 * Needs a PostgreSQL server (TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres).
 */
import { Readable } from 'node:stream';
import postgres from 'postgres';
import {
  claimDueForScreening,
  openDatabase,
  recordScreenResults,
  type ScreenResult,
  screeningSince,
} from '../db/index.ts';
import { ingestFeed } from '../feeds/index.ts';
import { fmt } from './lib/measure.ts';
import { dropStaleScratchDatabases, withScratchDatabase } from './lib/scratch-db.ts';
import { printTable } from './lib/table.ts';

const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const NAMES = Number(process.env.QUEUE_NAMES ?? 200_000);
const BATCH = 2000;
const WORKERS = [1, 2, 4, 8];
const GOAL_PER_WORKER = 700;

async function round(url: string, workers: number): Promise<number> {
  const setup = await openDatabase({ url, migrate: true, maxConnections: 2 });
  await setup.db.execute("update domains set next_screen_at = now() - interval '1 minute', screened_at = null");
  const until = new Date(Date.now() + 3_600_000);
  const batches: { ids: number[]; claimedAt: Date }[] = [];
  for (;;) {
    const claimedAt = new Date();
    const claimed = await claimDueForScreening(setup.db, BATCH, until, claimedAt);
    if (claimed.length === 0) break;
    batches.push({ ids: claimed.map((c) => c.id), claimedAt });
  }
  await setup.close();
  const handles = await Promise.all(Array.from({ length: workers }, () => openDatabase({ url, maxConnections: 2 })));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    handles.map(async (h) => {
      while (next < batches.length) {
        const batch = batches[next++];
        const { toScreen } = await screeningSince(h.db, batch.ids, batch.claimedAt);
        const results: ScreenResult[] = toScreen.map((n, i) => ({
          id: n.id,
          state: i % 67 === 0 ? 'parked' : 'nxdomain',
          reason: i % 67 === 0 ? 'a parking page' : 'the name does not exist',
          nextScreenAt: new Date(Date.now() + 86_400_000),
          dnsState: i % 67 === 0 ? 'resolves' : 'nxdomain',
          addresses: i % 67 === 0 ? ['192.0.2.10'] : [],
        }));
        await recordScreenResults(h.db, results);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await Promise.all(handles.map((h) => h.close()));
  return NAMES / seconds;
}

const admin = postgres(ADMIN, { max: 1, onnotice: () => {} });
const name = `phenix_bench_queue_${process.pid}`;
const rows: string[][] = [];
let at8 = 0;
try {
  await dropStaleScratchDatabases(admin, ADMIN, 'phenix_bench_queue_');
  await withScratchDatabase(admin, ADMIN, name, async (url) => {
    const h = await openDatabase({ url, migrate: true, maxConnections: 2 });
    const lines = Array.from({ length: NAMES }, (_, i) => `nouveau-${i.toString(36)}.example`).join('\n');
    await ingestFeed(Readable.from([`${lines}\n`]), { db: h.db, source: 'file:bench', detail: 'bench' });
    await h.close();
    let one = 0;
    for (const k of WORKERS) {
      const rate = await round(url, k);
      if (k === 1) one = rate;
      if (k === 8) at8 = rate;
      rows.push([String(k), fmt(rate, 0), fmt(rate / one, 2), fmt(rate / GOAL_PER_WORKER, 1)]);
    }
  });
} finally {
  await admin.end({ timeout: 5 });
}
console.log(
  `bench:queue — screening bookkeeping of ${NAMES.toLocaleString('en')} feed names on one PostgreSQL server, batches of ${BATCH}, simulated workers (database work only)`,
);
printTable(
  ['simulated workers', 'names/s together', '× one worker', `workers at ${GOAL_PER_WORKER} n/s it can feed`],
  rows,
);
if (at8 < 8 * GOAL_PER_WORKER) {
  console.log(`\nGOAL MISSED: 8 simulated workers reach ${fmt(at8, 0)} names/s (goal ≥ ${8 * GOAL_PER_WORKER})`);
  process.exitCode = 1;
} else console.log(`\nGoal met: the server's ceiling with 8 workers is ${fmt(at8, 0)} names/s.`);
