/**
 * The audit log's hash chain on both databases: the server sets the time and the chain, concurrent writers keep
 * one chain, and `verifyAuditChain` names a removed, changed or moved entry (tampering done as the owner, the
 * only role that can disable the append-only trigger).
 */
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, type Executor, listAudit, verifyAuditChain } from '../../../db/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

async function tamper(db: Executor, statement: ReturnType<typeof sql>): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await db.execute(statement);
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

async function seed(db: Executor, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await appendAudit(db, { actor: `analyste${i}`, action: 'view.alert', subjectType: 'alert', subjectId: i });
  }
}

describe.each(DB_KINDS)('audit chain on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('chains every entry, one statement or several, and verifies', async () => {
    await seed(t.handle.db, 3);
    await appendAudit(t.handle.db, [
      { actor: 'a', action: 'x', subjectType: 't', subjectId: 1, details: { note: 'é ü 😀', n: [1, 2] } },
      { actor: 'b', action: 'y', subjectType: 't', subjectId: 2 },
    ]);
    const rows = await listAudit(t.handle.db);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i].prevHash).toBe(rows[i - 1].hash);
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toMatchObject({ ok: true, entries: 5, problems: [] });
    expect(report.head?.hash).toBe(rows[4].hash);
  });

  it('sets the time on the server: a backdated insert gets the current time', async () => {
    const before = Date.now();
    await t.handle.db.execute(
      sql`insert into audit_log (actor, action, subject_type, subject_id, at, seq, hash, prev_hash)
          values ('forger', 'alert.confirmed', 'alert', '1', '2001-01-01T00:00:00Z', 99, 'x', 'y')`,
    );
    const [row] = await listAudit(t.handle.db, { actor: 'forger' });
    expect(row.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(row.seq).toBe(6);
    expect((await verifyAuditChain(t.handle.db)).ok).toBe(true);
  });

  it('keeps one chain under concurrent writers', async () => {
    const db = t.handle.db as unknown as { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> };
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db.transaction(async (tx) => {
          await appendAudit(tx, { actor: `w${i}`, action: 'a', subjectType: 't', subjectId: i });
          await appendAudit(tx, { actor: `w${i}`, action: 'b', subjectType: 't', subjectId: i });
        }),
      ),
    );
    const report = await verifyAuditChain(t.handle.db);
    expect(report).toMatchObject({ ok: true, entries: 30 });
  });

  it('names a changed entry (as the owner, who alone can disable the trigger)', async () => {
    await tamper(t.handle.db, sql`update audit_log set details = '{"note":"rewritten"}' where seq = 7`);
    const report = await verifyAuditChain(t.handle.db);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 7, kind: 'changed' })]);
  });
});

// Tampering needs a fresh chain per case: done on the server, where a database takes a fraction of a second.
describe('audit chain tampering on postgres', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    await t.drop();
  });

  it('names a changed entry', async () => {
    await seed(t.handle.db, 5);
    await tamper(t.handle.db, sql`update audit_log set actor = 'someone-else' where seq = 3`);
    const report = await verifyAuditChain(t.handle.db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'changed' })]);
    expect(report.problems[0].message).toContain('entry #3');
  });

  it('names a changed entry even when its hash was recomputed (the next link breaks)', async () => {
    await seed(t.handle.db, 4);
    await tamper(
      t.handle.db,
      sql`update audit_log set actor = 'x', hash = encode(sha256(convert_to(phenix_audit_entry_text(prev_hash, seq, at, 'x', action, subject_type, subject_id, details), 'UTF8')), 'hex') where seq = 2`,
    );
    const report = await verifyAuditChain(t.handle.db);
    expect(report.problems).toEqual([expect.objectContaining({ seq: 3, kind: 'broken-link' })]);
  });

  it('names a removed entry', async () => {
    await seed(t.handle.db, 5);
    await tamper(t.handle.db, sql`delete from audit_log where seq = 2`);
    const report = await verifyAuditChain(t.handle.db);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ seq: 2, kind: 'removed' });
    expect(report.problems[0].message).toContain('#2 is missing');
  });

  it('names reordered entries', async () => {
    await seed(t.handle.db, 5);
    // Swap the positions of entries 2 and 4 (through a free number: seq is unique).
    await tamper(
      t.handle.db,
      sql`update audit_log set seq = case seq when 2 then 1000 when 4 then 2 end where seq in (2, 4)`,
    );
    await tamper(t.handle.db, sql`update audit_log set seq = 4 where seq = 1000`);
    const report = await verifyAuditChain(t.handle.db);
    expect(report.ok).toBe(false);
    const kinds = report.problems.map((p) => `${p.seq}:${p.kind}`);
    expect(kinds).toContain('2:changed');
    expect(kinds).toContain('4:moved');
  });
});
