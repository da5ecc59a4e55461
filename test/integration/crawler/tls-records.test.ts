/**
 * Capture-side records over TLS, from a browser crawl of a local https server with a self-signed certificate:
 * each response record names the address the guard connected to (WARC-IP-Address) and the protocols as recorded
 * (WARC-Protocol: http/1.1 and tls/1.3), and the origin's certificate chain is a resource record of its own,
 * linked to the response by WARC-Concurrent-To. Read back with warcio.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { crawlSite } from '../../../crawler/index.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

let server: https.Server;
let port: number;
let h: CrawlHarness;
let certPem: string;
const dir = mkdtempSync(path.join(tmpdir(), 'phenix-tls-'));

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=secure.test/O=Nettoyage Exemple',
      '-addext',
      'subjectAltName=DNS:secure.test',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      path.join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  certPem = readFileSync(path.join(dir, 'cert.pem'), 'utf8');
  server = https.createServer(
    { key: readFileSync(path.join(dir, 'key.pem')), cert: certPem, minVersion: 'TLSv1.3' },
    (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>Vitres</title><p>Laveur de vitres, 06 39 98 00 21</p>');
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  h = await createHarness();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

it('writes the server address, the protocols and the certificate chain', { timeout: 60_000 }, async () => {
  await crawlSite(
    h.options({
      mode: 'browser',
      seeds: ['https://secure.test/'],
      maxDepth: 0,
      hostMap: { 'secure.test': `127.0.0.1:${port}` },
    }),
  );
  expect(h.failures).toEqual([]);
  const warc = h.captures[0].artifacts.find((a) => a.kind === 'warc');
  const bytes = await h.evidence.read(warc?.sha256 ?? '');
  const records: { type: string; id: string; concurrentTo: string; ip: string; contentType: string; block: string }[] =
    [];
  for await (const record of new WARCParser(
    (async function* () {
      yield new Uint8Array(bytes);
    })(),
  )) {
    records.push({
      type: record.warcType ?? '',
      id: record.warcHeader('WARC-Record-ID') ?? '',
      concurrentTo: record.warcHeader('WARC-Concurrent-To') ?? '',
      ip: record.warcHeader('WARC-IP-Address') ?? '',
      contentType: record.warcHeader('Content-Type') ?? '',
      block: Buffer.from(await record.readFully(false)).toString('latin1'),
    });
  }
  const response = records.find((r) => r.type === 'response');
  expect(response?.ip).toBe('127.0.0.1');
  const responseHead = bytes.toString('latin1').slice(0, bytes.indexOf('HTTP/1.1 200'));
  expect(responseHead).toMatch(/WARC-Protocol: http\/1\.1\r\nWARC-Protocol: tls\/1\.3\r\n/);
  const chain = records.find((r) => r.type === 'resource' && r.contentType === 'application/pem-certificate-chain');
  expect(chain?.concurrentTo).toBe(response?.id);
  const der = (pem: string) => pem.replace(/-----[A-Z ]+-----|\s/g, '');
  expect(der(chain?.block ?? '')).toBe(der(certPem));
});
