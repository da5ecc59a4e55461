/**
 * crawlSite: one crawl run, start to summary. This orchestrator only wires the pieces:
 *   guard-proxy.ts   every connection of the run (hostMap, SSRF rule, byte budget, upstream proxy)
 *   crawlee-setup.ts request storage of the run (fresh dir = fresh run; same dir = resume) and Crawlee logs → pino
 *   crawl-run.ts     scope, budget, depth, counters, callbacks
 *   http-mode.ts / browser-mode.ts   one Crawlee crawler each, turning pages into snapshots
 *   capture-builder.ts  snapshot → evidence artifacts + Capture (network-record.ts: the page's HTTP exchanges as WARC)
 *   environment.ts   the run's capture environment (versions, proxy, resolver, egress, clock), stored once
 *   challenge.ts     WAF/CDN challenge pages, kept as such and never as the site's content
 * `auto` runs HTTP first; pages that look drawn by JavaScript go to a browser queue, crawled right after.
 */
import type { BasicCrawler, RequestQueue } from 'crawlee';
import { browserUserAgent, chromiumVersion, findChromium } from '../chromium/index.ts';
import { createCrawlRun } from './crawl-run.ts';
import { describeEnvironment } from './environment.ts';
import { createGuardProxy } from './guard-proxy.ts';
import type { ModeDeps } from './http-mode.ts';
import { createAddressCache, createNameResolver } from './name-resolver.ts';
import { DEFAULT_RENDERER_MEMORY_BYTES, startRendererWatchdog } from './renderer-watchdog.ts';
import { createScope, normalizeSeed, type Seed, SeedError } from './scope.ts';
import type { CrawlOptions, CrawlSummary } from './types.ts';

/** Options that cannot describe a crawl (the message names the option). */
export class CrawlOptionsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrawlOptionsError';
  }
}

function checkOptions(options: CrawlOptions): void {
  const positive: (keyof CrawlOptions)[] = [
    'maxPages',
    'concurrency',
    'pageTimeoutMs',
    'navigationTimeoutMs',
    'maxResponseBytes',
    'fullPageMaxHeight',
  ];
  for (const key of positive) {
    const value = options[key];
    if (typeof value !== 'number' || !(value > 0))
      throw new CrawlOptionsError(`${key} must be a positive number (got ${String(value)}).`);
  }
  if (!(options.maxDepth >= 0)) throw new CrawlOptionsError(`maxDepth must be 0 or more (got ${options.maxDepth}).`);
  if (!(options.perHostDelayMs >= 0))
    throw new CrawlOptionsError(`perHostDelayMs must be 0 or more (got ${options.perHostDelayMs}).`);
  if (!['browser', 'http', 'auto'].includes(options.mode))
    throw new CrawlOptionsError(`mode must be browser, http or auto (got ${options.mode}).`);
  if (options.seeds.length === 0)
    throw new CrawlOptionsError('A crawl needs at least one seed (a URL or a host name).');
}

const AUTO_MAX_ROUNDS = 6;

/**
 * Crawlee and the two modes built on it, loaded by the first crawl rather than with this module: a command that
 * never crawls (`phenix alerts list`, `phenix doctor` resolving a name) does not spend seconds loading Crawlee.
 */
async function loadCrawlEngine() {
  const { ProxyConfiguration } = await import('crawlee');
  const { crawlerLogger, createCrawleeLog, createRunStorage } = await import('./crawlee-setup.ts');
  const { createHttpMode } = await import('./http-mode.ts');
  const { createBrowserMode } = await import('./browser-mode.ts');
  return { ProxyConfiguration, crawlerLogger, createCrawleeLog, createRunStorage, createHttpMode, createBrowserMode };
}

