/**
 * Browser mode: Crawlee's PlaywrightCrawler driving Chromium through the guard proxy (Chromium's own proxy setting,
 * loopback included: Playwright adds `<-loopback>`, so even 127.0.0.1 goes through the guard). Hostile pages are
 * tamed here: window.open returns null (init script) and stray pop-ups are closed, dialogs are dismissed and
 * counted, downloads are refused (acceptDownloads: false), and a page that is not http(s) after load is refused.
 * Each page gives its rendered HTML, innerText, links, a viewport screenshot and a full-page one cut at
 * fullPageMaxHeight; navigation waits for DOMContentLoaded, then for `load` within what is left of the budget,
 * so one slow image does not cost the capture.
 */
import type { PlaywrightCrawlingContext, Request } from 'crawlee';
import { type BrowserContext, type CDPSession, chromium, type Page, type Response } from 'playwright';
import { browserLaunch } from '../chromium/index.ts';
import { DEFAULT_IMAGE_BUDGET } from './ad-images.ts';
import { createBrowserRecorder } from './browser-recorder.ts';
import type { PageSnapshot } from './capture-builder.ts';
import { detectChallenge } from './challenge.ts';
import type { CrawlRun } from './crawl-run.ts';
import { isRetryable, PageRefusedError } from './failure.ts';
import { fetchFavicon } from './fetch-via-guard.ts';
import {
  commonCrawlerOptions,
  failRequest,
  faviconCandidate,
  type ModeDeps,
  refuseUnlessChallenge,
} from './http-mode.ts';
import { REUSE_MAX_HEAP_BYTES, ReusingPlaywrightCrawler } from './page-reuse.ts';
import type { RedirectHop } from './types.ts';

interface Attempt {
  startedAt: number;
}

interface PageFacts {
  title: string;
  text: string;
  /** Length of the whole serialised document, to know whether `page.content()` is safe to ask for. */
  htmlLength: number;
  links: string[];
  scripts: string[];
  stylesheets: string[];
  favicon: string | null;
  height: number;
  popups: number;
  images: string[];
}

const NO_POPUPS = `(() => {
  let blocked = 0;
  const open = function () { blocked += 1; return null; };
  Object.defineProperty(window, 'open', { value: open, writable: false, configurable: false });
  Object.defineProperty(window, '__phenixBlockedPopups', { get: () => blocked });
})();`;

/**
 * Runs in the page: everything but the HTML and the pixels, in one round trip. Kept as plain JavaScript text
 * because a compiled TypeScript function may carry helpers (esbuild's __name) that do not exist in the page.
 */
const READ_PAGE = (maxChars: number) => `(() => {
  const maxLinks = 20000;
  const maxChars = ${maxChars};
  const http = (href) => (href && /^https?:/i.test(href) ? href.split('#')[0] : null);
  const links = [];
  const seen = new Set();
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    if (links.length >= maxLinks) break;
    const href = http(a.href);
    if (href && !seen.has(href)) { seen.add(href); links.push(href); }
  }
  const urls = (selector, attr) => [...new Set([...document.querySelectorAll(selector)].map((e) => http(e[attr])).filter(Boolean))];
  const icon = document.querySelector('link[rel~="icon" i][href]');
  return {
    title: document.title,
    text: (document.body ? document.body.innerText : '').slice(0, maxChars),
    htmlLength: document.documentElement ? document.documentElement.outerHTML.length : 0,
    links,
    scripts: urls('script[src]', 'src'),
    stylesheets: urls('link[rel~="stylesheet" i][href]', 'href'),
    favicon: icon ? http(icon.href) : null,
    height: Math.max(document.documentElement ? document.documentElement.scrollHeight : 0, document.body ? document.body.scrollHeight : 0),
    popups: Number(window.__phenixBlockedPopups || 0),
    // Pictures actually shown, large enough to be a photo or an image of text (icons and spacers left out).
    images: [...new Set([...document.images].filter((i) => i.naturalWidth >= 48 && i.naturalHeight >= 24).map((i) => http(i.currentSrc || i.src)).filter(Boolean))],
  };
})()`;

