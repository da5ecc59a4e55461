/**
 * A hostile site for the crawler tests, on 127.0.0.1 port 0 (map `hostile.test` and `www.hostile.test` here;
 * `ghost.hostile.test` is left unmapped so it does not resolve). Every trap is linked from the home page:
 * redirect loop, a page dripping one byte a second forever, 100 MB pages (streamed, announced or not), a script
 * in an endless loop, alert/confirm/prompt dialogs, a window.open storm, a download, an endless calendar, 50,000
 * links, malformed HTML, 404/500, redirects to loopback and to file:, and a few ordinary pages that must still be
 * captured. `/secret` stands for the unit's own network: the tests check nobody ever reached it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { MEMORY_TRAPS, serveMemoryTrap } from './hostile-memory-traps.ts';

export { MEMORY_TRAPS } from './hostile-memory-traps.ts';

export interface HostileSite {
  port: number;
  hostMap: Record<string, string>;
  /** How many times /secret was reached (must stay 0 unless private targets are allowed). */
  secretHits(): number;
  /** Connections still open on the server (drips and huge pages must be hung up on). */
  openConnections(): number;
  close(): Promise<void>;
}

export const HOSTILE_TRAPS = {
  loop: '/loop/a',
  drip: '/drip',
  huge: '/huge',
  hugeDeclared: '/huge-declared',
  busy: '/busy-loop',
  dialogs: '/dialogs',
  popups: '/popups',
  download: '/download',
  calendar: '/cal/2026/11',
  links: '/links',
  malformed: '/malformed',
  notFound: '/missing',
  serverError: '/broken',
  toLoopback: '/to-loopback',
  toLocalhost: '/to-localhost',
  toFile: '/to-file',
} as const;

const ORDINARY = ['/ok/plomberie', '/ok/menage', '/ok/jardinage'];
const MB = 1024 * 1024;

function html(title: string, body: string, head = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;
}

function streamBytes(res: http.ServerResponse, total: number): void {
  const chunk = Buffer.alloc(64 * 1024, '<p>Annonce de ménage répétée à l’infini.</p>\n');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('close', () => {
    sent = total;
  });
  pump();
}

export interface HostileSiteOptions {
  /** Link the memory traps (hostile-memory-traps.ts) from the home page too, before the ordinary pages. */
  memoryTraps?: boolean | readonly string[];
  /** More ordinary pages linked right after the memory traps (`/ok/annonce-N`): captured after them. */
  extraOrdinary?: number;
}