export async function crawlSite(given: CrawlOptions): Promise<CrawlSummary> {
  checkOptions(given);
  const started = Date.now();
  const { ProxyConfiguration, crawlerLogger, createCrawleeLog, createRunStorage, createHttpMode, createBrowserMode } =
    await loadCrawlEngine();
  const log = crawlerLogger(given.logger);
  const chromiumPath = given.mode === 'http' ? null : findChromium(given.chromiumPath).path;
  // One user agent for pages, side fetches and both modes (see browserUserAgent).
  const options: CrawlOptions = {
    ...given,
    userAgent: given.userAgent ?? browserUserAgent(chromiumPath ? chromiumVersion(chromiumPath) : null),
  };

  const seeds: Seed[] = [];
  const badSeeds: { raw: string; error: SeedError }[] = [];
  for (const raw of options.seeds) {
    try {
      seeds.push(normalizeSeed(raw));
    } catch (error) {
      if (!(error instanceof SeedError)) throw error;
      badSeeds.push({ raw, error });
    }
  }
  const scope = createScope(seeds.map((s) => s.url));
  const resolver = createNameResolver({
    servers: options.dns?.servers,
    dohUrl: options.dns?.dohUrl,
    proxyUrl: options.proxyUrl,
    timeoutMs: options.dns?.timeoutMs ?? 5_000,
    // One try per question here: the guard's address cache tries again with a growing backoff.
    tries: 1,
  });
  const guard = await createGuardProxy({
    hostMap: options.hostMap,
    allowPrivateTargets: options.allowPrivateTargets,
    upstreamProxyUrl: options.proxyUrl,
    maxResponseBytes: options.maxResponseBytes,
    maxResponseMs: options.pageTimeoutMs + 1_000,
    resolve: options.resolve ?? createAddressCache(resolver),
    resolveThroughUpstream: !options.resolve && resolver.throughProxy,
  });
  // Stored before the first page so every capture of the run can name it.
  const environment = await options.evidence.put(
    JSON.stringify(await describeEnvironment(options, guard.url, chromiumPath), null, 2),
    'application/json',
  );
  const run = createCrawlRun(options, guard, scope, log, environment);
  let stoppedEarly = options.signal?.aborted ?? false;
  let current: BasicCrawler | null = null;
  let renderersRecycled = 0;
  const onAbort = () => {
    stoppedEarly = true;
    current?.stop('Crawl stopped on request: finishing the pages in progress.');
  };
  options.signal?.addEventListener('abort', onAbort);
  log.info(
    { runId: options.runId, mode: options.mode, seeds: options.seeds, scope: scope.domains, guard: guard.url },
    'crawl started',
  );

  try {
    for (const { raw, error } of badSeeds) {
      await run.fail(
        { url: raw, depth: 0, startedAt: Date.now() },
        { reason: 'blocked-scheme', message: error.message, status: null },
      );
    }
    const storage = createRunStorage(options.storageDir);
    const deps = (queue: RequestQueue): ModeDeps => ({
      config: storage.config,
      queue,
      proxyConfiguration: new ProxyConfiguration({ proxyUrls: [guard.url] }),
      crawleeLog: createCrawleeLog(log),
    });
    const httpQueue = options.mode === 'browser' ? null : await storage.openQueue('phenix-http');
    const browserQueue = options.mode === 'http' ? null : await storage.openQueue('phenix-browser');
    for (const queue of [httpQueue, browserQueue]) {
      if (queue) run.countExisting((await queue.getInfo())?.totalRequestCount ?? 0);
    }
    const firstQueue = (httpQueue ?? browserQueue) as RequestQueue;
    for (const seed of seeds) await run.addSeed(firstQueue, seed.url, seed.fallbackUrl);

    const runPhase = async (crawler: BasicCrawler) => {
      current = crawler;
      await crawler.run();
      current = null;
    };
    const runBrowserPhase = async (crawler: BasicCrawler) => {
      const watchdog = startRendererWatchdog({
        budgetBytes: options.rendererMemoryBytes ?? DEFAULT_RENDERER_MEMORY_BYTES,
        onRecycle: (pid, rss) =>
          log.warn({ pid, rssMb: Math.round(rss / 1024 / 1024) }, 'renderer over its memory budget: recycled'),
      });
      try {
        await runPhase(crawler);
      } finally {
        await watchdog.stop();
        renderersRecycled += watchdog.recycled();
      }
    };
    const httpPhase = (queue: RequestQueue) =>
      createHttpMode(run, deps(queue), options.mode === 'auto' ? browserQueue : null) as unknown as BasicCrawler;
    const browserPhase = (queue: RequestQueue, path: string) =>
      createBrowserMode(run, deps(queue), path, httpQueue ?? queue) as unknown as BasicCrawler;
    // auto alternates: HTTP pages that need JavaScript go to the browser queue, links found there come back to
    // HTTP. A handful of rounds covers any real site; the page budget bounds the rest.
    for (let round = 0; round < AUTO_MAX_ROUNDS && !stoppedEarly; round++) {
      if (httpQueue && !(await httpQueue.isFinished())) await runPhase(httpPhase(httpQueue));
      if (stoppedEarly) break;
      if (browserQueue && chromiumPath && !(await browserQueue.isFinished()))
        await runBrowserPhase(browserPhase(browserQueue, chromiumPath));
      const httpDone = !httpQueue || (await httpQueue.isFinished());
      const browserDone = !browserQueue || (await browserQueue.isFinished());
      if (httpDone && browserDone) break;
    }
    // A handler Crawlee gave up on may still be handing its capture over: counted before the summary.
    await run.settle();
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await guard.close();
    resolver.close?.();
  }

  const summary: CrawlSummary = {
    runId: options.runId,
    pagesOk: run.counters.ok,
    pagesFailed: run.counters.failed,
    failuresByReason: { ...run.failuresByReason },
    bytes: guard.stats.bytes,
    durationMs: Date.now() - started,
    stoppedEarly,
    renderedInBrowser: run.counters.renderedInBrowser,
    renderersRecycled,
  };
  // Each page requested is counted at most once (page-outcomes.ts); more would mean a page counted twice.
  const requested = run.counters.enqueued + badSeeds.length;
  if (summary.pagesOk + summary.pagesFailed > requested)
    log.error({ ...summary, requested }, 'more pages counted than requested: a page was counted twice');
  log.info({ ...summary }, 'crawl finished');
  return summary;
}
