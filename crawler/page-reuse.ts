/**
 * Page reuse for PlaywrightCrawler. Opening a tab costs more than loading a small page (measured here: ~3× the
 * navigation itself), and PlaywrightCrawler opens and closes one per request. This subclass keeps the tab of a page
 * that was captured cleanly and hands it to the next request; a tab whose page failed (timeout, endless script,
 * crash, refused) is closed as before, so a hostile page never leaks into the next capture. Tabs are retired after
 * MAX_USES navigations to bound whatever a long-lived renderer accumulates.
 */
import {
  type Configuration,
  PlaywrightCrawler,
  type PlaywrightCrawlerOptions,
  type PlaywrightCrawlingContext,
} from 'crawlee';
import type { Page } from 'playwright';

const MAX_USES = 50;
/** A renderer's JavaScript heap past this is not handed to the next page. */
export const REUSE_MAX_HEAP_BYTES = 48 * 1024 * 1024;
const CLOSE_TIMEOUT_MS = 5_000;

export class ReusingPlaywrightCrawler extends PlaywrightCrawler {
  private readonly idle: Page[] = [];
  private readonly uses = new WeakMap<Page, number>();
  private readonly clean = new WeakSet<Page>();
  private readonly maxIdle: number;
  private readonly discard: (page: Page) => Promise<void>;

  /** `discard` ends the renderer of a tab that is not reused (its page failed or did not end quietly). */
  constructor(
    options: PlaywrightCrawlerOptions,
    config: Configuration | undefined,
    maxIdle: number,
    discard: (page: Page) => Promise<void> = async () => {},
  ) {
    super(options, config);
    this.maxIdle = maxIdle;
    this.discard = discard;
    const pool = this.browserPool;
    const newPage = pool.newPage.bind(pool);
    pool.newPage = (async (pageOptions?: Parameters<typeof newPage>[0]) => {
      while (this.idle.length > 0) {
        const page = this.idle.pop() as Page;
        if (!page.isClosed()) return page;
      }
      return newPage(pageOptions);
    }) as typeof pool.newPage;
  }

  /** Called by the request handler once the page was captured: its tab may serve again. */
  markClean(page: Page): void {
    this.clean.add(page);
  }

  // Idle tabs need no cleanup of their own: the run's teardown closes the browser pool and every tab with it.
  protected override async _cleanupContext(context: PlaywrightCrawlingContext): Promise<void> {
    const { page } = context;
    if (!page) return;
    const uses = (this.uses.get(page) ?? 0) + 1;
    this.uses.set(page, uses);
    if (this.clean.has(page) && !page.isClosed() && uses < MAX_USES && this.idle.length < this.maxIdle) {
      this.clean.delete(page);
      this.idle.push(page);
      return;
    }
    const clean = this.clean.has(page);
    this.clean.delete(page);
    if (!clean && !page.isClosed()) await this.discard(page);
    await Promise.race([page.close().catch(() => {}), new Promise((r) => setTimeout(r, CLOSE_TIMEOUT_MS))]);
  }
}
