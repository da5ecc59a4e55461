import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  counterpartProfiles,
  getDomain,
  getSiteByName,
  saveProfile,
  syncSites,
  upsertCandidates,
} from '../../../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

/** `v` with the given bits flipped. */
const flip = (v: bigint, bits: number[]) => bits.reduce((x, b) => x ^ (1n << BigInt(b)), v);

describe('cropped ad photos through the band index', () => {
  let t: TestDatabase;
  let siteId: number;
  let domainId: number;
  const original = 0x1234_5678_9abc_def0n;
  const window = 0x0f0f_3c3c_a5a5_7e7en;
  beforeAll(async () => {
    t = await createTestDatabase('embedded');
    await syncSites(t.handle.db, [
      { name: 'ref', status: 'convicted', caseRef: 'C-1', region: 'FR', notes: '', domains: ['ref.test'] },
    ]);
    siteId = (await getSiteByName(t.handle.db, 'ref')).id;
    await upsertCandidates(t.handle.db, [{ hostname: 'copie.test', source: 'manual', sourceDetail: '' }]);
    domainId = (await getDomain(t.handle.db, 'copie.test')).id;
  }, 60_000);
  afterAll(() => t?.drop());

  it('finds a candidate whose photo is near a window of the site photo, both ways, within the crop reach only', async () => {
    const site = await saveProfile(t.handle.db, { siteId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: original, ref: 'a' },
      { kind: 'photo-crop', value: window, ref: 'a' },
    ]);
    // The candidate's whole-picture hash is 4 bits (spread over every band) from the site photo's window.
    const cropped = flip(window, [0, 16, 32, 48]);
    const cand = await saveProfile(t.handle.db, { domainId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: cropped, ref: 'b' },
    ]);
    const reach = { adBits: 12, layoutBits: 3, photoBits: 6, photoCropBits: 4 };
    expect((await counterpartProfiles(t.handle.db, site, reach)).rows.map((r) => r.id)).toEqual([cand.id]);
    expect((await counterpartProfiles(t.handle.db, cand, reach)).rows.map((r) => r.id)).toEqual([site.id]);
    // 4 bits is past a crop reach of 3, and windows are not whole pictures: no lookup finds it as a photo.
    const short = { ...reach, photoCropBits: 3 };
    expect((await counterpartProfiles(t.handle.db, cand, short)).rows).toEqual([]);
  });

  it('finds a candidate cropped its own way through a window near a window of the site photo', async () => {
    const other = 0x7777_1111_2222_9999n;
    const siteProfile = await saveProfile(t.handle.db, { siteId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: original, ref: 'c' },
      { kind: 'photo-crop', value: window, ref: 'c' },
    ]);
    // Neither whole picture is near anything; one window of each is 4 bits from one of the other's.
    const cand = await saveProfile(t.handle.db, { domainId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: other, ref: 'd' },
      { kind: 'photo-crop', value: flip(window, [1, 17, 33, 49]), ref: 'd' },
    ]);
    const reach = { adBits: 12, layoutBits: 3, photoBits: 6, photoCropBits: 4 };
    expect((await counterpartProfiles(t.handle.db, cand, reach)).rows.map((r) => r.id)).toContain(siteProfile.id);
    expect((await counterpartProfiles(t.handle.db, siteProfile, reach)).rows.map((r) => r.id)).toContain(cand.id);
  });

  it('finds a copy re-cropped deeper through a ladder window, within the whole-picture reach (6 bits)', async () => {
    const step = 0x5a5a_0ff0_3c3c_c3c3n;
    const siteProfile = await saveProfile(t.handle.db, { siteId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: original, ref: 'e' },
      { kind: 'photo-ladder', value: step, ref: 'e' },
    ]);
    // The candidate's whole picture is 6 bits from a step of the site photo's ladder (two bits in two bands, one in
    // the others): past the crop reach, within the whole picture's.
    const deeper = flip(step, [2, 3, 18, 19, 34, 50]);
    const cand = await saveProfile(t.handle.db, { domainId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: deeper, ref: 'f' },
    ]);
    const reach = { adBits: 12, layoutBits: 3, photoBits: 6, photoCropBits: 4 };
    expect((await counterpartProfiles(t.handle.db, cand, reach)).rows.map((r) => r.id)).toContain(siteProfile.id);
    expect((await counterpartProfiles(t.handle.db, siteProfile, reach)).rows.map((r) => r.id)).toContain(cand.id);
    // Saved as an ordinary window, the same hash is looked up within the crop reach only: not found.
    const asWindow = await saveProfile(t.handle.db, { siteId }, { pageCount: 1, data: {} }, [
      { kind: 'photo', value: original, ref: 'g' },
      { kind: 'photo-crop', value: step, ref: 'g' },
    ]);
    expect((await counterpartProfiles(t.handle.db, cand, reach)).rows.map((r) => r.id)).not.toContain(asWindow.id);
  });
});
