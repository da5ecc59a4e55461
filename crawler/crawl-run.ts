/**
 * The state one crawl run shares between its modes: scope and URL patterns, the page budget (every URL ever
 * queued counts, seeds included, so a calendar trap or a 50,000-link page cannot grow the queue past maxPages),
 * depth, the counters behind progress and the summary, the favicon cache, and the two callbacks. Modes hand it
 * what they saw (a PageSnapshot) or why they failed; it writes evidence, calls back and counts.
 */
import type { RequestQueue } from 'crawlee';
import { browserUserAgent } from '../chromium/index.ts';
import { collectImages, createImageQuota, DEFAULT_IMAGE_BUDGET, type PageImage } from './ad-images.ts';
import { buildCapture, type PageSnapshot } from './capture-builder.ts';
import { type ClassifiedFailure, classifyFailure, type FailureReason, PageRefusedError } from './failure.ts';
import type { GuardProxy } from './guard-proxy.ts';
import { createHostThrottle } from './host-throttle.ts';
import { createPageOutcomes } from './page-outcomes.ts';
import { compileUrlPatterns, parseHttpUrl, type Scope } from './scope.ts';
import type { CrawlLogger, CrawlOptions } from './types.ts';

export interface RequestInfo {
  url: string;
  depth: number;
  /** Epoch ms when the attempt started (guard refusals older than this belong to someone else). */
  startedAt: number;
}

export interface Favicon {
  bytes: Buffer;
  mediaType: string;
}

const FAVICON_CACHE_SIZE = 500;

