/**
 * Classified Listing (RadiusTheme, WordPress plugin) in a Classima-style theme: modelled on the plugin and theme
 * templates stored in Udum123/legalsub wp-content/plugins/classified-listing/templates/, sohell-ranaa/classified-classima
 * wp-content/themes/classima/classified-listing/ and the plugin's archive loop (div.rtcl.rtcl-listings > .rtcl-list-view
 * > .listing-item.rtcl-listing-item with .listing-thumb, .item-content, .rtcl-listings-title-block h3.listing-title,
 * ul.rtcl-listing-meta-data, .rtcl-price-amount; nav.rtcl-pagination; single .rtcl-listing-single,
 * .rtcl-main-content-wrapper, .rtcl-price-block, .rtcl-listing-description, sidebar .rtcl-listing-user-info
 * .list-group-item; theme header #site-header, .theme-banner .entry-breadcrumb, footer .footer-top-area).
 */
import type { Ad, Site } from '../model.ts';
import { TRADES } from '../vocab.ts';
import {
  esc,
  euros,
  excerpt,
  makeView,
  operatorLines,
  pageAds,
  pageCount,
  pagesOf,
  photoTag,
  slug,
  type View,
} from './kit.ts';

const label = (ad: Ad) => TRADES.find((t) => t.key === ad.trade)!.label;

function frame(v: View, title: string, crumb: string, main: string, side: string): string {
  const { c, site } = v;
  const header = `<header id="${c('site-header')}" class="${c('site-header')}"><div class="${c('main-header')}"><div class="${c('container')}"><div class="${c('row align-items-center')}"><div class="${c('col-lg-2 site-branding')}"><a class="${c('logo')}" href="/">${esc(site.brand)}</a></div><div class="${c('col-lg-10 main-navigation-area')}"><nav class="${c('main-navigation')}"><ul id="${c('menu-main')}" class="${c('menu')}"><li class="${c('menu-item')}"><a href="/">Accueil</a></li><li class="${c('menu-item')}"><a href="/listings/">Annonces</a></li><li class="${c('menu-item')}"><a href="/contact/">Contact</a></li></ul></nav><div class="${c('header-btn-area')}"><a class="${c('header-btn')}" href="/post-an-ad/"><i class="fa fa-plus"></i> Déposer une annonce</a></div></div></div></div></div></header>`;
  const banner = `<div class="${c('theme-banner')}"><div class="${c('container')}"><div class="${c('breadcrumb-area')}"><div class="${c('entry-breadcrumb')}"><span><a href="/">Accueil</a></span> &gt; <span class="${c('current-item')}">${esc(crumb)}</span></div></div></div></div>`;
  const m = `<div class="${c('col-lg-8 col-sm-12 col-12')}"><main id="${c('main')}" class="${c('site-main')}">${main}</main></div>`;
  const s = `<aside class="${c('col-lg-4 col-sm-12 col-12 sidebar-widget-area')}">${side}</aside>`;
  const body = `<div id="${c('primary')}" class="${c('content-area rtcl-container')}"><div class="${c('container')}"><div class="${c('row')}">${site.reorder ? s + m : m + s}</div></div></div>`;
  const footer = `<footer class="${c('site-footer')}"><div class="${c('footer-top-area')}"><div class="${c('container')}"><div class="${c('row')}"><div class="${c('col-lg-6')}"><div class="${c('widget widget_text')}"><h3 class="${c('widgettitle')}">Nous contacter</h3>${operatorLines(
    v,
  )
    .map((x) => `<p>${x}</p>`)
    .join(
      '',
    )}</div></div><div class="${c('col-lg-6')}"><div class="${c('widget widget_nav_menu')}"><h3 class="${c('widgettitle')}">Liens</h3><ul><li><a href="/faq/">FAQ</a></li><li><a href="/conditions/">Conditions</a></li></ul></div></div></div></div></div><div class="${c('footer-bottom-area')}"><div class="${c('container')}"><div class="${c('copyright-text')}">© ${esc(site.brand)}</div></div></div></footer>`;
  return `${v.head(title, ['/wp-content/plugins/classified-listing/assets/css/rtcl-public.min.css', '/wp-content/themes/classima/assets/css/style.css'])}\n<body class="${c('rtcl-page')}">\n<div id="${c('page')}" class="${c('site')}">\n${header}\n${banner}\n${body}\n${footer}\n</div>\n</body></html>`;
}

function item(v: View, ad: Ad): string {
  const { c } = v;
  const img = photoTag(v, ad, 'rtcl-thumbnail', '400x280');
  return `<div class="${c(`listing-item rtcl-listing-item rtcl_category-${ad.trade}`)}">${img ? `<div class="${c('listing-thumb')}"><a href="${v.adUrl(ad)}">${img}</a></div>` : ''}<div class="${c('item-content')}"><div class="${c('rtcl-listings-title-block')}"><h3 class="${c('listing-title')}"><a href="${v.adUrl(ad)}">${esc(ad.title)}</a></h3></div><ul class="${c('rtcl-listing-meta-data')}"><li class="${c('updated')}"><i class="rtcl-icon rtcl-icon-clock"></i>${ad.date}</li><li class="${c('rt-categories')}"><a href="/listing-category/${ad.trade}/">${label(ad)}</a></li><li class="${c('rt-location')}"><i class="rtcl-icon rtcl-icon-location"></i>${esc(ad.town)}</li></ul><p class="${c('rtcl-excerpt')}">${esc(excerpt(ad, 120))}</p><div class="${c('listing-price')}"><div class="${c('rtcl-price price-type-regular')}"><span class="${c('rtcl-price-amount amount')}">${euros(ad.price)}</span></div></div></div></div>`;
}

