/**
 * Collects, per browser tab, every HTTP response Chromium receives between the start of a navigation and the
 * capture (document, sub-resources, redirects, XHR), with its request, for the network-level WARC. Tabs are reused
 * between pages, so each navigation resets the tab's list; bodies share one byte budget per page, and a body
 * still streaming at capture time (a long poll, a live stream) is recorded without it rather than holding the page.
 * A body is read only once Chromium says it finished loading and how many bytes it decoded (CDP
 * `Network.dataReceived`) fits what is left of the page's budget: Playwright's `response.body()` hands the whole
 * decoded body to Node, and a 1 MB gzip bomb decodes to a gigabyte (measured: Node at 2.3 GB before this check).
 */
import type { CDPSession, Page, Response } from 'playwright';
import { budgetBody, type NetworkExchange } from './network-record.ts';

interface PageLog {
  budget: { left: number };
  items: Promise<NetworkExchange | null>[];
}

/** Decoded bytes Chromium received per URL, and which URLs finished loading (CDP, since the tab's navigation). */
interface Loads {
  decoded: Map<string, number>;
  finished: Set<string>;
  /** HTTP protocol ('h2', 'http/1.1') and TLS version ('tls/1.3') Chromium reported for the URL. */
  protocols: Map<string, { http: string | null; tls: string | null }>;
  /** TLS origins seen (https://host:port), with the certificate Chromium showed for each. */
  certificates: Map<string, CertificateFacts>;
}

/** What Chromium reported of a TLS connection's certificate (CDP SecurityDetails). */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** The chain as Chromium holds it, leaf first, DER; empty when it could not be read. */
  chain: Buffer[];
}

const BODY_WAIT_MS = 2_000;

function later<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, ms, value).unref());
}

async function decodedSize(loads: Loads | undefined, url: string): Promise<number | null> {
  if (!loads) return null;
  const until = Date.now() + BODY_WAIT_MS;
  while (!loads.finished.has(url) && Date.now() < until) await later(50, null);
  return loads.finished.has(url) ? (loads.decoded.get(url) ?? 0) : null;
}

async function readExchange(
  response: Response,
  budget: { left: number },
  loads: Loads | undefined,
): Promise<NetworkExchange | null> {
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
  } else if ((await decodedSize(loads, response.url())) === null) {
    bodyNote = 'body still loading at capture time';
  } else if ((loads?.decoded.get(response.url()) ?? 0) > Math.max(budget.left, 0)) {
    bodyNote = `body of ${loads?.decoded.get(response.url())} bytes once decoded, over the page's byte budget: not read`;
    truncated = true;
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
    protocol: loads?.protocols.get(response.url())?.http ?? null,
    tlsProtocol: loads?.protocols.get(response.url())?.tls ?? null,
    responseHeaders: responseHeaders.map((h) => [h.name, h.value]),
    body,
    bodyNote,
    truncated,
  };
}

export function createBrowserRecorder(maxBodyBytesPerPage: number) {
  const logs = new WeakMap<Page, PageLog>();
  const loads = new WeakMap<Page, Loads>();
  const sessions = new WeakMap<Page, CDPSession>();
  return {
    /** Once per tab; `cdp` is a session on the tab (its Network events size the bodies). */
    async attach(page: Page, cdp: CDPSession): Promise<void> {
      sessions.set(page, cdp);
      const urls = new Map<string, string>();
      cdp.on('Network.responseReceived', (e) => {
        urls.set(e.requestId, e.response.url);
        const details = e.response.securityDetails;
        const tls = details?.protocol; // 'TLS 1.3', 'QUIC'
        const origin = /^https:/i.test(e.response.url) ? new URL(e.response.url).origin : null;
        if (details && origin && !loads.get(page)?.certificates.has(origin))
          loads.get(page)?.certificates.set(origin, {
            subject: details.subjectName,
            issuer: details.issuer,
            validFrom: new Date(details.validFrom * 1000).toISOString(),
            validTo: new Date(details.validTo * 1000).toISOString(),
            chain: [],
          });
        loads.get(page)?.protocols.set(e.response.url, {
          http: e.response.protocol ?? null,
          tls: tls ? tls.toLowerCase().replace(/^tls /, 'tls/') : null,
        });
      });
      cdp.on('Network.dataReceived', (e) => {
        const url = urls.get(e.requestId);
        const load = loads.get(page);
        if (url && load) load.decoded.set(url, (load.decoded.get(url) ?? 0) + e.dataLength);
      });
      cdp.on('Network.loadingFinished', (e) => {
        const url = urls.get(e.requestId);
        if (url) loads.get(page)?.finished.add(url);
      });
      cdp.on('Network.loadingFailed', (e) => {
        const url = urls.get(e.requestId);
        if (url) loads.get(page)?.finished.add(url);
      });
      await cdp.send('Network.enable');
      page.on('response', (response) => {
        const log = logs.get(page);
        if (log) log.items.push(readExchange(response, log.budget, loads.get(page)).catch(() => null));
      });
    },
    /** Before each navigation of the tab. */
    reset(page: Page): void {
      logs.set(page, { budget: { left: maxBodyBytesPerPage }, items: [] });
      loads.set(page, { decoded: new Map(), finished: new Set(), protocols: new Map(), certificates: new Map() });
    },
    /** What the tab received since the navigation began, in the order responses arrived. */
    async take(page: Page): Promise<NetworkExchange[]> {
      const log = logs.get(page);
      logs.delete(page);
      if (!log) return [];
      const done = (await Promise.all(log.items)).filter((x): x is NetworkExchange => x !== null);
      // Each TLS origin's certificate chain goes with the first of its responses (Network.getCertificate: DER).
      const certificates = loads.get(page)?.certificates ?? new Map<string, CertificateFacts>();
      const cdp = sessions.get(page);
      for (const [origin, facts] of certificates) {
        const first = done.find((x) => x.url.startsWith(`${origin}/`) || x.url === origin);
        if (!first) continue;
        const got = await Promise.race([
          cdp?.send('Network.getCertificate', { origin }).catch(() => null),
          later(BODY_WAIT_MS, null),
        ]);
        first.certificate = { ...facts, chain: (got?.tableNames ?? []).map((b64) => Buffer.from(b64, 'base64')) };
      }
      return done;
    },
  };
}
