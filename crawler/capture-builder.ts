/**
 * Turns what one mode saw of a page into a Capture: writes the artifacts (HTML, visible text, headers + redirect
 * chain as JSON, screenshots, favicon) to the evidence store, hashes them, splits outlinks into internal/external
 * and keeps an allow-list of response headers. Shared by browser and HTTP mode so both produce the same evidence.
 */

import type { PageImage } from './ad-images.ts';
import { encodeExchanges, type NetworkExchange } from './network-record.ts';
import type { Scope } from './scope.ts';
import type { Capture, CrawlEvidenceStore, StoredArtifact } from './types.ts';

/** What a mode saw of a page; the Capture fields it shares keep their meaning (headers here: all of them). */
export type PageSnapshot = Pick<
  Capture,
  | 'runId'
  | 'requestedUrl'
  | 'finalUrl'
  | 'redirectChain'
  | 'status'
  | 'headers'
  | 'capturedAt'
  | 'timings'
  | 'mode'
  | 'depth'
  | 'title'
  | 'html'
  | 'text'
  | 'scripts'
  | 'stylesheets'
  | 'faviconUrl'
> & {
  links: string[];
  favicon: { bytes: Buffer; mediaType: string } | null;
  /** Browser mode only: HTTP mode has no rendering, so no screenshot (the capture says so). */
  screenshots: { viewport: Buffer; fullPage: Buffer; mediaType: string } | null;
  notes: string[];
  /** Every HTTP exchange of the page as received (network-level WARC), when the mode recorded them. */
  exchanges?: NetworkExchange[];
  /** Vendor of the WAF/CDN challenge page served instead of the site, if any (see challenge.ts). */
  challenge?: string | null;
  /** The page's pictures (ad photos, images of text), within the run's image budget. */
  images?: PageImage[];
};

export const KEPT_HEADERS = [
  'content-type',
  'content-length',
  'content-language',
  'server',
  'date',
  'last-modified',
  'etag',
  'location',
  'x-powered-by',
  'x-generator',
  'via',
  'cache-control',
  'x-frame-options',
  'strict-transport-security',
  'cf-ray',
  'x-served-by',
];

export const MAX_OUTLINKS = 5_000;

export interface CaptureBuilderOptions {
  evidence: CrawlEvidenceStore;
  scope: Scope;
  maxBytes: number;
  /** The run's capture environment, already stored (one file per run, referenced by every capture). */
  environment?: { sha256: string; size: number; path: string } | null;
}

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function capUtf8(text: string, maxBytes: number): { text: string; truncated: boolean } {
  if (Buffer.byteLength(text) <= maxBytes) return { text, truncated: false };
  const cut = Buffer.from(text).subarray(0, maxBytes).toString('utf8');
  return { text: cut.replace(/\uFFFD$/, ''), truncated: true };
}

export async function buildCapture(page: PageSnapshot, options: CaptureBuilderOptions): Promise<Capture> {
  const { evidence, scope } = options;
  const artifacts: StoredArtifact[] = [];
  async function keep(kind: StoredArtifact['kind'], bytes: Buffer | string, mediaType: string, url?: string) {
    const stored = await evidence.put(bytes, mediaType);
    const artifact: StoredArtifact = { kind, sha256: stored.sha256, size: stored.size, path: stored.path, mediaType };
    artifacts.push(url === undefined ? artifact : { ...artifact, url });
    return stored;
  }

  const html = capUtf8(page.html, options.maxBytes);
  const text = capUtf8(page.text, options.maxBytes);
  const htmlStored = await keep('html', html.text, 'text/html; charset=utf-8');
  const textStored = await keep('text', text.text, 'text/plain; charset=utf-8');
  const headerRecord = {
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    status: page.status,
    capturedAt: page.capturedAt,
    redirectChain: page.redirectChain,
    headers: page.headers,
  };
  await keep('headers', JSON.stringify(headerRecord, null, 2), 'application/json');
  if (page.screenshots) {
    await keep('screenshot', page.screenshots.viewport, page.screenshots.mediaType);
    await keep('screenshot-full', page.screenshots.fullPage, page.screenshots.mediaType);
  }
  if (page.favicon) await keep('favicon', page.favicon.bytes, page.favicon.mediaType);
  if (page.exchanges?.length) await keep('warc', encodeExchanges(page.exchanges), 'application/warc');
  if (options.environment) {
    const env = options.environment;
    artifacts.push({
      kind: 'environment',
      sha256: env.sha256,
      size: env.size,
      path: env.path,
      mediaType: 'application/json',
    });
  }
  for (const image of page.images ?? []) await keep('image', image.bytes, image.mediaType, image.url);

  const internal = new Set<string>();
  const external = new Set<string>();
  let dropped = 0;
  for (const link of page.links) {
    const bucket = scope.inScope(link) ? internal : external;
    if (bucket.size < MAX_OUTLINKS) bucket.add(link);
    else dropped++;
  }
  const notes = [...page.notes];
  if (dropped > 0) notes.push(`${dropped} further links not listed (over ${MAX_OUTLINKS} per kind).`);
  if (!page.screenshots) notes.push('HTTP mode: the page was not rendered, so there is no screenshot.');
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    if (page.headers[name] !== undefined) headers[name] = page.headers[name];
  }

  return {
    runId: page.runId,
    requestedUrl: page.requestedUrl,
    finalUrl: page.finalUrl,
    redirectChain: page.redirectChain,
    status: page.status,
    headers,
    capturedAt: page.capturedAt,
    timings: page.timings,
    mode: page.mode,
    depth: page.depth,
    title: page.title,
    html: html.text,
    text: text.text,
    htmlSha256: htmlStored.sha256,
    textSha256: textStored.sha256,
    outlinks: { internal: [...internal], external: [...external] },
    scripts: page.scripts,
    stylesheets: page.stylesheets,
    faviconUrl: page.faviconUrl,
    faviconBase64: page.favicon ? page.favicon.bytes.toString('base64') : null,
    artifacts,
    truncated: html.truncated || text.truncated,
    screenshotsTaken: page.screenshots !== null,
    notes,
    challenge: page.challenge ?? null,
  };
}
