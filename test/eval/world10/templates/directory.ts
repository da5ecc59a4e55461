/**
 * An aggregator of classified ads, world 10's own markup: summaries (title, first words, town, price, the source
 * board's name) of ads found on many boards, each linking to the ad on its board, with a small thumbnail the
 * aggregator re-hosts. It publishes no text of its own beyond these cuts and no advertiser's number.
 */
import { TRADES, type TradeKey } from '../lexicon-trades.ts';
import { nameToken } from '../rng.ts';
import { esc, type Page, type PhotoUse, pages, slashDate } from './common.ts';

export interface Summary {
  title: string;
  excerpt: string;
  town: string;
  price: string;
  source: string;
  url: string;
  trade: TradeKey;
  date: string;
  thumb: { pic: string; style: string } | null;
}

export interface Directory {
  domain: string;
  name: string;
  summaries: Summary[];
  perPage: number;
}

function shell(d: Directory, title: string, body: string): string {
  const cats = [...new Set(d.summaries.map((s) => s.trade))]
    .map((t) => `<li><a href="/categorie/${TRADES[t].slug}">${esc(TRADES[t].label)}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${esc(title)} | ${esc(d.name)}</title>
<meta name="robots" content="index,follow">
<link rel="stylesheet" href="/css/agg.min.css">
</head>
<body>
<header class="agg-top"><a class="agg-logo" href="/">${esc(d.name)}</a><p class="agg-claim">Toutes les petites annonces de services, au même endroit</p></header>
<aside class="agg-side"><h3>Catégories</h3><ul>${cats}</ul></aside>
<main class="agg-results">
${body}
</main>
<footer class="agg-foot"><a href="/a-propos">À propos</a> · Les annonces restent la propriété des sites qui les publient.</footer>
</body>
</html>`;
}

function item(d: Directory, s: Summary, photos: PhotoUse[]): string {
  let img = '';
  if (s.thumb) {
    const url = `https://${d.domain}/th/${nameToken(`${s.url}|${s.thumb.pic}`, 12)}.jpg`;
    photos.push({ url, pic: s.thumb.pic, style: s.thumb.style });
    img = `<img class="agg-thumb" src="${url}" width="120" alt="">`;
  }
  return `<article class="agg-item">${img}
  <h2 class="agg-title"><a href="${esc(s.url)}" rel="nofollow noopener" target="_blank">${esc(s.title)}</a></h2>
  <p class="agg-snippet">${esc(s.excerpt)}</p>
  <p class="agg-meta">${esc(s.town)} · ${esc(s.price)} · ${slashDate(s.date)} · vue sur ${esc(s.source)}</p>
</article>`;
}

function listPages(d: Directory, list: Summary[], base: string, title: string): Page[] {
  const chunks = pages(list, d.perPage);
  return chunks.map((chunk, i) => {
    const photos: PhotoUse[] = [];
    const nav =
      chunks.length > 1
        ? `<div class="agg-pages">${chunks.map((_, k) => (k === i ? `<b>${k + 1}</b>` : `<a href="${base}${k ? `?p=${k + 1}` : ''}">${k + 1}</a>`)).join(' ')}</div>`
        : '';
    const body = `<h1>${esc(title)}</h1>\n${chunk.map((s) => item(d, s, photos)).join('\n')}\n${nav}`;
    return { url: `https://${d.domain}${base}${i ? `?p=${i + 1}` : ''}`, html: shell(d, title, body), photos };
  });
}

export function renderDirectory(d: Directory): Page[] {
  const newest = [...d.summaries].sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : 0));
  const out: Page[] = [];
  const home = listPages(d, newest.slice(0, d.perPage), '/', 'Dernières annonces')[0];
  out.push(home, ...listPages(d, newest, '/annonces', 'Toutes les annonces'));
  for (const t of [...new Set(newest.map((s) => s.trade))])
    out.push(
      ...listPages(
        d,
        newest.filter((s) => s.trade === t),
        `/categorie/${TRADES[t].slug}`,
        TRADES[t].label,
      ),
    );
  out.push({
    url: `https://${d.domain}/a-propos`,
    html: shell(
      d,
      'À propos',
      `<h1>À propos</h1><p>${esc(d.name)} référence automatiquement les annonces publiées sur les sites de petites annonces de services.</p>`,
    ),
    photos: [],
  });
  return out;
}
