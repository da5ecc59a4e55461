/**
 * Classified Listing (RadiusTheme) under its Classima theme, rebuilt around world 5's data: the `rtcl rtcl-listings`
 * list view of `listing-list-each` items (`rtin-thumb`, `rtin-content` with category, title, excerpt and `rtin-meta`,
 * `rtcl-price` block) and the single ad's slider, content area, spec list and `classified-seller-info` widget with
 * its click-to-reveal number. Structure and class names follow classima/classified-listing/custom/list-items/
 * archive-list-map.php and archive-grid-4.php as published in public theme copies, and the Classified Listing
 * plugin's templates (GPL-3.0); no file copied.
 */
import { esc, mailHtml, phoneHtml, telHref } from './contacts.ts';
import { TRADES } from './lexicon.ts';
import type { ScriptMarkup } from './markup.ts';
import type { Ad } from './model.ts';
import { adSlug, type Ctx, doc, legalText, logo, operatorContact, photoUrl } from './page.ts';
import { adBody, adTitle, dateText, excerpt, priceText } from './text.ts';

const UP = '/wp-content/uploads/classified-listing/2024/04/';

function price(c: Ctx, ad: Ad): string {
  return `<div class="rtcl-price price-type-regular"><span class="rtcl-price-amount amount">${esc(priceText(ad, c.lang))}</span></div>`;
}

function item(c: Ctx, ad: Ad): string {
  const href = `${c.base}${cls.adPath(c, ad)}`;
  const thumb =
    c.site.photo.thumb > 0 && ad.photos.length > 0
      ? `<div class="rtin-thumb"><a class="rtin-thumb-inner rtcl-media" href="${href}"><img class="rtcl-thumbnail" src="${photoUrl(c, UP, ad.photos[0], c.site.photo.thumb)}" alt="${esc(adTitle(ad, c.lang))}"></a></div>`
      : '';
  return `<div class="listing-list-each listing-item listing-list-each-1"><div class="rtin-item">${thumb}<div class="rtin-content"><div class="rtin-cat-wrap"><a class="rtin-cat" href="${c.base}/annonces/categorie/${TRADES[ad.trade].key}/">${esc(TRADES[ad.trade][c.lang])}</a></div><h3 class="rtin-title listing-title"><a href="${href}">${esc(adTitle(ad, c.lang))}</a></h3><p class="rtin-excerpt">${esc(excerpt(ad, c.lang, 12))}</p><ul class="rtin-meta"><li><i class="far fa-clock" aria-hidden="true"></i>${dateText(ad.day, c.lang)}</li><li class="rtin-usermeta"><i class="far fa-user" aria-hidden="true"></i>${esc(ad.advertiser.name)}</li><li><i class="fas fa-map-marker-alt" aria-hidden="true"></i>${esc(ad.town)}</li></ul></div><div class="rtin-right"><div class="rtin-price">${price(c, ad)}</div></div></div></div>`;
}

