/**
 * Near-duplicate lookups at scale (part of `npm run bench:scale`): the product's own `findNearDuplicates` (four 16-bit
 * band indexes, Manku et al. 2007) against a sequential scan computing the Hamming distance of every row, on the real
 * `site_profiles` / `fingerprints` tables created by the drizzle migrations in a scratch database
 * (`phenix_bench_nd_<pid>`, always dropped at the end).
 *
 * The table grows incrementally through the requested sizes (1M, then 9M more for 10M), loaded in SQL from
 * `generate_series` with the band indexes dropped during the load and rebuilt after. Forty query values get planted
 * near-duplicates at 1, 2 and 3 bits so both methods have something to find; their counts must agree.
 *
 * Run alone: `npx tsx bench/near-dup.scale.ts [--sizes=1000000,10000000]` (DATABASE_BENCH_URL or
 * postgres://postgres@127.0.0.1:5432/postgres, a superuser able to create databases).
 */
import { existsSync, statfsSync } from 'node:fs';
import postgres from 'postgres';
import { bandsOf, type Executor, findNearDuplicates, openDatabase, type PhenixDatabase } from '../db/index.ts';
import { isProcessAlive as isAlive } from '../lib/process-alive.ts';
import { createRng } from '../test/fixtures/sites/index.ts';
import { fmt } from './lib/measure.ts';
import { printTable } from './lib/table.ts';

export interface NearDupRow {
  /** Fingerprints in the table (bulk rows plus the planted near-duplicates). */
  stored: number;
  /** Seconds to grow the table to `stored` from the previous size (rows, index rebuild, vacuum analyze). */
  loadSeconds: number;
  indexMedianMs: number;
  indexP95Ms: number;
  scanMedianMs: number;
  /** scanMedianMs / indexMedianMs. */
  ratio: number;
  /** Mean results per query through the band indexes. */
  foundIndex: number;
  /** Mean results per query of the full scan (over the scanned queries). */
  foundScan: number;
  /** One line summarising the EXPLAIN of the product's query. */
  plan: string;
}

export interface NearDupOptions {
  sizes: number[];
  /** Server URL of a role that may create databases; the scratch database is created next to it. */
  adminUrl: string;
  /** Query values (each with planted near-duplicates at 1, 2 and 3 bits); default 40. */
  queries?: number;
  /** Full scans per size (slow at 10M); default 3. */
  scanRuns?: number;
  log?: (line: string) => void;
}

const KIND = 'ad';
const MAX_BITS = 3;
const GIB = 1024 ** 3;
/** Seed of the bulk values (hashint8extended of the row number), so every run loads the same table. */
const VALUE_SEED = 20070508;

// Exactly `bandsOf` (db/queries/profiles.ts) in SQL: each 16-bit band of the unsigned value, minus 32768, as smallint.
// `&` masks the sign extension of `>>` on the signed bigint, so the signed value gives the unsigned value's bands.
const BANDS_SQL = [0, 16, 32, 48].map((shift) => `(((v >> ${shift}) & 65535) - 32768)::smallint`).join(', ');
/** The product's distance expression (findNearDuplicates), without the band condition. */
const SCAN_SQL = `select profile_id, ref, value, length(replace(((value # $2::bigint)::bit(64))::text, '0', '')) as distance
  from fingerprints
  where kind = $1 and length(replace(((value # $2::bigint)::bit(64))::text, '0', '')) <= ${MAX_BITS}`;

