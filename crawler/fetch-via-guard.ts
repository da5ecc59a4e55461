/**
 * A small GET through the guard proxy, for the side fetches of a capture (the favicon). Going through the guard
 * keeps the hostMap, the private-address rule and the upstream proxy in force for them too; the body is capped.
 */
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { Favicon } from './crawl-run.ts';

export interface GuardFetchOptions {
  guardUrl: string;
  maxBytes: number;
  timeoutMs: number;
  /** The crawl's own user agent: a side fetch must look like the pages it belongs to. */
  userAgent: string;
  /** What to ask for (default: images, for favicons). */
  accept?: string;
  /** Keep the first maxBytes of a larger body (a landing page) rather than failing (a favicon). */
  truncate?: boolean;
}

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

function tunnel(guard: URL, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: guard.hostname,
      port: guard.port,
      method: 'CONNECT',
      path: `${host}:${port}`,
      timeout: timeoutMs,
    });
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) resolve(socket);
      else {
        socket.destroy();
        reject(new Error(`tunnel refused (${res.statusCode})`));
      }
    });
    req.once('timeout', () => req.destroy(new Error('tunnel timed out')));
    req.once('error', reject);
    req.end();
  });
}

async function getOnce(target: URL, options: GuardFetchOptions): Promise<Fetched> {
  const guard = new URL(options.guardUrl);
  const headers = {
    'user-agent': options.userAgent,
    accept: options.accept ?? 'image/*,*/*;q=0.5',
    connection: 'close',
  };
  let request: http.ClientRequest;
  if (target.protocol === 'https:') {
    const raw = await tunnel(guard, target.hostname, Number(target.port || 443), options.timeoutMs);
    const secure = tls.connect({
      socket: raw,
      servername: net.isIP(target.hostname) ? undefined : target.hostname,
      rejectUnauthorized: false,
    });
    request = http.request({
      method: 'GET',
      path: `${target.pathname}${target.search}`,
      headers: { ...headers, host: target.host },
      createConnection: () => secure,
    });
  } else {
    request = http.request({
      host: guard.hostname,
      port: guard.port,
      method: 'GET',
      path: target.href,
      headers: { ...headers, host: target.host },
      agent: false,
    });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => request.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (truncated: boolean) => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), truncated });
      };
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= options.maxBytes) chunks.push(chunk);
        else if (!options.truncate) request.destroy(new Error(`larger than ${options.maxBytes} bytes`));
        else {
          chunks.push(chunk.subarray(0, chunk.length - (size - options.maxBytes)));
          res.removeAllListeners('data');
          res.removeAllListeners('end');
          request.destroy();
          done(true);
        }
      });
      res.once('end', () => done(false));
      res.once('error', reject);
    });
    request.end();
  });
}

/** The favicon's (or a picture's) bytes, or null when there is none (404, HTML error page, empty, too large, refused). */
export async function fetchFavicon(url: string, options: GuardFetchOptions): Promise<Favicon | null> {
  let target = new URL(url);
  for (let hop = 0; hop < 4; hop++) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') return null;
    const reply = await getOnce(target, options);
    if (reply.status >= 300 && reply.status < 400 && reply.headers.location) {
      target = new URL(reply.headers.location, target);
      continue;
    }
    const mediaType = (reply.headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim().toLowerCase();
    if (reply.status !== 200 || reply.body.length === 0 || mediaType.startsWith('text/')) return null;
    return { bytes: reply.body, mediaType };
  }
  return null;
}

/** One GET through the guard (no redirect followed), for small side checks such as the egress address. */
export function fetchViaGuard(url: string, options: GuardFetchOptions): Promise<Fetched> {
  return getOnce(new URL(url), options);
}

export interface LandingPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  /** Every URL before the final one, in order. */
  redirects: string[];
  html: string;
  truncated: boolean;
}

/**
 * One landing page through the guard (hostMap, SSRF rule, upstream proxy), following up to `maxRedirects` HTTP
 * redirects (each hop judged by the guard again, and by `allowRedirect` before it is requested), with the body
 * capped at maxBytes and each hop at timeoutMs.
 * Network failures and guard refusals throw; HTTP error statuses are returned as they are.
 */
export async function fetchLandingPage(
  url: string,
  options: GuardFetchOptions & { maxRedirects?: number; allowRedirect?: (next: URL) => boolean },
) {
  let target = new URL(url);
  const redirects: string[] = [];
  for (let hop = 0; ; hop++) {
    const reply = await getOnce(target, {
      ...options,
      accept: options.accept ?? 'text/html,*/*;q=0.5',
      truncate: true,
    });
    const location = reply.headers.location;
    if (reply.status >= 300 && reply.status < 400 && location && hop < (options.maxRedirects ?? 5)) {
      const next = new URL(location, target);
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new Error(`redirect to ${next.protocol} refused`);
      if (options.allowRedirect && !options.allowRedirect(next)) throw new Error(`redirect to ${next.href} refused`);
      redirects.push(target.href);
      target = next;
      continue;
    }
    return {
      requestedUrl: url,
      finalUrl: target.href,
      status: reply.status,
      contentType: String(reply.headers['content-type'] ?? ''),
      redirects,
      html: reply.body.toString('utf8'),
      truncated: reply.truncated,
    } satisfies LandingPage;
  }
}
