/**
 * Collects, per browser tab, every HTTP response Chromium receives between the start of a navigation and the
 * capture (document, sub-resources, redirects, XHR), with its request, for the network-level WARC. Tabs are reused
 * between pages, so each navigation resets the tab's list; bodies share one byte budget per page, and a body
 * still streaming at capture time (a long poll, a live stream) is recorded without it rather than holding the page.
 */
import type { Page, Response } from 'playwright';
import { budgetBody, type NetworkExchange } from './network-record.ts';

interface PageLog {
  budget: { left: number };
  items: Promise<NetworkExchange | null>[];
}

const BODY_WAIT_MS = 2_000;

function later<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref());
}

async function readExchange(response: Response, budget: { left: number }): Promise<NetworkExchange | null> {
  const request = response.request();
  if (!/^https?:/i.test(response.url())) return null;
  const started = request.timing().startTime; // wall-clock ms of the request, -1/0 when unknown
  const [requestHeaders, responseHeaders] = await Promise.all([
    request.headersArray().catch(() => []),
    response.headersArray().catch(() => []),
  ]);
  const status = response.status();
  let body: Buffer | null = null;
  let bodyNote: string | undefined;
  let truncated = false;
  if (status >= 300 && status < 400 && responseHeaders.some((h) => h.name.toLowerCase() === 'location')) {
    bodyNote = 'redirect: the browser keeps no body for it';
  } else {
    const read = await Promise.race([response.body().catch((e: Error) => e), later(BODY_WAIT_MS, null)]);
    if (read instanceof Buffer) {
      const cut = budgetBody(read, budget);
      body = cut.body;
      truncated = cut.truncated;
    } else if (read === null) bodyNote = 'body still loading at capture time';
    else bodyNote = `body not available (${(read as Error).message.split('\n')[0]})`;
  }
  return {
    url: response.url(),
    method: request.method(),
    startedAt: started > 0 ? new Date(started) : new Date(),
    requestHeaders: requestHeaders.map((h) => [h.name, h.value]),
    requestBody: request.postDataBuffer(),
    status,
    statusText: response.statusText(),
    protocol: null,
    responseHeaders: responseHeaders.map((h) => [h.name, h.value]),
    body,
    bodyNote,
    truncated,
  };
}

export function createBrowserRecorder(maxBodyBytesPerPage: number) {
  const logs = new WeakMap<Page, PageLog>();
  return {
    /** Once per tab. */
    attach(page: Page): void {
      page.on('response', (response) => {
        const log = logs.get(page);
        if (log) log.items.push(readExchange(response, log.budget).catch(() => null));
      });
    },
    /** Before each navigation of the tab. */
    reset(page: Page): void {
      logs.set(page, { budget: { left: maxBodyBytesPerPage }, items: [] });
    },
    /** What the tab received since the navigation began, in the order responses arrived. */
    async take(page: Page): Promise<NetworkExchange[]> {
      const log = logs.get(page);
      logs.delete(page);
      if (!log) return [];
      const done = await Promise.all(log.items);
      return done.filter((x): x is NetworkExchange => x !== null);
    },
  };
}
