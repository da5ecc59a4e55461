/**
 * "symfony-classifieds": the Symfony/Twig classifieds script of 2MAX.io (Bootstrap 4), rebuilt from the element
 * structure and class names of its templates (README: provenance): base.html.twig (header, dark navbar, cookie
 * banner, footer), index.html.twig (category cards, recommended/latest lists), listing_list.html.twig (cards with
 * thumb, address, price), listing_show.html.twig (carousel, tabs, "Informations" card with phone and e-mail) and
 * page_show.html.twig (static pages). Texts are French translations written for this world.
 */
import {
  adSlug,
  adsOf,
  boardTrades,
  chunk,
  fileOf,
  operatorPhone,
  type PageOut,
  photoRecord,
  tradeLabel,
  tradeSlug,
} from './board.ts';
import { dateText, esc, paragraphs, phoneLink, priceText, renameClasses, trackersBody, trackersHead } from './html.ts';
import { contactIntro, legalNotice, privacy, type StaticText, terms } from './legal.ts';
import type { Ad, Site } from './model.ts';

const full = (site: Site, id: string) => `/static/listing/${site.year}/${fileOf(site, id)}.jpg`;
const thumb = (site: Site, id: string) => `/static/cache/list_thumb/${fileOf(site, id)}.jpg`;
const adPath = (ad: Ad) => `/l/${ad.localId}/${adSlug(ad)}`;

function layout(site: Site, title: string, body: string): string {
  const fr = site.lang === 'fr';
  const nav = [
    ['/', fr ? 'Accueil' : 'Home page'],
    ['/categories', fr ? 'Catégories' : 'Categories'],
    ['/last-added', fr ? 'Dernières annonces' : 'Last added'],
  ];
  const items = nav.map(([href, label]) => `<li class="nav-item"><a class="nav-link" href="${href}">${label}</a></li>`);
  const bar = site.theme.variant === 1 ? 'navbar-dark bg-primary' : 'navbar-dark bg-dark';
  const html = `<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<title>${esc(title)} - ${esc(site.brand)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
<meta name="description" content="${esc(site.tagline)}">
<link rel="stylesheet" href="/asset/bootstrap.css">
<link rel="stylesheet" href="/asset/style.css">
<style>.btn-primary{background:${site.theme.accent}}</style>
${trackersHead(site.trackers)}
<link rel="alternate" type="application/rss+xml" title="${esc(site.brand)}" href="/rss">
</head>
<body>
${trackersBody(site.trackers)}
<div class="container-fluid container-header">
<div class="container container-remove-padding">
<nav class="navbar navbar-expand-lg navbar-light">
<a class="navbar-brand" href="/" title="${esc(site.brand)}"><img src="/static/system/logo.png" alt="${esc(site.brand)}" width="200"></a>
<div class="collapse navbar-collapse" id="navbarSupportedContent">
<div class="col-md-8 container-remove-padding">
<form class="form-inline my-2 my-lg-0" method="get" action="/listings">
<div class="input-group mb-2 mr-md-2"><input type="text" class="form-control" name="query" placeholder="${fr ? 'mot-clé' : 'keyword'}"></div>
<button type="submit" class="btn btn-primary btn-block mb-2">${fr ? 'Rechercher' : 'Search'}</button>
</form>
</div>
<div class="col-md-4 container-remove-padding"><div class="text-right mt-md-2"><ul class="list-inline">
<li class="list-inline-item"><a href="/login">${fr ? 'Se connecter' : 'Sign in'}</a></li>
<li class="list-inline-item"><a href="/user/listing/new" class="btn btn-primary">${fr ? 'Déposer une annonce' : 'Get Listed Today'}</a></li>
</ul></div></div>
</div>
</nav>
</div>
</div>
<nav class="navbar navbar-expand-lg ${bar} d-none d-md-block">
<div class="container"><div class="collapse navbar-collapse" id="main-navbar">
<ul class="navbar-nav justify-content-around w-100">
${items.join('\n')}
</ul>
</div></div>
</nav>
<div id="gdpr" class="alert alert-info cookies gdpr" style="display: none;">
<div class="container">${fr ? 'Ce site utilise des cookies.' : 'This page is using cookies.'} <a href="/p/confidentialite">${fr ? 'En savoir plus' : 'More information'}</a> <button class="btn btn-dark btn-sm">${fr ? 'J’accepte' : 'I accept'}</button></div>
</div>
${body}
<div class="container">
<footer class="pt-4 my-md-5 pt-md-5 border-top">
<div class="row">
<div class="col-12 col-md"><small class="d-block mb-3 text-muted">© ${site.year - 3}-${site.year} ${esc(site.brand)}</small></div>
<div class="col-6 col-md"><h5>${fr ? 'Liens rapides' : 'Quick links'}</h5><ul class="list-unstyled text-small">
<li><a class="text-muted" href="/">${fr ? 'Accueil' : 'Home page'}</a></li>
<li><a class="text-muted" href="/user/listing/new">${fr ? 'Déposer une annonce' : 'Add listing'}</a></li>
<li><a class="text-muted" href="/last-added">${fr ? 'Dernières annonces' : 'Last added'}</a></li>
</ul></div>
<div class="col-6 col-md"><h5>${fr ? 'À propos' : 'About'}</h5><ul class="list-unstyled text-small">
<li><a class="text-muted" href="/p/contact">Contact</a></li>
<li><a class="text-muted" href="/p/mentions-legales">${fr ? 'Mentions légales' : 'Legal notice'}</a></li>
<li><a class="text-muted" href="/p/conditions-generales">${fr ? 'Conditions générales' : 'Terms and conditions'}</a></li>
<li><a class="text-muted" href="/p/confidentialite">${fr ? 'Confidentialité' : 'Privacy'}</a></li>
</ul></div>
</div>
</footer>
</div>
<script src="/asset/jquery.js"></script>
<script src="/asset/bootstrap.bundle.js"></script>
</body>
</html>`;
  return renameClasses(html, site.theme);
}

