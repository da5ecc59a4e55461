import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawler/index.ts';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { type CrawlHarness, createHarness, rehashArtifacts } from './crawl-helpers.ts';

/** One ad page with two photos, a tiny icon, an SVG logo, a data: URL and a picture on a private address. */
let server: http.Server;
let port = 0;
const photos = new Map<string, Buffer>();
const hits: string[] = [];
let h: CrawlHarness;

beforeAll(async () => {
  photos.set('/img/1.jpg', await syntheticPhoto(1));
  photos.set('/img/2.jpg', await syntheticPhoto(2));
  photos.set('/img/icon.png', Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'));
  server = http.createServer((req, res) => {
    hits.push(`${req.headers['user-agent']} ${req.url}`);
    const photo = photos.get((req.url ?? '').split('?')[0]);
    if (photo) {
      res.writeHead(200, { 'content-type': req.url?.endsWith('.png') ? 'image/png' : 'image/jpeg' });
      res.end(photo);
      return;
    }
    if (req.url === '/logo.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"/>');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Annonce</title></head><body>
      <img src="/logo.svg" width="200" height="60"><h1>Peintre en bâtiment</h1>
      <img src="/img/1.jpg"><img src='/img/2.jpg?size=large#top' alt="">
      <img src="/img/icon.png"><img src="data:image/png;base64,iVBORw0KGgo=">
      <img src="http://127.0.0.1:${port}/img/1.jpg?private">
      <p>Travaux de peinture, devis gratuit.</p></body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  h = await createHarness();
});
beforeEach(() => {
  h.captures.length = 0;
  hits.length = 0;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.cleanup();
});

const hostMap = () => ({ '*.test': `127.0.0.1:${port}` });

describe('pictures of a page kept as evidence', () => {
  for (const mode of ['http', 'browser'] as const) {
    it(`${mode} mode keeps the page's raster pictures through the guard, content-addressed, with their URLs`, async () => {
      await crawlSite(
        h.options({ mode, seeds: ['http://photos.test/'], hostMap: hostMap(), maxPages: 1, userAgent: 'PhenixTest/1' }),
      );
      expect(h.captures).toHaveLength(1);
      const capture = h.captures[0];
      const images = capture.artifacts.filter((a) => a.kind === 'image');
      expect(images.map((i) => i.url)).toEqual(
        expect.arrayContaining(['http://photos.test/img/1.jpg', 'http://photos.test/img/2.jpg?size=large']),
      );
      // No SVG, no data: URL, nothing from a private address (the guard refuses it in both modes).
      expect(images.every((i) => i.mediaType.startsWith('image/') && !i.mediaType.includes('svg'))).toBe(true);
      expect(images.some((i) => i.url?.includes('127.0.0.1'))).toBe(false);
      expect(hits.some((x) => x.endsWith('?private'))).toBe(false);
      const photo1 = images.find((i) => i.url === 'http://photos.test/img/1.jpg');
      expect(photo1?.sha256).toBe(
        (await import('node:crypto')).createHash('sha256').update(photos.get('/img/1.jpg')!).digest('hex'),
      );
      expect(await rehashArtifacts(h.evidence.dir, capture)).toBe(true);
      if (mode === 'http')
        expect(hits.filter((x) => x.includes('/img/')).every((x) => x.startsWith('PhenixTest/1'))).toBe(true);
    }, 60_000);
  }

  it('keeps to the per-crawl picture budget', async () => {
    await crawlSite(
      h.options({
        mode: 'http',
        seeds: ['http://photos.test/'],
        hostMap: hostMap(),
        maxPages: 1,
        images: { maxPerPage: 12, maxPerCrawl: 1, maxBytes: 1_000_000 },
      }),
    );
    expect(h.captures[0].artifacts.filter((a) => a.kind === 'image')).toHaveLength(1);
  });
});
