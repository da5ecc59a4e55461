/**
 * Templates of the sites that are not boards (world 9's own markup): a regional news site, a forum, an ad
 * aggregator, a directory of boards, a tradesman's own site.
 */
import type { Ad, Advertiser } from './model.ts';
import type { Ctx } from './render.ts';
import { img } from './render.ts';
import { esc, type Look, type Page, phoneText } from './site.ts';

export const PLAIN_LOOK: Look = {
  perPage: 20,
  photoStyle: 'small',
  thumbStyle: 'thumb',
  phoneMode: 'plain',
  categories: false,
  servicePages: false,
};

export function shell(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title><link rel="stylesheet" href="${css}"></head>
<body>${body}</body></html>`;
}

export function pageOf(domain: string, path: string, html: string, ctx?: Ctx): Page {
  return { url: `https://${domain}${path}`, html, photos: ctx?.photos ?? [] };
}

export function newsArticle(site: string, headline: string, paragraphs: string[], quotes: string[]): string {
  return shell(
    `${headline} – ${site}`,
    '/assets/journal.css',
    `<header class="masthead"><a href="/" class="logo">${esc(site)}</a><nav><a href="/faits-divers/">Faits divers</a> <a href="/economie/">Économie</a> <a href="/vie-locale/">Vie locale</a></nav></header>
<main><article class="story"><h1>${esc(headline)}</h1><p class="byline">Par la rédaction – publié le 14/11/2026</p>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
${quotes.map((q) => `<blockquote>« ${esc(q)} »</blockquote>`).join('\n')}
</article><aside class="related"><h2>À lire aussi</h2><ul><li><a href="/vie-locale/marche-de-noel/">Le marché de Noël ouvre ses portes</a></li><li><a href="/economie/artisans/">Les artisans face à la hausse des prix</a></li></ul></aside></main>
<footer><p>${esc(site)} – tous droits réservés</p></footer>`,
  );
}

export interface Post {
  author: string;
  date: string;
  text: string[];
  quote?: string[];
}

export function forumThread(forum: string, title: string, posts: Post[], pager: string): string {
  const items = posts
    .map(
      (
        p,
        i,
      ) => `<div class="post" id="p${i + 1}"><div class="postprofile"><strong>${esc(p.author)}</strong><br><span class="rank">Membre</span></div>
<div class="postbody"><p class="author">${esc(p.date)}</p><div class="content">${p.quote ? `<blockquote><cite>Annonce copiée :</cite>${p.quote.map((q) => `<p>${esc(q)}</p>`).join('')}</blockquote>` : ''}${p.text.map((t) => `<p>${esc(t)}</p>`).join('')}</div></div></div>`,
    )
    .join('\n');
  return shell(
    `${title} – ${forum}`,
    '/styles/forum.css',
    `<div id="wrap"><div class="headerbar"><h1>${esc(forum)}</h1><p>Entraide, bons plans et arnaques à éviter</p></div>
<div class="navbar"><a href="/">Index du forum</a> &raquo; <a href="/viewforum.php?f=4">Services et travaux</a></div>
<h2 class="topic-title">${esc(title)}</h2>
${items}
<div class="pagination">${pager}</div></div>`,
  );
}

export function aggregatorCard(ctx: Ctx, ad: Ad, source: string, look: Look): string {
  const photo = ad.photos[0]
    ? img(
        ctx,
        `/cache/vignettes/${source.replace(/\W+/g, '-')}-${ad.id}.jpg`,
        ad.photos[0],
        look.thumbStyle,
        `alt="${esc(ad.title)}"`,
      )
    : '';
  const excerpt = ad.sentences.slice(0, 2).join(' ');
  return `<li class="card">${photo}<div class="card-body"><h3><a href="https://${source}/" rel="nofollow">${esc(ad.title)}</a></h3><p>${esc(excerpt)}</p><p class="meta">${esc(ad.town)} · ${esc(ad.price)} · vu sur ${esc(source)}</p></div></li>`;
}