function card(site: Site, ad: Ad): string {
  const fr = site.lang === 'fr';
  const img = ad.photos.length
    ? `<img class="rounded" alt="${esc(ad.title)}" src="${thumb(site, ad.photos[0])}">`
    : '<img class="rounded" alt="" src="/static/system/blank.png">';
  return `<div class="card mb-3 regular">
<div class="container-fluid">
<div class="row" data-listing-id="${ad.localId}">
<div class="card-thumb col-12 col-md-3 py-3"><a title="${esc(ad.title)}" href="${adPath(ad)}">${img}</a></div>
<div class="card-text col-12 col-md-9 py-3">
<h5 class="pt-3 pt-sm-0"><strong><a href="${adPath(ad)}">${esc(ad.title)}</a></strong></h5>
<div class="address"><i class="fas fa-map-marker-alt text-danger"></i> ${esc(ad.town)}</div>
<div class="mt-1"><span class="btn btn-dark btn-sm price">${fr ? 'Prix' : 'Price'} : ${priceText(ad, site)}</span></div>
</div>
</div>
</div>
</div>`;
}

function listPages(site: Site, base: string, title: string, ads: Ad[]): PageOut[] {
  const fr = site.lang === 'fr';
  const pages = chunk(ads, site.perPage);
  const cats = boardTrades(site)
    .map((t) => `<a href="/c/${tradeSlug(t, site)}" title="" class="mb-1">${esc(tradeLabel(t, site))}</a><br>`)
    .join('\n');
  return pages.map((list, i) => {
    const path = i === 0 ? base : `${base}?page=${i + 1}`;
    const pager = pages
      .map((_, j) =>
        j === i
          ? `<li class="page-item active"><span class="page-link">${j + 1}</span></li>`
          : `<li class="page-item"><a class="page-link" href="${j === 0 ? base : `${base}?page=${j + 1}`}">${j + 1}</a></li>`,
      )
      .join('');
    const body = `<div class="container mt-3 mb-3"><a href="/">${fr ? 'Accueil' : 'Home page'}</a> &gt; ${esc(title)}</div>
<div class="container mt-5"><div class="row">
<div class="col-md-3"><div class="card mb-3"><div class="card-header"><strong>${fr ? 'Catégorie' : 'Category'}</strong></div><div class="card-body">
${cats}
</div></div></div>
<div class="col-md-9 item-list">
<div id="cards-wrapper" class="">
${list.map((ad) => card(site, ad)).join('\n')}
</div>
<nav class="clearfix"><ul class="pagination flex-wrap">${pager}</ul></nav>
</div>
</div></div>`;
    const photos = list
      .filter((a) => a.photos.length)
      .map((a) => photoRecord(site, a.photos[0], thumb(site, a.photos[0]), true));
    return { path, html: layout(site, i ? `${title} (${i + 1})` : title, body), photos };
  });
}

function infoRow(label: string, value: string): string {
  return `<div class="mb-2 py-2"><div class="row"><div class="col-sm-4">${label}</div><div class="col-sm-8">${value}</div></div></div>`;
}

