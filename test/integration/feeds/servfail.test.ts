/**
 * SERVFAIL is never taken as "exists": the screening DNS cache (against a local UDP DNS server, and through an
 * injected resolver as the DoH transport is) reports it as a failure, never caches it and asks again next time;
 * in a screening run the name gets `dns-failed` with its reason, is not fetched, and is due again later.
 */
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { dueForScreening, listCandidates } from '../../../db/index.ts';
import { createDnsServer, type DnsServer } from '../../../demo/index.ts';
import { ingestFeed } from '../../../feeds/index.ts';
import { createDnsCache, screenDue } from '../../../screen/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const FAILING = 'panne-dns.example';
const LIVE = 'vitrine.example';
const SILENT = 'muet.example';

describe('SERVFAIL in screening', () => {
  let dns: DnsServer;
  let t: TestDatabase;
  beforeAll(async () => {
    dns = await createDnsServer({
      records: { [LIVE]: { A: ['192.0.2.10'] } },
      servfail: [FAILING],
      timeout: [SILENT],
    });
    t = await createTestDatabase('embedded');
  });
  afterAll(async () => {
    await dns?.close();
    await t?.drop();
  });

  const cacheOptions = {
    timeoutMs: 300,
    tries: 1,
    ratePerSecond: 1000,
    negativeTtlSeconds: 3600,
    maxTtlSeconds: 86_400,
  };
  const asked = (name: string) => dns.queries.filter((q) => q.name === name).length;

  it('reports SERVFAIL and timeouts as failures, never cached, and caches real answers', async () => {
    const cache = createDnsCache({ ...cacheOptions, servers: [dns.server] });
    const first = await cache.lookup(FAILING);
    expect(first).toMatchObject({ state: 'failed', addresses: [], cached: false });
    expect(first.detail).toMatch(/SERVFAIL.*says nothing about registration/);
    const before = asked(FAILING);
    expect(await cache.lookup(FAILING)).toMatchObject({ state: 'failed', cached: false });
    expect(asked(FAILING)).toBeGreaterThan(before);

    expect((await cache.lookup(SILENT)).detail).toMatch(/no DNS answer in time/);
    expect(await cache.lookup(LIVE)).toMatchObject({ state: 'resolves', addresses: ['192.0.2.10'] });
    expect(await cache.lookup('jamais-vu.example')).toMatchObject({ state: 'nxdomain', cached: false });
    const seen = dns.queries.length;
    expect(await cache.lookup(LIVE)).toMatchObject({ state: 'resolves', cached: true });
    expect(await cache.lookup('jamais-vu.example')).toMatchObject({ state: 'nxdomain', cached: true });
    expect(dns.queries.length).toBe(seen);
    expect(cache.stats.size).toBe(2);
  });

  it('asks again after a SERVFAIL and believes the next real answer (resolver of the DoH transport)', async () => {
    let calls = 0;
    const servfail = Object.assign(new Error('the DoH server answered SERVFAIL'), { code: 'ESERVFAIL' });
    const cache = createDnsCache({
      ...cacheOptions,
      resolver: {
        resolve4: async () => {
          calls++;
          if (calls === 1) throw servfail;
          return ['192.0.2.20'];
        },
        resolve6: async () => [],
      },
    });
    expect(await cache.lookup(FAILING)).toMatchObject({ state: 'failed' });
    expect(await cache.lookup(FAILING)).toMatchObject({ state: 'resolves', addresses: ['192.0.2.20'], cached: false });
    expect(calls).toBe(2);
  });

  it('stores dns-failed with its reason, fetches nothing, and screens the name again later', async () => {
    const config = parseConfig(
      [
        'crawler:',
        '  mode: http',
        '  allowPrivateTargets: true',
        'dns:',
        `  servers: ["${dns.server}"]`,
        '  timeoutMs: 300',
        'screen:',
        '  rescreenHours: 1',
        '',
      ].join('\n'),
    );
    const ctx = { config, db: t.handle.db, logger: pino({ level: 'silent' }) };
    await ingestFeed(Readable.from([`${FAILING}\n`]), { db: ctx.db, source: 'file:t', detail: 't' });

    const first = await screenDue(ctx, { profiles: [] });
    expect(first).toMatchObject({ names: 1, resolving: 0, fetched: 0, escalated: 0, byState: { 'dns-failed': 1 } });
    const [row] = await listCandidates(ctx.db, { source: 'feed' });
    expect(row).toMatchObject({ screenState: 'dns-failed', dnsState: 'servfail', active: false, screenCount: 1 });
    expect(row.screenReason).toMatch(/SERVFAIL/);
    const next = row.nextScreenAt?.getTime() ?? 0;
    expect(next - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(next - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    // Not due now; due once its time has come, and screened again then (with a longer wait after).
    expect(await dueForScreening(ctx.db, 10)).toEqual([]);
    expect((await dueForScreening(ctx.db, 10, new Date(next + 1))).map((n) => n.hostname)).toEqual([FAILING]);
    const before = asked(FAILING);
    // The hour has passed.
    await t.handle.db.execute(sql`update domains set next_screen_at = now() - interval '1 second'`);
    expect(await screenDue(ctx, { profiles: [] })).toMatchObject({ names: 1, byState: { 'dns-failed': 1 } });
    expect(asked(FAILING)).toBeGreaterThan(before);
    const [again] = await listCandidates(ctx.db, { source: 'feed' });
    expect(again.screenCount).toBe(2);
    expect((again.nextScreenAt?.getTime() ?? 0) - Date.now()).toBeGreaterThan(110 * 60_000);
  });
});
