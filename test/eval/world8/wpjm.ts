/**
 * WP Job Manager (github.com/Automattic/WP-Job-Manager, GPLv3 per its readme.txt) run as a classified board, as
 * some operators bend a listing plugin to sell gear: the filters form (templates/job-filters.php), the loop
 * (templates/content-job_listing.php inside ul.job_listings), the single listing
 * (templates/content-single-job_listing.php with its meta and company boxes) and the application box
 * (templates/job-application.php) carrying the seller's contact, in a Storefront-like theme shell.
 */
import { contactIntro, esc, label, legalBody, photoToken, slug, trackerTags } from './html.ts';
import type { AdView, ScriptKit } from './kit.ts';

function postId(v: AdView): number {
  return Number.parseInt(v.ad.id.replace(/\D/g, ''), 10) + 1200;
}

export const wpjm: ScriptKit = {
  adUrl: (ad, title) => `/annonce/${slug(title)}-${ad.id.replace(/\D/g, '').slice(-4)}/`,
  listUrl: (page) => (page === 1 ? '/annonces/' : `/annonces/page/${page}/`),
  catUrl: (s) => `/categorie-annonce/${s}/`,
  contactUrl: '/nous-contacter/',
  legalUrl: '/mentions-legales/',
  rulesUrl: '/conditions-generales/',
  photoUrl: (site, id, _i, thumb) =>
    `/wp-content/uploads/job-manager-uploads/${thumb ? 'company_logo' : 'gallery'}/2024/0${1 + (parseInt(photoToken(site, id).slice(0, 2), 16) % 9)}/${photoToken(site, id)}${thumb ? '-100x100' : ''}.jpg`,
  page(site, title, body, categories) {
    const lang = site.lang;
    return `<!doctype html>
<html lang="${lang === 'fr' ? 'fr-FR' : lang === 'nl' ? 'nl-BE' : 'en-GB'}"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=2.0">
<title>${esc(title)} – ${esc(site.title)}</title>
<link rel='stylesheet' id='wp-job-manager-frontend-css' href='/wp-content/plugins/wp-job-manager/assets/dist/css/frontend.css?ver=2.2.1' media='all' />
<link rel='stylesheet' id='storefront-style-css' href='/wp-content/themes/storefront/style.css?ver=4.5.3' media='all' />
${trackerTags(site)}
</head><body class="wp-embed-responsive storefront-full-width-content right-sidebar">
<div id="page" class="hfeed site"><header id="masthead" class="site-header" role="banner"><div class="col-full">
<div class="site-branding"><div class="beta site-title"><a href="/" rel="home">${esc(site.title)}</a></div><p class="site-description">${esc(site.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation" role="navigation"><div class="primary-navigation"><ul id="menu-principal" class="menu">
<li class="menu-item"><a href="/annonces/">${label(lang, 'all')}</a></li>${categories.map((c) => `<li class="menu-item"><a href="${c.url}">${esc(c.name)}</a></li>`).join('')}
<li class="menu-item"><a href="/deposer-une-annonce/">${label(lang, 'add')}</a></li></ul></div></nav></div></header>
<div id="content" class="site-content" tabindex="-1"><div class="col-full"><div id="primary" class="content-area"><main id="main" class="site-main" role="main">
${body}
</main></div></div></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="col-full"><div class="site-info">&copy; ${esc(site.title)} · <a href="/nous-contacter/">${label(lang, 'contact')}</a> · <a href="/mentions-legales/">${label(lang, 'legal')}</a><br /><a href="https://woocommerce.com" rel="nofollow">Built with Storefront</a></div></div></footer></div>
<script src='/wp-content/plugins/wp-job-manager/assets/dist/js/ajax-filters.js?ver=2.2.1' id='wp-job-manager-ajax-filters-js'></script>
</body></html>`;
  },
  list(site, views, heading, pager) {
    const lang = site.lang;
    const filters = `<form class="job_filters"><div class="search_jobs"><div class="search_keywords"><label for="search_keywords">${label(lang, 'search')}</label><input type="text" name="search_keywords" id="search_keywords" placeholder="${label(lang, 'all')}" value="" /></div>
<div class="search_location"><label for="search_location">${label(lang, 'town')}</label><input type="text" name="search_location" id="search_location" placeholder="" value="" /></div></div><div class="showing_jobs"></div></form>`;
    const items = views
      .map((v) => {
        const logo = v.thumb
          ? `<img class="company_logo" src="${v.thumb.url}" alt="${esc(v.seller)}" />`
          : `<img class="company_logo" src="/wp-content/plugins/wp-job-manager/assets/images/company.png" alt="" />`;
        return `<li class="post-${postId(v)} job_listing type-job_listing status-publish hentry job_listing_category-${v.catSlug}" data-longitude="" data-latitude="">
<a href="${v.url}">${logo}<div class="position"><h3>${esc(v.title)}</h3><div class="company"><strong>${esc(v.seller)}</strong> <span class="tagline">${v.price}</span></div></div>
<div class="location">${esc(v.town)}</div><ul class="meta"><li class="job-type ${v.catSlug}">${esc(v.category)}</li><li class="date"><time datetime="2026-11-${String(1 + (v.ad.age % 28)).padStart(2, '0')}">${label(lang, 'posted', v.ad.age)}</time></li></ul></a></li>`;
      })
      .join('\n');
    const nav = `<nav class="job-manager-pagination"><ul>${pager.prev ? `<li><a href="${pager.prev}">&larr;</a></li>` : ''}<li><span class="current">${pager.page}</span></li>${
      pager.next ? `<li><a href="${pager.next}">&rarr;</a></li>` : ''
    }</ul></nav>`;
    return `<article class="page type-page status-publish hentry"><header class="entry-header"><h1 class="entry-title">${esc(heading)}</h1></header><div class="entry-content">
<div class="job_listings" data-location="" data-keywords="" data-show_filters="true" data-show_pagination="true" data-per_page="${site.perPage}" data-orderby="featured" data-order="DESC">
${filters}
${views.length ? `<ul class="job_listings">\n${items}\n</ul>${nav}` : `<ul class="job_listings"><li class="no_job_listings_found">${label(lang, 'noItems')}</li></ul>`}
</div></div></article>`;
  },
  ad(site, v, related) {
    const lang = site.lang;
    const gallery = v.photos.length
      ? `<div class="job_listing-gallery">${v.photos.map((p) => `<figure class="gallery-item"><a href="${p.url}"><img src="${p.url}" alt="${esc(v.title)}" /></a></figure>`).join('')}</div>`
      : '';
    const desc = site.gallery
      ? ''
      : `<div class="job_description">${v.sentences.map((s) => `<p>${esc(s)}</p>`).join('\n')}</div>`;
    const rel = related.length
      ? `<aside class="related-listings"><h2>${label(lang, 'related')}</h2><ul class="job_listings">${related.map((r) => `<li class="job_listing"><a href="${r.url}"><div class="position"><h3>${esc(r.title)}</h3></div></a></li>`).join('')}</ul></aside>`
      : '';
    return `<article id="post-${postId(v)}" class="post-${postId(v)} job_listing type-job_listing status-publish hentry"><header class="entry-header"><h1 class="entry-title">${esc(v.title)}</h1></header>
<div class="entry-content"><div class="single_job_listing">
<ul class="meta"><li class="job-type ${v.catSlug}">${esc(v.category)}</li><li class="location">${esc(v.town)}</li><li class="date-posted"><date>${label(lang, 'posted', v.ad.age)}</date></li><li class="wpjm-price">${v.price}</li></ul>
<div class="company"><p class="name"><strong>${esc(v.seller)}</strong></p><p class="tagline">${esc(v.category)} · ${esc(v.town)}</p></div>
${gallery}
${desc}
<div class="job_application application"><input class="application_button button" type="button" value="${label(lang, 'contact')} ${esc(v.seller)}" />
<div class="application_details"><p>${label(lang, 'phone')} : ${v.phoneHtml}</p>${v.email ? `<p>E-mail : <a class="job_application_email" href="mailto:${v.email}">${v.email}</a></p>` : ''}</div></div>
</div></div></article>${rel}`;
  },
  contact(site) {
    const lang = site.lang;
    return `<article class="page type-page hentry"><header class="entry-header"><h1 class="entry-title">${label(lang, 'contact')}</h1></header><div class="entry-content">${contactIntro(site)}
<div class="wpcf7"><form class="wpcf7-form" method="post"><p><label>${label(lang, 'name')}<br /><input type="text" name="your-name" class="wpcf7-form-control wpcf7-text" /></label></p><p><label>${label(lang, 'message')}<br /><textarea name="your-message" class="wpcf7-form-control wpcf7-textarea"></textarea></label></p><p><input type="submit" value="${label(lang, 'send')}" class="wpcf7-form-control wpcf7-submit" /></p></form></div></div></article>`;
  },
  text(_site, heading, html) {
    return `<article class="page type-page hentry"><header class="entry-header"><h1 class="entry-title">${esc(heading)}</h1></header><div class="entry-content">${html}</div></article>`;
  },
  legal(site) {
    return wpjm.text(site, label(site.lang, 'legal'), legalBody(site));
  },
};
