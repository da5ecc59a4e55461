/**
 * Directorist rebuilt around world 5's data: the archive's list view of `directorist-listing-single` cards (thumb
 * figure, info list with location and phone, excerpt, meta row with category and price) and the single listing's
 * `directorist-card` sections (header with slider and title, contact information, author widget). Structure and
 * class names follow sovware/directorist templates/archive/loop-list.php, loop-grid-nothumb.php and
 * templates/single/header-parts/listing-title.php (GPL-2.0-or-later); no file copied.
 */
import { esc, mailHtml, phoneLink } from './contacts.ts';
import { TRADES } from './lexicon.ts';
import type { ScriptMarkup } from './markup.ts';
import type { Ad } from './model.ts';
import { adSlug, type Ctx, doc, legalText, logo, operatorContact, photoUrl } from './page.ts';
import { adBody, adTitle, excerpt, priceText } from './text.ts';

const UP = '/wp-content/uploads/directorist/';

function card(c: Ctx, ad: Ad): string {
  const href = `${c.base}${dir.adPath(c, ad)}`;
  const thumb = c.site.photo.thumb > 0 && ad.photos.length > 0;
  const fig = thumb
    ? `<figure class="directorist-listing-single__thumb"><div class="directorist-thumnail-card"><a href="${href}"><img class="directorist-thumnail-card-front-img" src="${photoUrl(c, UP, ad.photos[0], c.site.photo.thumb)}" alt=""></a></div><div class="directorist-thumb-top-right"><span class="directorist-mark-as-favorite"></span></div></figure>`
    : '';
  return `<div class="directorist-col-12 directorist-all-listing-col"><div class="directorist-listing-single directorist-listing-list ${thumb ? 'directorist-listing-has-thumb' : 'directorist-listing-no-thumb'}">${fig}<div class="directorist-listing-single__content"><div class="directorist-listing-single__info"><div class="directorist-listing-single__info--top"><h4 class="directorist-listing-title"><a href="${href}">${esc(adTitle(ad, c.lang))}</a></h4></div><div class="directorist-listing-single__info--list"><ul><li><div class="directorist-listing-card-location"><i class="directorist-icon-mask" aria-hidden="true"></i><div class="directorist-listing-card-location-list">${esc(ad.town)}</div></div></li><li><div class="directorist-listing-card-phone"><i class="directorist-icon-mask" aria-hidden="true"></i>${phoneLink(ad.advertiser.phone, c.site.look.phone, 'directorist-phone')}</div></li></ul></div><div class="directorist-listing-single__info--excerpt"><p class="directorist-listing-single__info__excerpt">${esc(excerpt(ad, c.lang))}</p></div></div><div class="directorist-listing-single__meta"><div class="directorist-listing-single__meta--left"><div class="directorist-listing-category"><a href="${c.base}/directory-category/${TRADES[ad.trade].key}/">${esc(TRADES[ad.trade][c.lang])}</a></div></div><div class="directorist-listing-single__meta--right"><span class="directorist-listing-price">${esc(priceText(ad, c.lang))}</span></div></div></div></div></div>`;
}

function info(kind: string, label: string, value: string): string {
  return `<div class="directorist-single-info directorist-single-info-${kind}"><div class="directorist-single-info__label"><span class="directorist-single-info__label-icon"><i class="directorist-icon-mask"></i></span><span class="directorist-single-info__label--text">${label}</span></div><div class="directorist-single-info__value">${value}</div></div>`;
}

