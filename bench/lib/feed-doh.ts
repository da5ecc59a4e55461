/**
 * The production DNS path of `bench:feed`, on this machine: several DNS-over-HTTPS endpoints that answer from the
 * day's zone with a realistic latency (20–80 ms), 1 % SERVFAIL and a few slow answers (0.5 % at 0.8–1.5 s),
 * reachable only through a local SOCKS5 proxy (20–80 ms per connection) that also carries the crawls (any address on port 80 reaches the
 * day's virtual-host server, which serves by Host header). The monitored sites' own hosts stay on the host map.
 */
import { createRng } from '../../sitegen/index.ts';
import { type DohServer, startDohServer } from '../../test/helpers/doh-server.ts';
import { type RecordingSocks, startRecordingSocks } from '../../test/helpers/socks-server.ts';
import type { Day } from './feed-day.ts';

export interface DohPath {
  proxyUrl: string;
  dohUrls: string[];
  /** Host map of the hosts that are not the day's names (the demo's monitored sites and its snapshot). */
  hostMap: Record<string, string>;
  /** DoH questions answered, and connections the proxy carried (to the DoH endpoints and to sites). */
  counts(): { dohQuestions: number; dohConnections: number; proxied: number };
  close(): Promise<void>;
}

export interface DohPathOptions {
  endpoints: number;
  servfailShare: number;
  seed?: number;
}

export async function startDohPath(day: Day, options: DohPathOptions): Promise<DohPath> {
  const dayNames = new Set(day.names);
  const served = new Set(Object.keys(day.running.hostMap));
  // Seeded, so two runs of the bench draw the same latencies and failures.
  const rng = createRng(options.seed ?? 20261206);
  const random = () => rng.next();
  const delayMs = () => (random() < 0.005 ? 800 + random() * 700 : 20 + random() * 60);
  const records = (name: string) => (served.has(name) ? '127.0.0.1' : undefined);
  const servers: DohServer[] = [];
  for (let i = 0; i < options.endpoints; i++)
    servers.push(await startDohServer(records, { delayMs, servfailShare: options.servfailShare, random }));
  const [vhostHost, vhostPort] = [day.running.address, day.running.port];
  const socks: RecordingSocks = await startRecordingSocks(
    (host, port) => {
      const doh = /^doh-(\d+)\.example$/.exec(host);
      if (doh && port === 80) return { host: '127.0.0.1', port: servers[Number(doh[1])].port };
      if (host === '127.0.0.1' && port === 80) return { host: vhostHost, port: vhostPort };
      return null;
    },
    '127.0.0.1',
    () => 20 + random() * 60,
  );
  const hostMap = Object.fromEntries(Object.entries(day.running.hostMap).filter(([h]) => !dayNames.has(h)));
  return {
    proxyUrl: socks.url,
    dohUrls: servers.map((_, i) => `http://doh-${i}.example/dns-query`),
    hostMap,
    counts: () => ({
      dohQuestions: servers.reduce((n, s) => n + s.asked.length, 0),
      dohConnections: servers.reduce((n, s) => n + s.connections, 0),
      proxied: socks.asked.length,
    }),
    close: async () => {
      await socks.close();
      for (const s of servers) await s.close();
    },
  };
}
