/**
 * Osclass with its stock theme "sigma" (osclass-classifieds/Osclass, oc-content/themes/sigma: loop-single.php,
 * item.php; Apache-2.0): `li.listing-card` rows with `.listing-basicinfo`, `.listing-attributes`, `.desc` (250
 * characters), item pages with `#item-content`, `.item-header`, `#description .desc`, and a contact widget.
 */
import type { Ad, Site } from '../model.ts';
import {
  advertiserEmail,
  dateFr,
  dbId,
  esc,
  html,
  operatorBlock,
  type Page,
  paginate,
  phoneFor,
  priceText,
  slug,
} from './common.ts';

const MENUS = [
  ['Publier une annonce', 'Connexion', 'Inscription'],
  ['Déposer une annonce', 'Mon compte', 'Créer un compte'],
  ['Publier gratuitement', 'Se connecter', 'S’inscrire'],
];

const itemUrl = (site: Site, ad: Ad) => `/${slug(ad.title)}_i${dbId(site, ad)}`;
const thumb = (photo: string) => `/oc-content/uploads/${photo.length % 7}/${photo}_thumbnail.jpg`;

function shell(site: Site, title: string, content: string): string {
  const [publish, login, register] = MENUS[site.skin % MENUS.length];
  const head = `<title>${esc(title)} - ${esc(site.title)}</title>
<link href="/oc-content/themes/sigma/css/main.css" rel="stylesheet" type="text/css">
<link href="/oc-content/themes/sigma/css/skin-${site.skin}.css" rel="stylesheet" type="text/css">
<script src="/oc-includes/osclass/assets/js/jquery.min.js"></script>`;
  const body = `<header id="header">
  <div class="wrapper">
    <div id="logo"><a href="/">${esc(site.title)}</a></div>
    <ul class="nav">
      <li class="login"><a href="/user/login">${login}</a></li>
      <li class="register"><a href="/user/register">${register}</a></li>
    </ul>
    <div class="publish"><a class="btn btn-primary" href="/item/new">${publish}</a></div>
  </div>
</header>
<div class="wrapper wrapper-flash"></div>
<div class="wrapper" id="content">
  <div id="main">
${content}
  </div>
</div>
<footer>
  <div class="wrapper">
    <ul class="resp-toggle">
      <li><a href="/contact">Contact</a></li>
      <li><a href="/page/conditions">Conditions d’utilisation</a></li>
    </ul>
    <div class="footer-contact">${operatorBlock(site, false)}</div>
    <div>Ce site utilise <a href="https://osclass-classifieds.com" title="Osclass">Osclass</a></div>
  </div>
</footer>`;
  return html(site, head, body, ` class="${site.skin % 2 ? 'has-searchbox' : 'home'}"`);
}

function card(site: Site, ad: Ad): string {
  const url = itemUrl(site, ad);
  const img = ad.photos[0]
    ? `<a class="listing-thumb" href="${url}" title="${esc(ad.title)}"><img src="${thumb(ad.photos[0])}" title="" alt="${esc(ad.title)}" width="240" height="200"></a>`
    : `<a class="listing-thumb" href="${url}" title="${esc(ad.title)}"><img src="/oc-content/themes/sigma/images/no_photo.gif" title="" alt="${esc(ad.title)}" width="240" height="200"></a>`;
  return `<li class="listing-card">
  ${img}
  <div class="listing-detail">
    <div class="listing-cell">
      <div class="listing-data">
        <div class="listing-basicinfo">
          <a href="${url}" class="title" title="${esc(ad.title)}">${esc(ad.title)}</a>
          <div class="listing-attributes">
            <span class="currency-value">${priceText(ad)}</span>
            <div class="listing-details">
              <span class="category">${esc(ad.trade)}</span>
              <span class="location">${esc(ad.town)}</span>
              <span class="date">${dateFr(ad.posted)}</span>
            </div>
          </div>
          <div class="desc">${esc(ad.body.slice(0, 250))}${ad.body.length > 250 ? '...' : ''}</div>
        </div>
      </div>
    </div>
  </div>
</li>`;
}

function item(site: Site, ad: Ad): string {
  const photos = ad.photos.length
    ? `<div class="item-photos">
      <a href="javascript:;" data-fancybox-trigger="gallery" class="main-photo" title="Image 1 / ${ad.photos.length}"><img src="/oc-content/uploads/${ad.photos[0].length % 7}/${ad.photos[0]}.jpg" alt="${esc(ad.title)}" title="${esc(ad.title)}"></a>
      <div class="thumbs">${ad.photos.map((p, i) => `<a href="/oc-content/uploads/${p.length % 7}/${p}.jpg" data-fancybox="gallery" class="fancybox" title="Image ${i + 1} / ${ad.photos.length}"><img src="${thumb(p)}" width="75" alt="${esc(ad.title)}"></a>`).join('')}</div>
    </div>`
    : '';
  return `<div id="item-content">
  <h1>${esc(ad.title)}</h1>
  <div class="price price-alt isMobile">${priceText(ad)}</div>
  <div class="item-header">
    <div><strong class="publish">Date de publication :</strong> ${dateFr(ad.posted)}</div>
    <ul id="item_location"><li><strong>Localisation :</strong> ${esc(ad.town)}, France</li></ul>
  </div>
  ${photos}
  <div id="description">
    <div class="desc">${esc(ad.body)}</div>
    <div id="custom_fields"><div class="meta_list"><div class="meta"><strong>Métier :</strong> <span>${esc(ad.trade)}</span></div></div></div>
    <p class="contact_button"><a href="#contact-in" class="isDesktop isTablet btn btn-secondary">Contacter l’annonceur</a></p>
  </div>
</div>
<div id="sidebar">
  <div class="widget-box form-container form-vertical" id="contact">
    <h2>Contacter l’annonceur</h2>
    <p class="name">${esc(ad.advertiser.name)}</p>
    <p class="phone"><i class="fa fa-phone"></i> ${phoneFor(site, ad)}</p>
    <p class="email">${advertiserEmail(site, ad)}</p>
  </div>
</div>`;
}

export function renderSigma(site: Site): Page[] {
  const pages: Page[] = [];
  const list = (ads: Ad[]) =>
    `<ul class="listing-card-list listing-list" id="listing-card-list">\n${ads.map((a) => card(site, a)).join('\n')}\n</ul>`;
  pages.push({
    path: '/',
    html: shell(
      site,
      'Accueil',
      `<div class="latest_ads"><h1><strong>Dernières annonces</strong></h1>\n${list(site.ads.slice(0, 6))}</div>`,
    ),
  });
  for (const [path, ads] of paginate(site.ads, site.perPage, '/search', (n) => `/search/iPage,${n}`))
    pages.push({
      path,
      html: shell(
        site,
        'Recherche',
        `<div class="list-header"><h1>${site.ads.length} annonces</h1></div>\n${list(ads)}\n<div class="paginate"></div>`,
      ),
    });
  if (site.detailPages)
    for (const ad of site.ads) pages.push({ path: itemUrl(site, ad), html: shell(site, ad.title, item(site, ad)) });
  pages.push({
    path: '/contact',
    html: shell(site, 'Contact', `<h1>Contact</h1>\n<p>${operatorBlock(site, true)}</p>`),
  });
  return pages;
}
