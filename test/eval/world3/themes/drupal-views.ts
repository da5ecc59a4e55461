/**
 * Drupal 9/10 with a "annonce" content type listed by Views, themed by core Olivero/Classy (drupal/drupal core
 * templates views-view.html.twig, views-view-unformatted.html.twig, views-view-fields.html.twig, field.html.twig,
 * node.html.twig; GPL-2.0): `div.view-content > div.views-row > div.views-field > span.field-content`, node pages as
 * `article.node--type-annonce` with `div.field--name-*` fields.
 */
import type { Ad, Site } from '../model.ts';
import {
  advertiserEmail,
  dateFr,
  esc,
  html,
  operatorBlock,
  type Page,
  paginate,
  phoneFor,
  priceText,
  slug,
} from './common.ts';

const nodeUrl = (ad: Ad) => `/annonce/${slug(ad.title)}-${slug(ad.town)}`;
const style = (p: string, s: string) => `/sites/default/files/styles/${s}/public/annonces/${p}.jpg`;

function field(name: string, label: string | null, value: string, type = 'string'): string {
  const lab = label ? `<div class="field__label">${label}</div>` : '';
  return `<div class="field field--name-field-${name} field--type-${type} field--label-${label ? 'above' : 'hidden'}">${lab}<div class="field__item">${value}</div></div>`;
}

function shell(site: Site, title: string, content: string): string {
  const head = `<title>${esc(title)} | ${esc(site.title)}</title>
<meta name="Generator" content="Drupal 10 (https://www.drupal.org)">
<link rel="stylesheet" media="all" href="/core/themes/olivero/css/base/base.css?s${site.skin}">
<link rel="stylesheet" media="all" href="/sites/default/files/css/css_${slug(site.name).slice(0, 10)}.css">
<script src="/core/misc/drupal.js"></script>`;
  const body = `<a href="#main-content" class="visually-hidden focusable skip-link">Aller au contenu principal</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas>
<div id="page-wrapper" class="page-wrapper"><div id="page">
<header id="header" class="site-header" role="banner"><div class="site-header__fixable"><div class="site-branding"><div class="site-branding__text"><div class="site-branding__name"><a href="/" title="Accueil" rel="home">${esc(site.title)}</a></div></div></div>
<nav role="navigation" class="primary-nav"><ul class="menu primary-nav__menu"><li class="primary-nav__menu-item"><a href="/annonces" class="primary-nav__menu-link">Annonces</a></li><li class="primary-nav__menu-item"><a href="/node/add/annonce" class="primary-nav__menu-link">Publier</a></li><li class="primary-nav__menu-item"><a href="/contact" class="primary-nav__menu-link">Contact</a></li></ul></nav></div></header>
<div id="main-wrapper" class="layout-main-wrapper layout-container"><div id="main" class="layout-main"><div class="main-content"><a id="main-content" tabindex="-1"></a>
<div class="main-content__container container">
${content}
</div></div></div></div>
<footer class="site-footer"><div class="site-footer__inner container"><div class="region region--footer-top"><div class="block block-block-content"><div class="text-content clearfix field field--name-body"><p>${operatorBlock(site, false)}</p></div></div></div></div></footer>
</div></div></div>`;
  return html(site, head, body, ` class="path-${title === 'Annonces' ? 'annonces' : 'node'}"`);
}

function row(ad: Ad): string {
  const img = ad.photos[0]
    ? `<div class="views-field views-field-field-photos"><div class="field-content"><a href="${nodeUrl(ad)}"><img loading="lazy" src="${style(ad.photos[0], 'medium')}" width="220" height="165" alt="${esc(ad.title)}"></a></div></div>`
    : '';
  return `<div class="views-row">${img}
<div class="views-field views-field-title"><span class="field-content"><a href="${nodeUrl(ad)}" hreflang="fr">${esc(ad.title)}</a></span></div>
<div class="views-field views-field-field-ville"><span class="views-label views-label-field-ville">Ville : </span><div class="field-content">${esc(ad.town)}</div></div>
<div class="views-field views-field-field-prix"><div class="field-content">${priceText(ad)}</div></div>
<div class="views-field views-field-body"><div class="field-content">${esc(ad.body.split(/(?<=\.)\s/)[0])}</div></div>
</div>`;
}

function node(site: Site, ad: Ad): string {
  const photos = ad.photos.length
    ? `<div class="field field--name-field-photos field--type-image field--label-hidden field__items">${ad.photos.map((p) => `<div class="field__item"><img loading="lazy" src="${style(p, 'wide')}" width="800" height="600" alt="${esc(ad.title)}"></div>`).join('')}</div>`
    : '';
  return `<article data-history-node-id="${ad.id.length * 97}" class="node node--type-annonce node--promoted node--view-mode-full">
<header><h1 class="title page-title"><span class="field field--name-title field--type-string field--label-hidden">${esc(ad.title)}</span></h1>
<div class="node__meta"><span>Publié le ${dateFr(ad.posted)}</span></div></header>
<div class="node__content">
${photos}
<div class="text-content clearfix field field--name-body field--type-text-with-summary field--label-hidden field__item"><p>${esc(ad.body)}</p></div>
${field('metier', 'Métier', esc(ad.trade), 'entity-reference')}
${field('ville', 'Ville', esc(ad.town))}
${field('prix', 'Prix', priceText(ad))}
${field('annonceur', 'Annonceur', esc(ad.advertiser.name))}
${field('telephone', 'Téléphone', phoneFor(site, ad), 'telephone')}
${ad.advertiser.email ? field('courriel', 'Courriel', advertiserEmail(site, ad), 'email') : ''}
</div>
</article>`;
}

export function renderDrupalViews(site: Site): Page[] {
  const pages: Page[] = [];
  const view = (ads: Ad[]) =>
    `<div class="views-element-container"><div class="view view-annonces view-id-annonces view-display-id-page_1 js-view-dom-id-${slug(site.name).slice(0, 8)}">\n<div class="view-content">\n${ads.map(row).join('\n')}\n</div>\n<nav class="pager" role="navigation"></nav>\n</div></div>`;
  pages.push({ path: '/', html: shell(site, 'Accueil', `<h2>À la une</h2>\n${view(site.ads.slice(0, 4))}`) });
  for (const [path, ads] of paginate(site.ads, site.perPage, '/annonces', (n) => `/annonces?page=${n - 1}`))
    pages.push({ path, html: shell(site, 'Annonces', `<h1 class="title page-title">Annonces</h1>\n${view(ads)}`) });
  if (site.detailPages)
    for (const ad of site.ads) pages.push({ path: nodeUrl(ad), html: shell(site, ad.title, node(site, ad)) });
  pages.push({
    path: '/contact',
    html: shell(
      site,
      'Contact',
      `<h1 class="title page-title">Contact</h1><div class="field field--name-body"><p>${operatorBlock(site, true)}</p></div>`,
    ),
  });
  return pages;
}
