/**
 * An analyst's decision is never lost to a comparison updating the same alert at the same moment (issue 12.5):
 * the decision is held open in a transaction while the comparison writes, and the other way round.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AlertInput,
  decideAlert,
  type Executor,
  getAlert,
  getSiteByName,
  syncSites,
  upsertAlert,
} from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

type Tx = { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> };

describe('decision against a concurrent comparison (postgres)', () => {
  let t: TestDatabase;
  let base: Omit<AlertInput, 'score' | 'evidence'>;
  let n = 0;
  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    await syncSites(t.handle.db, [
      {
        name: 'services-domicile',
        status: 'convicted',
        caseRef: 'CASE-R',
        region: 'FR',
        notes: '',
        domains: ['services-domicile.test'],
      },
    ]);
    const site = await getSiteByName(t.handle.db, 'services-domicile');
    base = { siteId: site.id, candidateDomainId: 0, verdict: 'clone', signals: { text: 0.9 }, explanation: ['x'] };
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function freshAlert(): Promise<{ id: number; input: Omit<AlertInput, 'score' | 'evidence'> }> {
    const [cand] = await t.handle.db
      .insert(domains)
      .values({ hostname: `services-domicile${++n}.test`, role: 'candidate', source: 'lookalike' })
      .returning();
    const input = { ...base, candidateDomainId: cand.id };
    const { alert } = await upsertAlert(t.handle.db, { ...input, score: 0.8, evidence: [1] });
    return { id: alert!.id, input };
  }

  it('keeps the confirm when the comparison writes while the decision is being committed', async () => {
    const { id, input } = await freshAlert();
    const decision = (t.handle.db as unknown as Tx).transaction(async (tx) => {
      await decideAlert(tx, id, { status: 'confirmed', reviewer: 'analyste.dupont', note: 'mêmes numéros' });
      await sleep(400); // the comparison reads and writes meanwhile
    });
    await sleep(100);
    const compare = upsertAlert(t.handle.db, { ...input, score: 0.9, evidence: [1, 2, 3] });
    await Promise.all([decision, compare]);
    const after = await getAlert(t.handle.db, id);
    expect(after.status).toBe('confirmed');
    expect(after.evidence).toEqual([1, 2, 3]); // and the comparison's evidence is kept too
  });

  it('keeps the confirm when the decision comes while the comparison is being committed', async () => {
    const { id, input } = await freshAlert();
    const compare = (t.handle.db as unknown as Tx).transaction(async (tx) => {
      await upsertAlert(tx, { ...input, score: 0.9, evidence: [1, 2] });
      await sleep(400);
    });
    await sleep(100);
    const decision = decideAlert(t.handle.db, id, { status: 'dismissed', reviewer: 'analyste.dupont', note: 'non' });
    await Promise.all([decision, compare]);
    const after = await getAlert(t.handle.db, id);
    expect(after).toMatchObject({ status: 'dismissed', dismissedScore: 0.9, dismissedEvidenceCount: 2 });
  });

  it('never loses a decision over many concurrent rounds', async () => {
    for (let round = 0; round < 15; round++) {
      const { id, input } = await freshAlert();
      await Promise.all([
        (t.handle.db as unknown as Tx).transaction((tx) =>
          decideAlert(tx, id, { status: 'confirmed', reviewer: 'a', note: `round ${round}` }),
        ),
        upsertAlert(t.handle.db, { ...input, score: 0.85, evidence: [round, 1, 2] }),
      ]);
      expect((await getAlert(t.handle.db, id)).status, `round ${round}`).toBe('confirmed');
    }
  });
});
