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
 * Run alone: `npx tsx bench/scale/near-dup.ts [--sizes=1000000,10000000]` (DATABASE_BENCH_URL or
 * postgres://postgres@127.0.0.1:5432/postgres, a superuser able to create databases).
 */
import { existsSync, statfsSync } from 'node:fs';
import postgres from 'postgres';
import { type Executor, findNearDuplicates, openDatabase, type PhenixDatabase } from '../../db/index.ts';
import { createRng } from '../../sitegen/index.ts';
import { fmt, mean, percentile } from '../lib/measure.ts';
import { dropStaleScratchDatabases, redact, scratchDatabaseUrl } from '../lib/scratch-db.ts';
import { printTable } from '../lib/table.ts';
import { bulkLoad, KIND, MAX_BITS, plantNearDuplicates, random64 } from './near-dup-load.ts';

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

const DB_PREFIX = 'phenix_bench_nd_';
const GIB = 1024 ** 3;
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
  const dbName = `${DB_PREFIX}${process.pid}`;
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
    await dropStaleScratchDatabases(admin, options.adminUrl, DB_PREFIX, log);
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
    const url = scratchDatabaseUrl(options.adminUrl, dbName);
    // The product's database handle (migrations + the lookup under test) and one raw connection for loading,
    // scanning and EXPLAIN (session settings stay on it).
    handle = await openDatabase({ url, migrate: true });
    sql = postgres(url, { max: 1, onnotice: () => {} });
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
  if (result.length) printNearDupTable(result);
}
