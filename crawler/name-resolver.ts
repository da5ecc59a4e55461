/**
 * One name resolver for the whole unit: the DNS checks of seeds and candidates and the guard proxy ask the same one,
 * so both stages see the same answers. Three set-ups, from the config:
 *  - `dns.dohUrl`: DNS-over-HTTPS (RFC 8484, POST application/dns-message); with `crawler.proxyUrl` the DoH request
 *    itself goes through the upstream proxy, so neither the unit's resolver nor its network sees a suspect's name;
 *  - `dns.servers`: those servers, over plain DNS;
 *  - neither: the system's resolvers.
 * Errors carry the codes of node:dns (ENOTFOUND, ENODATA, ESERVFAIL, ETIMEOUT) whatever the transport, so callers
 * read one vocabulary.
 */
import { promises as dns } from 'node:dns';
import packet from 'dns-packet';
import { createDohTransport } from './doh-transport.ts';
import { parseUpstreamProxy } from './upstream-connect.ts';

export interface ResolverStats {
  /** DNS questions asked (each may take several tries). */
  queries: number;
  /** Tries after a SERVFAIL, a timeout or a broken connection. */
  retries: number;
  /** Connections opened to DoH endpoints (through the proxy when there is one). */
  connections: number;
}

export interface NameResolver {
  /** Where the questions go, in plain words (logs, `phenix doctor`, the capture environment). */
  describe: string;
  /** True when the questions travel through the upstream proxy (the guard may then judge addresses itself). */
  throughProxy: boolean;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveNs(name: string): Promise<string[]>;
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
  /** Counters of the DoH transport (plain DNS has none). */
  stats?: ResolverStats;
  /** Closes kept-alive connections. */
  close?(): void;
}

export interface NameResolverOptions {
  /** Resolvers as `1.2.3.4`, `127.0.0.1:5353` or `[::1]:53`; the system's resolvers when absent. */
  servers?: readonly string[];
  /** DNS-over-HTTPS endpoint(s), used in turn; wins over `servers`. */
  dohUrl?: string | readonly string[];
  /** The upstream proxy the DoH requests go through. */
  proxyUrl?: string;
  timeoutMs: number;
  /** Tries per question; SERVFAIL, timeouts and broken connections are tried again after a growing backoff. */
  tries: number;
  /** First backoff between tries (doubled… tripled each time, with jitter). Default 200 ms. */
  retryBackoffMs?: number;
  /** DoH: connections kept open per endpoint (default 8). */
  maxConnectionsPerEndpoint?: number;
  /** DoH: questions started per second at most, per endpoint (default: no limit). */
  ratePerSecondPerEndpoint?: number;
}

/** The resolver settings themselves are wrong (e.g. a server that is not an IP address). */
export class DnsConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DnsConfigError';
  }
}

function dnsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * An answer that is no failure (the name does not exist, or has no record of that type), thrown in node:dns's way
 * but without a stack: nearly every name of a feed day ends here, and capturing a stack tripled the cost of each
 * (34 → 11 µs measured under tsx); nobody reads where an NXDOMAIN was thrown.
 */
function dnsAnswer(code: 'ENOTFOUND' | 'ENODATA', message: string): NodeJS.ErrnoException {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return dnsError(code, message);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function createNameResolver(options: NameResolverOptions): NameResolver {
  const doh = typeof options.dohUrl === 'string' ? [options.dohUrl] : (options.dohUrl ?? []);
  if (doh.length > 0) return createDohResolver(doh, options);
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: Math.max(1, options.tries) });
  if (options.servers && options.servers.length > 0) {
    try {
      resolver.setServers([...options.servers]);
    } catch {
      throw new DnsConfigError(
        `DNS servers ${JSON.stringify(options.servers)} are not valid; write IP addresses such as 1.2.3.4 or 127.0.0.1:5353.`,
      );
    }
  }
  return {
    describe: options.servers?.length ? `DNS servers ${options.servers.join(', ')}` : "the system's resolvers",
    throughProxy: false,
    resolve4: (name) => resolver.resolve4(name),
    resolve6: (name) => resolver.resolve6(name),
    resolveNs: (name) => resolver.resolveNs(name),
    resolveMx: (name) => resolver.resolveMx(name),
  };
}

