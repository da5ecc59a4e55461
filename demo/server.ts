/**
 * Starts the demo universe on loopback: one HTTP server for every live host (virtual hosts by Host
 * header) and an authoritative DNS server for the universe's names.
 *
 * The host map lists the live hosts by exact name rather than `*.test`: discovery counts a host-mapped
 * name as resolving without asking DNS, so a wildcard would make every one of the ~300 lookalike names
 * "registered" and send the cycle crawling them all. With exact names, unregistered lookalikes reach the
 * DNS server and come back NXDOMAIN, the parked one NODATA, the failing ones SERVFAIL or timeout.
 */
import { createDnsServer, type DnsRecordSet, type DnsServer } from './dns-server.ts';
import { renderUniverse } from './render.ts';
import { DEMO_UNIVERSE, type Universe } from './universe.ts';
import { startVhostServer, type VhostServer } from './vhost-server.ts';

export interface StartUniverseOptions {
  /** HTTP port (default 0: chosen by the system). */
  port?: number;
  universe?: Universe;
}

export interface RunningUniverse {
  universe: Universe;
  /** The HTTP server's port on 127.0.0.1. */
  port: number;
  address: string;
  /** Exact live hostname → `127.0.0.1:PORT`, for `crawler.hostMap` and `checkDomains`. */
  hostMap: Record<string, string>;
  dns: DnsServer;
  /** `127.0.0.1:PORT` of the DNS server, for `dns.servers`. */
  dnsServer: string;
  /** Same as universe.monitoredSites (for demoConfigYaml). */
  monitoredSites: Universe['monitoredSites'];
  affixes: string[];
  liveHosts: string[];
  http: VhostServer;
  /** `http://host/path` — the URL the crawler should be given (resolved through the host map). */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

/** The universe's DNS zone: live hosts → 127.0.0.1 (with NS/MX like real sites), the DNS-only names as declared. */
export function universeDnsRecords(universe: Universe): {
  records: Record<string, DnsRecordSet>;
  servfail: string[];
  timeout: string[];
} {
  const records: Record<string, DnsRecordSet> = {};
  for (const { host } of universe.hosts) {
    records[host] = { A: ['127.0.0.1'], NS: [`ns1.${host}`], MX: [{ exchange: `mx.${host}`, priority: 10 }] };
  }
  const servfail: string[] = [];
  const timeout: string[] = [];
  for (const name of universe.dnsOnly) {
    if (name.answer === 'nodata')
      records[name.host] = { NS: [`ns1.${name.host}`], MX: [{ exchange: `mx.${name.host}`, priority: 10 }] };
    if (name.answer === 'servfail') servfail.push(name.host);
    if (name.answer === 'timeout') timeout.push(name.host);
  }
  return { records, servfail, timeout };
}

export async function startUniverse(options: StartUniverseOptions = {}): Promise<RunningUniverse> {
  const universe = options.universe ?? DEMO_UNIVERSE;
  const http = await startVhostServer(renderUniverse(universe), { port: options.port ?? 0 });
  // The ad photos are made before anyone crawls: sharp shares libuv's thread pool with DNS lookups and file I/O,
  // and photos made during a crawl slowed the pages down enough to time out on a loaded machine.
  for (const content of http.hosts.values()) for (const file of content.files?.values() ?? []) await file.bytes();
  let dns: DnsServer;
  try {
    dns = await createDnsServer(universeDnsRecords(universe));
  } catch (error) {
    await http.close();
    throw error;
  }
  const liveHosts = universe.hosts.map((h) => h.host);
  return {
    universe,
    port: http.port,
    address: http.address,
    hostMap: Object.fromEntries(liveHosts.map((h) => [h, `${http.address}:${http.port}`])),
    dns,
    dnsServer: dns.server,
    monitoredSites: universe.monitoredSites,
    affixes: universe.affixes,
    liveHosts,
    http,
    url: (host, path = '/') => `http://${host}${path}`,
    close: async () => {
      await Promise.all([http.close(), dns.close()]);
    },
  };
}
