/**
 * The three classified scripts of world 4, their element structure and class names rebuilt (not copied) from the
 * public templates listed in README.md: AWPCP (WordPress), django-classified (Bootstrap 3) and Sharetribe (Rails).
 */
import type { Ad, Site } from './model.ts';
import {
  adNumber,
  chunks,
  cls,
  emailOf,
  esc,
  excerpt,
  head,
  LEGAL,
  operatorLines,
  type Page,
  phoneOf,
  photoUrl,
  priceText,
  slug,
  url,
} from './shell.ts';

const paragraphs = (body: string) =>
  body
    .split(/(?<=\.) (?=[A-ZÉÀ])/)
    .map((s) => `<p>${esc(s)}</p>`)
    .join('');

// ---------- AWPCP: a WordPress theme around the plugin's listing excerpts and #showawpcpadpage ----------

function awpcpPage(site: Site, title: string, content: string): string {
  const c = (...n: string[]) => cls(site, ...n);
  return `<!DOCTYPE html><html lang="fr-FR">${head(site, title, '<link rel="stylesheet" href="/wp-content/plugins/another-wordpress-classifieds-plugin/resources/css/awpcpstyle.css">')}
<body class="${c('page-template-default', 'awpcp-page')}"><div id="page" class="${c('site')}">
<header id="masthead" class="${c('site-header')}"><div class="${c('site-branding')}"><p class="${c('site-title')}"><a href="/">${esc(site.title)}</a></p><p class="${c('site-description')}">${esc(site.tagline)}</p></div>
<nav class="${c('main-navigation')}"><ul class="${c('menu')}"><li><a href="/annonces/">Annonces</a></li><li><a href="/annonces/deposer/">Déposer une annonce</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="${c('site-content')}"><main id="main" class="${c('site-main')}"><article class="${c('page', 'type-page')}"><div class="${c('entry-content')}">
<div id="classiwrapper">${content}</div></div></article></main></div>
<footer id="colophon" class="${c('site-footer')}"><div class="${c('site-info')}">${esc(site.title)} — <a href="/mentions-legales/">Mentions légales</a></div></footer></div></body></html>`;
}

function awpcpExcerpt(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const href = `/annonces/voir/${adNumber(site, ad)}/${slug(ad.title)}/`;
  const img = ad.photos[0]
    ? `<a class="${c('awpcp-listing-primary-image-listing-link')}" href="${href}"><img class="${c('awpcp-thumbnail')}" src="${photoUrl(site, ad.photos[0], 150)}" alt="${esc(ad.title)}"></a>`
    : '';
  return `<div class="${c('awpcp-listing-excerpt', 'displayaditemsodd')}"><div class="${c('awpcp-listing-excerpt-thumbnail')}">${img}</div>
<div class="${c('awpcp-listing-excerpt-inner')}"><h4 class="${c('awpcp-listing-title')}"><a href="${href}">${esc(ad.title)}</a></h4><div class="${c('awpcp-listing-excerpt-content')}">${esc(excerpt(ad.body, 160))}</div></div>
<div class="${c('awpcp-listing-excerpt-extra')}"><span class="${c('awpcp-listing-city')}">${esc(ad.town)}</span> <span class="${c('awpcp-listing-price')}">Prix : ${priceText(ad)}</span></div></div>`;
}

function awpcpAd(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const photos = ad.photos
    .map(
      (p) =>
        `<a class="${c('awpcp-listing-primary-image-thickbox-link')}" href="${photoUrl(site, p, site.photo.width)}"><img class="${c('awpcp-ad-image')}" src="${photoUrl(site, p, site.photo.width)}" alt="${esc(ad.title)}"></a>`,
    )
    .join('');
  const email = ad.advertiser.email ? `<br>Courriel : ${emailOf(site, ad.advertiser.email)}` : '';
  return `<div id="showawpcpadpage"><div class="${c('awpcp-title')}"><h2>${esc(ad.title)}</h2></div>
<div class="${c('showawpcpadpage')}"><div class="${c('awpcp-ad-primary-image')}">${photos}</div>
<label>Informations de contact</label><br><a href="/annonces/repondre/${adNumber(site, ad)}/">Contacter ${esc(ad.advertiser.name)}</a><br>Téléphone : ${phoneOf(site, ad.advertiser.phone)}${email}<br>Ville : ${esc(ad.town)}</div>
<div class="${c('showawpcpadpage')}"><label>Prix</label><br><strong>${priceText(ad)}</strong></div>
<div class="${c('showawpcpadpage')}"><label>Description</label><div class="${c('awpcp-ad-description')}">${paragraphs(ad.body)}</div></div></div>`;
}

