import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Capture, crawlSite } from '../../../crawler/index.ts';
import { type FixtureSite, startFixtureSite } from '../../helpers/fixture-server.ts';
import { type CrawlHarness, createHarness, rehashArtifacts } from './crawl-helpers.ts';

const FAVICON = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'crawl', 'favicon.png');

let site: FixtureSite;
let h: CrawlHarness;

beforeAll(async () => {
  site = await startFixtureSite({ adCount: 24, perPage: 3 });
  h = await createHarness();
});
beforeEach(() => {
  h.captures.length = 0;
  h.failures.length = 0;
});
afterAll(async () => {
  await site.close();
  await h.cleanup();
});

const adPages = (captures: Capture[]) => captures.filter((c) => /\/annonce\/\d+$/.test(c.finalUrl));
const pngHeight = (bytes: Buffer) => bytes.readUInt32BE(20);

async function expectEvidence(capture: Capture): Promise<void> {
  expect(await rehashArtifacts(h.evidence.dir, capture)).toBe(true);
  const html = capture.artifacts.find((a) => a.kind === 'html');
  expect(html?.sha256).toBe(capture.htmlSha256);
  expect((await h.evidence.read(capture.htmlSha256)).toString('utf8')).toBe(capture.html);
  expect(capture.artifacts.find((a) => a.kind === 'text')?.sha256).toBe(capture.textSha256);
  expect(await h.evidence.verify(capture.textSha256)).toBe(true);
}