/**
 * The addresses to connect to: A first, AAAA only when A has none (a connection needs one address; asking both
 * doubled the questions). ENOTFOUND-like errors when there is none.
 */
export async function resolveAddresses(resolver: NameResolver, name: string): Promise<string[]> {
  try {
    const v4 = await resolver.resolve4(name);
    if (v4.length > 0) return v4;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENODATA') throw error;
  }
  const v6 = await resolver.resolve6(name).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOTFOUND' ? error : dnsError('ENODATA', `${name} has no address`);
  });
  if (v6.length > 0) return v6;
  throw dnsError('ENODATA', `${name} has no address`);
}

/** A token bucket per endpoint: at most `rate` questions started per second, smoothed. */
function createLimiter(rate: number | undefined): () => Promise<void> {
  if (!rate || !Number.isFinite(rate)) return async () => {};
  let next = Date.now();
  const gap = 1000 / rate;
  return async () => {
    const t = Date.now();
    const start = Math.max(t, next);
    next = start + gap;
    if (start > t) await new Promise((resolve) => setTimeout(resolve, start - t));
  };
}

const RETRYABLE = new Set(['ESERVFAIL', 'ETIMEOUT', 'ECONNREFUSED', 'EBADRESP']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function createDohResolver(dohUrls: readonly string[], options: NameResolverOptions): NameResolver {
  const endpoints = dohUrls.map((dohUrl) => {
    let endpoint: URL;
    try {
      endpoint = new URL(dohUrl);
    } catch {
      throw new DnsConfigError(`dns.dohUrl "${dohUrl}" is not a URL (expected https://host/dns-query).`);
    }
    if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
      throw new DnsConfigError(`dns.dohUrl "${dohUrl}" must be an https:// URL.`);
    }
    return endpoint;
  });
  const upstream = options.proxyUrl ? parseUpstreamProxy(options.proxyUrl) : null;
  const transports = endpoints.map((endpoint) => ({
    transport: createDohTransport(endpoint, {
      upstream,
      timeoutMs: options.timeoutMs,
      maxConnections: options.maxConnectionsPerEndpoint ?? 8,
    }),
    limit: createLimiter(options.ratePerSecondPerEndpoint),
  }));
  const stats: ResolverStats = { queries: 0, retries: 0, connections: 0 };
  let turn = 0;
  const backoffMs = options.retryBackoffMs ?? 200;

  async function ask(name: string, type: 'A' | 'AAAA' | 'NS' | 'MX'): Promise<packet.Answer[]> {
    const query = packet.encode({
      type: 'query',
      id: 0, // RFC 8484 §4.1: id 0 keeps the request cacheable; nothing is matched on it over HTTP.
      flags: packet.RECURSION_DESIRED,
      questions: [{ type, name }],
    });
    stats.queries++;
    let lastError: NodeJS.ErrnoException | undefined;
    const tries = Math.max(1, options.tries);
    for (let attempt = 0; attempt < tries; attempt++) {
      if (attempt > 0) {
        stats.retries++;
        // Backoff with jitter; the next try goes to the next endpoint (another server may answer).
        await sleep(backoffMs * 3 ** (attempt - 1) * (0.5 + Math.random()));
      }
      const chosen = transports[turn++ % transports.length];
      await chosen.limit();
      let reply: packet.DecodedPacket;
      try {
        reply = packet.decode(await chosen.transport.exchange(query));
      } catch (error) {
        lastError = error as NodeJS.ErrnoException;
        if (!RETRYABLE.has(lastError.code ?? '')) lastError = dnsError('EBADRESP', lastError.message);
        continue;
      } finally {
        stats.connections = transports.reduce((n, t) => n + t.transport.stats.connections, 0);
      }
      const rcode = (reply as { rcode?: string }).rcode ?? 'NOERROR';
      if (rcode === 'NXDOMAIN') throw dnsAnswer('ENOTFOUND', `${name} does not exist`);
      if (rcode !== 'NOERROR') {
        lastError = dnsError('ESERVFAIL', `the DoH server answered ${rcode}`);
        continue;
      }
      const answers = (reply.answers ?? []).filter((a) => a.type === type);
      if (answers.length === 0) throw dnsAnswer('ENODATA', `${name} has no ${type} record`);
      return answers;
    }
    const code = lastError?.code === 'ETIMEOUT' || lastError?.code === 'ESERVFAIL' ? lastError.code : 'ECONNREFUSED';
    throw dnsError(code, `DoH query failed: ${lastError?.message ?? 'no answer'}`);
  }

  const data = (answers: packet.Answer[]) => answers.map((a) => String((a as { data: unknown }).data));
  const where = endpoints.map((e) => e.origin).join(', ');
  return {
    describe: `DNS-over-HTTPS ${where}${upstream ? ', through the proxy' : ''}`,
    throughProxy: upstream !== null,
    stats,
    close: () => {
      for (const t of transports) t.transport.close();
    },
    resolve4: async (name) => data(await ask(name, 'A')),
    resolve6: async (name) => data(await ask(name, 'AAAA')),
    resolveNs: async (name) => data(await ask(name, 'NS')),
    resolveMx: async (name) =>
      (await ask(name, 'MX')).map((a) => {
        const mx = (a as { data: { exchange: string; preference?: number } }).data;
        return { exchange: mx.exchange, priority: mx.preference ?? 0 };
      }),
  };
}

