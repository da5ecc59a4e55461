/**
 * A plain-HTTP DNS-over-HTTPS responder (RFC 8484 POST) for tests and benchmarks: fixed A records, NXDOMAIN for
 * the rest; HTTP/1.1 keep-alive like real endpoints. Options make it realistic or flaky: a latency per answer, a
 * share of SERVFAIL answers, names that fail their first question.
 */
import http from 'node:http';
import type net from 'node:net';
import packet from 'dns-packet';

export interface DohServer {
  port: number;
  /** Every name asked, with its type (`annonces.example A`). */
  asked: string[];
  /** TCP connections accepted. */
  connections: number;
  close(): Promise<void>;
}

export interface DohServerOptions {
  /** Milliseconds before each answer (e.g. 20–80 at random). */
  delayMs?: () => number;
  /** Share of answers that are SERVFAIL, drawn by `random` (default Math.random). */
  servfailShare?: number;
  random?: () => number;
  /** These names get SERVFAIL on their first question, a real answer after. */
  servfailFirst?: Iterable<string>;
}

export async function startDohServer(
  records: Record<string, string> | ((name: string) => string | undefined),
  options: DohServerOptions = {},
): Promise<DohServer> {
  const asked: string[] = [];
  const lookup = typeof records === 'function' ? records : (name: string) => records[name];
  const failFirst = new Set(options.servfailFirst ?? []);
  const random = options.random ?? Math.random;
  let connections = 0;
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const query = packet.decode(Buffer.concat(chunks));
      const question = query.questions?.[0];
      if (!question) {
        res.writeHead(400).end();
        return;
      }
      asked.push(`${question.name} ${question.type}`);
      const address = lookup(question.name);
      const servfail =
        failFirst.delete(question.name) || (options.servfailShare !== undefined && random() < options.servfailShare);
      const answers: packet.Answer[] =
        !servfail && address && question.type === 'A'
          ? [{ type: 'A', name: question.name, ttl: 60, data: address }]
          : [];
      // rcode 2 = SERVFAIL, 3 = NXDOMAIN for unknown names
      const rcode = servfail ? 2 : address ? 0 : 3;
      const reply = packet.encode({
        type: 'response',
        id: query.id,
        flags: packet.RECURSION_DESIRED | rcode,
        questions: [question],
        answers,
      });
      const send = () => res.writeHead(200, { 'content-type': 'application/dns-message' }).end(reply);
      const delay = options.delayMs?.() ?? 0;
      if (delay > 0) setTimeout(send, delay);
      else send();
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    asked,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
