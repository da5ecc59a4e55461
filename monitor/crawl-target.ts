/**
 * Crawls one target (a monitored site's seed domains, or one candidate domain) with the config's
 * budgets, stores every capture and failure as it arrives, and records the run. A run left `running`
 * by a crash is resumed with the same id and request storage (captures are stored once per URL).
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/index.ts';
import { type Capture, type CaptureFailure, type CrawlMode, type CrawlSummary, crawlSite } from '../crawler/index.ts';
import {
  type DomainRow,
  finishRun,
  insertFailure,
  markDomainCrawled,
  safeErrorMessage,
  startRun,
} from '../db/index.ts';
import { createImageAnalyser, type ImageAnalyser } from '../images/index.ts';
import { lookupHostMap } from '../lib/hostname.ts';
import type { MonitorContext } from './context.ts';
import { storeCapture } from './store-capture.ts';

export interface CrawlTarget {
  /** What the log and progress lines call it: the site name or the candidate hostname. */
  label: string;
  siteId: number | null;
  /** The domains crawled together; the first is the primary (the run is recorded under it). */
  domains: DomainRow[];
  region: string;
  overrides?: Partial<{
    mode: CrawlMode;
    maxPages: number;
    maxDepth: number;
    include: string[];
    exclude: string[];
    perHostDelayMs: number;
  }>;
}

export interface CrawlTargetResult {
  runId: string;
  summary: CrawlSummary;
  pages: {
    captureId: number;
    requestedUrl: string;
    finalUrl: string;
    status: number | null;
    text: string;
    external: string[];
    redirectChain: Capture['redirectChain'];
  }[];
  failures: CaptureFailure[];
}

export function crawlOptionsFromConfig(config: Config, target: CrawlTarget, modeOverride?: CrawlMode) {
  const c = config.crawler;
  const o = target.overrides ?? {};
  return {
    mode: modeOverride ?? o.mode ?? c.mode,
    maxPages: o.maxPages ?? c.maxPages,
    maxDepth: o.maxDepth ?? c.maxDepth,
    include: o.include,
    exclude: o.exclude,
    concurrency: c.concurrency,
    perHostDelayMs: o.perHostDelayMs ?? c.perHostDelayMs,
    pageTimeoutMs: c.pageTimeoutSeconds * 1000,
    navigationTimeoutMs: c.navigationTimeoutSeconds * 1000,
    maxResponseBytes: Math.round(c.maxResponseMB * 1024 * 1024),
    fullPageMaxHeight: c.fullPageMaxHeight,
    userAgent: c.userAgent,
    proxyUrl: c.proxyUrl,
    dns: { servers: config.dns.servers, dohUrl: config.dns.dohUrl, timeoutMs: config.dns.timeoutMs },
    hostMap: c.hostMap,
    allowPrivateTargets: c.allowPrivateTargets,
    egressCheckUrl: config.evidence.egressCheckUrl,
    images: {
      maxPerPage: c.imagesPerPage,
      maxPerCrawl: c.imagesPerCrawl,
      maxBytes: Math.round(c.imageMaxMB * 1024 * 1024),
    },
  };
}

/** The image analyser of one crawl run, with the unit's OCR budget (a cycle's crawls and `phenix compare`'s). */
export function pictureAnalyser(
  config: Config,
  read: (sha256: string) => Promise<Uint8Array>,
  onError?: (error: unknown, sha256: string) => void,
): ImageAnalyser {
  return createImageAnalyser({
    read,
    ocrPerCrawl: config.images.ocrPerCrawl,
    ocrTimeoutMs: config.images.ocrSecondsPerImage * 1000,
    onError,
  });
}