export async function benchNearDuplicateLookups(options: NearDupOptions): Promise<NearDupRow[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const sizes = [...new Set(options.sizes)].filter((n) => n > 0).sort((a, b) => a - b);
  const queryCount = options.queries ?? 40;
  const scanRuns = Math.min(options.scanRuns ?? 3, queryCount);
  if (sizes.length === 0) return [];

  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  const dbName = `phenix_bench_nd_${process.pid}`;
  try {
    await admin`select 1`;
  } catch (error) {
    log(`near-duplicates at scale: SKIPPED, no Postgres at ${redact(options.adminUrl)} (${(error as Error).message})`);
    await admin.end({ timeout: 1 });
    return [];
  }

  const rows: NearDupRow[] = [];
  let handle: PhenixDatabase | null = null;
  let sql: postgres.Sql | null = null;
  try {
    await dropStaleScratchDatabases(admin, options.adminUrl, log);
    const largest = sizes[sizes.length - 1];
    // ~160 B per row for the table and its five indexes, plus WAL: demand 5 GB, more for sizes beyond 10M.
    const needBytes = Math.max(5 * GIB, largest * 500);
    const disk = await freeDisk(admin);
    if (disk.freeBytes < needBytes) {
      log(
        `near-duplicates at scale: SKIPPED, only ${fmt(disk.freeBytes / GIB, 1)} GB free on ${disk.path} ` +
          `(${fmt(needBytes / GIB, 1)} GB wanted for ${largest.toLocaleString('en')} fingerprints and their indexes)`,
      );
      return [];
    }
    log(
      `near-duplicates at scale: ${fmt(disk.freeBytes / GIB, 0)} GB free on ${disk.path}; scratch database ${dbName}`,
    );

    await admin.unsafe(`create database ${dbName}`);
    const url = new URL(options.adminUrl);
    url.pathname = `/${dbName}`;
    // The product's database handle (migrations + the lookup under test) and one raw connection for loading,
    // scanning and EXPLAIN (session settings stay on it).
    handle = await openDatabase({ url: url.toString(), migrate: true });
    sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await sql`set maintenance_work_mem = '512MB'`;
    try {
      // Skip the foreign-key trigger per row during the bulk load (the profile ids are valid by construction).
      await sql`set session_replication_role = replica`;
    } catch {
      log('  (not a superuser: the bulk load checks the profile foreign key row by row, a little slower)');
    }
    const indexDefs = await sql<{ indexname: string; indexdef: string }[]>`
      select indexname, indexdef from pg_indexes
      where schemaname = 'public' and tablename = 'fingerprints' and indexname <> 'fingerprints_pkey'
      order by indexname`;
    const bandIndexes = indexDefs.filter((d) => /band\d/.test(d.indexname)).map((d) => d.indexname);
    if (bandIndexes.length !== 4) throw new Error(`expected 4 band indexes on fingerprints, found: ${bandIndexes}`);

    const queries = await plantNearDuplicates(sql, queryCount);
    log(
      `  planted ${queries.length} query values × near-duplicates at 1, 2 and 3 bits (bands checked against bandsOf)`,
    );
    let bulkLoaded = 0;

    for (const size of sizes) {
      const [{ n: current }] = await sql<{ n: number }[]>`select count(*)::int as n from fingerprints`;
      const toAdd = size - current;
      const t0 = performance.now();
      if (toAdd > 0) {
        log(
          `  loading ${toAdd.toLocaleString('en')} fingerprints (to ${size.toLocaleString('en')})` +
            `${toAdd >= 5_000_000 ? ': a few minutes' : ''}…`,
        );
        await bulkLoad(sql, bulkLoaded, toAdd, indexDefs, log);
        bulkLoaded += toAdd;
      }
      const loadSeconds = (performance.now() - t0) / 1000;
      const [{ n: stored }] = await sql<{ n: number }[]>`select count(*)::int as n from fingerprints`;
      const [{ size: tableSize }] = await sql<{ size: string }[]>`
        select pg_size_pretty(pg_total_relation_size('fingerprints')) as size`;
      log(
        `  ${stored.toLocaleString('en')} fingerprints stored (${tableSize} with indexes), loaded in ${fmt(loadSeconds, 0)} s`,
      );

      // Through the product's function, exactly as it runs (drizzle, postgres.js, prepared statement).
      const warm = createRng(`near-dup-warmup-${size}`);
      for (let i = 0; i < 5; i++) await findNearDuplicates(handle.db, KIND, random64(warm), MAX_BITS);
      const indexMs: number[] = [];
      const indexFound: number[] = [];
      for (const q of queries) {
        const t = performance.now();
        const found = await findNearDuplicates(handle.db, KIND, q, MAX_BITS);
        indexMs.push(performance.now() - t);
        indexFound.push(found.length);
      }
      log(`  index: ${queries.length} lookups, median ${fmt(percentile(indexMs, 50), 2)} ms`);

      log(`  scan: ${scanRuns} full scans of ${stored.toLocaleString('en')} rows…`);
      const scanMs: number[] = [];
      const scanFound: number[] = [];
      for (const q of queries.slice(0, scanRuns)) {
        const t = performance.now();
        const found = await sql.unsafe(SCAN_SQL, [KIND, BigInt.asIntN(64, q).toString()]);
        scanMs.push(performance.now() - t);
        scanFound.push(found.length);
      }
      const mismatches = scanFound.flatMap((n, i) =>
        n === indexFound[i] ? [] : [`query ${i}: scan ${n}, index ${indexFound[i]}`],
      );
      if (mismatches.length) {
        log(
          `  WARNING: the band index and the full scan disagree (a bug in the index lookup): ${mismatches.join('; ')}`,
        );
      }

      const plan = summarisePlan(await explainProductQuery(sql, handle.db, queries[0]));
      if (plan.includes('NOT used')) log(`  WARNING: the lookup does not use the band indexes: ${plan}`);
      const indexMedianMs = percentile(indexMs, 50);
      const scanMedianMs = percentile(scanMs, 50);
      const row: NearDupRow = {
        stored,
        loadSeconds,
        indexMedianMs,
        indexP95Ms: percentile(indexMs, 95),
        scanMedianMs,
        ratio: scanMedianMs / indexMedianMs,
        foundIndex: mean(indexFound),
        foundScan: mean(scanFound),
        plan,
      };
      log(
        `  ${stored.toLocaleString('en')}: index ${fmt(row.indexMedianMs, 2)} ms (p95 ${fmt(row.indexP95Ms, 2)}), ` +
          `scan ${fmt(scanMedianMs, 0)} ms, ×${fmt(row.ratio, 0)}; found ${fmt(row.foundIndex, 2)} / ${fmt(row.foundScan, 2)}; ${plan}`,
      );
      rows.push(row);
    }
    return rows;
  } finally {
    await sql?.end({ timeout: 5 }).catch(() => {});
    await handle?.close().catch(() => {});
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch((error: Error) => {
      log(`  WARNING: could not drop ${dbName}: ${error.message}`);
    });
    await admin.end({ timeout: 5 });
  }
}

