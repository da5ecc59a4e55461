/** A plain-HTTP DNS-over-HTTPS responder (RFC 8484 POST) for tests: fixed A records, NXDOMAIN for the rest. */
import http from 'node:http';
import type net from 'node:net';
import packet from 'dns-packet';

export interface DohServer {
  port: number;
  /** Every name asked, with its type (`annonces.example A`). */
  asked: string[];
  close(): Promise<void>;
}

export async function startDohServer(records: Record<string, string>): Promise<DohServer> {
  const asked: string[] = [];
  const server = http.createServer((req, res) => {
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
      const address = records[question.name];
      const answers: packet.Answer[] =
        address && question.type === 'A' ? [{ type: 'A', name: question.name, ttl: 60, data: address }] : [];
      const reply = packet.encode({
        type: 'response',
        id: query.id,
        flags: packet.RECURSION_DESIRED | (address ? 0 : 3), // rcode 3 = NXDOMAIN for unknown names
        questions: [question],
        answers,
      });
      res.writeHead(200, { 'content-type': 'application/dns-message' }).end(reply);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    asked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
