/**
 * A small classified-ad site (neutral home-services ads, fiction phone numbers 06 39 98 xx xx) served on 127.0.0.1
 * port 0 for the crawler tests and the crawl benchmark. Every host name reaches it (tests map `*.test` here), so
 * `annonces.test` and `www.annonces.test` are the same site. Pages: home, category listings with pagination, ad
 * pages (CSS, JS, favicon), a contact page on www., a redirect from old ad URLs, and a page drawn by JavaScript.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'crawl');

interface AdTemplate {
  category: string;
  title: string;
  city: string;
  price: string;
  text: string;
}

export interface Ad extends AdTemplate {
  id: number;
  phone: string;
}

export interface FixtureSite {
  port: number;
  /** `*.test` → this server, for CrawlOptions.hostMap. */
  hostMap: Record<string, string>;
  ads: Ad[];
  categories: string[];
  /** Paths requested so far (host + path). */
  hits: string[];
  close(): Promise<void>;
}

export interface FixtureSiteOptions {
  adCount?: number;
  /** Ads listed per category page. */
  perPage?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function makeAds(count: number): Ad[] {
  const templates = JSON.parse(readFileSync(path.join(FIXTURES, 'ads.json'), 'utf8')) as AdTemplate[];
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const template = templates[i % templates.length];
    return { ...template, id, phone: `06 39 98 ${pad(Math.floor(id / 100) % 100)} ${pad(id % 100)}` };
  });
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/style.css"><link rel="icon" href="/favicon.png" type="image/png">
<script src="/app.js" defer></script></head><body>
<header><a href="/">Annonces Services</a> · <a href="http://www.annonces.test/contact">Contact</a></header>
<main>${body}</main>
<footer>Partenaire : <a href="https://partenaire.example/">partenaire.example</a></footer></body></html>`;
}

export async function startFixtureSite(options: FixtureSiteOptions = {}): Promise<FixtureSite> {
  const ads = makeAds(options.adCount ?? 24);
  const perPage = options.perPage ?? 10;
  const categories = [...new Set(ads.map((a) => a.category))];
  const assets: Record<string, [string, Buffer]> = {
    '/style.css': ['text/css', readFileSync(path.join(FIXTURES, 'style.css'))],
    '/app.js': ['application/javascript', readFileSync(path.join(FIXTURES, 'app.js'))],
    '/spa.js': ['application/javascript', readFileSync(path.join(FIXTURES, 'spa.js'))],
    '/favicon.png': ['image/png', readFileSync(path.join(FIXTURES, 'favicon.png'))],
  };
  const hits: string[] = [];

  function page(url: URL, host: string): { status: number; body: string; headers?: Record<string, string> } {
    const p = url.pathname;
    if (p === '/') {
      const links = categories.map((c) => `<li><a href="/categorie/${c}">${c}</a></li>`).join('');
      return {
        status: 200,
        body: layout(
          'Annonces Services — Accueil',
          `<h1>Petites annonces de services</h1><ul>${links}</ul><p><a href="/spa">Annonce du jour</a></p>`,
        ),
      };
    }
    const category = /^\/categorie\/([a-z-]+)$/.exec(p);
    if (category && categories.includes(category[1])) {
      const inCategory = ads.filter((a) => a.category === category[1]);
      const n = Number(url.searchParams.get('page') ?? '1');
      const slice = inCategory.slice((n - 1) * perPage, n * perPage);
      const items = slice
        .map(
          (a) => `<div class="ad"><a href="/annonce/${a.id}">${escapeHtml(a.title)}</a> — ${escapeHtml(a.city)}</div>`,
        )
        .join('');
      const next =
        n * perPage < inCategory.length
          ? `<a rel="next" href="/categorie/${category[1]}?page=${n + 1}">Page suivante</a>`
          : '';
      return {
        status: 200,
        body: layout(`Annonces ${category[1]} — page ${n}`, `<h1>${category[1]}</h1>${items}${next}`),
      };
    }
    const ad = /^\/annonce\/(\d+)$/.exec(p);
    if (ad) {
      const found = ads.find((a) => a.id === Number(ad[1]));
      if (!found) return { status: 404, body: layout('Annonce introuvable', '<h1>Annonce introuvable</h1>') };
      return {
        status: 200,
        body: layout(
          `${found.title} — ${found.city}`,
          `<article class="ad"><h1>${escapeHtml(found.title)}</h1><p>${escapeHtml(found.text)}</p><p>${escapeHtml(found.city)} · ${escapeHtml(found.price)}</p>
<p class="phone">Tél. ${found.phone}</p><a href="/categorie/${found.category}">Retour à la catégorie</a></article>`,
        ),
      };
    }
    const old = /^\/ancienne-annonce\/(\d+)$/.exec(p);
    if (old) return { status: 301, body: '', headers: { location: `/annonce/${old[1]}` } };
    if (p === '/contact' && host.startsWith('www.')) {
      return {
        status: 200,
        body: layout(
          'Contact',
          '<h1>Contact</h1><p>Écrivez à contact@annonces.test ou appelez le 01 99 00 12 34.</p><a href="/ancienne-annonce/2">Ancienne annonce</a>',
        ),
      };
    }
    if (p === '/spa') {
      return {
        status: 200,
        body: '<!doctype html><html><head><title>Annonce du jour</title></head><body><div id="root"></div><script src="/spa.js"></script></body></html>',
      };
    }
    return { status: 404, body: layout('Page introuvable', '<h1>Page introuvable</h1>') };
  }

  const server = http.createServer((req, res) => {
    const host = (req.headers.host ?? 'annonces.test').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `http://${host}`);
    hits.push(`${host}${url.pathname}${url.search}`);
    const asset = assets[url.pathname];
    if (asset) {
      res.writeHead(200, { 'content-type': asset[0], 'content-length': asset[1].length });
      res.end(asset[1]);
      return;
    }
    const { status, body, headers } = page(url, host);
    res.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      server: 'fixture-ads/1.0',
      'x-powered-by': 'PHP/5.6-fixture',
      ...headers,
    });
    res.end(body);
  });
  server.keepAliveTimeout = 2_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hostMap: { '*.test': `127.0.0.1:${port}` },
    ads,
    categories,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