/** Uniform unsigned 64-bit value from two 32-bit draws. */
function random64(rng: ReturnType<typeof createRng>): bigint {
  return (BigInt(rng.int(0, 0xffffffff)) << 32n) | BigInt(rng.int(0, 0xffffffff));
}

/**
 * Inserts, for `count` random query values, one fingerprint at each distance 1, 2 and 3 bits (distinct flipped bits),
 * with the bands computed by the same SQL as the bulk load, and checks those bands against the product's `bandsOf`.
 */
async function plantNearDuplicates(sql: postgres.Sql, count: number): Promise<bigint[]> {
  const rng = createRng('near-dup-scale');
  const queries: bigint[] = [];
  const planted: string[] = [];
  for (let q = 0; q < count; q++) {
    const base = random64(rng);
    queries.push(base);
    for (let d = 1; d <= MAX_BITS; d++) {
      const bits = rng.sample(
        Array.from({ length: 64 }, (_, i) => i),
        d,
      );
      const v = bits.reduce((x, b) => x ^ (1n << BigInt(b)), base);
      planted.push(BigInt.asIntN(64, v).toString());
    }
  }
  const [{ id }] = await sql<{ id: number }[]>`
    insert into site_profiles (page_count, profile) values (1, '{}'::jsonb) returning id`;
  await sql.unsafe(
    `insert into fingerprints (profile_id, kind, value, band0, band1, band2, band3, ref)
     select $1, $2, v, ${BANDS_SQL}, 'planted' from unnest($3::bigint[]) as t(v)`,
    [id, KIND, planted],
  );
  await checkBands(sql, `ref = 'planted'`);
  return queries;
}

