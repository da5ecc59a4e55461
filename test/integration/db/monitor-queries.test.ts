import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activeCandidateIds,
  bandNeighbours,
  bandsOf,
  capturesOfRun,
  confirmedAlertsToPromote,
  contactsOfDomain,
  countCaptures,
  decideAlert,
  domainsWithContact,
  failuresOfRun,
  findInterruptedRuns,
  findNearDuplicates,
  finishRun,
  getDomain,
  getSiteByName,
  insertCapture,
  insertFailure,
  latestProfile,
  latestUsefulCaptures,
  leaseOwner,
  listCandidates,
  listDnsEvents,
  listDomains,
  NotFoundError,
  promoteConfirmedClone,
  purgeExpiredLeases,
  recordContacts,
  recordDns,
  releaseLease,
  renewLease,
  saveProfile,
  startRun,
  syncSites,
  takeOverLease,
  tryAcquireLease,
  upsertAlert,
  upsertCandidates,
} from '../../../db/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const capture = (runId: string, domainId: number, url: string, features: Record<string, unknown> | null) => ({
  runId,
  domainId,
  requestedUrl: url,
  finalUrl: url,
  status: 200,
  timings: { navigationMs: 1, totalMs: 2 },
  mode: 'http',
  htmlSha256: 'a'.repeat(64),
  textSha256: 'b'.repeat(64),
  outlinks: { internal: [], external: [] },
  features,
  capturedAt: new Date('2026-11-01T10:00:00Z'),
});