function renderAwpcp(site: Site): Page[] {
  const pages: Page[] = [];
  const lists = chunks(site.ads, site.perPage);
  lists.forEach((ads, i) => {
    const nav =
      lists.length > 1
        ? `<div class="${cls(site, 'pager')}">${lists.map((_, j) => `<a href="/annonces/${j ? `page/${j + 1}/` : ''}">${j + 1}</a>`).join(' ')}</div>`
        : '';
    const body = `<div class="${cls(site, 'awpcp-listings')}">${ads.map((a) => awpcpExcerpt(site, a)).join('\n')}</div>${nav}`;
    pages.push([url(site, i ? `/annonces/page/${i + 1}/` : '/annonces/'), awpcpPage(site, 'Annonces', body)]);
  });
  for (const ad of site.ads)
    pages.push([
      url(site, `/annonces/voir/${adNumber(site, ad)}/${slug(ad.title)}/`),
      awpcpPage(site, ad.title, awpcpAd(site, ad)),
    ]);
  pages.push([url(site, '/contact/'), awpcpPage(site, 'Contact', `<h1>Nous contacter</h1>${operatorLines(site)}`)]);
  pages.push([
    url(site, '/mentions-legales/'),
    awpcpPage(site, 'Mentions légales', `<h1>Mentions légales</h1><p>${LEGAL}</p>${operatorLines(site)}`),
  ]);
  return pages;
}

// ---------- django-classified: Bootstrap 3 narrow jumbotron, item table, schema.org Product detail ----------

function dcfPage(site: Site, title: string, content: string): string {
  const c = (...n: string[]) => cls(site, ...n);
  return `<!DOCTYPE html><html lang="fr">${head(site, title, '<link href="/static/django_classified/css/bootstrap.min.css" rel="stylesheet"><link href="/static/django_classified/css/style.css" rel="stylesheet">')}
<body><div class="${c('container')}"><div class="${c('header', 'clearfix')}"><nav><ul class="${c('nav', 'nav-pills', 'pull-right')}"><li role="presentation" class="${c('active')}"><a href="/new/">Déposer</a></li><li role="presentation"><a href="/">Accueil</a></li><li role="presentation"><a href="/search/">Rechercher</a></li><li role="presentation"><a href="/page/contact/">Contact</a></li></ul></nav>
<h4 class="${c('text-muted')}">${esc(site.title)} <small>${esc(site.tagline)}</small></h4></div>
${content}
<footer class="${c('footer')}"><span class="${c('pull-left')}">${esc(site.title)}</span> <span class="${c('pull-right')}"><a href="/page/legal/">Mentions légales</a></span></footer></div></body></html>`;
}

function dcfRow(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const href = `/item/${adNumber(site, ad)}-${slug(ad.title)}/`;
  const img = ad.photos[0]
    ? `<a href="${href}" title="${esc(ad.title)}"><img src="${photoUrl(site, ad.photos[0], 45)}" alt="${esc(ad.title)}" width="45" height="45" class="${c('img-rounded')}">${ad.photos.length > 1 ? `<span class="${c('badge', 'badge-notify')}"> + ${ad.photos.length - 1}</span>` : ''}</a>`
    : '';
  return `<tr><td>${img} <a href="${href}" title="${esc(ad.title)}">${esc(ad.title)}</a><div class="${c('item-excerpt')}">${esc(excerpt(ad.body, 120))}</div></td><td>${priceText(ad)}</td></tr>`;
}

function dcfAd(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const photos = ad.photos
    .map(
      (p) =>
        `<a href="${photoUrl(site, p, site.photo.width)}" data-lightbox="lightbox[${adNumber(site, ad)}]"><img itemprop="image" src="${photoUrl(site, p, site.photo.width)}" alt="${esc(ad.title)}" class="${c('img-rounded')}"></a>`,
    )
    .join('');
  const email = ad.advertiser.email ? ` — ${emailOf(site, ad.advertiser.email)}` : '';
  return `<div itemscope itemtype="http://schema.org/Product"><div class="${c('row')}"><div class="${c('col-md-12')}"><h3>${esc(ad.town)}&nbsp;&gt;&nbsp;<a href="/group/${slug(ad.trade)}/">${esc(ad.trade)}</a></h3></div></div>
<div class="${c('row')}"><div class="${c('col-lg-9')}"><h2 itemprop="name">${esc(ad.title)}</h2></div><div class="${c('col-lg-3')}"><span itemprop="offers" itemscope itemtype="http://schema.org/Offer"><meta itemprop="priceCurrency" content="EUR"><h2 itemprop="price" content="${ad.price}">${priceText(ad)}</h2></span></div></div>
<div class="${c('row')}"><div class="${c('col-lg-12')}" itemprop="description">${paragraphs(ad.body)}</div></div>
<div class="${c('row')}"><div class="${c('col-lg-12')}">${photos}</div></div></div>
<div class="${c('row')}"><div class="${c('col-md-12')}"><hr>${esc(ad.advertiser.name)} — Téléphone : ${phoneOf(site, ad.advertiser.phone)}${email}</div></div>`;
}

