/**
 * Issue 19.9 on both databases: a session that creates its own `TEMP TABLE audit_log` must not steer the chain
 * trigger. Before the fix the trigger read the temp table (pg_temp is searched before public), chained the new
 * entry onto the fake last entry (seq 1,000,000) and `audit verify` then reported a million entries removed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, type Executor, listAudit, verifyAuditChain } from '../../../db/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

describe.each(DB_KINDS)('audit trigger under a shadowing temp table on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('chains onto the real journal, and verify stays clean', async () => {
    await appendAudit(t.handle.db, { actor: 'a', action: 'view.alert', subjectType: 'alert', subjectId: 1 });
    const db = t.handle.db as unknown as { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> };
    // One session (a transaction holds one connection): the temp table and the insert share it.
    await db.transaction(async (tx) => {
      await tx.execute(sql`create temp table audit_log (seq bigint, hash text) on commit drop`);
      await tx.execute(sql`insert into pg_temp.audit_log values (1000000, ${'f'.repeat(64)})`);
      await tx.execute(
        sql`insert into public.audit_log (actor, action, subject_type, subject_id) values ('m', 'view.alert', 'alert', '2')`,
      );
    });
    const rows = await listAudit(t.handle.db);
    expect(rows.map((r) => r.seq)).toEqual([1, 2]);
    expect(rows[1].prevHash).toBe(rows[0].hash);
    expect(await verifyAuditChain(t.handle.db)).toMatchObject({ ok: true, entries: 2, problems: [] });
  });

  it('pins search_path on every Phénix function', async () => {
    const result = (await t.handle.db.execute(
      sql`select p.proname, p.proconfig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = 'public' and p.proname like 'phenix%' order by 1`,
    )) as unknown as
      | { proname: string; proconfig: string[] | null }[]
      | { rows: { proname: string; proconfig: string[] | null }[] };
    const list = Array.isArray(result) ? result : result.rows;
    expect(list.length).toBeGreaterThanOrEqual(4);
    for (const f of list) expect(f.proconfig ?? [], f.proname).toContain('search_path=pg_catalog, public, pg_temp');
  });
});
