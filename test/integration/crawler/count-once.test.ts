/**
 * A page is counted once: captured or failed, never both, never captured twice. Crawlee's request-handler timeout
 * does not stop the handler, it only stops waiting for it, so an attempt that overruns its budget goes on after its
 * failure was recorded. Two ways that used to count one page twice, made deterministic here:
 *   /slow-handover  the capture is being handed over (onCapture is slow) when the handler's timeout fires: the
 *                   page was captured, and its attempt's timeout must not also record it as failed;
 *   /slow-favicon   the handler is still fetching the favicon when its timeout fires: the page fails as a timeout,
 *                   and the capture the handler builds afterwards must not be handed over.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Capture, type CaptureFailure, crawlSite } from '../../../crawler/index.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

const PAGE_TIMEOUT_MS = 3_000;
/** Longer than the page's budget, shorter than the favicon fetch's own 5 s timeout. */
const OVERRUN_MS = PAGE_TIMEOUT_MS + 1_500;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let server: http.Server;
let port = 0;
let h: CrawlHarness;

function page(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/slow-icon.png') {
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from('89504e470d0a1a0a', 'hex'));
      }, OVERRUN_MS);
      return;
    }
    if (path === '/favicon.ico') {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (path === '/')
      res.end(
        page(
          'Artisans du quartier',
          '<a href="/slow-handover">Plombier</a> <a href="/slow-favicon">Électricien</a> <a href="/ok">Peintre</a>',
        ),
      );
    else if (path === '/slow-favicon')
      res.end(page('Électricien', '<p>Dépannage, 06 39 98 12 34.</p>', '<link rel="icon" href="/slow-icon.png">'));
    else res.end(page('Annonce', `<p>Travaux ${path.slice(1)}, devis gratuit, 01 99 00 12 34.</p>`));
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

const base = 'http://artisans.test';

describe('each page is counted once', () => {
  for (const mode of ['http', 'browser'] as const) {
    it(`${mode} mode: a page is captured or failed, never both, never twice`, { timeout: 60_000 }, async () => {
      const captures: Capture[] = [];
      const failures: CaptureFailure[] = [];
      const warnings: { url?: string; msg?: string }[] = [];
      const quiet = () => {};
      const logger = {
        debug: quiet,
        info: quiet,
        error: quiet,
        warn: (obj: object, msg?: string) => warnings.push({ ...obj, msg }),
      };
      const summary = await crawlSite(
        h.options({
          mode,
          seeds: [`${base}/`],
          hostMap: { '*.test': `127.0.0.1:${port}` },
          maxPages: 10,
          maxDepth: 1,
          concurrency: 2,
          pageTimeoutMs: PAGE_TIMEOUT_MS,
          navigationTimeoutMs: PAGE_TIMEOUT_MS,
          onCapture: async (capture) => {
            if (capture.requestedUrl.endsWith('/slow-handover')) await sleep(OVERRUN_MS);
            captures.push(capture);
          },
          onFailure: async (failure) => {
            failures.push(failure);
          },
          logger,
        }),
      );
      // Whatever an overrunning attempt still does after the crawl returned happens within this.
      await sleep(OVERRUN_MS + 1_000);
      const capturedUrls = captures.map((c) => c.requestedUrl);
      const failedUrls = failures.map((f) => f.url);
      expect(new Set(capturedUrls).size, `captured twice: ${capturedUrls}`).toBe(capturedUrls.length);
      expect(new Set(failedUrls).size, `failed twice: ${failedUrls}`).toBe(failedUrls.length);
      expect(
        capturedUrls.filter((url) => failedUrls.includes(url)),
        'captured and failed',
      ).toEqual([]);
      // The page whose handover outlived its attempt is captured (onCapture accepted it), and the page whose
      // attempt timed out before its capture was handed over failed as a timeout.
      expect(capturedUrls).toContain(`${base}/slow-handover`);
      expect(failures.find((f) => f.url === `${base}/slow-favicon`)?.reason).toBe('timeout');
      expect(capturedUrls).toEqual(expect.arrayContaining([`${base}/`, `${base}/ok`]));
      // The failure not counted is logged on the captured page, and so is the capture not handed over.
      const warned = (path: string) => warnings.filter((w) => w.url === `${base}${path}`).map((w) => w.msg);
      expect(warned('/slow-handover').join(' ')).toMatch(/captured; its attempt failed/);
      expect(warned('/slow-favicon').join(' ')).toMatch(/already counted/);
      // The summary agrees with what the callbacks received, and counts each requested page at most once.
      expect(summary.pagesOk).toBe(captures.length);
      expect(summary.pagesFailed).toBe(failures.length);
      expect(summary.pagesOk + summary.pagesFailed).toBe(4);
    });
  }
});