function renderDcf(site: Site): Page[] {
  const pages: Page[] = [];
  const lists = chunks(site.ads, site.perPage);
  lists.forEach((ads, i) => {
    const nav = `<ul class="${cls(site, 'pagination')}">${lists.map((_, j) => `<li><a href="/?page=${j + 1}">${j + 1}</a></li>`).join('')}</ul>`;
    const table = `<table class="${cls(site, 'table', 'table-hover')}"><thead><tr><td></td><td>Prix</td></tr></thead><tbody>${ads.map((a) => dcfRow(site, a)).join('\n')}</tbody></table>${nav}`;
    pages.push([url(site, i ? `/?page=${i + 1}` : '/'), dcfPage(site, 'Dernières annonces', table)]);
  });
  for (const ad of site.ads)
    pages.push([url(site, `/item/${adNumber(site, ad)}-${slug(ad.title)}/`), dcfPage(site, ad.title, dcfAd(site, ad))]);
  pages.push([
    url(site, '/page/contact/'),
    dcfPage(
      site,
      'Contact',
      `<div class="${cls(site, 'row')}"><div class="${cls(site, 'col-md-12')}"><h2>Contact</h2>${operatorLines(site)}</div></div>`,
    ),
  ]);
  pages.push([
    url(site, '/page/legal/'),
    dcfPage(
      site,
      'Mentions légales',
      `<div class="${cls(site, 'row')}"><div class="${cls(site, 'col-md-12')}"><h2>Mentions légales</h2><p>${LEGAL}</p>${operatorLines(site)}</div></div>`,
    ),
  ]);
  return pages;
}

// ---------- Sharetribe: the fluid thumbnail grid on the home page, #listing_image_side / #listing_content_side ----------

function sharetribePage(site: Site, title: string, content: string): string {
  const c = (...n: string[]) => cls(site, ...n);
  return `<!DOCTYPE html><html lang="fr">${head(site, title, '<link rel="stylesheet" href="/assets/application.css">')}
<body><div class="${c('header-wrapper')}"><header class="${c('header')}"><a class="${c('header-logo')}" href="/">${esc(site.title)}</a><nav class="${c('header-menu')}"><a class="${c('header-menu-link')}" href="/listings/new">Publier une annonce</a><a class="${c('header-menu-link')}" href="/infos/contact">Contact</a></nav></header></div>
<section class="${c('marketplace-lander')}"><div class="${c('coverimage')}"><h1 class="${c('marketplace-lander-content-title')}">${esc(site.tagline)}</h1></div></section>
<article class="${c('page-content')}"><div class="${c('wrapper')}">${content}</div></article>
<footer class="${c('footer')}"><a href="/infos/terms">Conditions d’utilisation</a> · ${esc(site.title)}</footer></body></html>`;
}

function sharetribeItem(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const href = `/listings/${adNumber(site, ad)}-${slug(ad.title)}`;
  const img = ad.photos[0]
    ? `<img class="${c('fluid-thumbnail-grid-image-image')}" src="${photoUrl(site, ad.photos[0], 360)}" alt="${esc(ad.title)}">`
    : '';
  return `<div class="${c('home-fluid-thumbnail-grid-item')}"><div><a class="${c('fluid-thumbnail-grid-image-item-link')}" href="${href}"><div class="${c('fluid-thumbnail-grid-image-image-container')}">${img}<div class="${c('fluid-thumbnail-grid-image-overlay')}"></div><div class="${c('fluid-thumbnail-grid-image-title')}">${esc(ad.title)}</div><div class="${c('fluid-thumbnail-grid-image-price-container')}"><span class="${c('fluid-thumbnail-grid-image-price')}">${priceText(ad)}</span> <span class="${c('fluid-thumbnail-grid-image-quantity')}">${ad.trade}</span></div></div></a>
<div class="${c('home-fluid-thumbnail-grid-author')}"><a class="${c('home-fluid-thumbnail-grid-author-name')}" href="/fr/${slug(ad.advertiser.name)}">${esc(ad.advertiser.name)}</a></div></div></div>`;
}

