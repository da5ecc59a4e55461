/**
 * A photo's specificity is counted over the profiles built together and every other latest stored profile, so a
 * queue job that builds one candidate weighs stock photos as a whole cycle does (on both databases). The stored sites
 * carrying the stock photos each show their own contact: unrelated sites, not copies of one another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaptureRow, saveProfile } from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { buildProfile, type PageFeatures, type PageImage } from '../../../detector/index.ts';
import { type ProfileSubject, photoSpecificities, storedOwnedBy } from '../../../monitor/profiles.ts';
import { picturePage, testHash } from '../../fixtures/images/pictures.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const image = (n: number): PageImage => ({
  url: `http://x.test/p/${n}.jpg`,
  sha256: String(n).padEnd(64, '0'),
  hash: testHash(n),
  width: 400,
  height: 300,
});
const stock = [900, 901, 902].map(image);
const own = [1, 2, 3, 4].map(image);
const asProfile = (images: PageImage[], phone?: string) => ({
  pageCount: 1,
  ads: [],
  contacts: phone ? [{ kind: 'phone', value: phone, scope: 'site' }] : [],
  layout: {},
  photos: images.map(({ url, sha256, hash }) => ({ url, sha256, hash, specificity: 1 })),
});

describe.each(DB_KINDS)('photo specificity over everything stored, on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  }, 120_000);
  afterAll(async () => t?.drop());

  it('weighs stock photos seen on stored profiles when one candidate is built alone', async () => {
    const db = t.handle.db;
    const rows = await db
      .insert(domains)
      .values(
        ['menage-a', 'menage-b', 'menage-c', 'menage-d', 'nouveau'].map((h) => ({
          hostname: `${h}.test`,
          role: 'candidate' as const,
          source: 'feed' as const,
        })),
      )
      .returning();
    const candidate = rows.at(-1)!;
    for (const r of rows.slice(0, 4)) {
      await saveProfile(
        db,
        { domainId: r.id },
        { pageCount: 1, data: asProfile([...stock, image(100 + r.id)], `+3363998010${r.id}`) },
        [],
      );
    }
    const subject: ProfileSubject = {
      kind: 'candidate',
      label: candidate.hostname,
      siteId: null,
      domain: candidate,
      hostnames: [candidate.hostname],
      captures: [{ features: picturePage('/ad/1', [...stock, ...own]) } as unknown as CaptureRow],
    };
    const profile = buildProfile(
      subject.captures.map((c) => c.features as unknown as PageFeatures),
      { site: subject.label },
    );
    const [alone] = await photoSpecificities(db, [profile], storedOwnedBy([subject]));
    expect(alone.get(stock[0].hash)).toBe(5);
    expect(alone.get(own[0].hash)).toBe(1);

    // Its own older profile is the same site, not one more: counted once.
    await saveProfile(db, { domainId: candidate.id }, { pageCount: 1, data: asProfile([...stock, ...own]) }, []);
    const [again] = await photoSpecificities(db, [profile], storedOwnedBy([subject]));
    expect(again.get(stock[0].hash)).toBe(5);
    expect(again.get(own[0].hash)).toBe(1);
  });
});