/** The bands stored by SQL must be exactly the product's `bandsOf` of the value. */
async function checkBands(sql: postgres.Sql, where: string): Promise<void> {
  const stored = await sql.unsafe<{ value: string; b: number[] }[]>(
    `select value::text as value, array[band0, band1, band2, band3]::int[] as b from fingerprints where ${where}`,
  );
  for (const r of stored) {
    const expected = bandsOf(BigInt(r.value));
    if (expected.some((b, i) => b !== r.b[i])) {
      throw new Error(`SQL bands ${r.b} differ from bandsOf(${r.value}) = ${expected}`);
    }
  }
}

/**
 * Adds `count` fingerprints (one site profile per 10), values uniform 64-bit from a seeded hash of the row number,
 * with the secondary indexes dropped during the load and rebuilt from their migration definitions afterwards.
 */
async function bulkLoad(
  sql: postgres.Sql,
  offset: number,
  count: number,
  indexDefs: { indexname: string; indexdef: string }[],
  log: (line: string) => void,
): Promise<void> {
  let t = performance.now();
  const lap = () => {
    const s = (performance.now() - t) / 1000;
    t = performance.now();
    return `${fmt(s, 0)} s`;
  };
  for (const d of indexDefs) await sql.unsafe(`drop index if exists ${d.indexname}`);
  const profiles = Math.ceil(count / 10);
  const [{ lo, hi }] = await sql<{ lo: number; hi: number }[]>`
    with p as (
      insert into site_profiles (page_count, profile) select 1, '{}'::jsonb from generate_series(1, ${profiles}) returning id
    ) select min(id)::int as lo, max(id)::int as hi from p`;
  if (hi - lo + 1 !== profiles) throw new Error(`site profile ids not contiguous (${lo}..${hi} for ${profiles})`);
  await sql.unsafe(
    `insert into fingerprints (profile_id, kind, value, band0, band1, band2, band3)
     select $1::int + ((g - $2::bigint - 1) / 10)::int, $3, v, ${BANDS_SQL}
     from (select g, hashint8extended(g, ${VALUE_SEED}) as v from generate_series($2::bigint + 1, $2::bigint + $4::bigint) g) s`,
    [lo, offset, KIND, count],
  );
  log(`    rows (${profiles.toLocaleString('en')} profiles + ${count.toLocaleString('en')} fingerprints): ${lap()}`);
  // A thousand of the new rows, spread over the load, through the primary key.
  const step = Math.max(1, Math.floor(count / 1000));
  await checkBands(
    sql,
    `id in (select generate_series(m - ${count} + 1, m, ${step}) from (select max(id) as m from fingerprints) x)`,
  );
  for (const d of indexDefs) await sql.unsafe(d.indexdef);
  log(`    indexes rebuilt (${indexDefs.map((d) => d.indexname).join(', ')}): ${lap()}`);
  await sql`vacuum (analyze) site_profiles`;
  await sql`vacuum (analyze) fingerprints`;
  // Write the load's dirty pages now, so the lookups do not pay for evicting them (steady state, as in production).
  await sql`checkpoint`.catch(() => {});
  log(`    vacuum analyze, checkpoint: ${lap()}`);
}

/**
 * Runs the product's `findNearDuplicates` on a stand-in executor that records the SQL drizzle builds instead of
 * sending it, then EXPLAINs that exact statement with its parameters.
 */
