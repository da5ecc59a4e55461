/**
 * The crawler's public contract: what a crawl is asked to do (CrawlOptions) and what it hands back
 * for every page (Capture) through the onCapture callback. The crawler never touches the database;
 * the monitor maps these types onto rows.
 */

import type { ImageBudget } from './ad-images.ts';

export type CrawlMode = 'browser' | 'http' | 'auto';

/** One artifact of a capture, already written to the content-addressed evidence store. */
export interface StoredArtifact {
  /** What it is: html, text, screenshot (viewport), screenshot-full, favicon, headers, warc (the page's HTTP
   *  exchanges as WARC request/response records), environment (the run's capture environment, JSON), image (a picture
   *  of the page). */
  kind: 'html' | 'text' | 'screenshot' | 'screenshot-full' | 'favicon' | 'headers' | 'warc' | 'environment' | 'image';
  sha256: string;
  size: number;
  /** Path relative to the evidence directory, e.g. `sha256/ab/cd/abcd…`. */
  path: string;
  mediaType: string;
  /** Pictures only: the URL the picture was loaded from. */
  url?: string;
}

export interface RedirectHop {
  url: string;
  status: number;
  location: string;
}

export interface Capture {
  /** The crawl run this capture belongs to (given by the caller in CrawlOptions.runId). */
  runId: string;
  requestedUrl: string;
  finalUrl: string;
  redirectChain: RedirectHop[];
  /** HTTP status of the final response; null when no response was received. */
  status: number | null;
  /** A small allow-list of response headers (content-type, server, last-modified, location, x-powered-by, ...). */
  headers: Record<string, string>;
  /** ISO-8601 UTC time at which the navigation started. */
  capturedAt: string;
  timings: { navigationMs: number; totalMs: number };
  mode: 'browser' | 'http';
  depth: number;
  title: string | null;
  /** Rendered HTML (browser) or the response body (http), capped by the size budget. */
  html: string;
  /** Visible text (innerText in browser mode, text extraction in http mode). */
  text: string;
  /** SHA-256 (hex) of the HTML bytes as stored. */
  htmlSha256: string;
  textSha256: string;
  outlinks: { internal: string[]; external: string[] };
  scripts: string[];
  stylesheets: string[];
  faviconUrl: string | null;
  /** Raw favicon bytes base64 (for the favicon pivot hash); null when none. */
  faviconBase64: string | null;
  artifacts: StoredArtifact[];
  truncated: boolean;
  /** False in HTTP mode: nothing was rendered, so there is no screenshot (added by the crawler; optional for older callers). */
  screenshotsTaken?: boolean;
  /** Plain remarks for the analyst: dialogs dismissed, pop-up windows blocked, outlink lists cut, text rendered from HTTP only. */
  notes?: string[];
  /** Vendor of the WAF/CDN challenge page served instead of the site (cloudflare, hcaptcha, recaptcha, ddos-guard,
   *  sucuri, ...); null when the page is the site's own. A challenge capture is evidence of the block, not of the site. */
  challenge?: string | null;
}

/** A page that could not be captured: the crawl records it and goes on. */
export interface CaptureFailure {
  runId: string;
  url: string;
  depth: number;
  /** Machine-readable reason: timeout, too-large, redirect-loop, dns, refused-private-address, http-4xx, http-5xx, download, blocked-scheme, out-of-scope, network, ... */
  reason: string;
  message: string;
  status: number | null;
  at: string;
}

/** Structural view of the evidence store the crawler writes to (see evidence/). */
export interface CrawlEvidenceStore {
  readonly dir: string;
  put(bytes: Uint8Array | string, mediaType?: string): Promise<{ sha256: string; size: number; path: string }>;
}

/** The pino subset the crawler logs through (a pino Logger fits). */
export interface CrawlLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child?(bindings: Record<string, unknown>): CrawlLogger;
}

export interface CrawlProgress {
  done: number;
  failed: number;
  queued: number;
  bytes: number;
}

export interface CrawlOptions {
  runId: string;
  /** Start URLs, or bare host names (tried as https://host/ then http://host/). */
  seeds: string[];
  mode: CrawlMode;
  maxPages: number;
  maxDepth: number;
  /** URL patterns (glob, or regex as `/…/flags` or `^…`) visited first. */
  include?: string[];
  /** URL patterns never visited (seeds excepted). */
  exclude?: string[];
  concurrency: number;
  perHostDelayMs: number;
  pageTimeoutMs: number;
  navigationTimeoutMs: number;
  maxResponseBytes: number;
  /** The full-page screenshot is cut at this height (px). */
  fullPageMaxHeight: number;
  userAgent?: string;
  /** Upstream proxy: http://host:port or socks5://host:port (user:password@ allowed). */
  proxyUrl?: string;
  /** Name pattern → host:port (`'*.test': '127.0.0.1:4567'`), applied in both modes. */
  hostMap?: Record<string, string>;
  allowPrivateTargets: boolean;
  chromiumPath?: string;
  /**
   * Memory one Chromium renderer may hold (resident bytes) before it is recycled: killed, its pages failed as
   * `browser-crash` and retried once in a fresh renderer. Default 512 MiB (see renderer-watchdog.ts).
   */
  rendererMemoryBytes?: number;
  /** Crawlee request storage for THIS run: a fresh directory per run; the same directory resumes after a crash. */
  storageDir: string;
  evidence: CrawlEvidenceStore;
  onCapture: (capture: Capture) => Promise<void>;
  onFailure: (failure: CaptureFailure) => Promise<void>;
  onProgress?: (progress: CrawlProgress) => void;
  logger?: CrawlLogger;
  /** Graceful stop: pages in flight finish, then crawlSite returns with stoppedEarly. */
  signal?: AbortSignal;
  /** Name resolution used by the guard (tests play DNS rebinding with it); default: the resolver `dns` describes. */
  resolve?: (hostname: string) => Promise<string[]>;
  /**
   * The unit's resolver (config `dns`), the same one the DNS checks use. With `proxyUrl` and `dohUrl`, the guard
   * resolves names by DoH through the proxy and judges the addresses itself; with `proxyUrl` alone the proxy
   * resolves them.
   */
  dns?: { servers?: readonly string[]; dohUrl?: string | readonly string[]; timeoutMs?: number };
  /** Fetched through the guard at the start of the run; its answer (the public address) goes into the capture environment. */
  egressCheckUrl?: string;
  /** How names are resolved, in words, for the capture environment (the caller knows dns.servers / DoH). */
  resolverDescription?: string;
  /** Pictures kept per page and per run, and their size cap (default DEFAULT_IMAGE_BUDGET; maxPerCrawl 0 keeps none). */
  images?: ImageBudget;
  /** Viewport of the browser (default 1280×800). */
  viewport?: { width: number; height: number };
}

export interface CrawlSummary {
  runId: string;
  pagesOk: number;
  pagesFailed: number;
  failuresByReason: Record<string, number>;
  /** Bytes received from the sites (through the guard proxy). */
  bytes: number;
  durationMs: number;
  stoppedEarly: boolean;
  /** Pages rendered in the browser in auto mode (0 in the other modes). */
  renderedInBrowser: number;
  /** Renderers killed for holding more than `rendererMemoryBytes` (browser and auto modes). */
  renderersRecycled?: number;
}
