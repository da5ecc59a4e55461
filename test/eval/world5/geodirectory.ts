/**
 * GeoDirectory rebuilt around world 5's data: the archive's `geodir-category-list-view` list of post items (left
 * column with the post slider, right column with `geodir-entry-title` and `geodir_post_meta geodir-field-*` rows for
 * category, address, phone and an excerpt) and the detail page's taxonomies bar, slider, tab list and post-meta
 * fields. Structure and class names follow AyeCode/geodirectory templates/content-archive-listing.php,
 * templates/listing/loop-start.php, templates/content-listing.php and its custom-field output functions (GPL-3.0);
 * no file copied.
 */
import { esc, mailHtml, phoneLink, slug } from './contacts.ts';
import { REGIONS, TRADES } from './lexicon.ts';
import type { ScriptMarkup } from './markup.ts';
import type { Ad } from './model.ts';
import { adSlug, type Ctx, doc, legalText, logo, operatorContact, photoUrl } from './page.ts';
import { adBody, adTitle, excerpt, priceText } from './text.ts';

const UP = '/wp-content/uploads/geodir/';

function meta(field: string, icon: string, title: string, value: string): string {
  return `<div class="geodir_post_meta geodir-field-${field}"><span class="geodir_post_meta_icon geodir-i-${icon}"><i class="fas fa-${icon}" aria-hidden="true"></i><span class="geodir_post_meta_title">${title}: </span></span>${value}</div>`;
}

function item(c: Ctx, ad: Ad, n: number): string {
  const href = `${c.base}${geo.adPath(c, ad)}`;
  const key = TRADES[ad.trade].key;
  const left =
    c.site.photo.thumb > 0 && ad.photos.length > 0
      ? `<div class="gd-list-item-left"><div class="geodir-post-slider"><div class="geodir-image-container geodir-image-sizes-medium_large"><ul class="geodir-post-image geodir-images clearfix"><li><a href="${href}"><img class="geodir-lazy-load align size-medium_large" src="${photoUrl(c, UP, ad.photos[0], c.site.photo.thumb)}" alt=""></a></li></ul></div></div></div>`
      : '';
  return `<li class="post-${1000 + n} gd_place type-gd_place status-publish gd_placecategory-${key}" data-post-id="${1000 + n}">${left}<div class="gd-list-item-right"><div class="geodir-post-title"><h2 class="geodir-entry-title"><a href="${href}" title="${esc(adTitle(ad, c.lang))}">${esc(adTitle(ad, c.lang))}</a></h2></div>${meta('post_category', 'folder-open', c.ui.category, `<a href="${c.base}/annonces/category/${key}/">${esc(TRADES[ad.trade][c.lang])}</a>`)}${meta('address', 'map-marker-alt', c.ui.location, `<span itemprop="addressLocality">${esc(ad.town)}</span>`)}${meta('price', 'tag', c.ui.price, esc(priceText(ad, c.lang)))}<div class="geodir-post-content-container"><div class="geodir_post_meta geodir-field-post_content"><p>${esc(excerpt(ad, c.lang, 22))}</p></div></div></div></li>`;
}

