/**
 * Network-level evidence from real crawls of a local server: in browser and HTTP mode every resource of a page
 * (document, stylesheet, script, image, redirect) is stored as WARC request/response records that warcio reads
 * back, gzip-encoded bodies are marked decoded; a Cloudflare-style challenge page answered 503 is captured as a
 * challenge; each run's capture environment (with the egress address) is referenced by every capture; and a
 * package built from the captures verifies, names the challenge and does not carry it as the site's content.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { type Capture, crawlSite } from '../../../crawler/index.ts';
import {
  buildPackageWarc,
  createUnitKeys,
  loadPrivateKey,
  loadPublicKey,
  type PackagedCapture,
  sealWacz,
  verifyEvidencePackage,
} from '../../../evidence/index.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

const CHALLENGE = readFileSync(
  path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'fixtures',
    'challenges',
    'cloudflare-just-a-moment.html',
  ),
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let server: http.Server;
let port: number;
let h: CrawlHarness;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const host = (req.headers.host ?? '').split(':')[0];
    if (host === 'egress.test') return res.end('203.0.113.7\n');
    if (host === 'bloque.test') {
      res.writeHead(503, {
        'Content-Type': 'text/html; charset=UTF-8',
        Server: 'cloudflare',
        'cf-mitigated': 'challenge',
      });
      return res.end(CHALLENGE);
    }
    const url = req.url ?? '/';
    if (url === '/ancien') {
      res.writeHead(301, { Location: '/' });
      return res.end();
    }
    if (url === '/style.css') {
      res.writeHead(200, { 'Content-Type': 'text/css', 'Content-Encoding': 'gzip' });
      return res.end(gzipSync('body { color: #123456 }'));
    }
    if (url === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      return res.end('document.title = document.title;');
    }
    if (url === '/logo.png') {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      return res.end(PNG);
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Set-Cookie': ['a=1', 'b=2'],
      'X-Fixture': 'yes',
    });
    res.end(
      '<!doctype html><html><head><title>Maison Services</title><link rel="stylesheet" href="/style.css"><script src="/app.js"></script></head><body><img src="/logo.png"><p>Plombier disponible 06 39 98 00 17</p></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  h = await createHarness();
});
beforeEach(() => {
  h.captures.length = 0;
  h.failures.length = 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.cleanup();
});

interface ReadRecord {
  type: string;
  url: string;
  status: number | null;
  decoded: string | null;
  payload: Buffer;
}

async function networkRecords(capture: Capture): Promise<ReadRecord[]> {
  const warc = capture.artifacts.find((a) => a.kind === 'warc');
  if (!warc) throw new Error(`no network records for ${capture.finalUrl}`);
  const bytes = await h.evidence.read(warc.sha256);
  const out: ReadRecord[] = [];
  const parser = new WARCParser(
    (async function* () {
      yield new Uint8Array(bytes);
    })(),
  );
  for await (const record of parser) {
    const payload = Buffer.from(await record.readFully(false));
    out.push({
      type: record.warcType ?? '',
      url: record.warcTargetURI ?? '',
      status: record.httpHeaders?.statusCode ? Number(record.httpHeaders.statusCode) : null,
      decoded: record.warcHeader('WARC-Phenix-Decoded') ?? null,
      payload,
    });
  }
  return out;
}

const crawl = (mode: 'browser' | 'http', seeds: string[]) =>
  crawlSite(
    h.options({
      mode,
      seeds,
      maxDepth: 0,
      hostMap: { '*.test': `127.0.0.1:${port}` },
      egressCheckUrl: 'http://egress.test/ip',
    }),
  );

describe('network-level WARC records', () => {
  it('browser mode: every resource of the page, as received, read back by warcio', async () => {
    await crawl('browser', ['http://annonces.test/ancien']);
    expect(h.failures).toEqual([]);
    const [page] = h.captures;
    expect(page.challenge).toBeNull();
    const records = await networkRecords(page);
    const responses = records.filter((r) => r.type === 'response');
    const urls = responses.map((r) => r.url);
    for (const p of ['/ancien', '/', '/style.css', '/app.js', '/logo.png']) {
      expect(urls).toContain(`http://annonces.test${p}`);
    }
    expect(records.filter((r) => r.type === 'request')).toHaveLength(responses.length);
    expect(responses.find((r) => r.url.endsWith('/ancien'))?.status).toBe(301);
    const css = responses.find((r) => r.url.endsWith('/style.css'));
    expect(css?.decoded).toMatch(/Content-Encoding: gzip/i);
    expect(css?.payload.toString()).toBe('body { color: #123456 }');
    expect(responses.find((r) => r.url.endsWith('/logo.png'))?.payload).toEqual(PNG);
    expect(responses.find((r) => r.url === 'http://annonces.test/')?.payload.toString()).toContain(
      'Plombier disponible',
    );
  });

  it('HTTP mode: the redirect and the page, with the header list as received', async () => {
    await crawl('http', ['http://annonces.test/ancien']);
    expect(h.failures).toEqual([]);
    const records = await networkRecords(h.captures[0]);
    const responses = records.filter((r) => r.type === 'response');
    expect(responses.map((r) => [r.url, r.status])).toEqual([
      ['http://annonces.test/ancien', 301],
      ['http://annonces.test/', 200],
    ]);
    const warc = h.captures[0].artifacts.find((a) => a.kind === 'warc');
    const raw = (await h.evidence.read(warc?.sha256 ?? '')).toString('latin1');
    expect(raw).toMatch(/Set-Cookie: a=1\r\nSet-Cookie: b=2\r\n/);
  });

  it('records the capture environment of the run, egress address included, on every capture', async () => {
    await crawl('browser', ['http://annonces.test/']);
    const env = h.captures[0].artifacts.find((a) => a.kind === 'environment');
    const manifest = JSON.parse((await h.evidence.read(env?.sha256 ?? '')).toString());
    expect(manifest).toMatchObject({
      kind: 'phenix-capture-environment/1',
      phenix: expect.stringMatching(/^\d+\.\d+\.\d+/),
      chromium: expect.stringMatching(/Chromium \d+/),
      egress: { checkUrl: 'http://egress.test/ip', address: '203.0.113.7', error: null },
      proxy: null,
      node: process.version,
    });
    expect(manifest.clock.source).toMatch(/system clock/);
  });
});

describe('challenge pages', () => {
  it('are captured as challenges in both modes, and packaged only as named challenges', async () => {
    for (const mode of ['http', 'browser'] as const) {
      h.captures.length = 0;
      await crawl(mode, ['http://bloque.test/']);
      expect(h.failures).toEqual([]);
      expect(h.captures.map((c) => c.challenge)).toEqual(['cloudflare']);
    }
    const blocked = h.captures[0];
    await crawl('http', ['http://annonces.test/']);
    const real = h.captures.find((c) => c.finalUrl === 'http://annonces.test/') as Capture;
    const packaged = (c: Capture, id: number): PackagedCapture => ({
      side: 'candidate',
      domain: new URL(c.finalUrl).hostname,
      id,
      runId: c.runId,
      requestedUrl: c.requestedUrl,
      finalUrl: c.finalUrl,
      status: c.status,
      redirectChain: c.redirectChain,
      headers: c.headers,
      mode: c.mode,
      title: c.title,
      capturedAt: new Date(c.capturedAt),
      imported: false,
      truncated: c.truncated,
      challenge: c.challenge,
      artifacts: c.artifacts,
    });
    const pkg = await buildPackageWarc(h.evidence, {
      alert: { id: 1, explanation: ['test'] },
      description: 'test package',
      createdBy: 'analyste.dupont',
      captures: [packaged(blocked, 1), packaged(real, 2)],
    });
    expect(pkg.manifest.challenges).toEqual([expect.objectContaining({ captureId: 1, vendor: 'cloudflare' })]);
    expect(pkg.manifest.files.every((f) => f.captureId === 2)).toBe(true);
    expect(pkg.warc.includes('Checking if the site connection is secure')).toBe(false);
    expect(pkg.manifest.environments).toHaveLength(1);
    createUnitKeys(path.join(h.dir, 'unit.pem'));
    const sealed = await sealWacz(pkg, { privateKey: loadPrivateKey(path.join(h.dir, 'unit.pem')), title: 'test' });
    const report = await verifyEvidencePackage(sealed.bytes, {
      publicKey: loadPublicKey(path.join(h.dir, 'unit.pem.pub.pem')),
      allowUntimestamped: true,
    });
    expect(report.problems).toEqual([]);
  });
});
