/**
 * A recording SOCKS5 proxy for tests (no authentication). It notes every requested destination (names as asked:
 * SOCKS5 remote DNS) and connects it through `route` (name → 127.0.0.1:port), refusing anything not routed, so
 * nothing ever leaves the machine. `listenHost` lets the namespace test bind it on a veth address.
 */
import net from 'node:net';

export interface RecordingSocks {
  url: string;
  port: number;
  /** `host:port` of every CONNECT asked, in order. */
  asked: string[];
  close(): Promise<void>;
}

export type SocksRoute = (host: string, port: number) => { host: string; port: number } | null;

function readAddress(req: Buffer): { host: string; port: number } | null {
  const kind = req[3];
  if (kind === 1) return { host: [...req.subarray(4, 8)].join('.'), port: req.readUInt16BE(8) };
  if (kind === 3) {
    const length = req[4];
    return { host: req.subarray(5, 5 + length).toString('latin1'), port: req.readUInt16BE(5 + length) };
  }
  if (kind === 4) {
    const groups: string[] = [];
    for (let i = 0; i < 8; i++) groups.push(req.readUInt16BE(4 + i * 2).toString(16));
    return { host: groups.join(':'), port: req.readUInt16BE(20) };
  }
  return null;
}

export async function startRecordingSocks(
  route: SocksRoute,
  listenHost = '127.0.0.1',
  /** Milliseconds before each connection is answered (a real proxy's cost per connection). */
  connectDelayMs?: () => number,
): Promise<RecordingSocks> {
  const asked: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    client.once('data', () => {
      client.write(Buffer.from([5, 0]));
      client.once('data', (req) => {
        const address = readAddress(req);
        if (!address) {
          client.end(Buffer.from([5, 8, 0, 1, 0, 0, 0, 0, 0, 0]));
          return;
        }
        asked.push(`${address.host}:${address.port}`);
        const target = route(address.host, address.port);
        if (!target) {
          client.end(Buffer.from([5, 2, 0, 1, 0, 0, 0, 0, 0, 0]));
          return;
        }
        const out = net.connect(target.port, target.host, () => {
          const answer = () => {
            client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
            out.pipe(client);
            client.pipe(out);
          };
          const delay = connectDelayMs?.() ?? 0;
          if (delay > 0) setTimeout(answer, delay);
          else answer();
        });
        sockets.add(out);
        out.on('close', () => sockets.delete(out));
        out.on('error', () => client.destroy());
        client.on('close', () => out.destroy());
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, listenHost, resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `socks5://${listenHost}:${port}`,
    port,
    asked,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