export interface AddressCacheOptions {
  /** Tries when the answer is SERVFAIL, a timeout or a broken connection (default 4). */
  tries?: number;
  /** First wait between tries (tripled each time, with jitter). Default 250 ms. */
  backoffMs?: number;
  /** How long found addresses are kept (default 300 s); names that do not exist are kept 60 s. */
  ttlMs?: number;
}

const TRANSIENT = new Set(['ESERVFAIL', 'ETIMEOUT', 'ECONNREFUSED', 'EBADRESP', 'EAI_AGAIN']);

/**
 * The guard's resolver for a crawl: every page of a site and every asset host asks again, so answers are kept
 * (and questions in flight shared); a SERVFAIL or a timeout is tried again with a growing backoff, so a flaky
 * resolver costs time, never pages. Only a name that still fails after the last try loses its page, with the
 * failure said as a DNS failure (not as a name that does not exist).
 */
export function createAddressCache(
  resolver: NameResolver,
  options: AddressCacheOptions = {},
): (name: string) => Promise<string[]> {
  const tries = Math.max(1, options.tries ?? 4);
  const backoffMs = options.backoffMs ?? 250;
  const ttlMs = options.ttlMs ?? 300_000;
  const known = new Map<string, { expires: number; addresses?: string[]; error?: unknown }>();
  const pending = new Map<string, Promise<string[]>>();
  const attempt = async (name: string): Promise<string[]> => {
    let last: unknown;
    for (let i = 0; i < tries; i++) {
      if (i > 0) await sleep(backoffMs * 3 ** (i - 1) * (0.5 + Math.random()));
      try {
        const addresses = await resolveAddresses(resolver, name);
        known.set(name, { expires: Date.now() + ttlMs, addresses });
        return addresses;
      } catch (error) {
        last = error;
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (!TRANSIENT.has(code)) {
          known.set(name, { expires: Date.now() + Math.min(ttlMs, 60_000), error });
          throw error;
        }
      }
    }
    const code = (last as NodeJS.ErrnoException).code ?? 'ESERVFAIL';
    throw dnsError(code, `DNS failed for ${name} after ${tries} tries (${code}); the name may well exist`);
  };
  return (name) => {
    const hit = known.get(name);
    if (hit && hit.expires > Date.now())
      return hit.addresses ? Promise.resolve(hit.addresses) : Promise.reject(hit.error);
    const running = pending.get(name);
    if (running) return running;
    const p = attempt(name).finally(() => pending.delete(name));
    pending.set(name, p);
    return p;
  };
}
