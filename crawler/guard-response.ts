/**
 * What the guard proxy refuses on a plain-HTTP response's headers alone, before a byte of its body reaches a crawl
 * mode: a body announced over the byte budget, and a redirect that leaves the web (`file:`, `data:`, `chrome:`,
 * `javascript:`...). Chromium refuses the latter itself (ERR_UNSAFE_REDIRECT) and got-scraping too, but only the
 * guard answers the same way in both modes whatever state the browser is in, and records why.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface ResponseRefusal {
  reason: 'too-large' | 'blocked-scheme';
  message: string;
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

export function refuseResponseHeaders(
  target: URL,
  status: number | undefined,
  headers: IncomingHttpHeaders,
  maxResponseBytes: number,
): ResponseRefusal | null {
  const declared = Number(headers['content-length'] ?? Number.NaN);
  if (declared > maxResponseBytes) {
    return {
      reason: 'too-large',
      message: `${target.href} announces ${declared} bytes, over the ${maxResponseBytes}-byte budget.`,
    };
  }
  const location = headers.location;
  if (status === undefined || status < 300 || status > 399 || !location) return null;
  let next: URL;
  try {
    next = new URL(location, target);
  } catch {
    return null; // an unreadable Location is no redirect: the browser shows the 3xx page itself
  }
  if (WEB_SCHEMES.has(next.protocol)) return null;
  return {
    reason: 'blocked-scheme',
    message: `${target.href} redirects to a ${next.protocol} address; only web pages are crawled.`,
  };
}
