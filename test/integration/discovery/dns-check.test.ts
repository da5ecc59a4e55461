import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDomains, DnsConfigError } from '../../../crawler/discovery/index.ts';
import { createDnsServer, type DnsServer } from '../../../demo/dns-server.ts';

describe('checkDomains against a loopback DNS server', () => {
  let server: DnsServer;
  let slow: DnsServer;

  beforeAll(async () => {
    server = await createDnsServer({
      records: {
        'live.test': {
          A: ['127.0.0.1'],
          AAAA: ['::1'],
          NS: ['ns1.live.test'],
          MX: [{ exchange: 'mx.live.test', priority: 10 }],
        },
        'v6only.test': { AAAA: ['::1'] },
        'parked.test': { NS: ['ns1.parking.test'], MX: [{ exchange: 'mx.parking.test', priority: 5 }] },
      },
      servfail: ['broken.test'],
      timeout: ['silent.test'],
    });
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`n${i}.test`, { A: ['127.0.0.1'] }]));
    slow = await createDnsServer({ records: many, delayMs: 60 });
  });

  afterAll(async () => {
    await server?.close();
    await slow?.close();
  });

  const options = () => ({ servers: [server.server], timeoutMs: 250, tries: 1, concurrency: 4 });

  it('tells resolves, nxdomain, nodata, servfail and timeout apart', async () => {
    const names = ['live.test', 'v6only.test', 'parked.test', 'unknown.test', 'broken.test', 'silent.test'];
    const before = server.queries.length;
    const results = await checkDomains(names, options());
    const asked = (name: string) =>
      server.queries
        .slice(before)
        .filter((q) => q.name === name)
        .map((q) => q.type);
    expect(results.map((r) => [r.domain, r.state])).toEqual([
      ['live.test', 'resolves'],
      ['v6only.test', 'resolves'],
      ['parked.test', 'nodata'],
      ['unknown.test', 'nxdomain'],
      ['broken.test', 'servfail'],
      ['silent.test', 'timeout'],
    ]);
    const [live, v6, parked, , broken, silent] = results;
    // Only what the decision needs: a name that resolves costs its A question, one that does not exist too.
    expect(live).toMatchObject({ a: ['127.0.0.1'], aaaa: [], ns: [], mx: [], via: 'dns', detail: null });
    expect(asked('live.test')).toEqual(['A']);
    expect(asked('unknown.test')).toEqual(['A']);
    expect(v6.a).toEqual([]);
    expect(v6.aaaa).toEqual(['::1']);
    expect(asked('v6only.test')).toEqual(['A', 'AAAA']);
    // Registered but not serving: NS and MX are still recorded for the analyst.
    expect(parked).toMatchObject({ ns: ['ns1.parking.test'], mx: [{ exchange: 'mx.parking.test', priority: 5 }] });
    expect(broken.detail).toMatch(/says nothing about registration/);
    expect(silent.detail).toMatch(/no DNS answer in time/);
    expect(silent.durationMs).toBeGreaterThanOrEqual(200);
  });

  it('answers hostMap names without asking DNS', async () => {
    const before = server.queries.length;
    const [mapped, exact] = await checkDomains(['clone.universe.test', 'exact.example'], {
      ...options(),
      hostMap: { '*.universe.test': '127.0.0.1:4567', 'exact.example': '[::1]:81' },
    });
    expect(mapped).toMatchObject({ state: 'resolves', a: ['127.0.0.1'], aaaa: [], via: 'hostMap' });
    expect(exact).toMatchObject({ state: 'resolves', a: [], aaaa: ['::1'], via: 'hostMap' });
    expect(server.queries.length).toBe(before);
  });

  it('keeps at most `concurrency` names in flight and returns results in input order', async () => {
    const names = Array.from({ length: 12 }, (_, i) => `n${i}.test`);
    const results = await checkDomains(names, {
      servers: [slow.server],
      timeoutMs: 2000,
      tries: 1,
      concurrency: 3,
      withNsMx: false,
    });
    expect(results.map((r) => r.domain)).toEqual(names);
    expect(results.every((r) => r.state === 'resolves')).toBe(true);
    expect(slow.peakConcurrentNames()).toBe(3);
  });

  it('refuses resolver addresses that are not IPs, in plain words', async () => {
    await expect(checkDomains(['a.test'], { ...options(), servers: ['dns.example'] })).rejects.toThrow(DnsConfigError);
  });
});