export function aggregatorPage(name: string, cards: string[], page: number, pages: number): string {
  const nav = Array.from({ length: pages }, (_, i) =>
    i + 1 === page ? `<b>${i + 1}</b>` : `<a href="/recherche?p=${i + 1}">${i + 1}</a>`,
  ).join(' ');
  return shell(
    `${name} – toutes les annonces de services, page ${page}`,
    '/static/app.css',
    `<header class="top"><span class="brand">${esc(name)}</span><form action="/recherche"><input name="q" placeholder="Que cherchez-vous ?"></form></header>
<section class="results"><p class="count">Annonces trouvées sur les sites partenaires</p><ul class="cards">${cards.join('\n')}</ul></section>
<nav class="pager">${nav}</nav><footer>Les annonces appartiennent à leurs sites d'origine.</footer>`,
  );
}

export interface DirectoryEntry {
  title: string;
  domain: string;
  blurb: string;
}

export function directoryPage(name: string, heading: string, entries: DirectoryEntry[]): string {
  return shell(
    `${heading} – ${name}`,
    '/css/annuaire.css',
    `<div class="annuaire"><h1>${esc(name)}</h1><h2>${esc(heading)}</h2><ol class="sites">${entries
      .map(
        (e) =>
          `<li><a href="https://${e.domain}/">${esc(e.title)}</a> <span class="url">${esc(e.domain)}</span><p>${esc(e.blurb)}</p></li>`,
      )
      .join('\n')}</ol><p class="note">Sites signalés par les internautes, sans garantie.</p></div>`,
  );
}

/** A tradesman's own site: home, services (the texts of their ads), realisations (their photos), contact. */
export function proSite(domain: string, pro: Advertiser, ads: Ad[], look: Look): Page[] {
  const nav = `<nav class="menu"><a href="/">Accueil</a><a href="/prestations.html">Prestations</a><a href="/realisations.html">Réalisations</a><a href="/contact.html">Contact</a></nav>`;
  const head = `<header class="hero"><h1>${esc(pro.name)}</h1><p>${esc(pro.trades.map((t) => t.label).join(' · '))} – ${esc(pro.town)} et environs</p></header>`;
  const foot = `<footer class="pied">${esc(pro.name)} – ${esc(phoneText(pro, look))}${pro.email ? ` – ${pro.email}` : ''}</footer>`;
  const mk = (path: string, title: string, body: string, ctx?: Ctx) =>
    pageOf(domain, path, shell(title, '/site.css', `${nav}${head}<main>${body}</main>${foot}`), ctx);
  const pages: Page[] = [];
  pages.push(
    mk(
      '/',
      pro.name,
      `<section class="intro"><p>Bienvenue ! Je travaille depuis plusieurs années pour les particuliers de ${esc(pro.town)}.</p><p>Devis gratuit, déplacement rapide.</p></section>`,
    ),
  );
  pages.push(
    mk(
      '/prestations.html',
      `Prestations – ${pro.name}`,
      ads
        .map(
          (a) =>
            `<article class="prestation"><h2>${esc(a.title)}</h2><p>${esc(a.sentences.join(' '))}</p><p class="tarif">${esc(a.price)}</p></article>`,
        )
        .join('\n'),
    ),
  );
  const ctx: Ctx = { board: { domain } as Ctx['board'], look, photos: [] };
  const gallery = ads.flatMap((a) =>
    a.photos.map((p, k) =>
      img(ctx, `/images/realisation-${a.id}-${k}.jpg`, p, look.photoStyle, `alt="${esc(a.trade.label)}"`),
    ),
  );
  pages.push(
    mk('/realisations.html', `Réalisations – ${pro.name}`, `<div class="galerie">${gallery.join('\n')}</div>`, ctx),
  );
  pages.push(
    mk(
      '/contact.html',
      `Contact – ${pro.name}`,
      `<p>Appelez-moi au ${esc(phoneText(pro, look))} ou laissez un message.</p><form method="post" action="/contact.php"><input name="nom"><textarea name="message"></textarea><button>Envoyer</button></form>`,
    ),
  );
  return pages;
}
