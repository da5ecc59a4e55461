/**
 * Filling the real `fingerprints` table for the near-duplicate benchmark (bench/scale/near-dup.ts): query values with
 * near-duplicates planted at 1, 2 and 3 bits, and bulk rows from `generate_series`, their bands computed in SQL exactly
 * as the product's `bandsOf` and checked against it.
 */
import type postgres from 'postgres';
import { bandsOf } from '../../db/index.ts';
import { createRng } from '../../sitegen/index.ts';
import { fmt } from '../lib/measure.ts';

export const KIND = 'ad';
export const MAX_BITS = 3;
/** Seed of the bulk values (hashint8extended of the row number), so every run loads the same table. */
const VALUE_SEED = 20070508;

// Exactly `bandsOf` (db/queries/profiles.ts) in SQL: each 16-bit band of the unsigned value, minus 32768, as smallint.
// `&` masks the sign extension of `>>` on the signed bigint, so the signed value gives the unsigned value's bands.
const BANDS_SQL = [0, 16, 32, 48].map((shift) => `(((v >> ${shift}) & 65535) - 32768)::smallint`).join(', ');

/** Uniform unsigned 64-bit value from two 32-bit draws. */
export function random64(rng: ReturnType<typeof createRng>): bigint {
  return (BigInt(rng.int(0, 0xffffffff)) << 32n) | BigInt(rng.int(0, 0xffffffff));
}

/**
 * Inserts, for `count` random query values, one fingerprint at each distance 1, 2 and 3 bits (distinct flipped bits),
 * with the bands computed by the same SQL as the bulk load, and checks those bands against the product's `bandsOf`.
 */
export async function plantNearDuplicates(sql: postgres.Sql, count: number): Promise<bigint[]> {
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
export async function bulkLoad(
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
