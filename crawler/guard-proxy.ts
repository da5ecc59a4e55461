/**
 * The guard proxy: a local HTTP proxy (127.0.0.1, random port) through which BOTH crawl modes send every request
 * (Crawlee proxyConfiguration → got-scraping in HTTP mode, Chromium's proxy server in browser mode). It owns:
 *  - hostMap: `*.test` names reach loopback ports with one mechanism in both modes;
 *  - the SSRF rule: it resolves each name itself, refuses private/loopback/link-local/metadata addresses (unless
 *    allowPrivateTargets) and connects to the exact address it checked, so DNS rebinding has no window; every
 *    redirect hop is a new request through the guard, so redirects are judged hop by hop for free;
 *  - the byte budget of plain-HTTP responses (streamed and counted, never buffered) and their redirects out of the
 *    web (file:, data:...), refused in both modes alike (guard-response.ts);
 *  - chaining to the operator's upstream proxy (http:// or socks5://); then names are resolved by the upstream, so
 *    the unit's resolver never asks the suspect's DNS servers; IP literals are still judged here.
 * A refusal answers 403/502 with an `x-phenix-guard: <reason>` header (plain HTTP) or fails the CONNECT, and is kept
 * in a small log the crawler reads to name the failure precisely.
 * Why a proxy rather than Chromium's --host-resolver-rules plus an http.Agent: one place holds the rule for both modes
 * and side fetches, sees every redirect hop, closes the rebinding window and chains the upstream proxy; it costs one
 * loopback hop (measured equal to the resolver-rules recipe).
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import net, { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { readHost } from '../lib/ip-literal.ts';
import { isPrivateAddress } from './address-policy.ts';
import { internalNameReason, isBrowserServiceHost } from './browser-service-hosts.ts';
import { refuseResponseHeaders } from './guard-response.ts';
import { authorityKey, compileHostMap, type HostMap, urlAuthority } from './host-map.ts';
import { connectThroughUpstream, parseUpstreamProxy } from './upstream-connect.ts';

export type GuardReason =
  | 'refused-private-address'
  | 'refused-browser-service'
  | 'dns'
  | 'too-large'
  | 'blocked-scheme'
  | 'network'
  | 'timeout';

export interface GuardRefusal {
  reason: GuardReason;
  message: string;
  at: number;
}

export interface GuardProxyOptions {
  hostMap?: HostMap;
  allowPrivateTargets: boolean;
  upstreamProxyUrl?: string;
  /** Byte budget of one plain-HTTP response. */
  maxResponseBytes: number;
  /** A response (or tunnel) is cut after this long; the crawler's own timeouts are shorter. */
  maxResponseMs: number;
  connectTimeoutMs?: number;
  /** Name resolution (tests inject one to play DNS rebinding); default: the system resolver, all addresses. */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * `resolve` asks through the upstream proxy (DNS-over-HTTPS via the proxy): names are then resolved and judged
   * here and the proxy is asked for the judged address. Otherwise, with an upstream, the proxy resolves names.
   */
  resolveThroughUpstream?: boolean;
}

export interface GuardProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** The most recent refusal of any kind since `since` (epoch ms): the best guess when a tunnel failed. */
  latestRefusal(since: number): GuardRefusal | null;
  /** The last refusal for this URL or its host:port, if any (and not older than `since`, epoch ms). */
  refusalFor(url: string, since?: number): GuardRefusal | null;
  /** The IP address the guard last connected to for this URL's host:port; null when it never did (or by name). */
  connectedAddress(url: string): string | null;
  /** `browserServices`: Chromium's own background requests refused (browser-service-hosts.ts). */
  stats: { connections: number; refused: number; bytes: number; browserServices: number };
  close(): Promise<void>;
}

export class GuardRefusalError extends Error {
  constructor(
    readonly reason: GuardReason,
    message: string,
  ) {
    super(message);
    this.name = 'GuardRefusalError';
  }
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);
const REFUSAL_LOG_SIZE = 2000;

async function systemResolve(hostname: string): Promise<string[]> {
  const found = await lookup(hostname, { all: true, verbatim: false });
  return found.map((a) => a.address);
}