function adPage(site: Site, ad: Ad, users: Map<string, number>): PageOut {
  const fr = site.lang === 'fr';
  const trade = boardTrades(site).find((t) => t.id === ad.trade)!;
  const pics = ad.photos.map((id) => full(site, id));
  const carousel = pics.length
    ? `<div class="mb-2 listing-show-carousel"><div class="owl-carousel">
${pics.map((u) => `<a href="${u}" data-toggle="lightbox" data-gallery="multiimages" data-title="${esc(ad.title)}"><img data-src="${u}" class="mx-auto listing-show-top-image owl-lazy" alt=""/></a>`).join('\n')}
</div></div>`
    : '';
  const info = [
    ...ad.phones.map((p) => infoRow(fr ? 'Téléphone' : 'Phone', phoneLink(site, ad, p, 'listing-phone'))),
    ad.email ? infoRow('Email', `<a target="_blank" href="mailto:${ad.email}">${ad.email}</a>`) : '',
    infoRow(fr ? 'Ville' : 'City', esc(`${ad.town} (${ad.postcode})`)),
    infoRow(fr ? 'Date d’ajout' : 'Date added', dateText(ad.date, site.lang, 'short')),
  ].join('\n');
  const body = `<div class="container mt-3 mb-3"><a href="/">${esc(site.brand)}</a> &gt; <a href="/c/${tradeSlug(trade, site)}">${esc(tradeLabel(trade, site))}</a> &gt; ${esc(ad.title)}</div>
<div class="container mt-3 tpl-listing-show"><div class="row">
<div class="col-md-7">
<div class="row mb-3"><div class="col-sm-10"><h1 class="user-text-wrap">${esc(ad.title)}</h1></div></div>
${carousel}
<ul class="nav nav-tabs flex-column flex-sm-row" id="myTab" role="tablist">
<li class="nav-item flex-sm-fill text-sm-center"><a href="#overview" class="nav-link active" role="tab" data-toggle="tab">${fr ? 'Détails de l’annonce' : 'Ad Details'}</a></li>
${pics.length ? `<li class="nav-item flex-sm-fill text-sm-center"><a href="#photos" class="nav-link" role="tab" data-toggle="tab">Photos (${pics.length})</a></li>` : ''}
</ul>
<div class="tab-content p-3 rounded-bottom">
<div class="tab-pane fade show active" role="tabpanel" id="overview">
<div class="row"><div class="mb-2 py-2 col-md-4"><div class="row"><div class="col-sm-12"><strong>${fr ? 'Catégorie' : 'Category'}:&nbsp;</strong><span>${esc(tradeLabel(trade, site))}</span></div></div></div></div>
<div class="zebra"><div class="block">
<div class="user-text-wrap px-3 mb-3 mt-2">
${paragraphs(ad.body)}
</div>
<div class="px-3 py-1 clearfix"><div class="float-md-right">${fr ? 'Vues' : 'Views'} : ${ad.views}</div></div>
</div></div>
</div>
<div id="photos" class="tab-pane fade clearfix" role="tabpanel">
${pics.map((u) => `<div class="listing-thumb float-left img-thumbnail mr-2 mb-2" style="width: 120px"><a href="${u}" data-toggle="lightbox"><div class="dummy container-img rounded" style="background-image:url('${u}');"></div></a></div>`).join('\n')}
</div>
</div>
${pics.length ? `<div class="my-2">${pics.map((u) => `<a href="${u}" data-toggle="lightbox" data-gallery="multiimages"><img class="mb-2" src="${u}" alt="${esc(ad.title)}" /></a>`).join('\n')}</div>` : ''}
<div>${fr ? 'Identifiant de l’annonce' : 'Listing identifier'} : ${ad.localId}</div>
</div>
<div class="col-md-5">
<div><div class="my-1"><h3 class="btn btn-dark price btn-lg">${fr ? 'Prix' : 'Price'} : ${priceText(ad, site)}</h3></div></div>
<div class="card mb-3" style="width: 100%;">
<div class="card-header"><h5>Informations</h5></div>
<div class="card-body">
${info}
</div>
<div class="card-footer"><a href="/user/${users.get(ad.advertiser)}/listings" class="btn btn-sm btn-dark btn-block mt-auto">${fr ? 'Annonces de l’utilisateur' : 'User listings'}</a></div>
</div>
<div class="card mb-3" style="width: 100%;"><div class="card-header"><h5>${fr ? 'Partager cette annonce' : 'Share This Listing'}</h5></div>
<div class="card-body"><a class="twitter-share-button" href="https://twitter.com/intent/tweet?url=https://${site.name}${adPath(ad)}">Tweet</a></div></div>
</div>
</div></div>`;
  const photos = ad.photos.map((id) => photoRecord(site, id, full(site, id), false));
  return { path: adPath(ad), html: layout(site, ad.title, body), photos };
}

