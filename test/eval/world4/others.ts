/**
 * The other pages of world 4 (its own markup): a photo-only gallery (a restart that shows pictures, a town, a price
 * and a phone, no ad text), an aggregator quoting excerpts with links to the source, a forum thread quoting ads.
 */
import type { Ad, Site } from './model.ts';
import { AD_SCRIPT_RENDERERS } from './scripts.ts';
import {
  adNumber,
  chunks,
  esc,
  excerpt,
  head,
  LEGAL,
  operatorLines,
  type Page,
  phoneOf,
  photoUrl,
  priceText,
  url,
} from './shell.ts';

function plainPage(site: Site, title: string, content: string, bodyClass: string): string {
  return `<!DOCTYPE html><html lang="fr">${head(site, title)}<body class="${bodyClass}"><div class="wrap"><div class="top"><a href="/">${esc(site.title)}</a> <span>${esc(site.tagline)}</span></div>
<div class="main">${content}</div><div class="bottom"><a href="/contact.html">Contact</a> · <a href="/legal.html">Mentions légales</a></div></div></body></html>`;
}

function renderGallery(site: Site): Page[] {
  const pages: Page[] = [];
  const shown = site.ads.filter((a) => a.photos.length > 0);
  const lists = chunks(shown, site.perPage);
  lists.forEach((ads, i) => {
    const figs = ads
      .map(
        (a) =>
          `<figure class="tile"><a href="/p/${adNumber(site, a)}.html"><img src="${photoUrl(site, a.photos[0], site.photo.width)}" alt=""></a><figcaption>${esc(a.town)} · ${priceText(a)}</figcaption></figure>`,
      )
      .join('\n');
    const nav = lists.map((_, j) => `<a href="/${j ? `index${j + 1}.html` : ''}">${j + 1}</a>`).join(' ');
    pages.push([
      url(site, i ? `/index${i + 1}.html` : '/'),
      plainPage(site, 'Galerie', `<div class="tiles">${figs}</div><p class="pages">${nav}</p>`, 'gallery'),
    ]);
  });
  for (const ad of shown) {
    const imgs = ad.photos.map((p) => `<img src="${photoUrl(site, p, site.photo.width)}" alt="">`).join('');
    pages.push([
      url(site, `/p/${adNumber(site, ad)}.html`),
      plainPage(
        site,
        `${ad.town} ${priceText(ad)}`,
        `<div class="shots">${imgs}</div><p class="call">☎ ${phoneOf(site, ad.advertiser.phone)}</p>`,
        'gallery shot',
      ),
    ]);
  }
  pages.push([url(site, '/contact.html'), plainPage(site, 'Contact', operatorLines(site), 'gallery')]);
  pages.push([url(site, '/legal.html'), plainPage(site, 'Mentions légales', `<p>${LEGAL}</p>`, 'gallery')]);
  return pages;
}

function renderAggregator(site: Site): Page[] {
  const pages: Page[] = [];
  const lists = chunks(site.ads, site.perPage);
  lists.forEach((ads, i) => {
    const items = ads
      .map((a) => {
        const source = site.sources?.[a.id] ?? 'ailleurs.example';
        return `<article class="hit"><h3><a rel="nofollow" href="https://${source}/a/${adNumber(site, a)}">${esc(a.title)}</a></h3><p class="snippet">${esc(excerpt(a.body, 90))}</p><p class="meta">${esc(a.town)} · ${priceText(a)} · vu sur <cite>${source}</cite></p></article>`;
      })
      .join('\n');
    pages.push([
      url(site, i ? `/recherche?p=${i + 1}` : '/'),
      plainPage(
        site,
        'Toutes les annonces de services',
        `<h1>Annonces de services trouvées sur le web</h1>${items}`,
        'agg',
      ),
    ]);
  });
  pages.push([
    url(site, '/contact.html'),
    plainPage(
      site,
      'À propos',
      `<p>Nous référençons des annonces publiées sur d’autres sites. Cliquez pour lire l’annonce complète chez sa source.</p>${operatorLines(site)}`,
      'agg',
    ),
  ]);
  return pages;
}

const CHATTER = [
  'Bonjour à tous, je cherche quelqu’un de fiable pour un coup de main ce mois-ci.',
  'Méfiez-vous des annonces qui demandent un acompte par virement.',
  'Pour ma part j’ai eu une bonne expérience, travail propre et à l’heure.',
  'Est-ce que quelqu’un a déjà fait appel à cette personne ?',
  'Merci pour vos retours, je vais comparer les devis.',
  'Attention, certaines annonces sont recopiées d’un site à l’autre.',
];

function quote(site: Site, ad: Ad): string {
  return `<blockquote class="postquote"><cite>Annonce vue sur ${esc(site.sources?.[ad.id] ?? 'un autre site')}</cite><strong>${esc(ad.title)}</strong><br>${esc(ad.body)}<br>${esc(ad.advertiser.name)} — ${phoneOf(site, ad.advertiser.phone)}</blockquote>`;
}

function renderForum(site: Site): Page[] {
  // Quoted ads are spread over thread pages between members' chatter.
  const pages: Page[] = [];
  const threads = chunks(site.ads, 3);
  threads.forEach((ads, t) => {
    const posts = ads
      .flatMap((ad, i) => [
        `<div class="post"><div class="author">membre${(t * 7 + i * 3) % 41}</div><div class="content">${CHATTER[(t + i) % CHATTER.length]}${quote(site, ad)}</div></div>`,
        `<div class="post"><div class="author">membre${(t * 5 + i * 11) % 37}</div><div class="content">${CHATTER[(t + i + 3) % CHATTER.length]}</div></div>`,
      ])
      .join('\n');
    pages.push([
      url(site, `/forum/sujet-${t + 1}.html`),
      plainPage(
        site,
        `Avis sur des annonces de services (${t + 1})`,
        `<h2 class="topic">Avis sur des annonces de services</h2>${posts}`,
        'forum',
      ),
    ]);
  });
  pages.push([
    url(site, '/forum/'),
    plainPage(
      site,
      'Forum',
      threads
        .map((_, t) => `<p><a href="/forum/sujet-${t + 1}.html">Avis sur des annonces (${t + 1})</a></p>`)
        .join(''),
      'forum',
    ),
  ]);
  pages.push([url(site, '/contact.html'), plainPage(site, 'Contact', operatorLines(site), 'forum')]);
  return pages;
}

/** Every page of a site, as [url, html]. */
export function renderSite(site: Site): Page[] {
  switch (site.script) {
    case 'gallery':
      return renderGallery(site);
    case 'aggregator':
      return renderAggregator(site);
    case 'forum':
      return renderForum(site);
    default:
      return AD_SCRIPT_RENDERERS[site.script](site);
  }
}