const filters = (v: View) =>
  `<div class="${v.c('widget rtcl-widget-filter-class')}"><h3 class="${v.c('widgettitle')}">Filtrer</h3><div class="${v.c('panel-block')}"><ul class="${v.c('filter-list')}">${TRADES.map((t) => `<li><a href="/listing-category/${t.key}/">${t.label}</a></li>`).join('')}</ul></div></div>`;

export function renderClassifiedListing(site: Site): Map<string, string> {
  const v = makeView(
    site,
    {
      ad: (ad) => `/listing/${slug(ad.title)}-${ad.id.slice(2)}/`,
      list: (p) => (p === 1 ? '/listings/' : `/listings/page/${p}/`),
    },
    [],
  );
  const { c } = v;
  const out = new Map<string, string>();
  const pages = pageCount(site);
  const listed = site.ads.slice(0, pages * site.perPage);
  for (const p of pagesOf(pages)) {
    const ads = pageAds(site, p);
    const from = (p - 1) * site.perPage + 1;
    const pager = `<nav class="${c('rtcl-pagination')}"><ul class="${c('pagination')}">${pagesOf(pages)
      .map((n) =>
        n === p
          ? `<li class="${c('page-item active')}"><span class="${c('page-link')}">${n}</span></li>`
          : `<li class="${c('page-item')}"><a class="${c('page-link')}" href="${v.listUrl(n)}">${n}</a></li>`,
      )
      .join('')}</ul></nav>`;
    const main = `<div class="${c('rtcl-listing-header listing-archive-top')}"><p class="${c('rtcl-result-count')}">Affichage de ${from} à ${from + ads.length - 1} sur ${listed.length} résultats</p></div><div class="${c('rtcl rtcl-listings')}"><div class="${c('rtcl-list-view')}">${ads.map((a) => item(v, a)).join('')}</div></div>${pager}`;
    out.set(v.listUrl(p), frame(v, `Annonces – ${site.brand}`, 'Annonces', main, filters(v)));
  }
  if (site.detailPages)
    for (const ad of listed) {
      const img = photoTag(v, ad, 'rtcl-thumbnail', '800x600');
      const main = `<div class="${c('rtcl rtcl-listing-single')}"><div id="${c(`rtcl-listing-${ad.id.slice(2)}`)}" class="${c('listing-item rtcl-listing-item')}"><div class="${c('rtcl-main-content-wrapper')}"><div class="${c('rtcl-listing-title')}"><h2 class="${c('entry-title')}">${esc(ad.title)}</h2></div><ul class="${c('rtcl-listing-meta-data')}"><li class="${c('updated')}">${ad.date}</li><li class="${c('rt-location')}">${esc(ad.town)}, ${ad.postcode}</li></ul>${img ? `<div class="${c('rtcl-slider-wrapper')}"><div class="${c('rtcl-slider')}">${img}</div></div>` : ''}<div class="${c('rtcl-price-block')}"><div class="${c('rtcl-price price-type-regular')}"><span class="${c('rtcl-price-amount amount')}">${euros(ad.price)}</span></div></div><div class="${c('rtcl-listing-description')}">${v
        .text(ad)
        .map((s) => `<p>${esc(s)}</p>`)
        .join('')}</div></div></div></div>`;
      const side = `<div class="${c('listing-sidebar')}"><div class="${c('rtcl-listing-user-info')}"><div class="${c('rtcl-list-group')}"><div class="${c('list-group-item rtcl-user-name')}">${esc(ad.advertiser.name)}</div><div class="${c('list-group-item reveal-phone')}"><div class="${c('media')}"><span class="${c('rtcl-icon rtcl-icon-phone mr-2')}"></span><div class="${c('media-body')}"><span>Contacter l’annonceur</span><div class="${c('numbers')}">${v.sitePhone(ad.advertiser.phone)}</div></div></div></div>${ad.advertiser.email ? `<div class="${c('list-group-item')}"><a href="mailto:${ad.advertiser.email}">${ad.advertiser.email}</a></div>` : ''}</div></div></div>${filters(v)}`;
      out.set(v.adUrl(ad), frame(v, `${ad.title} – ${site.brand}`, ad.title, main, side));
    }
  out.set(
    '/',
    frame(
      v,
      site.brand,
      'Accueil',
      `<div class="${c('rtcl rtcl-listings')}"><div class="${c('rtcl-grid-view')}">${listed
        .slice(0, 6)
        .map((a) => item(v, a))
        .join('')}</div></div>`,
      filters(v),
    ),
  );
  out.set(
    '/contact/',
    frame(
      v,
      `Contact – ${site.brand}`,
      'Contact',
      `<div class="${c('entry-content')}"><h1>Contact</h1>${operatorLines(v)
        .map((x) => `<p>${x}</p>`)
        .join(
          '',
        )}<form class="${c('wpcf7-form')}" method="post"><input type="text" name="your-name"><textarea name="your-message"></textarea><input type="submit" value="Envoyer"></form></div>`,
      filters(v),
    ),
  );
  return out;
}