export const cls: ScriptMarkup = {
  uploads: UP,
  listingPath: (n) => (n === 1 ? '/annonces/' : `/annonces/page/${n}/`),
  adPath: (c, ad) => `/annonce/${adSlug(c, ad)}/`,
  contactPath: '/contact/',
  legalPath: '/mentions-legales/',

  chrome(c, o) {
    const s = c.site;
    const body = `<div id="page" class="site"><header id="site-header" class="main-header"><div class="container"><div class="row"><div class="col-sm-3 col-12"><div class="site-branding"><a class="light-logo" href="${c.base}/">${logo(c)}${esc(s.title)}</a></div></div><div class="col-sm-9 col-12"><div class="main-navigation-area"><nav class="main-navigation"><ul id="menu-main-menu" class="menu"><li class="menu-item"><a href="${c.base}/">${c.ui.home}</a></li><li class="menu-item"><a href="${c.base}/annonces/">${c.ui.ads}</a></li><li class="menu-item"><a href="${c.base}/contact/">${c.ui.contact}</a></li></ul></nav><div class="header-btn-area"><a class="header-btn" href="${c.base}/post-an-ad/"><i class="fas fa-plus" aria-hidden="true"></i>${c.ui.post}</a></div></div></div></div></div></header><div id="content" class="site-content"><div class="container">${o.main}</div></div><footer class="footer-top-wrap"><div class="container"><div class="row"><div class="col-sm-6 col-12"><div class="widget rtin-contact-widget"><h3 class="widgettitle">${c.ui.contact}</h3>${operatorContact(c, 'rtin-contact')}</div></div><div class="col-sm-6 col-12"><div class="widget"><ul class="menu"><li><a href="${c.base}/mentions-legales/">${c.ui.legal}</a></li></ul></div></div></div></div><div class="footer-bottom-wrap"><div class="copyright-text">© ${esc(s.title)}</div></div></footer></div>`;
    return doc(c, {
      title: `${o.title} – ${s.title}`,
      bodyClass: `classima-theme rtcl ${o.kind === 'ad' ? 'single single-rtcl_listing' : 'rtcl-page'}`,
      head: `<link rel="stylesheet" href="${c.base}/wp-content/plugins/classified-listing/assets/css/rtcl-public.min.css?ver=2.4.2"><link rel="stylesheet" href="${c.base}/wp-content/themes/classima/assets/css/style.css?ver=2.3"><script src="${c.base}/wp-content/plugins/classified-listing/assets/js/rtcl-public.min.js?ver=2.4.2" defer></script>`,
      body,
    });
  },

  listing(c, ads, page, pages, total) {
    const links = Array.from({ length: pages }, (_, i) =>
      i + 1 === page
        ? `<li class="active"><span>${i + 1}</span></li>`
        : `<li><a href="${c.base}${cls.listingPath(i + 1)}">${i + 1}</a></li>`,
    ).join('');
    return `<div class="rtcl-listing-header"><div class="rtcl-result-count">${total} ${c.ui.results}</div></div><div class="rtcl rtcl-listings"><div class="rtcl-list-view">${ads.map((a) => item(c, a)).join('')}</div></div>${pages > 1 ? `<nav class="rtcl-pagination"><ul class="pagination">${links}</ul></nav>` : ''}`;
  },

  ad(c, ad) {
    const s = c.site;
    const slides = ad.photos
      .map(
        (p) =>
          `<div class="swiper-slide rtcl-slider-item"><img class="rtcl-responsive-img" src="${photoUrl(c, UP, p, s.photo.width)}" alt=""></div>`,
      )
      .join('');
    const p = ad.advertiser.phone;
    const shown =
      s.look.phone === 'masked'
        ? `<div class="numbers" data-options="${Buffer.from(p).toString('base64')}">${phoneHtml(p, 'masked')}</div><small class="text-muted">${c.ui.reveal}</small>`
        : `<div class="numbers"><a href="${telHref(p)}">${phoneHtml(p, s.look.phone)}</a></div>`;
    return `<div class="row"><div class="col-lg-8 col-12"><div class="site-content-block classima-single-details"><div class="main-content">${slides ? `<div class="rtin-slider-box"><div class="rtcl-slider-wrapper"><div class="rtcl-slider swiper">${slides}</div></div></div>` : ''}<div class="rtin-content-area"><h2 class="entry-title">${esc(adTitle(ad, c.lang))}</h2><ul class="rtin-meta"><li><i class="far fa-clock" aria-hidden="true"></i>${dateText(ad.day, c.lang)}</li><li><i class="fas fa-map-marker-alt" aria-hidden="true"></i>${esc(ad.town)}</li><li><i class="far fa-folder-open" aria-hidden="true"></i>${esc(TRADES[ad.trade][c.lang])}</li></ul><div class="rtcl-price-block">${price(c, ad)}</div><div class="rtin-content">${adBody(
      ad,
      c.lang,
    )
      .map((x) => `<p>${esc(x)}</p>`)
      .join(
        '',
      )}</div><div class="rtin-specs"><h3 class="rtin-specs-title">${c.ui.details}</h3><ul class="rtin-spec-items"><li><span class="rtin-label">${c.ui.category}</span><span class="rtin-title">${esc(TRADES[ad.trade][c.lang])}</span></li><li><span class="rtin-label">${c.ui.location}</span><span class="rtin-title">${esc(ad.town)}</span></li></ul></div></div></div></div></div><div class="col-lg-4 col-12"><aside class="sidebar-widget-area"><div class="widget classified-seller-info"><h3 class="widgettitle">${c.ui.seller}</h3><div class="rtin-box"><div class="rtin-author"><h4 class="rtin-name">${esc(ad.advertiser.name)}</h4></div><div class="rtin-phone">${shown}</div>${ad.advertiser.email ? `<div class="rtin-email">${mailHtml(ad.advertiser.email, s.look.mail)}</div>` : ''}</div></div></aside></div></div>`;
  },

  contact(c) {
    return `<div class="site-content-block"><h1 class="entry-title">${c.ui.contact}</h1>${operatorContact(c, 'rtin-contact')}</div>`;
  },

  legal(c) {
    return `<div class="site-content-block"><h1 class="entry-title">${c.ui.legal}</h1>${legalText(c)}</div>`;
  },
};