export async function crawlTarget(
  ctx: MonitorContext,
  target: CrawlTarget,
  options: {
    cycleId?: string;
    /** Record the run under this id (a queue job's own id) instead of a new one. */
    runId?: string;
    resume?: { runId: string; storageDir: string };
    mode?: CrawlMode;
    maxPages?: number;
  } = {},
): Promise<CrawlTargetResult> {
  const primary = target.domains[0];
  const runId = options.resume?.runId ?? options.runId ?? randomUUID();
  const storageDir = options.resume?.storageDir ?? join(ctx.storageRoot, runId);
  const base = crawlOptionsFromConfig(ctx.config, target, options.mode);
  if (options.maxPages) base.maxPages = options.maxPages;
  const log = ctx.logger.child({ component: 'crawl', target: target.label, runId });
  await startRun(ctx.db, {
    id: runId,
    siteId: target.siteId,
    domainId: primary.id,
    cycleId: options.cycleId ?? null,
    mode: base.mode,
    storageDir,
  });
  // The process that left this run died mid-write: Crawlee's request storage may hold stale locks and requests
  // marked in progress, which crash a resumed queue (ELOCKED). The run starts over from its seeds under the same
  // id instead; pages it captured before the crash stay stored once (captures are unique per run and URL).
  if (options.resume) rmSync(storageDir, { recursive: true, force: true });
  const byHost = new Map(target.domains.map((d) => [d.hostname, d.id]));
  const pages: CrawlTargetResult['pages'] = [];
  const failures: CaptureFailure[] = [];
  const started = Date.now();
  // One analyser per crawl run: its OCR budget is per crawl, and its queue runs beside the crawl.
  const images = pictureAnalyser(
    ctx.config,
    (sha256) => ctx.evidence.read(sha256),
    (error, sha256) => log.warn({ err: error, sha256 }, 'picture not analysed'),
  );
  log.info(
    { domains: target.domains.map((d) => d.hostname), mode: base.mode, resumed: Boolean(options.resume) },
    'crawl started',
  );
  try {
    const summary = await crawlSite({
      ...base,
      runId,
      // A host-mapped name points at a local plain-HTTP server (tests, the demo): no https attempt first.
      seeds: target.domains.map((d) =>
        lookupHostMap(ctx.config.crawler.hostMap, d.hostname) ? `http://${d.hostname}/` : d.hostname,
      ),
      chromiumPath: ctx.config.crawler.chromiumPath ?? ctx.chromiumPathFromEnv,
      storageDir,
      evidence: ctx.evidence,
      logger: log,
      signal: ctx.signal,
      onCapture: async (capture) => {
        const host = hostOf(capture.finalUrl) ?? hostOf(capture.requestedUrl) ?? '';
        const domainId = byHost.get(host) ?? byHost.get(hostOf(capture.requestedUrl) ?? '') ?? primary.id;
        const stored = await storeCapture(ctx.db, capture, { domainId, region: target.region }, images);
        // A challenge page says nothing about the site (not its links, not a takedown): stored, not used.
        if (capture.challenge) return;
        pages.push({
          captureId: stored.id,
          requestedUrl: capture.requestedUrl,
          finalUrl: capture.finalUrl,
          status: capture.status,
          text: capture.text,
          external: capture.outlinks.external,
          redirectChain: capture.redirectChain,
        });
      },
      onFailure: async (failure) => {
        failures.push(failure);
        await insertFailure(ctx.db, { ...failure, at: new Date(failure.at) });
        log.debug({ url: failure.url, reason: failure.reason }, 'page not captured');
      },
      onProgress: (p) =>
        ctx.onProgress?.(`${target.label}: ${p.done} page(s) captured, ${p.failed} failed, ${p.queued} queued`),
    });
    // The crawl is over; the numbers still being read in its pictures belong to its captures.
    await images.close();
    if (images.stats.hashed > 0) log.info({ ...images.stats }, 'pictures analysed');
    await finishRun(ctx.db, runId, {
      status: summary.stoppedEarly ? 'interrupted' : 'done',
      pagesOk: summary.pagesOk,
      pagesFailed: summary.pagesFailed,
      bytes: summary.bytes,
      summary: {
        failuresByReason: summary.failuresByReason,
        durationMs: summary.durationMs,
        renderedInBrowser: summary.renderedInBrowser,
      },
    });
    for (const d of target.domains) await markDomainCrawled(ctx.db, d.id);
    log.info(
      {
        pagesOk: summary.pagesOk,
        pagesFailed: summary.pagesFailed,
        failuresByReason: summary.failuresByReason,
        ms: Date.now() - started,
      },
      'crawl finished',
    );
    return { runId, summary, pages, failures };
  } catch (error) {
    await images.close().catch(() => {});
    // A crawl that cannot run at all (no browser, bad proxy) is recorded as failed; the cycle goes on with the others.
    await finishRun(ctx.db, runId, {
      status: 'failed',
      pagesOk: pages.length,
      pagesFailed: failures.length,
      bytes: 0,
      error: safeErrorMessage(error),
    });
    log.error({ err: error }, 'crawl failed');
    throw error;
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}