export const dir: ScriptMarkup = {
  uploads: UP,
  listingPath: (n) => (n === 1 ? '/annonces/' : `/annonces/page/${n}/`),
  adPath: (c, ad) => `/directory/${adSlug(c, ad)}/`,
  contactPath: '/nous-contacter/',
  legalPath: '/mentions-legales/',

  chrome(c, o) {
    const s = c.site;
    const body = `<div id="page" class="site"><header id="masthead" class="site-header"><div class="directorist-container"><div class="site-branding"><p class="site-title"><a href="${c.base}/" rel="home">${logo(c)}${esc(s.title)}</a></p></div><nav class="main-navigation"><ul class="menu"><li class="menu-item"><a href="${c.base}/annonces/">${c.ui.ads}</a></li><li class="menu-item"><a href="${c.base}/add-listing/">${c.ui.post}</a></li><li class="menu-item"><a href="${c.base}/nous-contacter/">${c.ui.contact}</a></li></ul></nav></div></header><div id="content" class="site-content"><div class="directorist-container">${o.main}</div></div><footer id="colophon" class="site-footer"><div class="directorist-container"><div class="footer-widgets"><section class="widget"><h2 class="widget-title">${c.ui.contact}</h2>${operatorContact(c, 'directorist-footer-contact')}</section><section class="widget"><ul><li><a href="${c.base}/mentions-legales/">${c.ui.legal}</a></li></ul></section></div><div class="site-info">© ${esc(s.title)}</div></div></footer></div>`;
    return doc(c, {
      title: `${o.title} | ${s.title}`,
      bodyClass: `directorist-content-active directorist-preload ${o.kind === 'ad' ? 'single-at_biz_dir' : 'page-template-default'}`,
      head: `<link rel="stylesheet" href="${c.base}/wp-content/plugins/directorist/assets/css/public-main.css?ver=8.1"><script src="${c.base}/wp-content/plugins/directorist/assets/js/public-main.js?ver=8.1" defer></script>`,
      body,
    });
  },

  listing(c, ads, page, pages, total) {
    const nav =
      pages > 1
        ? `<div class="directorist-pagination">${Array.from({ length: pages }, (_, i) =>
            i + 1 === page
              ? `<span aria-current="page" class="page-numbers current">${i + 1}</span>`
              : `<a class="page-numbers" href="${c.base}${dir.listingPath(i + 1)}">${i + 1}</a>`,
          ).join('')}</div>`
        : '';
    return `<div class="directorist-archive-contents"><div class="directorist-header-bar"><div class="directorist-listings-header"><div class="directorist-listings-header__left"><span class="directorist-header-found-title"><span>${total}</span> ${c.ui.results}</span></div></div></div><div class="directorist-archive-items directorist-archive-list-view"><div class="directorist-row">${ads.map((a) => card(c, a)).join('')}</div>${nav}</div></div>`;
  },

  ad(c, ad) {
    const s = c.site;
    const slides = ad.photos
      .map(
        (p) =>
          `<div class="directorist-swiper__item"><img src="${photoUrl(c, UP, p, s.photo.width)}" alt="${esc(adTitle(ad, c.lang))}"></div>`,
      )
      .join('');
    const contact = [
      info('phone', c.ui.phone, phoneLink(ad.advertiser.phone, s.look.phone, 'directorist-phone')),
      ad.advertiser.email ? info('email', c.ui.email, mailHtml(ad.advertiser.email, s.look.mail)) : '',
      info('address', c.ui.location, esc(ad.town)),
    ].join('');
    return `<div class="directorist-single-wrapper"><div class="directorist-card directorist-single-listing-header"><div class="directorist-card__header"><div class="directorist-single-listing-action"><a href="#" class="directorist-single-listing-action--report">${c.ui.report}</a></div></div><div class="directorist-card__body">${slides ? `<div class="directorist-single-listing-slider-wrap"><div class="directorist-single-listing-slider">${slides}</div></div>` : ''}<div class="directorist-listing-details"><h2 class="directorist-listing-details__listing-title">${esc(adTitle(ad, c.lang))}</h2><p class="directorist-listing-details__tagline">${esc(TRADES[ad.trade][c.lang])}</p><div class="directorist-info-item directorist-pricing-meta"><span class="directorist-listing-price">${esc(priceText(ad, c.lang))}</span></div><div class="directorist-listing-details__text">${adBody(
      ad,
      c.lang,
    )
      .map((p) => `<p>${esc(p)}</p>`)
      .join(
        '',
      )}</div></div></div></div><div class="directorist-card directorist-card-contact-info"><div class="directorist-card__header"><h4 class="directorist-card__header__title">${c.ui.details}</h4></div><div class="directorist-card__body"><div class="directorist-details-info-wrap">${contact}</div></div></div><div class="directorist-card directorist-author-info-widget"><div class="directorist-card__body"><div class="directorist-author-info-widget__content"><h4 class="directorist-author-name">${esc(ad.advertiser.name)}</h4></div></div></div></div>`;
  },

  contact(c) {
    return `<article class="page"><h1 class="entry-title">${c.ui.contact}</h1><div class="entry-content">${operatorContact(c, 'directorist-contact')}</div></article>`;
  },

  legal(c) {
    return `<article class="page"><h1 class="entry-title">${c.ui.legal}</h1><div class="entry-content">${legalText(c)}</div></article>`;
  },
};
