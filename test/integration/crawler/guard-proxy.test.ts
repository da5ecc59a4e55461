import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardProxy, type GuardProxy, type GuardProxyOptions } from '../../../crawler/guard-proxy.ts';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function viaProxy(proxy: GuardProxy, url: string): Promise<Reply> {
  const { port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: Number(port), path: url, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

function connectVia(proxy: GuardProxy, authority: string): Promise<{ status: string; socket: net.Socket }> {
  const { port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`),
    );
    socket.once('data', (chunk) => resolve({ status: chunk.toString('latin1').split('\r\n')[0], socket }));
    socket.once('error', reject);
  });
}

let site: http.Server;
let sitePort: number;
const hits: string[] = [];
const guards: GuardProxy[] = [];

async function guard(options: Partial<GuardProxyOptions>): Promise<GuardProxy> {
  const proxy = await createGuardProxy({
    hostMap: { '*.test': `127.0.0.1:${sitePort}` },
    allowPrivateTargets: false,
    maxResponseBytes: 64 * 1024,
    maxResponseMs: 5_000,
    connectTimeoutMs: 500,
    ...options,
  });
  guards.push(proxy);
  return proxy;
}

beforeAll(async () => {
  site = http.createServer((req, res) => {
    hits.push(`${req.headers.host}${req.url}`);
    if (req.url === '/big-declared') {
      res.writeHead(200, { 'content-length': String(10 * 1024 * 1024) });
      res.end();
      return;
    }
    const leave = /^\/leave\?to=(.*)$/.exec(req.url ?? '');
    if (leave) {
      res.writeHead(302, { location: decodeURIComponent(leave[1]) });
      res.end();
      return;
    }
    if (req.url === '/big-streamed') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      let sent = 0;
      const pump = () => {
        while (sent < 200 && res.write(chunk)) sent++;
        if (sent < 200) res.once('drain', pump);
        else res.end();
      };
      pump();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<p>Plomberie ${req.headers.host}</p>`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  sitePort = (site.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await Promise.all(guards.map((g) => g.close()));
  await new Promise((r) => site.close(r));
});

describe('guard proxy', () => {
  it('sends hostMap names to loopback, for absolute-URL requests and CONNECT tunnels', async () => {
    const proxy = await guard({});
    const reply = await viaProxy(proxy, 'http://annonces.test/index.html');
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('Plomberie annonces.test');
    const { status, socket } = await connectVia(proxy, 'www.annonces.test:443');
    expect(status).toContain('200');
    socket.destroy();
  });

  it('refuses loopback and names resolving to it unless private targets are allowed', async () => {
    const strict = await guard({});
    const literal = await viaProxy(strict, `http://127.0.0.1:${sitePort}/`);
    expect(literal.status).toBe(403);
    expect(literal.headers['x-phenix-guard']).toBe('refused-private-address');
    const named = await viaProxy(strict, `http://localhost:${sitePort}/`);
    expect(named.headers['x-phenix-guard']).toBe('refused-private-address');
    expect(strict.refusalFor(`http://localhost:${sitePort}/`)?.reason).toBe('refused-private-address');
    const tunnel = await connectVia(strict, `[::ffff:127.0.0.1]:${sitePort}`);
    expect(tunnel.status).toContain('403');
    tunnel.socket.destroy();
    const metadata = await viaProxy(strict, 'http://169.254.169.254/latest/meta-data/');
    expect(metadata.status).toBe(403);

    const lenient = await guard({ allowPrivateTargets: true });
    expect((await viaProxy(lenient, `http://127.0.0.1:${sitePort}/`)).status).toBe(200);
  });

  it('connects to the address it checked: DNS rebinding cannot reach loopback', async () => {
    const secret = net.createServer((s) => s.destroy());
    let secretConnections = 0;
    secret.on('connection', () => secretConnections++);
    await new Promise<void>((r) => secret.listen(0, '127.0.0.1', r));
    const secretPort = (secret.address() as net.AddressInfo).port;
    let calls = 0;
    // First answer public (unroutable TEST-NET-3), every later answer loopback: the classic rebinding trick.
    const resolve = async () => (calls++ === 0 ? ['203.0.113.5'] : ['127.0.0.1']);
    const proxy = await guard({ resolve });
    const first = await viaProxy(proxy, `http://rebind.example:${secretPort}/`);
    expect(first.status).toBe(502);
    expect(calls).toBe(1);
    const second = await viaProxy(proxy, `http://rebind.example:${secretPort}/`);
    expect(second.headers['x-phenix-guard']).toBe('refused-private-address');
    const mixed = await guard({ resolve: async () => ['203.0.113.9', '10.0.0.1'] });
    expect((await viaProxy(mixed, `http://mixed.example:${secretPort}/`)).status).toBe(403);
    expect(secretConnections).toBe(0);
    await new Promise((r) => secret.close(r));
  });

  it('refuses a redirect out of the web before the client sees it, and lets web redirects through', async () => {
    const proxy = await guard({});
    for (const to of ['file:///etc/passwd', 'data:text/html,<p>x</p>', 'chrome://settings', 'javascript:alert(1)']) {
      const url = `http://annonces.test/leave?to=${encodeURIComponent(to)}`;
      const reply = await viaProxy(proxy, url);
      expect(reply.status, to).toBe(403);
      expect(reply.headers.location, to).toBeUndefined();
      expect(reply.headers['x-phenix-guard'], to).toBe('blocked-scheme');
      expect(proxy.refusalFor(url)?.message, to).toContain(`redirects to a ${new URL(to).protocol} address`);
    }
    for (const to of ['/ok', 'https://www.annonces.test/', '//autre.test/x']) {
      const reply = await viaProxy(proxy, `http://annonces.test/leave?to=${encodeURIComponent(to)}`);
      expect(reply.status, to).toBe(302);
      expect(reply.headers.location, to).toBe(to);
    }
  });

  it('names a name that does not resolve', async () => {
    const proxy = await guard({});
    const reply = await viaProxy(proxy, 'http://nowhere.invalid/');
    expect(reply.status).toBe(502);
    expect(reply.headers['x-phenix-guard']).toBe('dns');
  });

  it('cuts responses over the byte budget, announced or streamed', async () => {
    const proxy = await guard({});
    const declared = await viaProxy(proxy, 'http://annonces.test/big-declared');
    expect(declared.headers['x-phenix-guard']).toBe('too-large');
    await expect(viaProxy(proxy, 'http://annonces.test/big-streamed')).rejects.toThrow();
    expect(proxy.refusalFor('http://annonces.test/big-streamed')?.reason).toBe('too-large');
  });

  it('chains to an upstream HTTP proxy and to a SOCKS5 proxy', async () => {
    const seen: string[] = [];
    const httpUpstream = http.createServer();
    httpUpstream.on('connect', (req, client) => {
      seen.push(`http ${req.url}`);
      const [host, port] = (req.url ?? '').split(':');
      const out = net.connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 OK\r\n\r\n');
        out.pipe(client);
        client.pipe(out);
      });
    });
    await new Promise<void>((r) => httpUpstream.listen(0, '127.0.0.1', r));
    const socks = net.createServer((client) => {
      client.once('data', () => {
        client.write(Buffer.from([5, 0]));
        client.once('data', (req) => {
          const host = req.subarray(4, 8).join('.');
          const port = req.readUInt16BE(8);
          seen.push(`socks ${host}:${port}`);
          const out = net.connect(port, host, () => {
            client.write(Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]));
            out.pipe(client);
            client.pipe(out);
          });
        });
      });
    });
    await new Promise<void>((r) => socks.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${sitePort}/via`;
    const viaHttp = await guard({
      allowPrivateTargets: true,
      upstreamProxyUrl: `http://127.0.0.1:${(httpUpstream.address() as net.AddressInfo).port}`,
    });
    expect((await viaProxy(viaHttp, target)).body).toContain('Plomberie');
    const viaSocks = await guard({
      allowPrivateTargets: true,
      upstreamProxyUrl: `socks5://127.0.0.1:${(socks.address() as net.AddressInfo).port}`,
    });
    expect((await viaProxy(viaSocks, target)).body).toContain('Plomberie');
    expect(seen).toEqual([`http 127.0.0.1:${sitePort}`, `socks 127.0.0.1:${sitePort}`]);
    await new Promise((r) => httpUpstream.close(r));
    await new Promise((r) => socks.close(r));
  });
});
