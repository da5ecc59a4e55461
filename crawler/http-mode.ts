/**
 * HTTP mode: Crawlee's HttpCrawler (got-scraping) through the guard proxy, the body parsed in one htmlparser2 pass
 * (crawler/html-extract.ts) — no browser, so no screenshot and text as the server sent it. In `auto` mode a page
 * that looks drawn by JavaScript is not captured here but handed to the browser queue.
 */

import type { IncomingMessage } from 'node:http';
import {
  type Configuration,
  HttpCrawler,
  type HttpCrawlingContext,
  type Log,
  type ProxyConfiguration,
  type Request,
  type RequestQueue,
} from 'crawlee';
import { DEFAULT_IMAGE_BUDGET, imageUrlsFromHtml } from './ad-images.ts';
import type { PageSnapshot } from './capture-builder.ts';
import { detectChallenge } from './challenge.ts';
import type { CrawlRun } from './crawl-run.ts';
import { isRetryable, PageRefusedError, statusFailure } from './failure.ts';
import { fetchFavicon } from './fetch-via-guard.ts';
import { extractFromHtml, needsBrowser } from './html-extract.ts';
import { budgetBody, type NetworkExchange } from './network-record.ts';
import type { RedirectHop } from './types.ts';

export interface ModeDeps {
  config: Configuration;
  queue: RequestQueue;
  proxyConfiguration: ProxyConfiguration;
  crawleeLog: Log;
}

interface Attempt {
  startedAt: number;
  navigatedAt: number;
  hops: RedirectHop[];
  /** The redirect hops' exchanges (heads only: got keeps no body for them). */
  exchanges: NetworkExchange[];
}

/** Pairs of a raw header list (`[name, value, name, value, ...]`, as received). */
function pairs(raw: string[] | undefined): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; raw && i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

/** One exchange of got's: the headers it sent (as set on the request) and the response head as received. */
function gotExchange(
  response: IncomingMessage & { url?: string; requestUrl?: URL },
  startedAt: number,
  body: Buffer | null,
  note?: string,
): NetworkExchange {
  const req = (
    response as { req?: { method?: string; getRawHeaderNames?: () => string[]; getHeader?: (n: string) => unknown } }
  ).req;
  const sent: [string, string][] = (req?.getRawHeaderNames?.() ?? []).map((name) => [
    name,
    String(req?.getHeader?.(name) ?? ''),
  ]);
  return {
    url: String(response.url ?? response.requestUrl ?? ''),
    method: req?.method ?? 'GET',
    startedAt: new Date(startedAt),
    requestHeaders: sent,
    requestBody: null,
    status: response.statusCode ?? 0,
    statusText: response.statusMessage ?? '',
    protocol: response.httpVersion ? `http/${response.httpVersion}` : null,
    responseHeaders: pairs(response.rawHeaders),
    body,
    bodyNote: note,
  };
}

/**
 * The guard's or the status's refusal, except for a WAF/CDN challenge page answered with 403/503: that one is kept
 * (as a challenge capture, never as the site's content) because being blocked is itself worth recording.
 */
export function refuseUnlessChallenge(
  url: string,
  status: number | null,
  headers: Record<string, string>,
  body: () => string,
): PageRefusedError | null {
  const refused = refuseResponse(url, status, headers);
  if (!refused || headers['x-phenix-guard'] || status === null || status < 400) return refused;
  return detectChallenge({ status, headers, title: null, html: body() }) ? null : refused;
}

const ALL_ERROR_STATUSES = Array.from({ length: 200 }, (_, i) => 400 + i);

export function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** What both modes' Crawlee crawlers share: queue, guard proxy, logs, fixed concurrency, budgets, no sessions. */
export function commonCrawlerOptions(run: CrawlRun, deps: ModeDeps) {
  const { options } = run;
  return {
    requestQueue: deps.queue,
    proxyConfiguration: deps.proxyConfiguration,
    log: deps.crawleeLog,
    // The autoscaler believes 2 cores are overloaded and would stay at 1: fix the concurrency.
    minConcurrency: options.concurrency,
    maxConcurrency: options.concurrency,
    // Re-check the queue often: a small site's queue runs dry between pages and the default waits 0.5 s.
    autoscaledPoolOptions: {
      maybeRunIntervalSecs: 0.02,
      loggingIntervalSecs: null,
      desiredConcurrency: options.concurrency,
    },
    maxRequestRetries: 1,
    maxSessionRotations: 0,
    useSessionPool: false,
    persistCookiesPerSession: false,
    maxRequestsPerCrawl: options.maxPages,
    navigationTimeoutSecs: options.navigationTimeoutMs / 1000,
    requestHandlerTimeoutSecs: options.pageTimeoutMs / 1000,
    statusMessageLoggingInterval: 3600,
  };
}

