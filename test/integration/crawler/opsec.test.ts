/**
 * Nothing leaves except through the guard and the upstream proxy: internal names never reach the upstream, DNS checks
 * go over DoH through the proxy, WebRTC sends no UDP, Chromium's own background requests never reach the proxy, and
 * the favicon fetch carries the crawl's user agent. Every listener is local; the upstream refuses what it is not told
 * to route, so nothing can leave the machine even if a check failed.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import { chromium } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserLaunchOptions } from '../../../chromium/index.ts';
import { checkDomains } from '../../../crawler/discovery/index.ts';
import {
  crawlSite,
  createGuardProxy,
  createNameResolver,
  type GuardProxy,
  resolveAddresses,
} from '../../../crawler/index.ts';
import { type DohServer, startDohServer } from '../../helpers/doh-server.ts';
import { type RecordingSocks, startRecordingSocks } from '../../helpers/socks-server.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

function get(proxy: GuardProxy, url: string): Promise<{ status: number; guard: string | undefined }> {
  const { port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: Number(port), path: url, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, guard: res.headers['x-phenix-guard'] as string }));
      })
      .on('error', reject);
  });
}

function connect(proxy: GuardProxy, authority: string): Promise<string> {
  const { port } = new URL(proxy.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () =>
      socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n\r\n`),
    );
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1').split('\r\n')[0]);
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

async function udpListener(): Promise<{ socket: dgram.Socket; port: number; packets: number }> {
  const socket = dgram.createSocket('udp4');
  const state = { socket, port: 0, packets: 0 };
  socket.on('message', () => {
    state.packets++;
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  state.port = socket.address().port;
  return state;
}

describe('upstream proxy: internal names are refused before the upstream is asked', () => {
  let socks: RecordingSocks;
  let guard: GuardProxy;

  beforeAll(async () => {
    socks = await startRecordingSocks(() => null);
    guard = await createGuardProxy({
      allowPrivateTargets: false,
      upstreamProxyUrl: socks.url,
      maxResponseBytes: 64 * 1024,
      maxResponseMs: 5_000,
      connectTimeoutMs: 2_000,
    });
  });
  afterAll(async () => {
    await guard.close();
    await socks.close();
  });

  it.each([
    'http://localhost:8080/admin',
    'http://admin.localhost/',
    'http://intranet/',
    'http://metadata.internal/computeMetadata/v1/',
    'http://printer.local/',
    'http://nas.home.arpa/',
    'http://0x7f.1/admin',
  ])('refuses %s', async (url) => {
    expect(await get(guard, url)).toEqual({ status: 403, guard: 'refused-private-address' });
  });

  it.each([
    'localhost:443',
    'db.internal:5432',
    'printer.local:631',
    'intranet:443',
    '0x7f.1:443',
    '2130706433:443',
    '0177.0.0.1:443',
  ])('refuses the tunnel to %s', async (authority) => {
    expect(await connect(guard, authority)).toBe('HTTP/1.1 403 Refused');
  });

  it('refuses Chromium service hosts without a trace in the failure log', async () => {
    expect(await connect(guard, 'accounts.google.com:443')).toBe('HTTP/1.1 502 Refused');
    expect(guard.latestRefusal(Date.now() - 60_000)?.message).not.toContain('accounts.google.com');
    expect(guard.stats.browserServices).toBeGreaterThan(0);
  });

  it('never asked the upstream about any of them', () => {
    expect(socks.asked).toEqual([]);
  });

  it('still hands public names to the upstream (remote DNS)', async () => {
    await connect(guard, 'annonces-maison.example:443');
    expect(socks.asked).toEqual(['annonces-maison.example:443']);
  });
});

describe('DNS-over-HTTPS through the proxy', () => {
  let doh: DohServer;
  let socks: RecordingSocks;
  let plainDns: Awaited<ReturnType<typeof udpListener>>;

  beforeAll(async () => {
    doh = await startDohServer({ 'annonces-maison.example': '192.0.2.10', 'rebind.example': '127.0.0.1' });
    // The DoH server is reachable only through the proxy, under a name nobody else resolves.
    socks = await startRecordingSocks((host, port) =>
      host === 'doh.example' && port === 80 ? { host: '127.0.0.1', port: doh.port } : null,
    );
    plainDns = await udpListener();
  });
  afterAll(async () => {
    plainDns.socket.close();
    await socks.close();
    await doh.close();
  });

  it('DNS checks ask the DoH server through the proxy and never the plain resolver', async () => {
    const results = await checkDomains(['annonces-maison.example', 'absent.example'], {
      servers: [`127.0.0.1:${plainDns.port}`],
      dohUrl: 'http://doh.example/dns-query',
      proxyUrl: socks.url,
      timeoutMs: 2_000,
      concurrency: 2,
      tries: 1,
      withNsMx: false,
    });
    expect(results.map((r) => [r.domain, r.state, r.a])).toEqual([
      ['annonces-maison.example', 'resolves', ['192.0.2.10']],
      ['absent.example', 'nxdomain', []],
    ]);
    expect(doh.asked).toContain('annonces-maison.example A');
    expect(doh.asked).toContain('absent.example A');
    expect(socks.asked.every((a) => a === 'doh.example:80')).toBe(true);
    expect(plainDns.packets).toBe(0);
  });

  it('the guard resolves through the same DoH, judges the answer and asks the proxy for the judged address', async () => {
    const resolver = createNameResolver({
      dohUrl: 'http://doh.example/dns-query',
      proxyUrl: socks.url,
      timeoutMs: 2_000,
      tries: 1,
    });
    const guard = await createGuardProxy({
      allowPrivateTargets: false,
      upstreamProxyUrl: socks.url,
      maxResponseBytes: 64 * 1024,
      maxResponseMs: 5_000,
      connectTimeoutMs: 2_000,
      resolve: (name) => resolveAddresses(resolver, name),
      resolveThroughUpstream: resolver.throughProxy,
    });
    try {
      socks.asked.length = 0;
      expect(await get(guard, 'http://rebind.example/admin')).toEqual({
        status: 403,
        guard: 'refused-private-address',
      });
      await get(guard, 'http://annonces-maison.example/');
      expect(socks.asked.filter((a) => a !== 'doh.example:80')).toEqual(['192.0.2.10:80']);
      expect(plainDns.packets).toBe(0);
    } finally {
      await guard.close();
    }
  });
});

describe('browser crawl: no WebRTC UDP, no background requests, one user agent', () => {
  let h: CrawlHarness;
  let site: http.Server;
  let sitePort: number;
  let stun: Awaited<ReturnType<typeof udpListener>>;
  let socks: RecordingSocks;
  const agents: Record<string, string> = {};

  beforeAll(async () => {
    h = await createHarness();
    stun = await udpListener();
    socks = await startRecordingSocks(() => null);
    site = http.createServer((req, res) => {
      agents[req.url ?? ''] = req.headers['user-agent'] ?? '';
      if (req.url === '/icon.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
        return;
      }
      if (req.url === '/slow.png') {
        // Keeps the second page loading a while, so the browser lives long enough to show background traffic.
        setTimeout(() => res.writeHead(404).end(), 4_000);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>Plomberie</title><link rel="icon" href="/icon.png">
<p>Plombier à domicile, 06 39 98 00 01</p><a href="/2">suite</a><img src="/slow.png">
<script>
  const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${stun.port}' }] });
  pc.createDataChannel('x');
  pc.createOffer().then((offer) => pc.setLocalDescription(offer));
</script>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    sitePort = (site.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    stun.socket.close();
    await socks.close();
    await new Promise((resolve) => site.close(resolve));
    await h.cleanup();
  });

  it('captures the pages while the STUN listener and the upstream proxy receive nothing', async () => {
    const summary = await crawlSite(
      h.options({
        mode: 'browser',
        seeds: ['http://plomberie.test/'],
        hostMap: { '*.test': `127.0.0.1:${sitePort}` },
        proxyUrl: socks.url,
        maxPages: 2,
        maxDepth: 1,
        concurrency: 1,
        pageTimeoutMs: 20_000,
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(summary.pagesOk).toBe(2);
    expect(stun.packets).toBe(0);
    expect(socks.asked).toEqual([]);
    expect(agents['/icon.png']).toBe(agents['/']);
    expect(agents['/']).toMatch(/Chrome\/\d+/);
    expect(agents['/']).not.toContain('Headless');
  }, 120_000);

  it('positive control: the same page in the crawl browser without the WebRTC flags reaches the STUN listener', async () => {
    // The listener sees a page's STUN packets when nothing stops them, so its silence above means the flags held.
    const webrtcFlag = /webrtc-ip|webrtc-ip-permission/;
    const packetsWith = async (flags: 'on' | 'off') => {
      const listener = await udpListener();
      const launch = browserLaunchOptions(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
      const browser = await chromium.launch({
        ...launch,
        args: flags === 'on' ? launch.args : launch.args.filter((a) => !webrtcFlag.test(a)),
        // As the crawl runs it: through a proxy (which sees nothing of UDP).
        proxy: { server: socks.url },
      });
      try {
        const page = await browser.newPage();
        await page.route('**/*', (route) => route.abort());
        await page.setContent(`<script>
          const pc = new RTCPeerConnection({ iceServers: [{ urls: 'stun:127.0.0.1:${listener.port}' }] });
          pc.createDataChannel('x');
          pc.createOffer().then((offer) => pc.setLocalDescription(offer));
        </script>`);
        for (let i = 0; i < 30 && listener.packets === 0; i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 500));
        return listener.packets;
      } finally {
        await browser.close();
        listener.socket.close();
      }
    };
    expect(await packetsWith('off')).toBeGreaterThan(0);
    expect(await packetsWith('on')).toBe(0);
  }, 120_000);
});