describe.each(DB_KINDS)('monitor queries on %s', (kind) => {
  let t: TestDatabase;
  let siteId: number;
  let seedId: number;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await syncSites(t.handle.db, [
      {
        name: 'annonces-maison',
        status: 'convicted',
        caseRef: 'C-1',
        region: 'FR',
        notes: '',
        domains: ['annonces-maison.test'],
      },
    ]);
    const site = await getSiteByName(t.handle.db, 'annonces-maison');
    siteId = site.id;
    seedId = site.domains[0].id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('records candidates once, keeping the first source and first-seen time', async () => {
    const first = new Date('2026-11-01T00:00:00Z');
    const added = await upsertCandidates(
      t.handle.db,
      [
        {
          hostname: 'annonces-maison2.test',
          source: 'lookalike',
          sourceDetail: 'number of annonces-maison.test',
          originSiteId: siteId,
          plausibility: 0.9,
        },
        { hostname: 'annonces-maison.test', source: 'mention', sourceDetail: 'x' },
      ],
      first,
    );
    expect(added).toEqual(['annonces-maison2.test']);
    expect(
      await upsertCandidates(
        t.handle.db,
        [{ hostname: 'annonces-maison2.test', source: 'mention', sourceDetail: 'later' }],
        new Date('2026-11-02T00:00:00Z'),
      ),
    ).toEqual([]);
    const row = await getDomain(t.handle.db, 'annonces-maison2.test');
    expect(row.plausibility).toBeCloseTo(0.9, 5);
    expect([row.source, row.sourceDetail, row.firstSeenAt.toISOString(), row.lastSeenAt.toISOString()]).toEqual([
      'lookalike',
      'number of annonces-maison.test',
      '2026-11-01T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
    ]);
    expect((await getDomain(t.handle.db, 'annonces-maison.test')).role).toBe('seed');
    const listed = await listCandidates(t.handle.db, { source: 'lookalike' });
    expect(listed.map((c) => [c.hostname, c.originSite])).toEqual([['annonces-maison2.test', 'annonces-maison']]);
    expect(await listDomains(t.handle.db, { role: 'seed' })).toHaveLength(1);
    expect(await listDomains(t.handle.db, { hostnames: [] })).toEqual([]);
    await expect(getDomain(t.handle.db, 'unknown.test')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('keeps the DNS timeline: an event only when the state or the addresses change', async () => {
    const d = await getDomain(t.handle.db, 'annonces-maison2.test');
    expect(await recordDns(t.handle.db, d.id, { state: 'nxdomain', addresses: [] })).toBe(true);
    expect(await recordDns(t.handle.db, d.id, { state: 'nxdomain', addresses: [] })).toBe(false);
    expect(await recordDns(t.handle.db, d.id, { state: 'resolves', addresses: ['192.0.2.2', '192.0.2.1'] })).toBe(true);
    expect(await recordDns(t.handle.db, d.id, { state: 'resolves', addresses: ['192.0.2.1', '192.0.2.2'] })).toBe(
      false,
    );
    const events = await listDnsEvents(t.handle.db, d.id);
    expect(events.map((e) => [e.state, e.addresses])).toEqual([
      ['nxdomain', []],
      ['resolves', ['192.0.2.1', '192.0.2.2']],
    ]);
    expect((await listDomains(t.handle.db, { dnsState: 'resolves' })).map((x) => x.hostname)).toEqual([
      'annonces-maison2.test',
    ]);
  });

  it('stores runs, captures once per run and URL, failures, and finds interrupted runs', async () => {
    await startRun(t.handle.db, { id: 'run-1', siteId, domainId: seedId, mode: 'http', storageDir: '/tmp/x' });
    const a = await insertCapture(
      t.handle.db,
      capture('run-1', seedId, 'http://annonces-maison.test/', { pageType: 'other', ads: [], contacts: [] }),
    );
    const again = await insertCapture(t.handle.db, capture('run-1', seedId, 'http://annonces-maison.test/', null));
    expect(a.inserted).toBe(true);
    expect(again).toEqual({ id: a.id, inserted: false });
    // The same failure handed twice (a resumed run) is stored once.
    const failure = {
      runId: 'run-1',
      url: 'http://annonces-maison.test/x',
      depth: 1,
      reason: 'timeout',
      message: 'slow',
      status: null,
      at: new Date(),
    } as const;
    await insertFailure(t.handle.db, failure);
    await insertFailure(t.handle.db, failure);
    expect((await findInterruptedRuns(t.handle.db)).map((r) => r.id)).toEqual(['run-1']);
    await finishRun(t.handle.db, 'run-1', { status: 'done', pagesOk: 1, pagesFailed: 1, bytes: 10 });
    expect(await findInterruptedRuns(t.handle.db)).toEqual([]);
    expect(await capturesOfRun(t.handle.db, 'run-1')).toHaveLength(1);
    expect(await failuresOfRun(t.handle.db, 'run-1')).toHaveLength(1);
    expect(await countCaptures(t.handle.db)).toBe(1);
  });

  it('pages through active candidate ids in order, skipping seeds', async () => {
    await upsertCandidates(
      t.handle.db,
      ['page-a.example', 'page-b.example', 'page-c.example'].map((hostname) => ({
        hostname,
        source: 'import' as const,
        sourceDetail: 'paging test',
      })),
    );
    const all = (await listDomains(t.handle.db, { role: 'candidate', active: true }))
      .map((d) => d.id)
      .sort((a, b) => a - b);
    const pages: number[][] = [];
    for (let after = 0; ; ) {
      const ids = await activeCandidateIds(t.handle.db, after, 2);
      if (ids.length === 0) break;
      pages.push(ids);
      after = ids[ids.length - 1];
    }
    expect(pages.flat()).toEqual(all);
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(pages.flat()).not.toContain(seedId);
  });

  it('finds the newest run that describes a site, skipping one that only shows a seizure page', async () => {
    await startRun(t.handle.db, { id: 'run-2', siteId, domainId: seedId, mode: 'http' });
    await insertCapture(t.handle.db, {
      ...capture('run-2', seedId, 'http://annonces-maison.test/', { pageType: 'listing', ads: [1], contacts: [] }),
      capturedAt: new Date('2026-11-02T00:00:00Z'),
    });
    await startRun(t.handle.db, { id: 'run-3', siteId, domainId: seedId, mode: 'http' });
    await insertCapture(t.handle.db, {
      ...capture('run-3', seedId, 'http://annonces-maison.test/', { pageType: 'other', ads: [], contacts: [] }),
      capturedAt: new Date('2026-11-03T00:00:00Z'),
    });
    const useful = await latestUsefulCaptures(t.handle.db, [seedId], (rows) =>
      rows.some((r) => (r.features as { pageType: string }).pageType !== 'other'),
    );
    expect(useful.map((r) => r.runId)).toEqual(['run-2']);
  });

  it('records contacts per domain with the first capture, and finds where a number appears', async () => {
    const [c] = await capturesOfRun(t.handle.db, 'run-2');
    await recordContacts(t.handle.db, seedId, c.id, [
      { kind: 'phone', value: '+33639980123' },
      { kind: 'phone', value: '+33639980123' },
      { kind: 'email', value: 'a@b.example' },
    ]);
    await recordContacts(
      t.handle.db,
      seedId,
      c.id,
      [{ kind: 'phone', value: '+33639980123' }],
      new Date('2026-12-01T00:00:00Z'),
    );
    const list = await contactsOfDomain(t.handle.db, seedId);
    expect(list.map((x) => [x.kind, x.value])).toEqual([
      ['email', 'a@b.example'],
      ['phone', '+33639980123'],
    ]);
    expect(list[1].lastSeenAt.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect((await domainsWithContact(t.handle.db, 'phone', '+33639980123')).map((r) => r.domainId)).toEqual([seedId]);
  });

  it('stores profiles (the latest replaces the previous) and finds near-duplicate fingerprints through the bands', async () => {
    const v = 0x0123456789abcdefn;
    const p1 = await saveProfile(t.handle.db, { siteId }, { pageCount: 3, data: { v: 1 } }, [
      { kind: 'ad', value: v, ref: 'ad-1' },
    ]);
    const p2 = await saveProfile(t.handle.db, { siteId }, { pageCount: 4, data: { v: 2 } }, [
      { kind: 'ad', value: v ^ 0b101n, ref: 'ad-2' },
      { kind: 'ad', value: 0xffffffffffffffffn, ref: 'ad-3' },
      { kind: 'layout-all', value: v, ref: '' },
    ]);
    expect((await latestProfile(t.handle.db, { siteId }))?.id).toBe(p2.id);
    expect(p1.id).not.toBe(p2.id);
    const near = await findNearDuplicates(t.handle.db, 'ad', v, 3);
    expect(near.map((n) => [n.ref, n.distance]).sort()).toEqual([
      ['ad-1', 0],
      ['ad-2', 2],
    ]);
    const top = await findNearDuplicates(t.handle.db, 'ad', 0xfffffffffffffffen, 1);
    expect(top.map((n) => [n.ref, n.value])).toEqual([['ad-3', 0xffffffffffffffffn]]);
    expect(bandsOf(0n)).toEqual([-32768, -32768, -32768, -32768]);
    await expect(findNearDuplicates(t.handle.db, 'ad', v, 65)).rejects.toThrow(RangeError);
  });

  it('finds ad fingerprints up to 12 bits apart through the bands, spread over every band, and none further', async () => {
    const base = 0x5a5a_1234_9876_f0f0n;
    // 12 bits flipped three per band (the worst case for the pigeonhole: no band is exact), and 13 bits.
    const spread12 = [0, 1, 2, 16, 17, 18, 32, 33, 34, 48, 49, 50].reduce((x, b) => x ^ (1n << BigInt(b)), base);
    const spread13 = spread12 ^ (1n << 60n);
    await saveProfile(t.handle.db, { siteId }, { pageCount: 1, data: { v: 3 } }, [
      { kind: 'ad', value: spread12, ref: 'twelve' },
      { kind: 'ad', value: spread13, ref: 'thirteen' },
    ]);
    const found = await findNearDuplicates(t.handle.db, 'ad', base, 12);
    expect(found.map((n) => [n.ref, n.distance])).toEqual([['twelve', 12]]);
    expect((await findNearDuplicates(t.handle.db, 'ad', base, 13)).map((n) => n.ref).sort()).toEqual([
      'thirteen',
      'twelve',
    ]);
    // Past 19 bits the kind is scanned rather than looked up, with the same answer.
    expect((await findNearDuplicates(t.handle.db, 'ad', base, 20)).map((n) => n.ref).sort()).toEqual([
      'thirteen',
      'twelve',
    ]);
  });

  it('lists every 16-bit band value within a radius, once each', () => {
    const around = bandNeighbours(-32768, 3);
    expect(around).toHaveLength(1 + 16 + 120 + 560);
    expect(new Set(around).size).toBe(around.length);
    expect(around.every((b) => b >= -32768 && b <= 32767)).toBe(true);
    expect(bandNeighbours(100, 0)).toEqual([100]);
  });

  it('leases: one owner at a time, renewed, released, expired, taken over from a dead owner', async () => {
    expect(await tryAcquireLease(t.handle.db, 'site:1', 'a', 60_000)).toBe(true);
    expect(await tryAcquireLease(t.handle.db, 'site:1', 'b', 60_000)).toBe(false);
    expect(await renewLease(t.handle.db, 'site:1', 'a', 60_000)).toBe(true);
    expect(await renewLease(t.handle.db, 'site:1', 'b', 60_000)).toBe(false);
    expect((await leaseOwner(t.handle.db, 'site:1'))?.owner).toBe('a');
    expect(await takeOverLease(t.handle.db, 'site:1', 'a', 'c', 60_000)).toBe(true);
    await releaseLease(t.handle.db, 'site:1', 'c');
    expect(await tryAcquireLease(t.handle.db, 'site:1', 'b', -1)).toBe(true);
    expect(await tryAcquireLease(t.handle.db, 'site:1', 'd', 60_000)).toBe(true);
    await purgeExpiredLeases(t.handle.db, new Date(Date.now() + 120_000));
    expect(await leaseOwner(t.handle.db, 'site:1')).toBeNull();
  });

  it('promotes a confirmed clone to a monitored site once', async () => {
    const cand = await getDomain(t.handle.db, 'annonces-maison2.test');
    const { alert } = await upsertAlert(t.handle.db, {
      siteId,
      candidateDomainId: cand.id,
      verdict: 'clone',
      score: 0.9,
      signals: {},
      evidence: [],
      explanation: [],
    });
    expect(await confirmedAlertsToPromote(t.handle.db)).toEqual([]);
    await decideAlert(t.handle.db, alert!.id, { status: 'confirmed', reviewer: 'analyst', note: 'ok' });
    expect(await confirmedAlertsToPromote(t.handle.db)).toEqual([alert!.id]);
    expect(await promoteConfirmedClone(t.handle.db, alert!.id)).toBe('annonces-maison2-test');
    expect(await promoteConfirmedClone(t.handle.db, alert!.id)).toBeNull();
    const promoted = await getSiteByName(t.handle.db, 'annonces-maison2-test');
    expect([promoted.status, promoted.caseRef, promoted.origin, promoted.domains.map((d) => d.role)]).toEqual([
      'suspected',
      'C-1',
      'promoted',
      ['seed'],
    ]);
  });
});
