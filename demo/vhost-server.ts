/**
 * One HTTP server for every universe host, chosen by the Host header: the pages each host serves,
 * its robots.txt and favicon, and a 404 page for anything else. Knows nothing about the universe's
 * meaning; it serves what it is given.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml, simplePage } from './html.ts';

export interface HostContent {
  /** path (with leading slash, no query) → HTML. */
  pages: ReadonlyMap<string, string>;
  /** Served for every path not in `pages` with status 200 (a seizure notice), instead of a 404. */
  catchAll?: string;
  favicon?: Buffer;
  robotsTxt?: string;
}

export interface VhostServer {
  port: number;
  address: string;
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
    let path = '/';
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      path = req.url ?? '/';
    }
    const content = hosts.get(host);
    const respond = (status: number, type: string, body: string | Buffer) => {
      log.push(`${host} ${path} ${status}`);
      send(res, req, status, type, body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return respond(405, 'text/plain; charset=utf-8', 'GET only\n');
    if (!content) return respond(404, 'text/html; charset=utf-8', notFound(host || 'this server', path));
    if (path === '/robots.txt') return respond(200, 'text/plain; charset=utf-8', content.robotsTxt ?? DEFAULT_ROBOTS);
    if (path === '/favicon.ico' && content.favicon) return respond(200, 'image/gif', content.favicon);
    const page = content.pages.get(path) ?? content.catchAll;
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