function sharetribeAd(site: Site, ad: Ad): string {
  const c = (...n: string[]) => cls(site, ...n);
  const photos = ad.photos
    .map(
      (p) =>
        `<img class="${c('listing_main_image')}" src="${photoUrl(site, p, site.photo.width)}" alt="${esc(ad.title)}">`,
    )
    .join('');
  const email = ad.advertiser.email
    ? `<br><span class="${c('smaller')}">${emailOf(site, ad.advertiser.email)}</span>`
    : '';
  return `<div id="listing_image_side" class="${c('grid_8')}"><div class="${c('image')}">${photos}</div></div>
<div id="listing_content_side" class="${c('grid_16')}"><div id="listing_center" class="${c('grid_10', 'alpha')}"><h1>${esc(ad.trade)} : ${esc(ad.title)}</h1>${paragraphs(ad.body)}
<div id="share_types_and_tags"><strong>Lieu :</strong> ${esc(ad.town)}<br><strong>Prix :</strong> ${priceText(ad)}</div>
<div id="listing_author"><div id="listing_author_description"><strong>Proposé par : <a href="/fr/${slug(ad.advertiser.name)}">${esc(ad.advertiser.name)}</a></strong><br><span class="${c('smaller')}">Tél. ${phoneOf(site, ad.advertiser.phone)}</span>${email}</div></div></div>
<div id="listing_right_panel" class="${c('grid_6', 'omega')}"><div id="listing_reply_link"><a class="${c('action-button')}" href="/listings/${adNumber(site, ad)}/reply">Contacter</a></div></div></div>`;
}

function renderSharetribe(site: Site): Page[] {
  const pages: Page[] = [];
  const lists = chunks(site.ads, site.perPage);
  lists.forEach((ads, i) => {
    const more =
      i + 1 < lists.length ? `<a class="${cls(site, 'load-more')}" href="/?page=${i + 2}">Plus d’annonces</a>` : '';
    const grid = `<div class="${cls(site, 'home-fluid-thumbnail-grid-narrow')}"><div class="${cls(site, 'home-fluid-thumbnail-grid')}">${ads.map((a) => sharetribeItem(site, a)).join('\n')}</div></div>${more}`;
    pages.push([url(site, i ? `/?page=${i + 1}` : '/'), sharetribePage(site, 'Annonces', grid)]);
  });
  for (const ad of site.ads)
    pages.push([
      url(site, `/listings/${adNumber(site, ad)}-${slug(ad.title)}`),
      sharetribePage(site, ad.title, sharetribeAd(site, ad)),
    ]);
  pages.push([url(site, '/infos/contact'), sharetribePage(site, 'Contact', `<h2>Contact</h2>${operatorLines(site)}`)]);
  pages.push([
    url(site, '/infos/terms'),
    sharetribePage(site, 'Conditions', `<h2>Conditions d’utilisation</h2><p>${LEGAL}</p>${operatorLines(site)}`),
  ]);
  return pages;
}

export const AD_SCRIPT_RENDERERS = { awpcp: renderAwpcp, dcf: renderDcf, sharetribe: renderSharetribe };

/** Class names of each script that a re-theme may rename (the rest are kept). */
export const RENAMABLE: Record<keyof typeof AD_SCRIPT_RENDERERS, string[]> = {
  awpcp: [
    'awpcp-listing-excerpt',
    'awpcp-listing-excerpt-thumbnail',
    'awpcp-listing-excerpt-inner',
    'awpcp-listing-title',
    'awpcp-listing-excerpt-content',
    'awpcp-listing-excerpt-extra',
    'awpcp-listings',
    'showawpcpadpage',
    'awpcp-title',
    'awpcp-ad-primary-image',
    'awpcp-ad-description',
    'site-header',
    'site-content',
    'site-footer',
    'main-navigation',
  ],
  dcf: [
    'table',
    'table-hover',
    'img-rounded',
    'item-excerpt',
    'row',
    'col-md-12',
    'col-lg-12',
    'col-lg-9',
    'col-lg-3',
    'header',
    'nav',
    'nav-pills',
    'footer',
    'container',
  ],
  sharetribe: [
    'home-fluid-thumbnail-grid',
    'home-fluid-thumbnail-grid-item',
    'fluid-thumbnail-grid-image-item-link',
    'fluid-thumbnail-grid-image-image',
    'fluid-thumbnail-grid-image-title',
    'fluid-thumbnail-grid-image-price',
    'home-fluid-thumbnail-grid-author',
    'listing_main_image',
    'grid_8',
    'grid_16',
    'header',
    'footer',
    'page-content',
  ],
};
