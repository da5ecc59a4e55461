/**
 * The crawler's public contract: what a crawl is asked to do (CrawlOptions) and what it hands back
 * for every page (Capture) through the onCapture callback. The crawler never touches the database;
 * the monitor maps these types onto rows.
 */

export type CrawlMode = 'browser' | 'http' | 'auto';

/** One artifact of a capture, already written to the content-addressed evidence store. */
export interface StoredArtifact {
  /** What it is: html, text, screenshot (viewport), screenshot-full, favicon, headers. */
  kind: 'html' | 'text' | 'screenshot' | 'screenshot-full' | 'favicon' | 'headers';
  sha256: string;
  size: number;
  /** Path relative to the evidence directory, e.g. `sha256/ab/cd/abcd…`. */
  path: string;
  mediaType: string;
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
