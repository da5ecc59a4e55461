/**
 * DNS-over-HTTPS transport (RFC 8484, POST application/dns-message) with kept-alive connections: one bounded pool
 * per endpoint (an http.Agent with keepAlive), each connection opened through the upstream proxy when there is one
 * (one SOCKS or CONNECT handshake, and one TLS handshake, per connection instead of per question). Without it, a
 * day of names cost one proxied connection per DNS question (measured by an outside run: 8.2 per name).
 * Answers must be read whole for a connection to be reused; an endpoint that closes after each answer still works
 * (the pool opens a new connection), it only costs more.
 */
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { createSlots } from '../lib/map-limit.ts';
import { connectThroughUpstream, type UpstreamProxy } from './upstream-connect.ts';

export interface DohTransportStats {
  /** HTTP exchanges sent (one per DNS question and try). */
  exchanges: number;
  /** Connections opened (through the proxy when there is one). */
  connections: number;
}

export interface DohTransport {
  endpoint: URL;
  exchange(query: Buffer): Promise<Buffer>;
  stats: DohTransportStats;
  close(): void;
}

export interface DohTransportOptions {
  upstream: UpstreamProxy | null;
  timeoutMs: number;
  /** Connections kept open at most per endpoint (questions beyond wait for a free one). */
  maxConnections: number;
}

function dnsError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

const MAX_ANSWER_BYTES = 65_535;

export function createDohTransport(endpoint: URL, options: DohTransportOptions): DohTransport {
  const port = Number(endpoint.port || (endpoint.protocol === 'https:' ? 443 : 80));
  const stats: DohTransportStats = { exchanges: 0, connections: 0 };

  async function connect(): Promise<net.Socket> {
    const raw = options.upstream
      ? await connectThroughUpstream(options.upstream, endpoint.hostname, port, options.timeoutMs)
      : await new Promise<net.Socket>((ok, fail) => {
          const socket = net.connect({ host: endpoint.hostname, port });
          const timer = setTimeout(
            () => socket.destroy(dnsError('ETIMEOUT', 'no connection in time')),
            options.timeoutMs,
          );
          socket.once('connect', () => {
            clearTimeout(timer);
            ok(socket);
          });
          socket.once('error', (e) => {
            clearTimeout(timer);
            fail(e);
          });
        });
    stats.connections++;
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

  // http.Agent accepts a connection made later: createConnection returns nothing and calls back (Node's public
  // Agent contract), so the pool, keep-alive and the waiting queue are Node's own.
  class ProxiedAgent extends http.Agent {
    override createConnection(
      _options: http.ClientRequestArgs,
      callback?: (error: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      connect().then(
        (socket) => callback?.(null, socket),
        (error: Error) => callback?.(error, undefined as unknown as Duplex),
      );
      return undefined;
    }
  }
  const agent = new ProxiedAgent({
    keepAlive: true,
    maxSockets: options.maxConnections,
    maxFreeSockets: options.maxConnections,
    timeout: 30_000,
  });

  // Node's Agent counts a connection only once it is made: with connections made later, every request of a burst
  // would open its own. At most maxConnections exchanges run at once, so the pool stays within its bound.
  const places = createSlots(options.maxConnections);
  const exchange = (query: Buffer): Promise<Buffer> => places.run(() => exchangeNow(query));

  function exchangeNow(query: Buffer): Promise<Buffer> {
    stats.exchanges++;
    return new Promise<Buffer>((ok, fail) => {
      const request = http.request({
        agent,
        host: endpoint.hostname,
        port,
        method: 'POST',
        path: `${endpoint.pathname}${endpoint.search}`,
        headers: {
          host: endpoint.host,
          'content-type': 'application/dns-message',
          accept: 'application/dns-message',
          'content-length': query.length,
        },
      });
      const timer = setTimeout(() => request.destroy(dnsError('ETIMEOUT', 'no DoH answer in time')), options.timeoutMs);
      request.once('error', (error) => {
        clearTimeout(timer);
        fail((error as NodeJS.ErrnoException).code === 'ETIMEOUT' ? error : dnsError('ECONNREFUSED', error.message));
      });
      request.once('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER_BYTES) request.destroy(dnsError('EBADRESP', 'DoH answer too large'));
          else chunks.push(chunk);
        });
        res.once('end', () => {
          clearTimeout(timer);
          if (res.statusCode !== 200) fail(dnsError('ESERVFAIL', `the DoH server answered HTTP ${res.statusCode}`));
          else ok(Buffer.concat(chunks));
        });
        res.once('error', (error) => {
          clearTimeout(timer);
          fail(dnsError('ECONNREFUSED', error.message));
        });
      });
      request.end(query);
    });
  }

  return { endpoint, exchange, stats, close: () => agent.destroy() };
}
