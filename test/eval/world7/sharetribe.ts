/**
 * "sharetribe": Sharetribe Go, the Rails marketplace (HAML views), rebuilt from the element structure and class
 * names of its templates (README: provenance): layouts/_global_header (header-wrapper, header-right, header logo),
 * layouts/application (marketplace-lander cover, page-content wrapper), homepage/index (home-toolbar, category
 * column, home-fluid-thumbnail-grid), homepage/_grid_item and layouts/_grid_item_listing_image (fluid-thumbnail
 * cards with small_3x2 pictures), listings/show (listing-details-container, image carousel as rendered by its
 * script, listing-price, listing-author with contact button, custom fields) and layouts/_footer (footer__*).
 * Profile pages reuse the grid partial (their own template was not read). Texts written for this world.
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
import { dateText, esc, paragraphs, phoneText, priceText, renameClasses, trackersBody, trackersHead } from './html.ts';
import { contactIntro, legalNotice, privacy, type StaticText, terms } from './legal.ts';
import type { Ad, Site } from './model.ts';
import { slugify } from './regions.ts';

const big = (site: Site, id: string) => `/system/images/${fileOf(site, id).slice(0, 6)}/big/${fileOf(site, id)}.jpg`;
const small = (site: Site, id: string) =>
  `/system/images/${fileOf(site, id).slice(0, 6)}/small_3x2/${fileOf(site, id)}.jpg`;
const adPath = (ad: Ad) => `/listings/${ad.localId}-${adSlug(ad)}`;
const userPath = (ad: Ad) =>
  `/${slugify(ad.seller).replace(/-/g, '') || 'membre'}${ad.advertiser.replace(/\D/g, '').slice(-3)}`;

function layout(site: Site, title: string, header: string, body: string): string {
  const fr = site.lang === 'fr';
  const links: [string, string][] = [
    ['/infos/about', fr ? 'À propos et mentions légales' : 'About'],
    ['/infos/terms', fr ? 'Conditions d’utilisation' : 'Terms of use'],
    ['/infos/privacy', fr ? 'Confidentialité' : 'Privacy'],
    ['/user_feedbacks/new', fr ? 'Nous contacter' : 'Contact us'],
  ];
  const footerTheme = site.theme.variant === 1 ? 'light' : 'dark';
  const html = `<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<meta name="description" content="${esc(site.tagline)}">
<meta name="viewport" content="initial-scale=1.0, maximum-scale=1.0, width=device-width">
<link rel="stylesheet" href="/assets/application.css">
<style>.marketplace-lander, .new-listing-link, .listing-author-contact-button{background-color:${site.theme.accent}}</style>
${trackersHead(site.trackers)}
</head>
<body>
${trackersBody(site.trackers)}
<header class="header">
<div class="header-wrapper">
<div class="header-right header-padding visible-tablet"><a href="/listings/new" class="new-listing-link" id="new-listing-link">${fr ? 'Publier une annonce' : 'Post a new listing'}</a></div>
<div class="header-right"><a href="/login" class="header-text-link header-hover" id="header-login-link">${fr ? 'Connexion' : 'Log in'}</a></div>
<div class="header-right"><a href="/signup" class="header-text-link header-hover">${fr ? 'Inscription' : 'Sign up'}</a></div>
<div class="header-left header-logo-container"><a href="/" class="header-logo" id="header-logo"><span class="header-wide-logo-text visible-tablet">${esc(site.brand)}</span></a></div>
</div>
</header>
${header}
<article class="page-content">
<div class="wrapper">
${body}
</div>
</article>
<footer class="footer__container--${footerTheme}">
<div class="footer__content">
<div class="footer__links-container">
<ul class="footer__link-list">
${links.map(([h, l]) => `<li class="footer__link-list-item"><a class="footer__link" href="${h}">${l}</a></li>`).join('\n')}
</ul>
</div>
<hr class="footer__separator">
<div class="footer__copyrights--markdown"><p>© ${site.year} ${esc(site.brand)}</p></div>
</div>
</footer>
<script src="/assets/application.js"></script>
</body>
</html>`;
  return renameClasses(html, site.theme);
}

function lander(site: Site, title: string): string {
  return `<section class="marketplace-lander">
<div class="coverimage"><figure class="marketplace-cover-small fluidratio"></figure><div class="coverimage-fade"><figure class="marketplace-cover-small-fade fluidratio"></figure></div></div>
<div class="title-container"><div class="title-header-wrapper"><div class="marketplace-title-header">
<h1>${esc(title)}</h1>
<div class="browse-view-search-form"><form action="/" method="get" class="search-bar"><input type="search" name="q" placeholder="${site.lang === 'fr' ? 'Rechercher…' : 'Search…'}"><button type="submit" class="search-button">OK</button></form></div>
</div></div></div>
</section>`;
}

function gridItem(site: Site, ad: Ad): string {
  const img = ad.photos.length
    ? `<img src="${small(site, ad.photos[0])}" alt="${esc(ad.title)}" class=" fluid-thumbnail-grid-image-image">`
    : '';
  const price =
    ad.price === null
      ? `<span class="fluid-thumbnail-grid-image-type">${site.lang === 'fr' ? 'Offre' : 'Offer'}</span>`
      : `<span class="fluid-thumbnail-grid-image-price">${priceText(ad, site)}</span>`;
  return `<div class="home-fluid-thumbnail-grid-item"><div>
<a class=" fluid-thumbnail-grid-image-item-link" href="${adPath(ad)}">
<div class="fluid-thumbnail-grid-image-image-container ">
${img}
<div class="fluid-thumbnail-grid-image-overlay "></div>
<div class="fluid-thumbnail-grid-image-title ">${esc(ad.title)}</div>
<div class="fluid-thumbnail-grid-image-price-container ">${price}</div>
</div>
</a>
<div class="home-fluid-thumbnail-grid-author">
<div class="home-fluid-thumbnail-grid-author-avatar"><a href="${userPath(ad)}"><img src="/assets/profile_image/thumb/missing.png" class="home-fluid-thumbnail-grid-author-avatar-image"></a></div>
<a class="home-fluid-thumbnail-grid-author-name" title="${esc(ad.seller)}" href="${userPath(ad)}">${esc(ad.seller)}</a>
</div>
</div></div>`;
}

function gridPages(site: Site, query: string, title: string, ads: Ad[]): PageOut[] {
  const fr = site.lang === 'fr';
  const pages = chunk(ads, site.perPage);
  const href = (j: number) => (j === 0 ? `/${query ? `?${query}` : ''}` : `/?${query ? `${query}&` : ''}page=${j + 1}`);
  const cats = boardTrades(site)
    .map(
      (t) =>
        `<a href="/?category=${tradeSlug(t, site)}" class="home-categories-main " data-category="${t.id}">${esc(tradeLabel(t, site))}</a>`,
    )
    .join('\n');
  return pages.map((list, i) => {
    const pager = [
      i > 0 ? `<a class="previous_page" rel="prev" href="${href(i - 1)}">← ${fr ? 'Précédent' : 'Previous'}</a>` : '',
      ...pages.map((_, j) => (j === i ? `<em class="current">${j + 1}</em>` : `<a href="${href(j)}">${j + 1}</a>`)),
      i < pages.length - 1
        ? `<a class="next_page" rel="next" href="${href(i + 1)}">${fr ? 'Suivant' : 'Next'} →</a>`
        : '',
    ].join(' ');
    const body = `<div class="home-toolbar"><div class="home-toolbar-button-group filters-enabled">
<a class="home-toolbar-button-group-button selected" href="/?view=grid" title="Grid"><span class="home-toolbar-button-text">${fr ? 'Grille' : 'Grid'}</span></a>
<a class="home-toolbar-button-group-button " href="/?view=list" title="List"><span class="home-toolbar-button-text">${fr ? 'Liste' : 'List'}</span></a>
</div></div>
<div class="row">
<div class="col-3 visible-tablet"><div class="row"><div class="col-12">
<a href="/?category=all" class="home-categories-main selected">${fr ? 'Toutes les catégories' : 'All categories'}</a>
${cats}
</div></div></div>
<div class="col-9">
<div class="home-fluid-thumbnail-grid-narrow"><div class="home-fluid-thumbnail-grid">
${list.map((a) => gridItem(site, a)).join('\n')}
</div></div>
<div class="home-loading-more"><div class="pagination">${pager}</div></div>
</div>
</div>`;
    const photos = list
      .filter((a) => a.photos.length)
      .map((a) => photoRecord(site, a.photos[0], small(site, a.photos[0]), true));
    return { path: href(i), html: layout(site, `${title} - ${site.brand}`, lander(site, title), body), photos };
  });
}

function adPage(site: Site, ad: Ad): PageOut {
  const fr = site.lang === 'fr';
  const [first] = ad.photos;
  const images = JSON.stringify(
    ad.photos.map((id, i) => ({ id: i + 1, images: { big: big(site, id), thumb: small(site, id) } })),
  );
  const carousel = first
    ? `<div class="listing-image-carousel">
<div id="listing-image-frame"><div class="listing-image-frame"><div id="listing-image-link" class="listing-image-frame-content"><div class="listing-image-vertical-centering"><img src="${big(site, first)}" alt="${esc(ad.title)}" class="listing-image"></div></div></div></div>
</div>
<div id="thumbnail-stripe" class="listing-image-thumbnail-stripe">
${ad.photos.map((id) => `<div class="listing-image-thumbnail-container"><img class="listing-image-thumbnail" src="${small(site, id)}"><div class="fade"></div></div>`).join('\n')}
</div>
<script>var listingImages = ${images}; ST.listingImages(listingImages, 1);</script>`
    : `<div class="listing-image-text-container"><div class="listing-image-frame"><div class="listing-image-frame-content"><div class="listing-image-vertical-centering"><div class="listing-no-image">${fr ? 'Pas de photo' : 'No picture'}</div></div></div></div></div>`;
  const fieldPhone = ad.phones.length && (site.notes.phoneField ?? 'yes') === 'yes';
  const fields = [
    fieldPhone ? [fr ? 'Téléphone' : 'Phone', ad.phones.map((p) => phoneText(site, ad, p)).join(' / ')] : null,
    [fr ? 'Ville' : 'Town', esc(ad.town)],
  ]
    .filter((f): f is string[] => f !== null)
    .map(([k, v]) => `<div class="row"><div class="col-12"><b>${k}:</b> ${v}</div></div>`)
    .join('\n');
  const unit = ad.price !== null && ad.unit.replace(/^€/, '').trim();
  const body = `<div class="row">
<div class="col-8 listing-details-container">
<div class="row"><div class="col-12">
${carousel}
</div></div>
<div class="row"><div class="col-12 listing-description-content">
${paragraphs(ad.body)}
</div></div>
${fields}
<div class="row"><div class="col-12"><div class="icon-with-text-container"><i class="ss-calendar icon-part"></i><div class="text-part"><b>${fr ? 'Annonce publiée le' : 'Listing created'} ${dateText(ad.date, site.lang)}</b></div></div></div></div>
<div class="row"><div class="col-12"><div class="listing-social"><div class="listing-tweet-button"><a class="twitter-share-button" href="https://twitter.com/intent/tweet"></a></div></div></div></div>
</div>
<aside class="col-4">
${ad.price === null ? '' : `<div class="row"><div class="col-12"><div class="listing-price"><span class="listing-price-amount">${priceText(ad, site).replace(ad.unit.replace(/^€/, ''), '')}</span>${unit ? `<span class="listing-price-quantity">${esc(unit)}</span>` : ''}</div></div></div>`}
<div class="row-with-divider"><div class="col-12"><div id="listing-message-links"><a class="book-button" href="/listings/${ad.localId}/contact"><div class="content">${fr ? 'Contacter' : 'Contact'}</div></a></div></div></div>
<div class="row-with-divider"><div class="col-12"><div class="listing-author">
<div class="listing-author-avatar"><img src="/assets/profile_image/medium/missing.png" class="listing-author-avatar-image"></div>
<div class="listing-author-details">
<div class="listing-author-name"><a id="listing-author-link" class="listing-author-name-link" title="${esc(ad.seller)}" href="${userPath(ad)}">${esc(ad.seller)}</a></div>
<div class="listing-author-contact"><a id="listing-contact" href="/listings/${ad.localId}/contact" class="listing-author-contact-button"><div class="content">${fr ? 'Contacter' : 'Contact'}</div></a></div>
</div>
</div></div></div>
</aside>
</div>`;
  const header = `<section class="marketplace-lander"><div class="title-container"><div class="title-header-wrapper"><div class="marketplace-title-header"><h1><span id="listing-title" class="listing-title">${esc(ad.title)}</span></h1></div></div></div></section>`;
  const photos = [
    ...(first ? [photoRecord(site, first, big(site, first), false)] : []),
    ...ad.photos.map((id) => photoRecord(site, id, small(site, id), true)),
  ];
  return { path: adPath(ad), html: layout(site, `${ad.title} - ${site.brand}`, header, body), photos };
}

function infoPage(site: Site, path: string, text: StaticText, extra = ''): PageOut {
  const body = `<div class="row"><div class="col-12"><div class="about-section">
<h2>${esc(text.title)}</h2>
${text.html}
${extra}
</div></div></div>`;
  return { path, html: layout(site, `${text.title} - ${site.brand}`, lander(site, text.title), body), photos: [] };
}

export function renderSharetribe(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const pages: PageOut[] = [...gridPages(site, '', site.tagline, site.ads)];
  for (const t of boardTrades(site)) {
    const ads = site.ads.filter((a) => a.trade === t.id);
    pages.push(...gridPages(site, `category=${tradeSlug(t, site)}`, tradeLabel(t, site), ads));
  }
  for (const ad of site.ads) pages.push(adPage(site, ad));
  const seen = new Set<string>();
  for (const ad of site.ads) {
    if (seen.has(ad.advertiser)) continue;
    seen.add(ad.advertiser);
    const [first] = gridPages(site, '', ad.seller, adsOf(site, ad.advertiser));
    pages.push({ ...first, path: userPath(ad) });
  }
  const phone = operatorPhone(site);
  const legal = legalNotice(site, phone);
  const about: StaticText = {
    title: fr ? 'À propos' : 'About',
    html: `<p>${esc(site.tagline)}</p>\n<h3>${esc(legal.title)}</h3>\n${legal.html}`,
  };
  const form = `<form action="/user_feedbacks" method="post" class="new_feedback"><label for="feedback_email">${fr ? 'Votre e-mail' : 'Your email'}</label><input type="text" name="feedback[email]" id="feedback_email"><label for="feedback_content">Message</label><textarea name="feedback[content]" id="feedback_content"></textarea><button type="submit" class="send_button">${fr ? 'Envoyer' : 'Send'}</button></form>`;
  pages.push(infoPage(site, '/infos/about', about));
  pages.push(infoPage(site, '/infos/terms', terms(site)));
  pages.push(infoPage(site, '/infos/privacy', privacy(site)));
  pages.push(
    infoPage(
      site,
      '/user_feedbacks/new',
      { title: fr ? 'Nous contacter' : 'Contact us', html: contactIntro(site, phone) },
      form,
    ),
  );
  return pages;
}
