/**
 * The DoH resolver through a SOCKS5 proxy keeps its connections: a day of questions costs a few proxied
 * connections, not one per question; a SERVFAIL is tried again (on the next endpoint) and answered; several
 * endpoints share the questions; the crawl's address cache asks each name once and survives a flaky resolver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAddressCache, createNameResolver } from '../../../crawler/index.ts';
import { type DohServer, startDohServer } from '../../helpers/doh-server.ts';
import { type RecordingSocks, startRecordingSocks } from '../../helpers/socks-server.ts';

const records = (name: string) => (name.startsWith('live-') ? '192.0.2.10' : undefined);

describe('DNS-over-HTTPS with kept-alive connections through the proxy', () => {
  let one: DohServer;
  let two: DohServer;
  let socks: RecordingSocks;

  beforeAll(async () => {
    one = await startDohServer(records, { delayMs: () => 5, servfailFirst: ['live-flaky.example'] });
    two = await startDohServer(records, { delayMs: () => 5 });
    socks = await startRecordingSocks((host, port) =>
      port === 80 && host === 'doh-one.example'
        ? { host: '127.0.0.1', port: one.port }
        : port === 80 && host === 'doh-two.example'
          ? { host: '127.0.0.1', port: two.port }
          : null,
    );
  });
  afterAll(async () => {
    await socks.close();
    await one.close();
    await two.close();
  });

  it('answers 200 questions over a handful of proxied connections, shared by two endpoints', async () => {
    const resolver = createNameResolver({
      dohUrl: ['http://doh-one.example/dns-query', 'http://doh-two.example/dns-query'],
      proxyUrl: socks.url,
      timeoutMs: 2000,
      tries: 2,
      maxConnectionsPerEndpoint: 3,
    });
    const before = socks.asked.length;
    const names = Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? `live-${i}.example` : `absent-${i}.example`));
    const results = await Promise.allSettled(names.map((n) => resolver.resolve4(n)));
    resolver.close?.();
    results.forEach((r, i) => {
      if (i % 4 === 0) expect(r).toEqual({ status: 'fulfilled', value: ['192.0.2.10'] });
      else expect((r as PromiseRejectedResult).reason.code).toBe('ENOTFOUND');
    });
    const proxied = socks.asked.length - before;
    expect(proxied).toBeLessThanOrEqual(6); // 3 per endpoint at most, instead of 200
    expect(resolver.stats).toMatchObject({ queries: 200, connections: proxied });
    expect(one.asked.length).toBeGreaterThan(50);
    expect(two.asked.length).toBeGreaterThan(50);
  });

  it('tries a SERVFAIL again and gets the answer', async () => {
    const resolver = createNameResolver({
      dohUrl: 'http://doh-one.example/dns-query',
      proxyUrl: socks.url,
      timeoutMs: 2000,
      tries: 3,
      retryBackoffMs: 10,
    });
    expect(await resolver.resolve4('live-flaky.example')).toEqual(['192.0.2.10']);
    expect(resolver.stats?.retries).toBe(1);
    resolver.close?.();
  });

  it('the crawl’s address cache asks once per name and tries a flaky resolver again', async () => {
    const flaky = await startDohServer(records, { servfailFirst: ['live-a.example', 'live-b.example'] });
    const resolver = createNameResolver({ dohUrl: `http://127.0.0.1:${flaky.port}/q`, timeoutMs: 2000, tries: 1 });
    const resolve = createAddressCache(resolver, { backoffMs: 10 });
    const answers = await Promise.all(['live-a.example', 'live-a.example', 'live-b.example'].map(resolve));
    expect(answers).toEqual([['192.0.2.10'], ['192.0.2.10'], ['192.0.2.10']]);
    expect(await resolve('live-a.example')).toEqual(['192.0.2.10']);
    await expect(resolve('absent.example')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    // live-a: one SERVFAIL then one answer, shared by both callers and the later one.
    expect(flaky.asked.filter((a) => a === 'live-a.example A')).toHaveLength(2);
    resolver.close?.();
    await flaky.close();
  });

  it('a resolver that keeps failing loses the page with a DNS failure, not "does not exist"', async () => {
    const down = await startDohServer(records, { servfailShare: 1 });
    const resolver = createNameResolver({ dohUrl: `http://127.0.0.1:${down.port}/q`, timeoutMs: 2000, tries: 1 });
    const resolve = createAddressCache(resolver, { tries: 3, backoffMs: 5 });
    await expect(resolve('live-c.example')).rejects.toMatchObject({
      code: 'ESERVFAIL',
      message: expect.stringMatching(/after 3 tries.*may well exist/),
    });
    resolver.close?.();
    await down.close();
  });
});
