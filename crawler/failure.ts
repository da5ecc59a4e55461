/**
 * Why a page could not be captured, in the words the summary and the analyst use. The guard proxy's own record
 * wins (it knows a refusal was a private address, a name that does not resolve or a byte budget); otherwise the
 * browser's or HTTP client's error message is read.
 */
import type { GuardProxy } from './guard-proxy.ts';

export type FailureReason =
  | 'timeout'
  | 'too-large'
  | 'redirect-loop'
  | 'dns'
  | 'refused-private-address'
  | 'http-4xx'
  | 'http-5xx'
  | 'download'
  | 'unsupported-content'
  | 'blocked-scheme'
  | 'out-of-scope'
  | 'network'
  | 'browser-crash'
  | 'error';

/** A page the crawler refuses to capture for a known reason; never retried. */
export class PageRefusedError extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'PageRefusedError';
  }
}

const RULES: [RegExp, FailureReason, string][] = [
  // The browser pool could not open a tab for the page (Chromium wedged for a moment after a renderer was killed):
  // the page itself never started loading, so whatever the cause's wording ("timed out", "closed"), its tab was
  // lost, and it is retried in a fresh tab like a crash.
  [
    /browserController\.newPage\(\) (failed|timed out)/i,
    'browser-crash',
    'The browser could not open a tab for the page (its own load never started).',
  ],
  [/ERR_TOO_MANY_REDIRECTS|MaxRedirectsError|Redirected \d+ times/i, 'redirect-loop', 'The page redirects in a loop.'],
  [
    /Download is starting|ERR_ABORTED.*download|served Content-Type application\/(octet-stream|zip|pdf)/i,
    'download',
    'The address serves a file download, which is not kept.',
  ],
  [/served Content-Type/i, 'unsupported-content', 'The address serves something other than a web page.'],
  [/ERR_NAME_NOT_RESOLVED|ENOTFOUND|EAI_AGAIN/i, 'dns', 'The site name does not resolve.'],
  [
    /Target (page, context or browser )?(has been )?closed|crash/i,
    'browser-crash',
    'The browser tab crashed or was closed.',
  ],
  [/timed? ?out|timeout|ERR_TIMED_OUT/i, 'timeout', 'The page did not finish within its time budget.'],
  [
    /ERR_UNSAFE_REDIRECT|ERR_DISALLOWED_URL_SCHEME|Not allowed to load local resource|Unsupported protocol/i,
    'blocked-scheme',
    'The page tried to leave the web (file:, data:, chrome:).',
  ],
  [
    /ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|ERR_CONNECTION|ERR_EMPTY_RESPONSE|ERR_TUNNEL|ERR_PROXY|ERR_SSL|ERR_CERT|ReadError|EPROTO|ssl|tls|aborted/i,
    'network',
    'The site could not be reached or cut the connection.',
  ],
];

export interface ClassifiedFailure {
  reason: FailureReason;
  message: string;
  status: number | null;
}

export function classifyFailure(
  error: unknown,
  url: string,
  guard: GuardProxy | null,
  since: number,
): ClassifiedFailure {
  if (error instanceof PageRefusedError) return { reason: error.reason, message: error.message, status: error.status };
  const text0 = error instanceof Error ? error.message : String(error);
  // A refused CONNECT reaches the browser as a bare tunnel failure, without the refused address.
  const tunnel = /ERR_TUNNEL_CONNECTION_FAILED|tunnel/i.test(text0) ? guard?.latestRefusal(since) : null;
  const refusal = guard?.refusalFor(url, since) ?? tunnel;
  if (refusal) return { reason: refusal.reason as FailureReason, message: refusal.message, status: null };
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  for (const [pattern, reason, message] of RULES) {
    if (pattern.test(text)) return { reason, message: `${message} (${firstLine(text)})`, status: null };
  }
  return { reason: 'error', message: firstLine(text), status: null };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * Failures worth a second try: the network hiccups, and a tab lost to the browser (crashed, its renderer recycled
 * by the watchdog, or never opened); everything else, a timeout included, would fail the same way again.
 */
export function isRetryable(reason: FailureReason): boolean {
  return reason === 'network' || reason === 'browser-crash';
}

export function statusFailure(status: number, url: string): PageRefusedError {
  const reason = status >= 500 ? 'http-5xx' : 'http-4xx';
  return new PageRefusedError(reason, `${url} answered HTTP ${status}.`, status);
}
