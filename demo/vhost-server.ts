/**
 * One HTTP server for every universe host, chosen by the Host header: the pages each host serves,
 * its robots.txt and favicon, and a 404 page for anything else. Knows nothing about the universe's
 * meaning; it serves what it is given.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, simplePage } from './html.ts';

export interface HostContent {
  /** path (+ query, as the fixture generator keys them) → HTML. */
  pages: ReadonlyMap<string, string>;
  /** Served for every path not in `pages` with status 200 (a seizure notice), instead of a 404. */
  catchAll?: string;
  favicon?: Buffer;
  robotsTxt?: string;
  /** Where `/` redirects when it is not a page itself (a script whose home is /index.php). */
  home?: string;
  /** Binary files (ad photos) by path, made on first request. */
  files?: ReadonlyMap<string, { mediaType: string; bytes: () => Promise<Buffer> }>;
}

export interface VhostServer {
  port: number;
  address: string;
  /** What each host serves (read-only view, for tests and the detector check). */
  hosts: ReadonlyMap<string, HostContent>;
  /** Requests served, for tests: `host path status`. */
  log: string[];
  close(): Promise<void>;
}

const DEFAULT_ROBOTS = 'User-agent: *\nAllow: /\n';

function notFound(host: string, path: string): string {
  return simplePage(
    'Page introuvable',
    `<h1>Page introuvable</h1><p>La page ${escapeHtml(path)} n'existe pas sur ${escapeHtml(host)}.</p>`,
  );
}

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string | Buffer) {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, {
    'content-type': type,
    'content-length': String(bytes.length),
    'cache-control': 'no-store',
    server: 'demo-universe',
  });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function startVhostServer(
  hosts: ReadonlyMap<string, HostContent>,
  options: { port?: number; address?: string } = {},
): Promise<VhostServer> {
  const log: string[] = [];
  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/\.$/, '').toLowerCase();
    // Pages are keyed by path + query (some templates route by query: /index.php?page=item&id=…).
    const url = new URL(req.url ?? '/', 'http://universe.invalid');
    const raw = url.pathname + url.search;
    let path = raw;
    try {
      path = decodeURIComponent(raw);
    } catch {
      // keep the raw form: a malformed escape is simply a page that does not exist
    }
    const content = hosts.get(host);
    const respond = (status: number, type: string, body: string | Buffer) => {
      log.push(`${host} ${path} ${status}`);
      send(res, req, status, type, body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return respond(405, 'text/plain; charset=utf-8', 'GET only\n');
    if (!content) return respond(404, 'text/html; charset=utf-8', notFound(host || 'this server', path));
    if (url.pathname === '/robots.txt')
      return respond(200, 'text/plain; charset=utf-8', content.robotsTxt ?? DEFAULT_ROBOTS);
    if (url.pathname === '/favicon.ico' && content.favicon) return respond(200, 'image/x-icon', content.favicon);
    if (raw === '/' && !content.pages.has('/') && content.home) {
      log.push(`${host} ${path} 302`);
      res.writeHead(302, { location: content.home, 'content-length': '0', server: 'demo-universe' });
      return res.end();
    }
    const file = content.files?.get(url.pathname);
    if (file) {
      file
        .bytes()
        .then((bytes) => respond(200, file.mediaType, bytes))
        .catch(() => respond(500, 'text/plain; charset=utf-8', 'file unavailable\n'));
      return;
    }
    const page = content.pages.get(raw) ?? content.pages.get(path) ?? content.catchAll;
    if (page === undefined) return respond(404, 'text/html; charset=utf-8', notFound(host, path));
    respond(200, 'text/html; charset=utf-8', page);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.address ?? '127.0.0.1', () => {
      server.off('error', reject);
      const { port, address } = server.address() as AddressInfo;
      resolve({
        port,
        address,
        hosts,
        log,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
