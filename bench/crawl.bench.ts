/**
 * npm run bench:crawl — a local fixture site of 500 ad pages (test/helpers/fixture-server.ts, `*.test` names)
 * crawled four ways in one run: Phénix browser mode, Phénix HTTP mode (full capture: evidence files, screenshots in
 * the browser, favicon, outlinks), and bare Crawlee PlaywrightCrawler / CheerioCrawler that only read the page
 * content. Every crawler reaches the site through the same guard proxy (how `*.test` reaches loopback), with the
 * same concurrency. Prints pages/s, peak RSS (Node + Chromium processes) and the ratios.
 * Env: BENCH_PAGES (default 500), BENCH_CONCURRENCY (default 4), BENCH_ONLY (comma list of run names).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CheerioCrawler, Configuration, LogLevel, log, PlaywrightCrawler, ProxyConfiguration } from 'crawlee';
import { chromium } from 'playwright';
import { browserLaunchOptions, findChromium } from '../chromium/index.ts';
import { crawlSite, createGuardProxy } from '../crawler/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import { startFixtureSite } from '../test/helpers/fixture-server.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ONLY = process.env.BENCH_ONLY?.split(',');

interface Result {
  name: string;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  peakRssMb: number;
}

/** RSS of this process and all its descendants (Chromium), in bytes. */
async function treeRss(): Promise<number> {
  const parents = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      parents.set(pid, Number(/PPid:\s+(\d+)/.exec(status)?.[1] ?? 0));
      rss.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  const mine = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, ppid] of parents) {
      if (!mine.has(pid) && mine.has(ppid)) {
        mine.add(pid);
        grew = true;
      }
    }
  }
  let total = 0;
  for (const pid of mine) total += rss.get(pid) ?? 0;
  return total;
}

async function measure(name: string, run: () => Promise<number>): Promise<Result | null> {
  if (ONLY && !ONLY.includes(name)) return null;
  let peak = await treeRss();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await treeRss());
      await new Promise((r) => setTimeout(r, 500));
    }
  })();
  const started = performance.now();
  const pages = await run();
  const seconds = (performance.now() - started) / 1000;
  sampling = false;
  await sampler;
  const result = { name, pages, seconds, pagesPerSecond: pages / seconds, peakRssMb: peak / 1024 / 1024 };
  console.log(
    `${name.padEnd(22)} ${String(pages).padStart(4)} pages  ${seconds.toFixed(1).padStart(6)} s  ${result.pagesPerSecond.toFixed(2).padStart(7)} pages/s  peak RSS ${result.peakRssMb.toFixed(0)} MB`,
  );
  return result;
}

async function main(): Promise<void> {
  log.setLevel(LogLevel.ERROR);
  const site = await startFixtureSite({ adCount: PAGES, perPage: 25 });
  const work = await mkdtemp(path.join(tmpdir(), 'phenix-bench-'));
  const chromiumPath = findChromium(undefined).path;
  const seed = 'http://annonces.test/';
  const guard = await createGuardProxy({
    hostMap: site.hostMap,
    allowPrivateTargets: false,
    maxResponseBytes: 5e6,
    maxResponseMs: 30_000,
  });
  const proxyConfiguration = new ProxyConfiguration({ proxyUrls: [guard.url] });
  const memoryConfig = () => new Configuration({ persistStorage: false, purgeOnStart: true });
  console.log(`Crawl benchmark: ${PAGES} pages per run, concurrency ${CONCURRENCY}, Chromium ${chromiumPath}`);

  const phenix = (mode: 'browser' | 'http') => async () => {
    const runId = `bench-${mode}`;
    const summary = await crawlSite({
      runId,
      seeds: [seed],
      mode,
      maxPages: PAGES,
      maxDepth: 10,
      concurrency: CONCURRENCY,
      perHostDelayMs: 0,
      pageTimeoutMs: 30_000,
      navigationTimeoutMs: 20_000,
      maxResponseBytes: 5e6,
      fullPageMaxHeight: 4000,
      hostMap: site.hostMap,
      allowPrivateTargets: false,
      chromiumPath,
      storageDir: path.join(work, 'storage', runId),
      evidence: createEvidenceStore({ dir: path.join(work, 'evidence') }),
      onCapture: async () => {},
      onFailure: async (f) => console.error('failure', f.url, f.reason, f.message),
    });
    return summary.pagesOk;
  };

  const barePlaywright = async () => {
    let pages = 0;
    const crawler = new PlaywrightCrawler(
      {
        proxyConfiguration,
        minConcurrency: CONCURRENCY,
        maxConcurrency: CONCURRENCY,
        maxRequestsPerCrawl: PAGES,
        launchContext: { launcher: chromium, launchOptions: browserLaunchOptions(chromiumPath) },
        browserPoolOptions: { useFingerprints: false },
        requestHandler: async ({ page, enqueueLinks }) => {
          await page.content();
          pages++;
          await enqueueLinks({ strategy: 'same-domain' });
        },
      },
      memoryConfig(),
    );
    await crawler.run([seed]);
    return pages;
  };

  const bareCheerio = async () => {
    let pages = 0;
    const crawler = new CheerioCrawler(
      {
        proxyConfiguration,
        minConcurrency: CONCURRENCY,
        maxConcurrency: CONCURRENCY,
        maxRequestsPerCrawl: PAGES,
        requestHandler: async ({ body, enqueueLinks }) => {
          void body.length;
          pages++;
          await enqueueLinks({ strategy: 'same-domain' });
        },
      },
      memoryConfig(),
    );
    await crawler.run([seed]);
    return pages;
  };

  const results = [
    await measure('phenix-http', phenix('http')),
    await measure('bare-cheerio', bareCheerio),
    await measure('phenix-browser', phenix('browser')),
    await measure('bare-playwright', barePlaywright),
  ].filter((r): r is Result => r !== null);
  const by = (name: string) => results.find((r) => r.name === name);
  const ratio = (a: string, b: string) => {
    const x = by(a);
    const y = by(b);
    if (x && y) console.log(`${`${a} / ${b}`.padEnd(36)} ${(x.pagesPerSecond / y.pagesPerSecond).toFixed(2)}×`);
  };
  console.log('Ratios (pages/s):');
  ratio('phenix-browser', 'bare-playwright');
  ratio('phenix-http', 'phenix-browser');
  ratio('phenix-http', 'bare-cheerio');
  console.log(JSON.stringify({ pages: PAGES, concurrency: CONCURRENCY, results }));
  await guard.close();
  await site.close();
  await rm(work, { recursive: true, force: true });
}

await main();