export const geo: ScriptMarkup = {
  uploads: UP,
  listingPath: (n) => (n === 1 ? '/annonces/' : `/annonces/page/${n}/`),
  adPath: (c, ad) => `/annonces/france/${REGIONS[c.site.region].slug}/${slug(ad.town)}/${adSlug(c, ad)}/`,
  contactPath: '/contact/',
  legalPath: '/informations-legales/',

  chrome(c, o) {
    const s = c.site;
    const body = `<div class="site"><header class="site-header"><div class="container"><a class="custom-logo-link" href="${c.base}/" rel="home">${logo(c)}${esc(s.title)}</a><nav class="main-navigation"><ul class="menu"><li><a href="${c.base}/annonces/">${c.ui.ads}</a></li><li><a href="${c.base}/add-listing/?listing_type=gd_place">${c.ui.post}</a></li><li><a href="${c.base}/contact/">${c.ui.contact}</a></li></ul></nav><div class="geodir-search-container"><form class="geodir-listing-search gd-search-bar-style" action="${c.base}/search/"><input type="text" class="search_text gd_search_text" name="s" placeholder="${c.ui.search}"><button class="geodir_submit_search">${c.ui.search}</button></form></div></div></header><div class="site-content container"><div class="geodir-loop-container">${o.main}</div></div><footer class="site-footer"><div class="container"><div class="widget geodir-footer-contact">${operatorContact(c, 'geodir-contact')}</div><p class="site-info"><a href="${c.base}/informations-legales/">${c.ui.legal}</a> · © ${esc(s.title)}</p></div></footer></div>`;
    return doc(c, {
      title: `${o.title} - ${s.title}`,
      bodyClass: `geodir-page ${o.kind === 'ad' ? 'geodir-page-single single-gd_place' : 'geodir-page-archive post-type-archive-gd_place'}`,
      head: `<link rel="stylesheet" href="${c.base}/wp-content/plugins/geodirectory/assets/css/style.css?ver=2.3.70"><script src="${c.base}/wp-content/plugins/geodirectory/assets/js/geodir.min.js?ver=2.3.70" defer></script>`,
      body,
    });
  },

  listing(c, ads, page, pages, total) {
    const links = Array.from({ length: pages }, (_, i) =>
      i + 1 === page
        ? `<span aria-current="page" class="page-numbers current">${i + 1}</span>`
        : `<a class="page-numbers" href="${c.base}${geo.listingPath(i + 1)}">${i + 1}</a>`,
    ).join('');
    return `<div class="geodir-archive-header"><h1 class="geodir-archive-title">${c.ui.ads} (${total})</h1></div><ul class="geodir-category-list-view clearfix geodir-listing-posts geodir-gridview gridview_onehalf">${ads
      .map((a, i) => item(c, a, (page - 1) * 100 + i))
      .join(
        '',
      )}</ul><div class="clear"></div>${pages > 1 ? `<nav class="navigation geodir-pagination"><div class="nav-links">${links}</div></nav>` : ''}`;
  },

  ad(c, ad) {
    const s = c.site;
    const key = TRADES[ad.trade].key;
    const slides = ad.photos
      .map((p) => `<li><img class="geodir-lazy-load" src="${photoUrl(c, UP, p, s.photo.width)}" alt=""></li>`)
      .join('');
    const fields = [
      meta('phone', 'phone', c.ui.phone, phoneLink(ad.advertiser.phone, s.look.phone, 'geodir-phone')),
      ad.advertiser.email ? meta('email', 'envelope', c.ui.email, mailHtml(ad.advertiser.email, s.look.mail)) : '',
      meta('address', 'map-marker-alt', c.ui.location, `<span itemprop="addressLocality">${esc(ad.town)}</span>`),
      meta('price', 'tag', c.ui.price, esc(priceText(ad, c.lang))),
      meta('contact_name', 'user', c.ui.seller, esc(ad.advertiser.name)),
    ].join('');
    return `<div class="geodir-single-taxonomies-container"><p class="geodir_post_taxomomies clearfix"><span class="geodir-category">${c.ui.category}: <a href="${c.base}/annonces/category/${key}/">${esc(TRADES[ad.trade][c.lang])}</a></span></p></div><h1 class="entry-title geodir-entry-title">${esc(adTitle(ad, c.lang))}</h1>${slides ? `<div class="geodir_full_page clearfix geodir-single-post-slider"><div class="geodir-image-container"><ul class="geodir-post-image geodir-images geodir-slides clearfix">${slides}</ul></div></div>` : ''}<div class="geodir-tabs" id="gd-tabs"><dl class="geodir-tab-head"><dd class="geodir-tab-active"><a data-tab="#post_content">${c.ui.description}</a></dd><dd><a data-tab="#post_info">${c.ui.details}</a></dd></dl><ul class="geodir-tabs-content geodir-entry-content"><li id="post_contentTab"><div id="geodir-tab-content-post_content" class="hash-offset"></div><div class="geodir-post-meta-container"><div class="geodir_post_meta geodir-field-post_content">${adBody(
      ad,
      c.lang,
    )
      .map((p) => `<p>${esc(p)}</p>`)
      .join(
        '',
      )}</div></div></li><li id="post_infoTab"><div id="geodir-tab-content-post_info" class="hash-offset"></div><div class="geodir-post-meta-container">${fields}</div></li></ul></div>`;
  },

  contact(c) {
    return `<div class="geodir-page-content"><h1>${c.ui.contact}</h1>${operatorContact(c, 'geodir-contact')}</div>`;
  },

  legal(c) {
    return `<div class="geodir-page-content"><h1>${c.ui.legal}</h1>${legalText(c)}</div>`;
  },
};
