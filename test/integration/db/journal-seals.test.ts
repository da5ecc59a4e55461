/**
 * Seals of the journal's tail, on both databases: entries cut from the end of the journal leave an intact, shorter
 * chain that the hash chain alone cannot tell apart from a journal that ended there; a seal made before the cut
 * names entries the journal no longer has, and `audit verify` reports the gap (exit 1). A tail cut and written again
 * is caught too; the seals themselves are append-only; the hourly sealer and the end of a cycle make them.
 */
import { desc, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, checkJournalSeals, type Executor, journalHead, verifyAuditChain } from '../../../db/index.ts';
import { journalSeals } from '../../../db/schema/index.ts';
import { verifyTimestamp } from '../../../evidence/index.ts';
import { sealJournal, startJournalSealer } from '../../../monitor/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';
import { type LocalTsa, startLocalTsa } from '../../helpers/local-tsa.ts';

const logger = pino({ level: 'silent' });

async function seed(db: Executor, n: number, actor = 'analyste.dupont'): Promise<void> {
  for (let i = 1; i <= n; i++) {
    await appendAudit(db, { actor, action: 'view.alert', subjectType: 'alert', subjectId: i });
  }
}

/** What an insider with the owner role does: disable the append-only trigger, delete the tail, enable it again. */
async function cutTail(db: Executor, fromSeq: number): Promise<void> {
  await db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  await db.execute(sql`delete from audit_log where seq >= ${fromSeq}`);
  await db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
}

describe.each(DB_KINDS)('journal seals on %s', (kind) => {
  let t: TestDatabase;
  let tsa: LocalTsa;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    tsa = await startLocalTsa();
  });
  afterAll(async () => {
    await t?.drop();
    await tsa?.close();
  });

  it('a cut tail is reported as a gap between the last seal and the entries', async () => {
    const db = t.handle.db;
    await seed(db, 5);
    expect((await checkJournalSeals(db)).notes.join()).toMatch(/never been sealed/);
    expect(await sealJournal({ db, logger, reason: 'hourly' })).toEqual({ seq: 5, sealed: true });
    expect((await sealJournal({ db, logger, reason: 'hourly' })).sealed).toBe(false); // nothing new
    await seed(db, 3, 'analyste.leroy');
    expect((await checkJournalSeals(db)).notes.join()).toMatch(/3 entries after the last seal .* not sealed yet/);
    await sealJournal({ db, logger, reason: 'cycle' });
    expect(await checkJournalSeals(db)).toMatchObject({ seals: 2, problems: [], notes: [] });
    // Timestamped seals: a token must stamp the entry its seal names.
    await seed(db, 1, 'analyste.leroy');
    await sealJournal({ db, logger, reason: 'hourly', tsaUrl: tsa.url });
    const [stamped] = await db.select().from(journalSeals).orderBy(desc(journalSeals.id)).limit(1);
    expect(stamped?.timestamp).toBeTruthy();
    const checkToken = async (token: Buffer, text: Buffer) =>
      (await verifyTimestamp(token, text, { trustedCaPem: tsa.caPem })).problems;
    expect((await checkJournalSeals(db, { checkToken })).problems).toEqual([]);
    await db.insert(journalSeals).values({
      reason: 'moved-token',
      throughSeq: 1,
      throughHash: stamped?.throughHash ?? '',
      timestamp: stamped?.timestamp ?? null,
    });
    const forged = await checkJournalSeals(db, { checkToken });
    expect(forged.problems.join('\n')).toMatch(/imprint/);
    expect(forged.problems.join('\n')).toMatch(/entry #1 is not the one sealed/);

    await cutTail(db, 7); // entries #7 to #9, covered by the later seals
    expect((await verifyAuditChain(db)).ok).toBe(true); // the chain alone sees nothing
    const check = await checkJournalSeals(db);
    expect(check.problems).toContainEqual(
      expect.stringMatching(
        /entries cut from the end of the journal: .* covers entries up to #8, .* ends at #6 \(gap #7 to #8\)/,
      ),
    );

    // Written again after the cut: the seal names an entry #8 that is not the one the journal now holds.
    await seed(db, 3, 'intrus');
    expect((await journalHead(db)).seq).toBe(9);
    expect((await checkJournalSeals(db)).problems).toContainEqual(
      expect.stringMatching(/entry #8 is not the one sealed at .*cut and written again/),
    );
  });

  it('keeps seals append-only and sets their time on the server', async () => {
    const db = t.handle.db;
    const refusal = (statement: ReturnType<typeof sql>) =>
      db.execute(statement).then(
        () => 'accepted',
        (error: Error & { cause?: Error }) => `${error.message} ${error.cause?.message ?? ''}`,
      );
    expect(await refusal(sql`delete from journal_seals`)).toMatch(/append-only/);
    expect(await refusal(sql`update journal_seals set through_seq = 1`)).toMatch(/append-only/);
    const before = Date.now();
    await db.execute(
      sql`insert into journal_seals (reason, through_seq, through_hash, at) values ('forged', 1, 'x', '2001-01-01T00:00:00Z')`,
    );
    const [row] = await db.select().from(journalSeals).where(eq(journalSeals.reason, 'forged'));
    expect(row?.at.getTime()).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('the service seals at start and every interval', async () => {
    const db = t.handle.db;
    await seed(db, 1, 'analyste.martin');
    const sealer = startJournalSealer({ db, logger }, 50);
    await new Promise((r) => setTimeout(r, 120));
    await seed(db, 1, 'analyste.martin');
    await new Promise((r) => setTimeout(r, 200));
    await sealer.stop();
    const head = await journalHead(db);
    const seal = (await db.execute(sql`select through_seq from journal_seals order by id desc limit 1`)) as unknown as
      | { through_seq: string | number }[]
      | { rows: { through_seq: string | number }[] };
    const rows = Array.isArray(seal) ? seal : seal.rows;
    expect(Number(rows[0]?.through_seq)).toBe(head.seq);
  });
});