async function redirectChain(response: Response | null): Promise<RedirectHop[]> {
  const hops: RedirectHop[] = [];
  let request = response?.request().redirectedFrom() ?? null;
  while (request) {
    const hop = await request.response();
    hops.unshift({
      url: request.url(),
      status: hop?.status() ?? 0,
      location: (await hop?.headerValue('location')) ?? '',
    });
    request = request.redirectedFrom();
  }
  return hops;
}

/** The first `maxChars` characters of the rendered document (a page that grew past what a capture may hold). */
const CUT_HTML = (maxChars: number) =>
  `(() => '<!DOCTYPE html>' + document.documentElement.outerHTML.slice(0, ${maxChars}))()`;

/**
 * V8 old-space cap of every renderer isolate (page and each worker), in MB. A script allocating forever dies of
 * "out of memory" at this size instead of growing to the 4 GB heap cage; ordinary ad pages use a few tens of MB.
 * Measured with bench:hostile (crawler/README.md).
 */
export const RENDERER_HEAP_MB = 256;

/** `linkQueue`: where discovered links go (the HTTP queue in auto mode, so only pages that need it are rendered). */
export function createBrowserMode(
  run: CrawlRun,
  deps: ModeDeps,
  chromiumPath: string,
  linkQueue = deps.queue,
): ReusingPlaywrightCrawler {
  const { options } = run;
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const attempts = new WeakMap<Request, Attempt>();
  const dialogs = new WeakMap<Page, number>();
  const preparedContexts = new WeakSet<BrowserContext>();
  /** Image responses of the page's current navigation, by URL: their bytes are the evidence, no second fetch. */
  const imageResponses = new WeakMap<Page, Map<string, Response>>();
  // The page's resources share a budget of a few pages' worth; past it, bodies are cut (and the records say so).
  const recorder = createBrowserRecorder(options.maxResponseBytes * 4);
  const sessions = new WeakMap<Page, CDPSession>();
  /** When each tab's renderer died (the watchdog's SIGKILL, Chromium's own crash, or Page.crash on a tab sharing it). */
  const crashes = new WeakMap<Page, number>();

  async function preparePage(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
    await cdp.send('Performance.enable').catch(() => {});
    await recorder.attach(page, cdp);
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'image') return;
      const seen = imageResponses.get(page) ?? new Map<string, Response>();
      imageResponses.set(page, seen);
      if (seen.size < 200) seen.set(response.url(), response);
    });
    page.on('crash', () => crashes.set(page, Date.now()));
    page.on('dialog', (dialog) => {
      dialogs.set(page, (dialogs.get(page) ?? 0) + 1);
      dialog.dismiss().catch(() => {});
    });
    const context = page.context();
    if (preparedContexts.has(context)) return;
    preparedContexts.add(context);
    await context.addInitScript(NO_POPUPS);
    context.on('page', (opened) => {
      opened
        .opener()
        .then((opener) => (opener ? opened.close() : undefined))
        .catch(() => {});
    });
  }

  async function handle({ page, request, response }: PlaywrightCrawlingContext): Promise<void> {
    const attempt = attempts.get(request) ?? { startedAt: Date.now() };
    const navigatedAt = Date.now();
    const status = response?.status() ?? null;
    const headers = response ? response.headers() : {};
    const body = status !== null && status >= 400 ? await response?.text().catch(() => '') : '';
    const refused = refuseUnlessChallenge(request.url, status, headers, () => body ?? '');
    if (refused) throw refused;
    const left = options.pageTimeoutMs - (Date.now() - attempt.startedAt);
    await page.waitForLoadState('load', { timeout: Math.max(100, Math.min(left / 3, 5_000)) }).catch(() => {});
    const finalUrl = page.url();
    if (!/^https?:/i.test(finalUrl)) {
      throw new PageRefusedError(
        'blocked-scheme',
        `${request.url} led the browser to ${finalUrl.split(':')[0]}: pages; refused.`,
        status,
      );
    }
    const cut = run.guardCut([request.url, finalUrl], attempt.startedAt);
    if (cut) throw cut;
    const maxChars = options.maxResponseBytes;
    const facts = (await page.evaluate(READ_PAGE(maxChars))) as PageFacts;
    const html =
      facts.htmlLength > maxChars ? ((await page.evaluate(CUT_HTML(maxChars))) as string) : await page.content();
    const viewportShot = await page.screenshot({ type: 'png', timeout: Math.max(1_000, left / 2) });
    const fullHeight = Math.min(Math.max(facts.height, viewport.height), options.fullPageMaxHeight);
    const fullShot =
      fullHeight <= viewport.height
        ? viewportShot
        : await page.screenshot({
            type: 'png',
            fullPage: true,
            clip: { x: 0, y: 0, width: viewport.width, height: fullHeight },
            timeout: Math.max(1_000, left / 2),
          });
    const exchanges = (await recorder.take(page)).map((x) => ({ ...x, ipAddress: run.guard.connectedAddress(x.url) }));
    const faviconUrl = faviconCandidate(facts.favicon, finalUrl);
    const favicon = await run.favicon(faviconUrl, (url) =>
      fetchFavicon(url, {
        guardUrl: run.guard.url,
        maxBytes: 512 * 1024,
        timeoutMs: 5_000,
        userAgent: run.userAgent,
      }),
    );
    const responses = imageResponses.get(page);
    const maxImageBytes = options.images?.maxBytes ?? DEFAULT_IMAGE_BUDGET.maxBytes;
    const images = await run.images(facts.images, async (url) => {
      const loaded = responses?.get(url);
      if (loaded?.ok()) {
        const declared = Number(loaded.headers()['content-length'] ?? 0);
        if (declared > maxImageBytes) return null;
        const bytes = await loaded.body().catch(() => null);
        if (bytes)
          return { bytes, mediaType: (loaded.headers()['content-type'] ?? '').split(';')[0].trim().toLowerCase() };
      }
      // Not among the page's responses (served from cache, or lazy): fetched through the guard like the favicon.
      return fetchFavicon(url, {
        guardUrl: run.guard.url,
        maxBytes: maxImageBytes,
        timeoutMs: 5_000,
        userAgent: run.userAgent,
      });
    });
    const notes: string[] = [];
    const dialogCount = dialogs.get(page) ?? 0;
    if (dialogCount > 0) notes.push(`${dialogCount} dialog box(es) (alert/confirm/prompt) dismissed.`);
    if (facts.popups > 0) notes.push(`${facts.popups} pop-up window(s) blocked.`);
    if (facts.htmlLength > maxChars)
      notes.push(`Rendered HTML cut at ${maxChars} of ${facts.htmlLength} characters (text cut the same way).`);
    if (facts.height > options.fullPageMaxHeight)
      notes.push(`Full-page screenshot cut at ${options.fullPageMaxHeight} px of ${facts.height} px.`);
    const depth = Number(request.userData.depth ?? 0);
    const snapshot: PageSnapshot = {
      runId: options.runId,
      requestedUrl: request.url,
      finalUrl,
      redirectChain: await redirectChain(response ?? null),
      status,
      headers,
      capturedAt: new Date(attempt.startedAt).toISOString(),
      timings: { navigationMs: navigatedAt - attempt.startedAt, totalMs: Date.now() - attempt.startedAt },
      mode: 'browser',
      depth,
      title: facts.title || null,
      html,
      text: facts.text,
      links: facts.links,
      scripts: facts.scripts,
      stylesheets: facts.stylesheets,
      faviconUrl: favicon ? faviconUrl : facts.favicon,
      favicon,
      screenshots: { viewport: viewportShot, fullPage: fullShot, mediaType: 'image/png' },
      notes,
      exchanges,
      challenge: detectChallenge({ status, headers, title: facts.title, html, text: facts.text }),
      images,
    };
    // Not handed over: the page already has its outcome (this attempt overran its budget and was failed).
    if (!(await run.capture(snapshot))) return;
    await run.enqueueLinks(linkQueue, facts.links, depth);
    // The tab serves again only after a quick, quiet capture whose renderer is idle and small: a page still
    // allocating or running scripts (timers, workers) must not live on under the next page's capture.
    const totalMs = Date.now() - attempt.startedAt;
    if (totalMs < options.pageTimeoutMs / 2 && dialogCount === 0 && facts.popups === 0 && (await quietHeap(page)))
      crawler.markClean(page);
  }

  /** The tab's JavaScript heap is small and its renderer answers at once (a busy script would not). */
  async function quietHeap(page: Page): Promise<boolean> {
    const cdp = sessions.get(page);
    if (!cdp) return false;
    const metrics = await Promise.race([
      cdp.send('Performance.getMetrics').catch(() => null),
      new Promise<null>((r) => setTimeout(r, 500, null)),
    ]);
    const heap = metrics?.metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    return heap !== undefined && heap < REUSE_MAX_HEAP_BYTES;
  }

  /**
   * The attempt's error, or a lost tab's when the tab's renderer died during the attempt: a page whose renderer the
   * watchdog recycled under it (its own or one it shared with a trap) may fail with anything, a navigation or a
   * screenshot that never completes included, and is retried as `browser-crash` rather than lost as a timeout.
   */
  function asLostTab(page: Page | undefined, request: Request, error: unknown): unknown {
    const crashedAt = page ? crashes.get(page) : undefined;
    const startedAt = attempts.get(request)?.startedAt ?? 0;
    if (crashedAt === undefined || crashedAt < startedAt || error instanceof PageRefusedError) return error;
    const text = error instanceof Error ? error.message : String(error);
    return /crash|closed/i.test(text) ? error : new Error(`Target crashed during the page's load (${text})`);
  }

  /** A failed or hostile page's renderer is crashed before its tab closes: nothing it runs outlives it. */
  async function discardRenderer(page: Page): Promise<void> {
    // Page.crash is served on the renderer's IO thread, so it works while the page's script holds the main one.
    await Promise.race([
      sessions
        .get(page)
        ?.send('Page.crash')
        .catch(() => {}),
      new Promise((r) => setTimeout(r, 1_000)),
    ]);
  }

  const launch = browserLaunch(chromiumPath);
  const crawler: ReusingPlaywrightCrawler = new ReusingPlaywrightCrawler(
    {
      ...commonCrawlerOptions(run, deps),
      headless: true,
      launchContext: {
        launcher: chromium,
        useIncognitoPages: false,
        userAgent: options.userAgent,
        launchOptions: {
          executablePath: launch.executablePath,
          args: [...launch.args, `--js-flags=--max-old-space-size=${RENDERER_HEAP_MB}`],
          env: launch.env,
          // Playwright adds --no-sandbox unless told otherwise.
          chromiumSandbox: true,
          viewport,
          ignoreHTTPSErrors: true,
          acceptDownloads: false,
          serviceWorkers: 'block',
        },
      },
      browserPoolOptions: {
        useFingerprints: false,
        // Reused tabs stay open between requests: room for all of them plus the ones being replaced.
        maxOpenPagesPerBrowser: options.concurrency * 2 + 2,
        retireBrowserAfterPageCount: 400,
        closeInactiveBrowserAfterSecs: 30,
        postPageCreateHooks: [preparePage],
      },
      preNavigationHooks: [
        ({ request }) => run.throttle(request.url),
        ({ request, page }, gotoOptions) => {
          attempts.set(request, { startedAt: Date.now() });
          dialogs.set(page, 0);
          recorder.reset(page);
          imageResponses.set(page, new Map());
          if (gotoOptions) gotoOptions.waitUntil = 'domcontentloaded';
        },
      ],
      requestHandler: handle,
      errorHandler: ({ request, page }, error) => {
        const failure = run.classify(asLostTab(page, request, error), {
          url: request.url,
          depth: 0,
          startedAt: attempts.get(request)?.startedAt ?? 0,
        });
        // A page captured before its attempt failed is not tried again (it would be captured twice).
        if (!isRetryable(failure.reason) || run.handedOver(request.url)) request.noRetry = true;
      },
      failedRequestHandler: async ({ request, page }, error) => {
        const lost = asLostTab(page, request, error);
        await failRequest(run, deps.queue, request, lost, attempts.get(request)?.startedAt ?? 0);
      },
    },
    deps.config,
    options.concurrency,
    discardRenderer,
  );
  return crawler;
}