/** The guard's verdict on a response it answered itself, a status failure, or a download. */
export function refuseResponse(
  url: string,
  status: number | null,
  headers: Record<string, string>,
): PageRefusedError | null {
  const guard = headers['x-phenix-guard'];
  if (guard)
    return new PageRefusedError(
      guard as PageRefusedError['reason'],
      `${url}: refused by the crawler's guard (${guard}).`,
      status,
    );
  if (status !== null && status >= 400) return statusFailure(status, url);
  if (/^\s*attachment/i.test(headers['content-disposition'] ?? '')) {
    return new PageRefusedError('download', `${url} is a file download; downloads are not kept.`, status);
  }
  return null;
}

export function faviconCandidate(declared: string | null, finalUrl: string): string {
  return declared ?? new URL('/favicon.ico', finalUrl).href;
}

export function createHttpMode(
  run: CrawlRun,
  deps: ModeDeps,
  browserQueue: RequestQueue | null,
): HttpCrawler<HttpCrawlingContext> {
  const { options } = run;
  const attempts = new WeakMap<Request, Attempt>();
  const attemptOf = (request: Request): Attempt => {
    let attempt = attempts.get(request);
    if (!attempt) {
      attempt = { startedAt: Date.now(), navigatedAt: Date.now(), hops: [], exchanges: [] };
      attempts.set(request, attempt);
    }
    return attempt;
  };

  return new HttpCrawler(
    {
      ...commonCrawlerOptions(run, deps),
      ignoreSslErrors: true,
      ignoreHttpErrorStatusCodes: ALL_ERROR_STATUSES,
      preNavigationHooks: [
        ({ request }) => run.throttle(request.url),
        ({ request }, gotOptions) => {
          const attempt: Attempt = { startedAt: Date.now(), navigatedAt: Date.now(), hops: [], exchanges: [] };
          attempts.set(request, attempt);
          gotOptions.headers = {
            ...gotOptions.headers,
            ...(options.userAgent ? { 'user-agent': options.userAgent } : {}),
          };
          gotOptions.useHeaderGenerator = !options.userAgent;
          gotOptions.maxRedirects = 10;
          gotOptions.hooks = {
            beforeRedirect: [
              (_next, response) => {
                attempt.hops.push({
                  url: response.url,
                  status: response.statusCode,
                  location: String(response.headers.location ?? ''),
                });
                attempt.exchanges.push(gotExchange(response, Date.now(), null, 'redirect: no body kept'));
              },
            ],
          };
        },
      ],
      postNavigationHooks: [
        ({ request, response }) => {
          attemptOf(request).navigatedAt = Date.now();
          // The guard caps plain HTTP; this also caps HTTPS, which the guard only tunnels.
          response?.on('downloadProgress', (progress: { transferred: number }) => {
            if (progress.transferred > options.maxResponseBytes) {
              response.destroy(
                new PageRefusedError(
                  'too-large',
                  `${request.url} sent more than the ${options.maxResponseBytes}-byte budget.`,
                ),
              );
            }
          });
        },
      ],
      requestHandler: async ({ request, response, body }) => {
        const attempt = attemptOf(request);
        const finalUrl = response.url ?? request.loadedUrl ?? request.url;
        const status = response.statusCode ?? null;
        const headers = flattenHeaders(response.headers);
        const html = Buffer.isBuffer(body) ? body.toString('utf8') : String(body);
        const refused =
          refuseUnlessChallenge(request.url, status, headers, () => html) ??
          run.guardCut([request.url, finalUrl], attempt.startedAt);
        if (refused) throw refused;
        const extract = extractFromHtml(html, finalUrl);
        const depth = Number(request.userData.depth ?? 0);
        if (browserQueue && needsBrowser(extract)) {
          await browserQueue.addRequest({
            url: request.url,
            uniqueKey: request.uniqueKey,
            userData: { depth, fromHttp: true },
          });
          run.counters.renderedInBrowser++;
          return;
        }
        const faviconUrl = faviconCandidate(extract.faviconUrl, finalUrl);
        const favicon = await run.favicon(faviconUrl, (url) =>
          fetchFavicon(url, {
            guardUrl: run.guard.url,
            maxBytes: 512 * 1024,
            timeoutMs: 5_000,
            userAgent: run.userAgent,
          }),
        );
        // Side requests through the guard with the crawl's user agent: nothing rendered, so nothing loaded yet.
        const imageUrls = imageUrlsFromHtml(
          html,
          finalUrl,
          options.images?.maxPerPage ?? DEFAULT_IMAGE_BUDGET.maxPerPage,
        );
        const images = await run.images(imageUrls, (url) =>
          fetchFavicon(url, {
            guardUrl: run.guard.url,
            maxBytes: options.images?.maxBytes ?? DEFAULT_IMAGE_BUDGET.maxBytes,
            timeoutMs: 5_000,
            userAgent: run.userAgent,
          }),
        );
        const snapshot: PageSnapshot = {
          runId: options.runId,
          requestedUrl: request.url,
          finalUrl,
          redirectChain: attempt.hops,
          status,
          headers,
          capturedAt: new Date(attempt.startedAt).toISOString(),
          timings: { navigationMs: attempt.navigatedAt - attempt.startedAt, totalMs: Date.now() - attempt.startedAt },
          mode: 'http',
          depth,
          title: extract.title,
          html,
          text: extract.text,
          links: extract.links,
          scripts: extract.scripts,
          stylesheets: extract.stylesheets,
          faviconUrl: favicon ? faviconUrl : extract.faviconUrl,
          favicon,
          screenshots: null,
          notes: [],
          exchanges: [
            ...attempt.exchanges,
            {
              ...gotExchange(response, attempt.startedAt, null),
              ...budgetBody(Buffer.isBuffer(body) ? body : Buffer.from(html), { left: options.maxResponseBytes }),
            },
          ],
          challenge: detectChallenge({ status, headers, title: extract.title, html, text: extract.text }),
          images,
        };
        // Not handed over: the page already has its outcome (this attempt overran its budget and was failed).
        if (!(await run.capture(snapshot))) return;
        await run.enqueueLinks(deps.queue, extract.links, depth);
      },
      errorHandler: ({ request }, error) => {
        const failure = run.classify(error, { url: request.url, depth: 0, startedAt: attemptOf(request).startedAt });
        // A page captured before its attempt failed is not tried again (it would be captured twice).
        if (!isRetryable(failure.reason) || run.handedOver(request.url)) request.noRetry = true;
      },
      failedRequestHandler: async ({ request }, error) => {
        await failRequest(run, deps.queue, request, error, attemptOf(request).startedAt);
      },
    },
    deps.config,
  );
}

/**
 * Records a failed page — or, for a bare-host seed whose https:// did not answer, tries http:// instead. A page
 * whose capture was handed over before its attempt failed is not failed (run.fail only logs it) nor tried again.
 */
export async function failRequest(
  run: CrawlRun,
  queue: RequestQueue,
  request: Request,
  error: unknown,
  startedAt: number,
): Promise<void> {
  const depth = Number(request.userData.depth ?? 0);
  const failure = run.classify(error, { url: request.url, depth, startedAt });
  const fallbackUrl = request.userData.fallbackUrl as string | null | undefined;
  if (fallbackUrl && !run.handedOver(request.url) && (failure.reason === 'network' || failure.reason === 'timeout')) {
    run.log.info({ url: request.url, fallbackUrl }, 'https did not answer; trying http');
    await queue.addRequest({ url: fallbackUrl, userData: { depth, fallbackUrl: null } }, { forefront: true });
    return;
  }
  await run.fail({ url: request.url, depth, startedAt }, failure);
}