export async function createGuardProxy(options: GuardProxyOptions): Promise<GuardProxy> {
  const mapHost = compileHostMap(options.hostMap);
  const upstream = options.upstreamProxyUrl ? parseUpstreamProxy(options.upstreamProxyUrl) : null;
  const resolve = options.resolve ?? systemResolve;
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const refusals = new Map<string, GuardRefusal>();
  const stats = { connections: 0, refused: 0, bytes: 0, browserServices: 0 };
  /** host:port as asked → the address last connected to for it (the records' WARC-IP-Address). */
  const connected = new Map<string, string>();
  const open = new Set<Duplex>();

  function remember(keys: string[], reason: GuardReason, message: string): void {
    if (reason === 'refused-browser-service') {
      // Not a page's failure: kept out of the log that names why pages failed.
      stats.browserServices++;
      return;
    }
    stats.refused++;
    for (const key of keys) {
      refusals.delete(key);
      refusals.set(key, { reason, message, at: Date.now() });
    }
    while (refusals.size > REFUSAL_LOG_SIZE) refusals.delete(refusals.keys().next().value as string);
  }

  function track<T extends Duplex>(stream: T): T {
    open.add(stream);
    stream.once('close', () => open.delete(stream));
    return stream;
  }

  /** Resolves a public name and refuses it when any answer is internal; the address to connect to. */
  async function resolveAndJudge(bare: string): Promise<string> {
    let addresses: string[];
    try {
      addresses = await resolve(bare);
    } catch (error) {
      throw new GuardRefusalError(
        'dns',
        `The name ${bare} does not resolve (${(error as NodeJS.ErrnoException).code ?? 'no answer'}).`,
      );
    }
    if (addresses.length === 0) throw new GuardRefusalError('dns', `The name ${bare} does not resolve.`);
    const internal = addresses.filter((a) => isPrivateAddress(a));
    if (!options.allowPrivateTargets && internal.length > 0) {
      throw new GuardRefusalError(
        'refused-private-address',
        `${bare} resolves to the internal address ${internal[0]}: refused.`,
      );
    }
    return addresses.find((a) => isIP(a) === 4) ?? addresses[0];
  }

  /** Judges host:port, then connects to the very address it judged. */
  async function connectGuarded(hostname: string, port: number): Promise<net.Socket> {
    // Read the host as a browser would: `0x7f.1` or `2130706433` is 127.0.0.1, never a name for the upstream.
    const reading = readHost(hostname);
    if (reading.kind === 'invalid') {
      throw new GuardRefusalError('dns', `${hostname} is neither a valid name nor a valid address.`);
    }
    const bare = reading.kind === 'ip' ? reading.address : reading.hostname;
    const mapped = mapHost(bare, port);
    let address: string;
    let targetPort = port;
    if (mapped) {
      targetPort = mapped.port;
      address = isIP(mapped.host) ? mapped.host : ((await resolve(mapped.host))[0] ?? mapped.host);
    } else if (reading.kind === 'name' && isBrowserServiceHost(bare)) {
      throw new GuardRefusalError('refused-browser-service', `${bare} is one of the browser's own services: refused.`);
    } else if (reading.kind === 'ip') {
      if (!options.allowPrivateTargets && isPrivateAddress(bare)) {
        throw new GuardRefusalError('refused-private-address', `${bare} is a private or internal address: refused.`);
      }
      address = bare;
    } else {
      const internal = options.allowPrivateTargets ? null : internalNameReason(bare);
      if (internal) throw new GuardRefusalError('refused-private-address', `${bare} is ${internal}: refused.`);
      if (upstream && !options.resolveThroughUpstream) {
        // The upstream proxy resolves the name: no DNS query leaves the unit; its network is not ours.
        address = bare;
      } else {
        address = await resolveAndJudge(bare);
      }
    }
    stats.connections++;
    if (isIP(address)) connected.set(authorityKey(hostname, port), address);
    if (upstream && !mapped) return connectThroughUpstream(upstream, address, targetPort, connectTimeoutMs);
    return await new Promise<net.Socket>((ok, fail) => {
      const socket = net.connect({ host: address, port: targetPort });
      const timer = setTimeout(() => {
        socket.destroy();
        fail(new GuardRefusalError('timeout', `${bare} did not accept a connection in time.`));
      }, connectTimeoutMs);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        ok(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        fail(new GuardRefusalError('network', `${bare}: ${error.message}`));
      });
    });
  }

  function asRefusal(error: unknown): GuardRefusalError {
    return error instanceof GuardRefusalError ? error : new GuardRefusalError('network', (error as Error).message);
  }

  function refuse(res: http.ServerResponse, status: number, refusal: GuardRefusalError): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // An HTML page so that both modes read it like any page and find the reason in the header.
    const text = refusal.message.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'x-phenix-guard': refusal.reason,
      connection: 'close',
    });
    res.end(`<!doctype html><title>Refused by the crawler</title><p>${text}</p>\n`);
  }

  async function handleRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let target: URL;
    try {
      target = new URL(req.url ?? '');
    } catch {
      refuse(res, 400, new GuardRefusalError('blocked-scheme', 'Only absolute http:// URLs go through this proxy.'));
      return;
    }
    const keys = [target.href];
    if (target.protocol !== 'http:') {
      const refusal = new GuardRefusalError('blocked-scheme', `The scheme ${target.protocol} is not crawled.`);
      remember(keys, refusal.reason, refusal.message);
      refuse(res, 403, refusal);
      return;
    }
    const port = Number(target.port || 80);
    keys.push(authorityKey(target.hostname, port));
    let socket: net.Socket;
    try {
      socket = track(await connectGuarded(target.hostname, port));
    } catch (error) {
      const refusal = asRefusal(error);
      remember(keys, refusal.reason, refusal.message);
      refuse(res, refusal.reason === 'refused-private-address' ? 403 : 502, refusal);
      return;
    }
    socket.on('error', () => {});
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    }
    // RFC 9112: an absolute-form target wins over whatever Host the client sent.
    headers.host = target.host;
    headers.connection = 'close';
    const upstreamReq = http.request({
      method: req.method,
      path: `${target.pathname}${target.search}`,
      headers,
      createConnection: () => socket,
    });
    const deadline = setTimeout(() => {
      remember([target.href], 'timeout', `${target.href} was still sending after ${options.maxResponseMs} ms.`);
      upstreamReq.destroy();
      res.destroy();
    }, options.maxResponseMs);
    const finish = () => {
      clearTimeout(deadline);
      upstreamReq.destroy();
      socket.destroy();
    };
    res.once('close', finish);
    upstreamReq.on('error', (error) => {
      refuse(res, 502, asRefusal(error));
      finish();
    });
    upstreamReq.on('response', (upstreamRes) => {
      const early = refuseResponseHeaders(
        target,
        upstreamRes.statusCode,
        upstreamRes.headers,
        options.maxResponseBytes,
      );
      if (early) {
        remember([target.href], early.reason, early.message);
        refuse(res, early.reason === 'too-large' ? 502 : 403, new GuardRefusalError(early.reason, early.message));
        finish();
        return;
      }
      // The raw list (names' case, order, repeated fields as the site sent them), so the network-level WARC records
      // what the site answered; only the hop-by-hop fields are the guard's own.
      const out: string[] = [];
      const raw = upstreamRes.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        if (!HOP_BY_HOP.has(raw[i].toLowerCase())) out.push(raw[i], raw[i + 1]);
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, out);
      let seen = 0;
      upstreamRes.on('data', (chunk: Buffer) => {
        seen += chunk.length;
        stats.bytes += chunk.length;
        if (seen > options.maxResponseBytes) {
          remember(
            [target.href],
            'too-large',
            `${target.href} sent more than the ${options.maxResponseBytes}-byte budget.`,
          );
          upstreamRes.destroy();
          res.destroy();
          finish();
        }
      });
      upstreamRes.pipe(res);
      upstreamRes.on('error', () => res.destroy());
    });
    req.pipe(upstreamReq);
  }

  async function handleConnect(req: http.IncomingMessage, client: Duplex, head: Buffer): Promise<void> {
    track(client);
    client.on('error', () => {});
    const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(req.url ?? '');
    if (!match) {
      client.end('HTTP/1.1 400 Bad Request\r\nx-phenix-guard: blocked-scheme\r\n\r\n');
      return;
    }
    const host = match[1];
    const port = Number(match[2]);
    const key = authorityKey(host, port);
    let socket: net.Socket;
    try {
      socket = track(await connectGuarded(host, port));
    } catch (error) {
      const refusal = asRefusal(error);
      remember([key], refusal.reason, refusal.message);
      client.end(
        `HTTP/1.1 ${refusal.reason === 'refused-private-address' ? 403 : 502} Refused\r\nx-phenix-guard: ${refusal.reason}\r\n\r\n`,
      );
      return;
    }
    socket.on('error', () => client.destroy());
    client.on('error', () => socket.destroy());
    socket.on('close', () => client.destroy());
    client.on('close', () => socket.destroy());
    const deadline = setTimeout(() => socket.destroy(), options.maxResponseMs * 4);
    socket.once('close', () => clearTimeout(deadline));
    socket.on('data', (chunk: Buffer) => {
      stats.bytes += chunk.length;
    });
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) socket.write(head);
    socket.pipe(client);
    client.pipe(socket);
  }

  const server = http.createServer((req, res) => {
    handleRequest(req, res).catch((error) => refuse(res, 502, asRefusal(error)));
  });
  server.on('connect', (req, socket, head) => {
    handleConnect(req, socket, head).catch(() => socket.destroy());
  });
  server.on('upgrade', (_req, socket) => socket.destroy());
  server.on('connection', (socket) => {
    track(socket);
    socket.on('error', () => {});
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as net.AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    latestRefusal(since) {
      const last = [...refusals.values()].pop();
      return last && last.at >= since ? last : null;
    },
    connectedAddress(rawUrl) {
      const key = urlAuthority(rawUrl);
      return (key && connected.get(key)) ?? null;
    },
    refusalFor(rawUrl, since = 0) {
      const key = urlAuthority(rawUrl);
      if (!key) return null;
      const found = refusals.get(new URL(rawUrl).href) ?? refusals.get(key);
      return found && found.at >= since ? found : null;
    },
    async close() {
      for (const stream of open) stream.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