async function explainProductQuery(sql: postgres.Sql, db: Executor, value: bigint): Promise<string[]> {
  let captured: { sql: string; params: unknown[] } | null = null;
  const wrap = (target: object): unknown =>
    new Proxy(target, {
      get(t, prop) {
        if (prop === 'then') {
          return (resolve: (rows: unknown[]) => void) => {
            captured = (t as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
            resolve([]);
          };
        }
        const member = Reflect.get(t, prop, t) as unknown;
        if (typeof member !== 'function') return member;
        return (...args: unknown[]) => {
          const result = (member as (...a: unknown[]) => unknown).apply(t, args);
          return result && typeof result === 'object' ? wrap(result) : result;
        };
      },
    });
  await findNearDuplicates(wrap(db) as Executor, KIND, value, MAX_BITS);
  const query = captured as { sql: string; params: unknown[] } | null;
  if (!query) throw new Error('could not capture the SQL of findNearDuplicates');
  const params = query.params.map((p) =>
    typeof p === 'bigint' ? p.toString() : p,
  ) as postgres.ParameterOrJSON<never>[];
  const plan = await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain ${query.sql}`, params);
  return plan.map((r) => r['QUERY PLAN']);
}

/** e.g. "Bitmap Heap Scan on fingerprints ← BitmapOr over 4 band indexes (fingerprints_band0…3_idx)". */
export function summarisePlan(lines: string[]): string {
  const text = lines.join('\n');
  const indexScans = [...text.matchAll(/Index (?:Only )?Scan on (\S+)/g)].map((m) => m[1]);
  const bandScans = [...new Set(indexScans.filter((name) => /band\d/.test(name)))];
  const top = lines[0]?.replace(/\s+\(cost=.*$/, '').trim() ?? '?';
  if (/BitmapOr/.test(text) && bandScans.length === 4) {
    const names = bandScans.sort().join(', ');
    const compact =
      names === 'fingerprints_band0_idx, fingerprints_band1_idx, fingerprints_band2_idx, fingerprints_band3_idx';
    return `${top} ← BitmapOr over 4 band indexes (${compact ? 'fingerprints_band0…3_idx' : names})`;
  }
  if (indexScans.length) return `${top} ← index scans on ${[...new Set(indexScans)].join(', ')}`;
  const nodes = lines
    .map((l) => l.replace(/^[\s->]+/, '').replace(/\s+\(cost=.*$/, ''))
    .filter((l) => /Scan|Gather|Bitmap|Seq/.test(l));
  return `${nodes.join(' ← ')} (band indexes NOT used)`;
}

function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  if (p === 50) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** Free space where the server keeps its data when it is on this machine, else where the benchmark runs. */
async function freeDisk(admin: postgres.Sql): Promise<{ path: string; freeBytes: number }> {
  let path = process.cwd();
  try {
    const [{ data_directory: dir }] = await admin<{ data_directory: string }[]>`show data_directory`;
    if (dir && existsSync(dir)) path = dir;
  } catch {
    // not a superuser: fall back to the working directory
  }
  const s = statfsSync(path);
  return { path, freeBytes: s.bavail * s.bsize };
}

/** Scratch databases left by a run that was killed (its pid is gone), when the server is on this machine. */
async function dropStaleScratchDatabases(
  admin: postgres.Sql,
  adminUrl: string,
  log: (line: string) => void,
): Promise<void> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname)) return;
  const stale = await admin<{ datname: string }[]>`
    select datname from pg_database where datname ~ '^phenix_bench_nd_[0-9]+$'`;
  for (const { datname } of stale) {
    const pid = Number(datname.slice('phenix_bench_nd_'.length));
    if (pid === process.pid || isAlive(pid)) continue;
    log(`  dropping ${datname}, left by an interrupted run`);
    await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='))?.slice('--sizes='.length);
  const sizes = (sizesArg ?? '1000000,10000000').split(',').map((s) => Number(s.replaceAll('_', '')));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`--sizes expects positive integers separated by commas, got: ${sizesArg}`);
    process.exit(2);
  }
  const adminUrl = process.env.DATABASE_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(`Phénix near-duplicate lookups at scale (Node ${process.version}, Postgres at ${redact(adminUrl)})`);
  const result = await benchNearDuplicateLookups({ sizes, adminUrl });
  if (result.length) {
    printNearDupTable(result);
  }
}

export function printNearDupTable(rows: NearDupRow[]): void {
  printTable(
    ['stored', 'load s', 'index median', 'index p95', 'scan median', 'scan/index', 'found (index/scan)', 'plan'],
    rows.map((r) => [
      r.stored.toLocaleString('en'),
      fmt(r.loadSeconds, 0),
      `${fmt(r.indexMedianMs, 2)} ms`,
      `${fmt(r.indexP95Ms, 2)} ms`,
      `${fmt(r.scanMedianMs, 0)} ms`,
      `×${fmt(r.ratio, 0)}`,
      `${fmt(r.foundIndex, 2)} / ${fmt(r.foundScan, 2)}`,
      r.plan,
    ]),
  );
}
