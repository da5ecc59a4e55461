/**
 * A small authoritative DNS server over UDP on loopback, for tests and the demo universe: it answers
 * from a fixed record table, NXDOMAIN for unknown names, SERVFAIL or silence for names listed so,
 * optionally after a delay (to observe how many names a client asks about at once).
 */
import { createSocket, type RemoteInfo } from 'node:dgram';
import * as dnsPacket from 'dns-packet';

export interface DnsRecordSet {
  A?: string[];
  AAAA?: string[];
  NS?: string[];
  MX?: { exchange: string; priority: number }[];
}

export interface DnsServerOptions {
  /** Names (case-insensitive, no trailing dot) and their records; a listed name with no records answers NODATA. */
  records: Record<string, DnsRecordSet>;
  /** Names answered with SERVFAIL. */
  servfail?: string[];
  /** Names never answered (the client times out). */
  timeout?: string[];
  /** Delay before each answer, in milliseconds. */
  delayMs?: number;
  /** Address to bind (default 127.0.0.1); port is chosen by the system. */
  address?: string;
}

export interface DnsQueryLog {
  name: string;
  type: string;
}

export interface DnsServer {
  port: number;
  address: string;
  /** `address:port`, ready for `dns.servers` or `Resolver.setServers`. */
  server: string;
  /** Every question received, in order. */
  queries: DnsQueryLog[];
  /** The most distinct names that were waiting for an answer at the same time (meaningful with delayMs). */
  peakConcurrentNames(): number;
  close(): Promise<void>;
}

const TTL = 60;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;

const lower = (names: string[] | undefined) => new Set((names ?? []).map((n) => n.toLowerCase().replace(/\.$/, '')));

function answersFor(name: string, type: string, set: DnsRecordSet): dnsPacket.Answer[] {
  const base = { name, ttl: TTL, class: 'IN' as const };
  switch (type) {
    case 'A':
      return (set.A ?? []).map((data) => ({ ...base, type: 'A' as const, data }));
    case 'AAAA':
      return (set.AAAA ?? []).map((data) => ({ ...base, type: 'AAAA' as const, data }));
    case 'NS':
      return (set.NS ?? []).map((data) => ({ ...base, type: 'NS' as const, data }));
    case 'MX':
      return (set.MX ?? []).map((mx) => ({
        ...base,
        type: 'MX' as const,
        data: { preference: mx.priority, exchange: mx.exchange },
      }));
    default:
      return [];
  }
}

export function createDnsServer(options: DnsServerOptions): Promise<DnsServer> {
  const records = new Map(Object.entries(options.records).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ''), v]));
  const servfail = lower(options.servfail);
  const silent = lower(options.timeout);
  const socket = createSocket('udp4');
  const queries: DnsQueryLog[] = [];
  const pending = new Map<string, number>();
  let peak = 0;
  let closed = false;

  const respond = (request: dnsPacket.DecodedPacket, remote: RemoteInfo) => {
    const question = request.questions?.[0];
    if (!question || closed) return;
    const name = question.name.toLowerCase();
    const set = records.get(name);
    const rcode = servfail.has(name) ? RCODE_SERVFAIL : set ? 0 : RCODE_NXDOMAIN;
    const answers = set && rcode === 0 ? answersFor(question.name, question.type, set) : [];
    const response = dnsPacket.encode({
      type: 'response',
      id: request.id,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | ((request.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | rcode,
      questions: [question],
      answers,
    });
    socket.send(response, remote.port, remote.address);
  };

  socket.on('message', (message, remote) => {
    let request: dnsPacket.DecodedPacket;
    try {
      request = dnsPacket.decode(message);
    } catch {
      return; // not DNS: ignore, as a real server would
    }
    const question = request.questions?.[0];
    if (!question) return;
    const name = question.name.toLowerCase();
    queries.push({ name, type: question.type });
    if (silent.has(name)) return;
    const delay = options.delayMs ?? 0;
    if (delay <= 0) return respond(request, remote);
    pending.set(name, (pending.get(name) ?? 0) + 1);
    peak = Math.max(peak, pending.size);
    setTimeout(() => {
      const left = (pending.get(name) ?? 1) - 1;
      if (left <= 0) pending.delete(name);
      else pending.set(name, left);
      respond(request, remote);
    }, delay);
  });

  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(0, options.address ?? '127.0.0.1', () => {
      socket.off('error', reject);
      const { address, port } = socket.address();
      resolve({
        port,
        address,
        server: `${address}:${port}`,
        queries,
        peakConcurrentNames: () => peak,
        close: () =>
          new Promise<void>((done) => {
            closed = true;
            socket.close(() => done());
          }),
      });
    });
  });
}