describe('crawling the fixture ad site', () => {
  it('captures every page in HTTP mode with verifiable artifacts', async () => {
    const progress: { done: number; failed: number; queued: number; bytes: number }[] = [];
    const summary = await crawlSite(
      h.options({
        mode: 'http',
        seeds: ['annonces.test'],
        hostMap: site.hostMap,
        maxPages: 200,
        onProgress: (p) => progress.push(p),
      }),
    );
    expect(h.failures).toEqual([]);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: summary.pagesOk }, (_, i) => i + 1));
    expect(progress.at(-1)?.bytes).toBeGreaterThan(10_000);
    expect(summary.pagesOk).toBe(h.captures.length);
    expect(new Set(h.captures.map((c) => c.requestedUrl)).size).toBe(h.captures.length);
    // The bare host name was tried on https first; the fixture only speaks http.
    expect(h.captures[0].requestedUrl).toBe('http://annonces.test/');
    const ids = new Set(adPages(h.captures).map((c) => Number(c.finalUrl.split('/').pop())));
    expect(ids.size).toBe(24);

    const ad = adPages(h.captures).find((c) => c.finalUrl === 'http://annonces.test/annonce/7');
    if (!ad) throw new Error('ad 7 not captured');
    const expected = site.ads[6];
    expect(ad.mode).toBe('http');
    expect(ad.status).toBe(200);
    expect(ad.title).toBe(`${expected.title} — ${expected.city}`);
    expect(ad.text).toContain(expected.phone);
    expect(ad.text).not.toContain('<p');
    expect(ad.headers).toMatchObject({ server: 'fixture-ads/1.0', 'x-powered-by': 'PHP/5.6-fixture' });
    expect(ad.scripts).toEqual(['http://annonces.test/app.js']);
    expect(ad.stylesheets).toEqual(['http://annonces.test/style.css']);
    expect(ad.outlinks.external).toEqual(['https://partenaire.example/']);
    expect(ad.outlinks.internal).toContain(`http://annonces.test/categorie/${expected.category}`);
    expect(ad.outlinks.internal).toContain('http://www.annonces.test/contact');
    expect(ad.faviconUrl).toBe('http://annonces.test/favicon.png');
    expect(Buffer.from(ad.faviconBase64 ?? '', 'base64')).toEqual(await readFile(FAVICON));
    expect(ad.screenshotsTaken).toBe(false);
    expect(ad.artifacts.map((a) => a.kind).sort()).toEqual([
      'environment',
      'favicon',
      'headers',
      'html',
      'text',
      'warc',
    ]);
    expect(ad.depth).toBe(2);
    expect(ad.timings.totalMs).toBeGreaterThanOrEqual(ad.timings.navigationMs);
    expect(Number.isNaN(Date.parse(ad.capturedAt))).toBe(false);
    await expectEvidence(ad);

    const moved = h.captures.find((c) => c.requestedUrl.endsWith('/ancienne-annonce/2'));
    expect(moved?.finalUrl).toBe('http://www.annonces.test/annonce/2');
    expect(moved?.redirectChain).toEqual([
      { url: 'http://www.annonces.test/ancienne-annonce/2', status: 301, location: '/annonce/2' },
    ]);
    // The favicon is one object in the store, however many pages point at it.
    expect(
      new Set(h.captures.flatMap((c) => c.artifacts.filter((a) => a.kind === 'favicon').map((a) => a.path))).size,
    ).toBe(1);
  });

  it('captures rendered pages with screenshots in browser mode, ads first', async () => {
    const summary = await crawlSite(
      h.options({
        mode: 'browser',
        seeds: ['http://annonces.test/'],
        hostMap: site.hostMap,
        maxPages: 14,
        include: ['/annonce/*'],
        exclude: ['*/contact'],
        fullPageMaxHeight: 1000,
        viewport: { width: 800, height: 600 },
      }),
    );
    expect(h.failures).toEqual([]);
    expect(summary.pagesOk).toBe(14);
    expect(h.captures.some((c) => c.finalUrl.endsWith('/contact'))).toBe(false);
    // Breadth first, 14 pages would be home + 6 categories + their 6 second pages + /spa: no ad at all. Ads match
    // `include`, so the ones each category lists jump ahead of the rest of the queue.
    expect(adPages(h.captures).length).toBeGreaterThanOrEqual(4);
    const ad = adPages(h.captures)[0];
    expect(ad.mode).toBe('browser');
    expect(ad.text).toMatch(/Tél\. 06 39 98 \d\d \d\d/);
    expect(ad.html).toContain('data-ready="1"');
    expect(ad.screenshotsTaken).toBe(true);
    const shot = ad.artifacts.find((a) => a.kind === 'screenshot');
    const full = ad.artifacts.find((a) => a.kind === 'screenshot-full');
    expect(shot?.mediaType).toBe('image/png');
    expect(pngHeight(await h.evidence.read(shot?.sha256 ?? ''))).toBe(600);
    expect(pngHeight(await h.evidence.read(full?.sha256 ?? ''))).toBeLessThanOrEqual(1000);
    expect(ad.faviconBase64).toBeTruthy();
    expect(ad.outlinks.external).toEqual(['https://partenaire.example/']);
    for (const capture of h.captures) await expectEvidence(capture);
  });

  it('renders in the browser only the pages that need it in auto mode', async () => {
    const summary = await crawlSite(
      h.options({ mode: 'auto', seeds: ['http://annonces.test/'], hostMap: site.hostMap, maxPages: 40, maxDepth: 1 }),
    );
    expect(h.failures).toEqual([]);
    const spa = h.captures.find((c) => c.finalUrl === 'http://annonces.test/spa');
    expect(spa?.mode).toBe('browser');
    expect(spa?.text).toContain('06 39 98 77 66');
    expect(summary.renderedInBrowser).toBe(1);
    expect(h.captures.filter((c) => c.mode === 'http').length).toBe(h.captures.length - 1);
  });

  it('resumes an interrupted run from its storage and starts fresh with a new one', async () => {
    const controller = new AbortController();
    const first = h.options({
      runId: 'resume-me',
      mode: 'http',
      seeds: ['http://annonces.test/'],
      hostMap: site.hostMap,
      maxPages: 30,
      concurrency: 1,
    });
    first.onCapture = async (c) => {
      h.captures.push(c);
      if (h.captures.length === 5) controller.abort();
    };
    const stopped = await crawlSite({ ...first, signal: controller.signal });
    expect(stopped.stoppedEarly).toBe(true);
    expect(stopped.pagesOk).toBeLessThan(10);
    const resumed = await crawlSite({ ...first, onCapture: async (c) => void h.captures.push(c) });
    expect(resumed.stoppedEarly).toBe(false);
    const urls = h.captures.map((c) => c.requestedUrl);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(30);

    h.captures.length = 0;
    await crawlSite(
      h.options({
        runId: 'fresh-run',
        mode: 'http',
        seeds: ['http://annonces.test/'],
        hostMap: site.hostMap,
        maxPages: 30,
      }),
    );
    expect(h.captures.length).toBe(30);
  });
});
