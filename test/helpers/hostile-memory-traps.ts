/**
 * Pages that try to make the browser eat memory, served by the hostile site (hostile-server.ts). Each one is what
 * an outside review's suite did to a browser crawl: scripts that allocate forever (on the main thread, blocking, or
 * on a timer so the page still "loads"), web workers allocating, a history storm, an infinite scroll, a huge text,
 * a script-driven redirect loop and a gzip decompression bomb. Sizes are what a renderer would reach in seconds.
 */
import type http from 'node:http';
import { createGzip } from 'node:zlib';

export const MEMORY_TRAPS = {
  allocLoop: '/mem/alloc-loop',
  allocTimer: '/mem/alloc-timer',
  workers: '/mem/workers',
  historyStorm: '/mem/history-storm',
  infiniteScroll: '/mem/infinite-scroll',
  hugeText: '/mem/huge-text',
  jsRedirectLoop: '/mem/js-loop',
  gzipBomb: '/mem/gzip-bomb',
} as const;

function html(title: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

// Each allocation is a fresh array of doubles (8 bytes each) kept alive: the V8 heap grows as fast as it can.
const ALLOC_LOOP = 'const keep = []; for (;;) { keep.push(new Array(1e6).fill(Math.random())); }';
const ALLOC_TIMER =
  'const keep = []; setInterval(() => { for (let i = 0; i < 20; i++) keep.push(new Array(1e6).fill(Math.random())); }, 20);';
const WORKER =
  'const keep = []; for (;;) { keep.push(new Array(1e6).fill(Math.random())); if (keep.length % 50 === 0) postMessage(keep.length); }';
const WORKERS = `for (let i = 0; i < 6; i++) new Worker('/mem/worker.js');`;
// pushState with a large state object, as fast as the page can (Chromium throttles the IPC, the renderer keeps
// serialising).
const HISTORY_STORM = `let n = 0; const state = { ad: 'Plombier disponible '.repeat(50000) };
setInterval(() => { for (let i = 0; i < 200; i++) { try { history.pushState(state, '', '?s=' + n++); } catch (e) {} } }, 0);`;
// New listings appended forever, with pictures, as an endless feed does.
const INFINITE_SCROLL = `let n = 0; setInterval(() => { const f = document.createDocumentFragment();
for (let i = 0; i < 2000; i++) { const d = document.createElement('div'); d.textContent = 'Annonce de jardinage n° ' + (n++) + ' — tonte, taille, débroussaillage, devis gratuit.'; f.appendChild(d); }
document.body.appendChild(f); window.scrollTo(0, document.body.scrollHeight); }, 10);`;
const HUGE_TEXT = `const p = document.createElement('pre'); p.textContent = 'Ménage, repassage, vitres. '.repeat(12e6); document.body.appendChild(p);`;

let bomb: Promise<Buffer> | undefined;
/**
 * 1 GiB of spaces inside an HTML page, gzip-compressed to about a megabyte; compressed once, a megabyte at a time
 * (the server must not hold the gigabyte it pretends to serve).
 */
export function gzipBomb(): Promise<Buffer> {
  bomb ??= new Promise<Buffer>((resolve, reject) => {
    const gzip = createGzip({ level: 9 });
    const out: Buffer[] = [];
    gzip.on('data', (b: Buffer) => out.push(b));
    gzip.on('end', () => resolve(Buffer.concat(out)));
    gzip.on('error', reject);
    gzip.write('<!doctype html><html><head><title>bombe</title></head><body><p>');
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    let left = 1024;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!gzip.write(chunk)) return void gzip.once('drain', pump);
      }
      gzip.end();
    };
    pump();
  });
  return bomb;
}

/** Answers a memory trap; false when `path` is none of them. */
export function serveMemoryTrap(path: string, query: URLSearchParams, res: http.ServerResponse): boolean {
  const page = (title: string, body: string) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html(title, body));
  };
  switch (path) {
    case MEMORY_TRAPS.allocLoop:
      page('alloc', `<p>Peinture</p><script>${ALLOC_LOOP}</script>`);
      return true;
    case MEMORY_TRAPS.allocTimer:
      page('alloc-timer', `<p>Électricien, 06 39 98 44 10.</p><script>${ALLOC_TIMER}</script>`);
      return true;
    case MEMORY_TRAPS.workers:
      page('workers', `<p>Serrurier, 06 39 98 44 11.</p><script>${WORKERS}</script>`);
      return true;
    case '/mem/worker.js':
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(WORKER);
      return true;
    case MEMORY_TRAPS.historyStorm:
      page('history', `<p>Vitrier, 06 39 98 44 12.</p><script>${HISTORY_STORM}</script>`);
      return true;
    case MEMORY_TRAPS.infiniteScroll:
      page('scroll', `<p>Jardinier, 06 39 98 44 13.</p><script>${INFINITE_SCROLL}</script>`);
      return true;
    case MEMORY_TRAPS.hugeText:
      page('texte', `<p>Femme de ménage, 06 39 98 44 14.</p><script>${HUGE_TEXT}</script>`);
      return true;
    case MEMORY_TRAPS.jsRedirectLoop: {
      const n = Number(query.get('n') ?? 0);
      page('boucle', `<p>Redirection ${n}</p><script>location.replace('/mem/js-loop?n=${n + 1}')</script>`);
      return true;
    }
    case MEMORY_TRAPS.gzipBomb:
      gzipBomb().then(
        (body) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
          res.end(body);
        },
        () => res.destroy(),
      );
      return true;
    default:
      return false;
  }
}
