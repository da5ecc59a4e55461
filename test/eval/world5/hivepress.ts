/**
 * HivePress (with its ListingHive theme) rebuilt around world 5's data: the listings grid of `hp-listing
 * hp-listing--view-block` articles, and the listing view page with its `hp-page__content` column and sticky
 * `hp-page__sidebar` (price, actions, vendor block). Element structure and class names follow
 * hivepress/hivepress includes/templates/class-listing-view-page.php, class-listing-view-block.php and
 * templates/listing/view/{block,page}/*.php (GPL-3.0); no file copied.
 */
import { esc, mailHtml, phoneLink } from './contacts.ts';
import { TRADES } from './lexicon.ts';
import type { ScriptMarkup } from './markup.ts';
import { adSlug, type Ctx, doc, legalText, logo, operatorContact, photoUrl } from './page.ts';
import { adBody, adTitle, dateText, priceText } from './text.ts';

const UP = '/wp-content/uploads/2024/05/';

function pager(c: Ctx, page: number, pages: number): string {
  if (pages < 2) return '';
  const items: string[] = [];
  for (let i = 1; i <= pages; i++)
    items.push(
      i === page
        ? `<li><span aria-current="page" class="page-numbers current">${i}</span></li>`
        : `<li><a class="page-numbers" href="${c.base}${hive.listingPath(i)}">${i}</a></li>`,
    );
  if (page < pages)
    items.push(`<li><a class="next page-numbers" href="${c.base}${hive.listingPath(page + 1)}">${c.ui.next}</a></li>`);
  return `<nav class="hp-pagination"><ul class="page-numbers">${items.join('')}</ul></nav>`;
}

function card(c: Ctx, ad: import('./model.ts').Ad): string {
  const href = `${c.base}${hive.adPath(c, ad)}`;
  const trade = TRADES[ad.trade][c.lang];
  const img =
    c.site.photo.thumb > 0 && ad.photos.length > 0
      ? `<header class="hp-listing__header"><div class="hp-listing__image"><a href="${href}"><img src="${photoUrl(c, UP, ad.photos[0], c.site.photo.thumb)}" alt="${esc(adTitle(ad, c.lang))}" loading="lazy"></a></div></header>`
      : '';
  return `<div class="hp-grid__item hp-col-sm-6 hp-col-xs-12"><article class="hp-listing hp-listing--view-block">${img}<div class="hp-listing__content"><h4 class="hp-listing__title"><a href="${href}">${esc(adTitle(ad, c.lang))}</a></h4><div class="hp-listing__details hp-listing__details--primary"><div class="hp-listing__categories hp-listing__category"><a href="${c.base}/listing-category/${TRADES[ad.trade].key}/">${esc(trade)}</a></div><time class="hp-listing__created-date hp-listing__date hp-meta" datetime="${dateText(ad.day, 'en')}">${dateText(ad.day, c.lang)}</time></div><div class="hp-listing__attributes hp-listing__attributes--secondary"><div class="hp-row"><div class="hp-col-lg-6 hp-col-xs-12"><div class="hp-listing__attribute hp-listing__attribute--location">${esc(ad.town)}</div></div></div></div></div><footer class="hp-listing__footer"><div class="hp-listing__attributes hp-listing__attributes--primary"><div class="hp-listing__attribute hp-listing__attribute--price">${esc(priceText(ad, c.lang))}</div></div><div class="hp-listing__actions hp-listing__actions--primary"><a href="#" class="hp-listing__action hp-listing__action--favorite"><i class="hp-icon fas fa-heart"></i></a></div></footer></article></div>`;
}