export async function startHostileSite(options: HostileSiteOptions = {}): Promise<HostileSite> {
  const memory =
    options.memoryTraps === true ? Object.values(MEMORY_TRAPS) : options.memoryTraps ? [...options.memoryTraps] : [];
  const extra = Array.from({ length: options.extraOrdinary ?? 0 }, (_, i) => `/ok/annonce-${i}`);
  let secret = 0;
  const sockets = new Set<import('node:net').Socket>();
  let port = 0;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hostile.test');
    const p = url.pathname;
    const page = (status: number, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body);
    };
    if (serveMemoryTrap(p, url.searchParams, res)) return;
    if (p === '/') {
      // Ordinary pages first, then the memory traps and the ordinary pages that must survive them, then the rest.
      const traps = [...memory, ...extra, ...Object.values(HOSTILE_TRAPS)].map((t) => `<a href="${t}">${t}</a>`);
      const ok = ORDINARY.map((o) => `<a href="${o}">${o}</a>`);
      page(
        200,
        html(
          'Hostile — accueil',
          `<h1>Pièges</h1>${[...ok, ...traps, '<a href="http://ghost.hostile.test/">ghost</a>'].join(' ')}`,
        ),
      );
    } else if (ORDINARY.includes(p)) {
      page(
        200,
        html(
          `Annonce ${p}`,
          `<h1>Service ${p.slice(4)}</h1><p>Artisan sérieux, appelez le 06 39 98 55 ${String(ORDINARY.indexOf(p)).padStart(2, '0')}.</p>`,
        ),
      );
    } else if (extra.includes(p)) {
      page(
        200,
        html(
          `Annonce ${p}`,
          `<h1>Nettoyage de vitres</h1><p>Devis gratuit, 01 99 00 12 ${String(extra.indexOf(p)).padStart(2, '0')}.</p>`,
        ),
      );
    } else if (p === '/loop/a' || p === '/loop/b') {
      res.writeHead(302, { location: p === '/loop/a' ? '/loop/b' : '/loop/a' });
      res.end();
    } else if (p === '/drip') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<!doctype html><html><head><title>drip</title>');
      const timer = setInterval(() => res.write(' '), 1_000);
      res.on('close', () => clearInterval(timer));
    } else if (p === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      streamBytes(res, 100 * MB);
    } else if (p === '/huge-declared') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': String(100 * MB) });
      streamBytes(res, 100 * MB);
    } else if (p === '/busy-loop') {
      page(200, html('busy', '<p>Avant la boucle</p><script>for (;;) {}</script><p>après</p>'));
    } else if (p === '/dialogs') {
      page(
        200,
        html(
          'dialogs',
          '<p>Cours de piano à domicile, 06 39 98 44 01.</p><script>alert("a"); confirm("b"); prompt("c"); alert("d");</script>',
        ),
      );
    } else if (p === '/popups') {
      page(
        200,
        html(
          'popups',
          `<p>Déménagement express, 06 39 98 44 02.</p><script>for (let i = 0; i < 500; i++) { try { window.open('/ok/plomberie?p=' + i, '_blank'); } catch (e) {} }
setInterval(() => { try { window.open('/ok/menage'); } catch (e) {} }, 10);</script>`,
        ),
      );
    } else if (p === '/download') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-disposition': 'attachment; filename="annonces.zip"',
      });
      res.end(Buffer.alloc(256 * 1024, 7));
    } else if (p.startsWith('/cal/')) {
      const [, , y, m] = p.split('/').map(Number);
      const next = m === 12 ? `/cal/${y + 1}/1` : `/cal/${y}/${m + 1}`;
      page(200, html(`Calendrier ${m}/${y}`, `<h1>${m}/${y}</h1><a href="${next}">Mois suivant</a>`));
    } else if (p === '/links') {
      const links = Array.from({ length: 50_000 }, (_, i) => `<a href="/links/item/${i}">${i}</a>`).join('\n');
      page(200, html('50 000 liens', links));
    } else if (p.startsWith('/links/item/')) {
      page(200, html('item', `<p>item ${p.slice(12)}</p>`));
    } else if (p === '/malformed') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        '<html><head><title>Mal formé</title><body><div><p>Peinture <b>intérieure<i> et extérieure</div></p><table><tr><td>06 39 98 44 03<a href="/ok/plomberie"',
      );
    } else if (p === '/missing') {
      page(404, html('404', 'Introuvable'));
    } else if (p === '/broken') {
      page(500, html('500', 'Erreur interne'));
    } else if (p === '/to-loopback') {
      res.writeHead(302, { location: `http://127.0.0.1:${port}/secret` });
      res.end();
    } else if (p === '/to-localhost') {
      res.writeHead(302, { location: `http://localhost:${port}/secret` });
      res.end();
    } else if (p === '/to-file') {
      res.writeHead(302, { location: 'file:///etc/passwd' });
      res.end();
    } else if (p === '/secret') {
      secret++;
      page(200, html('secret', 'internal'));
    } else {
      page(404, html('404', 'Introuvable'));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  return {
    port,
    hostMap: { 'hostile.test': `127.0.0.1:${port}`, 'www.hostile.test': `127.0.0.1:${port}` },
    secretHits: () => secret,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((ok) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => ok());
      }),
  };
}
