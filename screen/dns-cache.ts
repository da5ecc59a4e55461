/**
 * Stage 1 of screening: does the name exist? One A query (AAAA only when A has no data), answers and negative
 * answers cached within their TTL (bounded by maxTtl; negative ones by negativeTtl), SERVFAIL and timeouts never
 * cached and never taken as "exists", a rate limit per resolver, resolvers used in turn.
 */
import { promises as dns } from 'node:dns';

export type ScreenDnsState = 'resolves' | 'nxdomain' | 'nodata' | 'failed';

export interface ScreenDnsAnswer {
  state: ScreenDnsState;
  addresses: string[];
  /** For failures: what went wrong, in plain words. */
  detail: string | null;
  cached: boolean;
}

export interface DnsCacheOptions {
  servers?: readonly string[];
  timeoutMs: number;
  tries: number;
  ratePerSecond: number;
  negativeTtlSeconds: number;
  maxTtlSeconds: number;
  /** Entries kept at most (oldest dropped first), so the cache's memory is bounded on a multi-million-name day. */
  maxEntries?: number;
  now?: () => number;
  /**
   * The crawler's own resolver (DNS-over-HTTPS through the proxy when `dns.dohUrl` is set): with it, screening asks
   * exactly where crawls ask, and the unit's resolver never hears a suspect's name. Its answers carry no TTL, so
   * they are kept `viaResolverTtlSeconds` (default 300).
   */
  resolver?: { resolve4(name: string): Promise<string[]>; resolve6(name: string): Promise<string[]> };
  /** The resolver applies its own per-endpoint rate limit (DoH with several endpoints): no limit added here. */
  resolverLimitsItself?: boolean;
  viaResolverTtlSeconds?: number;
}

/** What the cache asks of a resolver: node's dns.Resolver, or the crawler's resolver through an adapter. */
interface TtlResolver {
  resolve4(name: string, o: { ttl: true }): Promise<{ address: string; ttl: number }[]>;
  resolve6(name: string, o: { ttl: true }): Promise<{ address: string; ttl: number }[]>;
}

export interface DnsCache {
  lookup(name: string): Promise<ScreenDnsAnswer>;
  stats: { queries: number; hits: number; size: number };
}

interface Entry {
  state: Exclude<ScreenDnsState, 'failed'>;
  addresses: string[];
  expires: number;
}

/** A token bucket: at most `rate` starts per second, smoothed. */
function createLimiter(rate: number, now: () => number) {
  let next = now();
  const gap = 1000 / rate;
  return async () => {
    const t = now();
    const start = Math.max(t, next);
    next = start + gap;
    if (start > t) await new Promise((resolve) => setTimeout(resolve, start - t));
  };
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'UNKNOWN';

export function createDnsCache(options: DnsCacheOptions): DnsCache {
  const now = options.now ?? Date.now;
  const servers = options.servers && options.servers.length > 0 ? [...options.servers] : [null];
  const shared = options.resolver;
  const fixedTtl = options.viaResolverTtlSeconds ?? 300;
  const resolvers: { resolver: TtlResolver; limit: () => Promise<void> }[] = shared
    ? [
        {
          resolver: {
            resolve4: async (name) => (await shared.resolve4(name)).map((address) => ({ address, ttl: fixedTtl })),
            resolve6: async (name) => (await shared.resolve6(name)).map((address) => ({ address, ttl: fixedTtl })),
          },
          limit: options.resolverLimitsItself ? async () => {} : createLimiter(options.ratePerSecond, now),
        },
      ]
    : servers.map((server) => {
        const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: Math.max(1, options.tries) });
        if (server) resolver.setServers([server]);
        return { resolver, limit: createLimiter(options.ratePerSecond, now) };
      });
  const cache = new Map<string, Entry>();
  const maxEntries = options.maxEntries ?? 500_000;
  const stats = { queries: 0, hits: 0, size: 0 };
  let turn = 0;

  const ask = async <T>(run: (r: TtlResolver) => Promise<T>): Promise<T> => {
    const chosen = resolvers[turn++ % resolvers.length];
    await chosen.limit();
    stats.queries++;
    return run(chosen.resolver);
  };
  const store = (name: string, entry: Omit<Entry, 'expires'>, ttlSeconds: number) => {
    if (ttlSeconds <= 0) return;
    cache.delete(name);
    cache.set(name, { ...entry, expires: now() + ttlSeconds * 1000 });
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    stats.size = cache.size;
  };
  const failed = (error: unknown): ScreenDnsAnswer => {
    const c = code(error);
    const detail =
      c === 'ESERVFAIL'
        ? 'the DNS server could not answer (SERVFAIL); this says nothing about registration'
        : c === 'ETIMEOUT'
          ? 'no DNS answer in time; this says nothing about registration'
          : `the DNS query failed (${c})`;
    return { state: 'failed', addresses: [], detail, cached: false };
  };

  return {
    stats,
    async lookup(name) {
      const hit = cache.get(name);
      if (hit && hit.expires > now()) {
        stats.hits++;
        return { state: hit.state, addresses: hit.addresses, detail: null, cached: true };
      }
      const negative = Math.min(options.negativeTtlSeconds, options.maxTtlSeconds);
      try {
        const a = await ask((r) => r.resolve4(name, { ttl: true }));
        if (a.length > 0) {
          const ttl = Math.min(options.maxTtlSeconds, ...a.map((x) => x.ttl));
          const addresses = a.map((x) => x.address);
          store(name, { state: 'resolves', addresses }, ttl);
          return { state: 'resolves', addresses, detail: null, cached: false };
        }
      } catch (error) {
        if (code(error) === 'ENOTFOUND') {
          store(name, { state: 'nxdomain', addresses: [] }, negative);
          return { state: 'nxdomain', addresses: [], detail: null, cached: false };
        }
        if (code(error) !== 'ENODATA') return failed(error);
      }
      try {
        const aaaa = await ask((r) => r.resolve6(name, { ttl: true }));
        if (aaaa.length > 0) {
          const ttl = Math.min(options.maxTtlSeconds, ...aaaa.map((x) => x.ttl));
          const addresses = aaaa.map((x) => x.address);
          store(name, { state: 'resolves', addresses }, ttl);
          return { state: 'resolves', addresses, detail: null, cached: false };
        }
      } catch (error) {
        if (code(error) !== 'ENODATA' && code(error) !== 'ENOTFOUND') return failed(error);
      }
      store(name, { state: 'nodata', addresses: [] }, negative);
      return { state: 'nodata', addresses: [], detail: null, cached: false };
    },
  };
}