export const hive: ScriptMarkup = {
  uploads: UP,
  listingPath: (n) => (n === 1 ? '/listings/' : `/listings/page/${n}/`),
  adPath: (c, ad) => `/listing/${adSlug(c, ad)}/`,
  contactPath: '/contact/',
  legalPath: '/mentions-legales/',

  chrome(c, o) {
    const s = c.site;
    const body = `<div class="site-container"><header class="site-header"><div class="site-header__content container"><div class="site-header__logo"><a href="${c.base}/" rel="home">${logo(c)}${esc(s.title)}</a></div><nav class="site-header__menu"><ul id="menu-main" class="menu"><li class="menu-item"><a href="${c.base}/">${c.ui.home}</a></li><li class="menu-item"><a href="${c.base}/listings/">${c.ui.ads}</a></li><li class="menu-item"><a href="${c.base}/contact/">${c.ui.contact}</a></li></ul></nav><div class="hp-menu hp-menu--site-header"><a href="${c.base}/submit-listing/" class="hp-menu__item hp-menu__item--listing-submit button button--secondary">${c.ui.post}</a></div></div></header><div class="site-content"><div class="container">${o.main}</div></div><footer class="site-footer"><div class="container"><div class="site-footer__widgets hp-row"><div class="hp-col-sm-6 hp-col-xs-12"><div class="widget widget_text"><h5 class="widget__title">${c.ui.contact}</h5>${operatorContact(c, 'hp-contact-list')}</div></div><div class="hp-col-sm-6 hp-col-xs-12"><div class="widget widget_nav_menu"><ul class="menu"><li><a href="${c.base}/mentions-legales/">${c.ui.legal}</a></li><li><a href="${c.base}/contact/">${c.ui.contact}</a></li></ul></div></div></div><div class="site-footer__copyright"><p>© 2024 ${esc(s.title)} · ${c.ui.rights}</p></div></div></footer></div>`;
    return doc(c, {
      title: `${o.title} – ${s.title}`,
      bodyClass: `wp-theme-listinghive hp-theme--listinghive ${o.kind === 'ad' ? 'single single-hp_listing' : 'page'}`,
      head: `<link rel="stylesheet" href="${c.base}/wp-content/plugins/hivepress/assets/css/frontend.min.css?ver=1.7.3"><link rel="stylesheet" href="${c.base}/wp-content/themes/listinghive/style.css?ver=1.3.9"><script src="${c.base}/wp-content/plugins/hivepress/assets/js/common.min.js?ver=1.7.3" defer></script>`,
      body,
    });
  },

  listing(c, ads, page, pages, total) {
    return `<div class="hp-page hp-template hp-template--listings-view-page"><div class="hp-row"><aside class="hp-page__sidebar hp-col-sm-4 hp-col-xs-12"><div class="hp-form--listing-filter hp-widget widget"><form class="hp-form" action="${c.base}/listings/" method="get"><input type="search" name="s" placeholder="${c.ui.search}"><button type="submit" class="hp-form__button button">${c.ui.search}</button></form></div></aside><main class="hp-page__content hp-col-sm-8 hp-col-xs-12"><div class="hp-page__topbar"><div class="hp-result-count">${total} ${c.ui.results}</div></div><div class="hp-listings hp-block hp-grid"><div class="hp-row">${ads.map((a) => card(c, a)).join('')}</div></div>${pager(c, page, pages)}</main></div></div>`;
  },

  ad(c, ad) {
    const s = c.site;
    const images = ad.photos
      .map(
        (p) =>
          `<div class="hp-listing__image"><img src="${photoUrl(c, UP, p, s.photo.width)}" alt="${esc(adTitle(ad, c.lang))}"></div>`,
      )
      .join('');
    const mail = ad.advertiser.email
      ? `<div class="hp-vendor__attribute hp-vendor__attribute--email">${mailHtml(ad.advertiser.email, s.look.mail)}</div>`
      : '';
    return `<div class="hp-listing hp-listing--view-page"><div class="hp-row"><main class="hp-page__content hp-col-sm-8 hp-col-xs-12"><h1 class="hp-listing__title"><span>${esc(adTitle(ad, c.lang))}</span></h1><div class="hp-listing__details hp-listing__details--primary"><div class="hp-listing__category"><a href="${c.base}/listing-category/${TRADES[ad.trade].key}/">${esc(TRADES[ad.trade][c.lang])}</a></div><time class="hp-listing__date hp-meta">${c.ui.posted} ${dateText(ad.day, c.lang)}</time></div>${images ? `<div class="hp-listing__images" data-component="carousel-slider">${images}</div>` : ''}<div class="hp-listing__attributes hp-listing__attributes--secondary"><div class="hp-row"><div class="hp-col-sm-6 hp-col-xs-12"><div class="hp-listing__attribute hp-listing__attribute--location"><strong>${c.ui.location} :</strong> ${esc(ad.town)}</div></div></div></div><div class="hp-listing__description">${adBody(
      ad,
      c.lang,
    )
      .map((p) => `<p>${esc(p)}</p>`)
      .join(
        '',
      )}</div></main><aside class="hp-page__sidebar hp-col-sm-4 hp-col-xs-12" data-component="sticky"><div class="hp-listing__attributes hp-listing__attributes--primary hp-widget widget"><div class="hp-listing__attribute hp-listing__attribute--price">${esc(priceText(ad, c.lang))}</div></div><div class="hp-listing__actions hp-listing__actions--primary hp-widget widget"><button type="button" class="hp-listing__action hp-listing__action--message button button--large button--primary alt">${c.ui.message}</button><a href="#listing_report_modal" class="hp-listing__action hp-listing__action--report hp-link"><i class="hp-icon fas fa-flag"></i><span>${c.ui.report}</span></a></div><div class="hp-vendor hp-vendor--view-block hp-widget widget"><header class="hp-vendor__header"><div class="hp-vendor__image"><img src="${c.base}/wp-content/plugins/hivepress/assets/images/placeholders/user-square.svg" alt=""></div></header><div class="hp-vendor__content"><h4 class="hp-vendor__name"><a href="${c.base}/vendor/${ad.advertiser.id}/">${esc(ad.advertiser.name)}</a></h4><div class="hp-vendor__details hp-vendor__details--primary"><div class="hp-vendor__attribute hp-vendor__attribute--phone">${phoneLink(ad.advertiser.phone, s.look.phone, 'hp-link')}</div>${mail}</div></div></div></aside></div></div>`;
  },

  contact(c) {
    return `<div class="hp-page hp-template hp-template--page"><main class="hp-page__content"><h1 class="hp-page__title">${c.ui.contact}</h1><div class="entry-content">${operatorContact(c, 'hp-contact-list')}</div></main></div>`;
  },

  legal(c) {
    return `<div class="hp-page hp-template hp-template--page"><main class="hp-page__content"><h1 class="hp-page__title">${c.ui.legal}</h1><div class="entry-content">${legalText(c)}</div></main></div>`;
  },
};
