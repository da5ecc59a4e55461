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
  userAgent?: string;
}

interface Fetched {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
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
    'user-agent': options.userAgent ?? 'Mozilla/5.0',
    accept: 'image/*,*/*;q=0.5',
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
    const timer = setTimeout(() => request.destroy(new Error('side fetch timed out')), options.timeoutMs);
    request.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) request.destroy(new Error('side fetch too large'));
        else chunks.push(chunk);
      });
      res.once('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
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