function staticPage(site: Site, slug: string, text: StaticText, all: [string, string][]): PageOut {
  const related = all.map(([s, t]) => `<div><a href="/p/${s}">${esc(t)}</a></div>`).join('\n');
  const body = `<div class="container mt-5"><h2>${esc(text.title)}</h2></div>
<div class="container mt-5"><div class="row">
<div class="col-md-8">
${text.html}
</div>
<div class="col-md-4"><div class="card bg-light mb-3"><h5 class="card-header">${site.lang === 'fr' ? 'Pages associées' : 'Related pages'}</h5><div class="card-body">
${related}
</div></div></div>
</div></div>`;
  return { path: `/p/${slug}`, html: layout(site, text.title, body), photos: [] };
}

export function renderSymfony(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const trades = boardTrades(site);
  const users = new Map<string, number>();
  for (const ad of site.ads) if (!users.has(ad.advertiser)) users.set(ad.advertiser, 100 + users.size * 7);
  const tiles = trades
    .map(
      (t) => `<div class="col-sm-6 col-lg-3 text-center mb-4"><div class="card bg-light text-white">
<a href="/c/${tradeSlug(t, site)}" title="${esc(tradeLabel(t, site))}" class="text-white"><img class="card-img" src="/static/category/${t.id}.png" alt=""><div class="card-img-overlay"><h5 class="card-title down">${esc(tradeLabel(t, site))}</h5></div></a>
</div></div>`,
    )
    .join('\n');
  const links = (ads: Ad[]) =>
    ads.map((a) => `<a href="${adPath(a)}" class="link-list-item d-flex">${esc(a.title)}</a>`).join('\n');
  const featured = site.ads.filter((a) => a.photos.length > 1).slice(0, 8);
  const home = `<br>
<div class="container mb-2"><div class="d-flex flex-row"><div class="flex-grow-1"><h2>${fr ? 'Catégories' : 'Categories'}</h2></div>
<div class="d-none d-sm-block"><a href="/categories" class="btn btn-light">${fr ? 'Toutes les catégories' : 'View all categories'}</a></div></div></div>
<div class="container mb-0 mb-md-5 categories"><div class="row">
${tiles}
</div></div>
<div class="container"><div class="row">
<div class="col-md-6"><div class="card card-featured mb-4"><div class="card-header"><strong>${fr ? 'Annonces recommandées' : 'Recommended Listings'}</strong></div>
<div class="card-body p-0">
${links(featured)}
</div><div class="card-footer"><a href="/last-added" class="btn btn-sm btn-dark btn-block mt-auto">${fr ? 'Voir plus' : 'View more'}</a></div></div></div>
<div class="col-md-6"><div class="card card-featured mb-4"><div class="card-header"><strong>${fr ? 'Dernières annonces' : 'Latest Listings'}</strong></div>
<div class="card-body p-0">
${links(site.ads.slice(0, 10))}
</div><div class="card-footer"><a href="/last-added" class="btn btn-sm btn-dark btn-block mt-auto">${fr ? 'Voir plus' : 'View more'}</a></div></div></div>
</div></div>`;
  const pages: PageOut[] = [{ path: '/', html: layout(site, site.tagline, home), photos: [] }];
  pages.push(...listPages(site, '/last-added', fr ? 'Dernières annonces' : 'Last added', site.ads));
  const allCats = trades.map((t) => `<li><a href="/c/${tradeSlug(t, site)}">${esc(tradeLabel(t, site))}</a></li>`);
  pages.push({
    path: '/categories',
    html: layout(
      site,
      fr ? 'Catégories' : 'Categories',
      `<div class="container mt-5"><ul>${allCats.join('\n')}</ul></div>`,
    ),
    photos: [],
  });
  for (const t of trades) {
    const ads = site.ads.filter((a) => a.trade === t.id);
    pages.push(...listPages(site, `/c/${tradeSlug(t, site)}`, tradeLabel(t, site), ads));
  }
  for (const ad of site.ads) pages.push(adPage(site, ad, users));
  for (const [key, id] of users) {
    const ads = adsOf(site, key);
    if (ads.length > 1)
      pages.push(
        ...listPages(site, `/user/${id}/listings`, fr ? 'Annonces de l’utilisateur' : 'User listings', ads).slice(0, 1),
      );
  }
  const phone = operatorPhone(site);
  const texts: [string, StaticText][] = [
    ['contact', { title: 'Contact', html: contactIntro(site, phone) }],
    ['mentions-legales', legalNotice(site, phone)],
    ['conditions-generales', terms(site)],
    ['confidentialite', privacy(site)],
  ];
  const all = texts.map(([s, t]) => [s, t.title] as [string, string]);
  for (const [slug, text] of texts) pages.push(staticPage(site, slug, text, all));
  return pages;
}