export function createCrawlRun(
  options: CrawlOptions,
  guard: GuardProxy,
  scope: Scope,
  log: CrawlLogger,
  environment: { sha256: string; size: number; path: string } | null = null,
) {
  const isIncluded = compileUrlPatterns(options.include);
  const isExcluded = compileUrlPatterns(options.exclude);
  const seen = new Set<string>();
  const failuresByReason: Record<string, number> = {};
  const favicons = new Map<string, Promise<Favicon | null>>();
  const counters = { ok: 0, failed: 0, enqueued: 0, renderedInBrowser: 0 };
  const imageQuota = createImageQuota(options.images ?? DEFAULT_IMAGE_BUDGET);
  // Each page is counted once, captured or failed (page-outcomes.ts: an attempt may go on after Crawlee failed it).
  const outcomes = createPageOutcomes(log);

  function progress(): void {
    options.onProgress?.({
      done: counters.ok,
      failed: counters.failed,
      queued: Math.max(0, counters.enqueued - counters.ok - counters.failed),
      bytes: guard.stats.bytes,
    });
  }

  return {
    options,
    /** The crawl's one user agent (crawl-site sets it from the browser's version when none is configured). */
    userAgent: options.userAgent ?? browserUserAgent(null),
    /** Per-host politeness delay, shared by both modes of the run. */
    throttle: createHostThrottle(options.perHostDelayMs),
    guard,
    scope,
    log,
    counters,
    failuresByReason,

    budgetLeft(): number {
      return Math.max(0, options.maxPages - counters.enqueued);
    },

    /** Resumed runs start with what their queues already hold. */
    countExisting(total: number): void {
      counters.enqueued += total;
    },

    /** Queues the in-scope, not-excluded, not-yet-seen links of a page; include-matching ones go first. */
    async enqueueLinks(queue: RequestQueue, links: string[], parentDepth: number): Promise<number> {
      const depth = parentDepth + 1;
      if (depth > options.maxDepth) return 0;
      const first: string[] = [];
      const rest: string[] = [];
      for (const link of links) {
        if (counters.enqueued + first.length + rest.length >= options.maxPages) break;
        const url = parseHttpUrl(link);
        if (!url || seen.has(url.href) || !scope.inScope(url.href) || isExcluded(url)) continue;
        seen.add(url.href);
        (isIncluded(url) ? first : rest).push(url.href);
      }
      const toRequest = (url: string) => ({ url, userData: { depth } });
      // Reserve the budget before awaiting (pages finishing together must not both spend it), then give back
      // what the queue already held (a resumed run rediscovers links its queue has).
      const reserved = first.length + rest.length;
      counters.enqueued += reserved;
      let present = 0;
      const count = (result: { processedRequests: { wasAlreadyPresent: boolean }[] }) => {
        present += result.processedRequests.filter((r) => r.wasAlreadyPresent).length;
      };
      try {
        if (first.length > 0) count(await queue.addRequests(first.map(toRequest), { forefront: true }));
        if (rest.length > 0) count(await queue.addRequests(rest.map(toRequest)));
      } finally {
        counters.enqueued -= present;
      }
      return reserved - present;
    },

    async addSeed(queue: RequestQueue, url: string, fallbackUrl: string | null): Promise<void> {
      seen.add(url);
      const result = await queue.addRequest({ url, userData: { depth: 0, fallbackUrl } });
      if (!result.wasAlreadyPresent) counters.enqueued++;
    },

    /**
     * Hands the page's capture over and counts it, unless the page was already captured or failed (an attempt
     * Crawlee gave up on may still get here): resolves false then, and the caller stops (no links queued).
     */
    capture(snapshot: PageSnapshot): Promise<boolean> {
      return outcomes.capture(snapshot.requestedUrl, async () => {
        const capture = await buildCapture(snapshot, {
          evidence: options.evidence,
          scope,
          maxBytes: options.maxResponseBytes,
          environment,
        });
        await options.onCapture(capture);
        counters.ok++;
        progress();
      });
    },

    /** The page's capture was handed over (or is being): a failure of its attempt must not retry it. */
    handedOver(url: string): boolean {
      return outcomes.handedOver(url);
    },

    /** Waits for captures still being handed over by attempts Crawlee already gave up on (before the summary). */
    settle(): Promise<void> {
      return outcomes.settle(Math.max(options.pageTimeoutMs, 10_000));
    },

    /** A page the guard cut short (byte or time budget) may still look loaded: refuse it rather than keep half. */
    guardCut(urls: string[], since: number): PageRefusedError | null {
      for (const url of urls) {
        const refusal = guard.refusalFor(url, since);
        if (refusal) return new PageRefusedError(refusal.reason as FailureReason, refusal.message);
      }
      return null;
    },

    classify(error: unknown, request: RequestInfo): ClassifiedFailure {
      return classifyFailure(error, request.url, guard, request.startedAt);
    },

    /** Records a page that could not be captured, unless it was captured (then only logged) or already failed. */
    async fail(request: RequestInfo, failure: ClassifiedFailure): Promise<void> {
      await outcomes.fail(request.url, failure, async () => {
        counters.failed++;
        failuresByReason[failure.reason] = (failuresByReason[failure.reason] ?? 0) + 1;
        log.info({ url: request.url, reason: failure.reason, status: failure.status }, 'page not captured');
        await options.onFailure({
          runId: options.runId,
          url: request.url,
          depth: request.depth,
          reason: failure.reason,
          message: failure.message,
          status: failure.status,
          at: new Date().toISOString(),
        });
        progress();
      });
    },

    /** The page's pictures within the run's image budget; `source` gives one URL's bytes (page response or guard fetch). */
    images(urls: string[], source: (url: string) => Promise<Favicon | null>): Promise<PageImage[]> {
      return collectImages(urls, imageQuota, source);
    },

    /** One fetch per favicon URL per run (every page of a site shares it). */
    favicon(url: string, fetch: (url: string) => Promise<Favicon | null>): Promise<Favicon | null> {
      let pending = favicons.get(url);
      if (!pending) {
        pending = fetch(url).catch(() => null);
        favicons.set(url, pending);
        if (favicons.size > FAVICON_CACHE_SIZE) favicons.delete(favicons.keys().next().value as string);
      }
      return pending;
    },
  };
}

export type CrawlRun = ReturnType<typeof createCrawlRun>;
