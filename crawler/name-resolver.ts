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
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import packet from 'dns-packet';
import { connectThroughUpstream, parseUpstreamProxy } from './upstream-connect.ts';

export interface NameResolver {
  /** Where the questions go, in plain words (logs, `phenix doctor`, the capture environment). */
  describe: string;
  /** True when the questions travel through the upstream proxy (the guard may then judge addresses itself). */
  throughProxy: boolean;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  resolveNs(name: string): Promise<string[]>;
  resolveMx(name: string): Promise<{ exchange: string; priority: number }[]>;
}

export interface NameResolverOptions {
  /** Resolvers as `1.2.3.4`, `127.0.0.1:5353` or `[::1]:53`; the system's resolvers when absent. */
  servers?: readonly string[];
  /** DNS-over-HTTPS endpoint; wins over `servers`. */
  dohUrl?: string;
  /** The upstream proxy the DoH requests go through. */
  proxyUrl?: string;
  timeoutMs: number;
  tries: number;
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

export function createNameResolver(options: NameResolverOptions): NameResolver {
  if (options.dohUrl) return createDohResolver(options.dohUrl, options);
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

/** Every address of `name` (A and AAAA); ENOTFOUND-like errors when there is none. */
export async function resolveAddresses(resolver: NameResolver, name: string): Promise<string[]> {
  const [v4, v6] = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
  const found = [...(v4.status === 'fulfilled' ? v4.value : []), ...(v6.status === 'fulfilled' ? v6.value : [])];
  if (found.length > 0) return found;
  if (v4.status === 'rejected') throw v4.reason;
  throw dnsError('ENODATA', `${name} has no address`);
}

function createDohResolver(dohUrl: string, options: NameResolverOptions): NameResolver {
  let endpoint: URL;
  try {
    endpoint = new URL(dohUrl);
  } catch {
    throw new DnsConfigError(`dns.dohUrl "${dohUrl}" is not a URL (expected https://host/dns-query).`);
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
    throw new DnsConfigError(`dns.dohUrl "${dohUrl}" must be an https:// URL.`);
  }
  const upstream = options.proxyUrl ? parseUpstreamProxy(options.proxyUrl) : null;
  const port = Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80));

  async function connect(): Promise<net.Socket> {
    const raw = upstream
      ? await connectThroughUpstream(upstream, endpoint.hostname, port, options.timeoutMs)
      : await new Promise<net.Socket>((ok, fail) => {
          const socket = net.connect({ host: endpoint.hostname, port });
          socket.once('connect', () => ok(socket));
          socket.once('error', fail);
        });
    if (endpoint.protocol === 'http:') return raw;
    return await new Promise<net.Socket>((ok, fail) => {
      const secure = tls.connect({
        socket: raw,
        servername: net.isIP(endpoint.hostname) ? undefined : endpoint.hostname,
      });
      secure.once('secureConnect', () => ok(secure));
      secure.once('error', fail);
    });
  }

  async function exchangeOnce(query: Buffer): Promise<Buffer> {
    const socket = await connect();
    return await new Promise<Buffer>((ok, fail) => {
      const request = http.request({
        method: 'POST',
        path: `${endpoint.pathname}${endpoint.search}`,
        headers: {
          host: endpoint.host,
          'content-type': 'application/dns-message',
          accept: 'application/dns-message',
          'content-length': query.length,
        },
        createConnection: () => socket,
      });
      const timer = setTimeout(() => request.destroy(dnsError('ETIMEOUT', 'no DoH answer in time')), options.timeoutMs);
      request.once('error', (error) => {
        clearTimeout(timer);
        socket.destroy();
        fail((error as NodeJS.ErrnoException).code === 'ETIMEOUT' ? error : dnsError('ECONNREFUSED', error.message));
      });
      request.once('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > 65_535) request.destroy(dnsError('EBADRESP', 'DoH answer too large'));
          else chunks.push(chunk);
        });
        res.once('end', () => {
          clearTimeout(timer);
          socket.destroy();
          if (res.statusCode !== 200) fail(dnsError('ESERVFAIL', `the DoH server answered HTTP ${res.statusCode}`));
          else ok(Buffer.concat(chunks));
        });
      });
      request.end(query);
    });
  }

  async function ask(name: string, type: 'A' | 'AAAA' | 'NS' | 'MX'): Promise<packet.Answer[]> {
    const query = packet.encode({
      type: 'query',
      id: 0, // RFC 8484 §4.1: id 0 keeps the request cacheable; nothing is matched on it over HTTP.
      flags: packet.RECURSION_DESIRED,
      questions: [{ type, name }],
    });
    let lastError: unknown;
    for (let attempt = 0; attempt < Math.max(1, options.tries); attempt++) {
      let reply: packet.DecodedPacket;
      try {
        reply = packet.decode(await exchangeOnce(query));
      } catch (error) {
        lastError = error;
        continue;
      }
      const rcode = (reply as { rcode?: string }).rcode ?? 'NOERROR';
      if (rcode === 'NXDOMAIN') throw dnsError('ENOTFOUND', `${name} does not exist`);
      if (rcode !== 'NOERROR') throw dnsError('ESERVFAIL', `the DoH server answered ${rcode}`);
      const answers = (reply.answers ?? []).filter((a) => a.type === type);
      if (answers.length === 0) throw dnsError('ENODATA', `${name} has no ${type} record`);
      return answers;
    }
    const code = (lastError as NodeJS.ErrnoException)?.code;
    throw dnsError(
      code === 'ETIMEOUT' ? 'ETIMEOUT' : 'ECONNREFUSED',
      `DoH query failed: ${(lastError as Error).message}`,
    );
  }

  const data = (answers: packet.Answer[]) => answers.map((a) => String((a as { data: unknown }).data));
  return {
    describe: `DNS-over-HTTPS ${endpoint.origin}${upstream ? ', through the proxy' : ''}`,
    throughProxy: upstream !== null,
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
