/**
 * Each cycle's captures get one Merkle root in the audit log, timestamped by the TSA (a local `openssl ts`), and
 * the seal check recomputes it from the database: a capture altered, removed or added afterwards is found, and a
 * token checked against another TSA's CA is refused. A TSA that is down leaves the root recorded, untimestamped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { insertCapture, listAudit, startRun } from '../../../db/index.ts';
import { captures } from '../../../db/schema/index.ts';
import { createEvidenceStore, merkleRoot } from '../../../evidence/index.ts';
import { checkCycleSeal, type MonitorContext, processOwner, SEAL_ACTION, sealCycle } from '../../../monitor/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { type LocalTsa, startLocalTsa } from '../../helpers/local-tsa.ts';
import { seedReview } from '../../helpers/seed-review.ts';

let t: TestDatabase;
let tsa: LocalTsa;
let otherTsa: LocalTsa;
let dir: string;

const context = (tsaUrl?: string): MonitorContext => ({
  config: parseConfig(`evidence:\n  dir: ${join(dir, 'evidence')}\n${tsaUrl ? `  tsaUrl: ${tsaUrl}\n` : ''}`),
  db: t.handle.db,
  evidence: createEvidenceStore({ dir: join(dir, 'evidence') }),
  logger: pino({ level: 'silent' }),
  storageRoot: join(dir, 'crawls'),
  owner: processOwner(),
});

/** A cycle whose one run re-took the seeded captures. */
async function cycleWithCaptures(cycleId: string, count: number): Promise<number[]> {
  const seeded = await t.handle.db.select().from(captures).orderBy(captures.id).limit(count);
  const runId = `${cycleId}-run`;
  await startRun(t.handle.db, { id: runId, domainId: seeded[0].domainId, cycleId, mode: 'http' });
  const ids: number[] = [];
  for (const { id: _id, runId: _r, storedAt: _s, ...row } of seeded) {
    ids.push((await insertCapture(t.handle.db, { ...row, runId })).id);
  }
  return ids;
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-seal-'));
  await seedReview(t.handle.db, { evidenceDir: join(dir, 'evidence') });
  tsa = await startLocalTsa();
  otherTsa = await startLocalTsa();
}, 60_000);
afterAll(async () => {
  await t?.drop();
  await tsa?.close();
  await otherTsa?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('cycle seal', () => {
  it('records a timestamped Merkle root of the cycle captures, which checks out', async () => {
    const ids = await cycleWithCaptures('cycle-a', 4);
    const seal = await sealCycle(context(tsa.url), 'cycle-a');
    expect(seal).toMatchObject({ captures: 4, timestamped: true });
    const [entry] = (await listAudit(t.handle.db, { subjectType: 'cycle', subjectId: 'cycle-a' })).filter(
      (a) => a.action === SEAL_ACTION,
    );
    expect(entry.details).toMatchObject({
      root: seal.root,
      captures: 4,
      firstCaptureId: ids[0],
      lastCaptureId: ids[3],
    });
    const check = await checkCycleSeal(t.handle.db, 'cycle-a', tsa.caPem);
    expect(check.problems).toEqual([]);
    expect(check.genTime).not.toBeNull();
    expect((await checkCycleSeal(t.handle.db, 'cycle-a', otherTsa.caPem)).ok).toBe(false);
  });

  it('finds a capture altered, removed or added after the seal', async () => {
    const ids = await cycleWithCaptures('cycle-b', 3);
    await sealCycle(context(tsa.url), 'cycle-b');
    const db = t.handle.db;
    await db.update(captures).set({ finalUrl: 'http://autre.test/' }).where(eq(captures.id, ids[1]));
    expect((await checkCycleSeal(db, 'cycle-b', tsa.caPem)).problems.join('\n')).toMatch(
      /no longer give the sealed Merkle root/,
    );
    const [row] = await db.select().from(captures).where(eq(captures.id, ids[1]));
    await db.delete(captures).where(eq(captures.id, ids[1]));
    expect((await checkCycleSeal(db, 'cycle-b', tsa.caPem)).problems.join('\n')).toMatch(
      /now has 2 capture\(s\); 3 were sealed/,
    );
    const { id: _id, storedAt: _s, ...copy } = row;
    await insertCapture(db, { ...copy, requestedUrl: 'http://maison-services.test/ajout' });
    await insertCapture(db, { ...copy, requestedUrl: 'http://maison-services.test/autre' });
    expect((await checkCycleSeal(db, 'cycle-b', tsa.caPem)).ok).toBe(false);
  });

  it('records the root without a timestamp when the TSA is down, and says why', async () => {
    await cycleWithCaptures('cycle-c', 2);
    const seal = await sealCycle(context('http://127.0.0.1:9/tsa'), 'cycle-c');
    expect(seal.timestamped).toBe(false);
    const entry = (await listAudit(t.handle.db, { subjectType: 'cycle', subjectId: 'cycle-c' })).find(
      (a) => a.action === SEAL_ACTION,
    );
    expect(entry?.details).toMatchObject({ timestampError: expect.stringMatching(/could not be reached/) });
    expect((await checkCycleSeal(t.handle.db, 'cycle-c')).ok).toBe(true);
  });

  it('the root of an empty cycle is the hash of nothing, and leaves pair as RFC 6962 says', () => {
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const a = 'aa'.repeat(32);
    const b = 'bb'.repeat(32);
    expect(merkleRoot([a, b])).not.toBe(merkleRoot([b, a]));
    expect(merkleRoot([a, b, a])).not.toBe(merkleRoot([a, b]));
  });
});
