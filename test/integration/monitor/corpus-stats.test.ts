/**
 * The corpus statistics are rebuilt only when the set of latest profiles changed: the compare jobs of one cycle share
 * one build, and a new profile (or a purge) is seen at the next call. On both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProfile } from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { storedCorpusStats } from '../../../monitor/corpus-stats.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const profileWith = (phones: string[]) => ({
  pageCount: 1,
  contacts: phones.map((value) => ({ kind: 'phone', value })),
  layout: { listing: '00000000000000ff' },
  ads: [],
});

describe.each(DB_KINDS)('storedCorpusStats on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('reuses one build while the latest profiles stay the same, and sees a new one', async () => {
    const db = t.handle.db;
    const [a, b] = await db
      .insert(domains)
      .values([
        { hostname: 'depannage-a.test', role: 'candidate', source: 'lookalike' },
        { hostname: 'depannage-b.test', role: 'candidate', source: 'lookalike' },
      ])
      .returning();
    const save = (domainId: number, phones: string[]) =>
      saveProfile(db, { domainId }, { pageCount: 1, data: profileWith(phones) }, []);
    await save(a.id, ['+33639980101']);
    await save(b.id, ['+33639980101', '+33639980102']);

    const first = await storedCorpusStats(db);
    expect(first.sites).toBe(2);
    expect(first.contacts['phone:+33639980101']).toBe(2);
    expect(await storedCorpusStats(db)).toBe(first);

    await save(a.id, ['+33639980103']);
    const next = await storedCorpusStats(db);
    expect(next).not.toBe(first);
    expect(next.sites).toBe(2);
    expect(next.contacts['phone:+33639980101']).toBe(1);
    expect(next.contacts['phone:+33639980103']).toBe(1);
    expect(next.layouts.listing).toHaveLength(2);
  });
});
