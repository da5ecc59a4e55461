/**
 * Business Directory Plugin for WordPress (github.com/Strategy11/business-directory-plugin, GPL): the main box
 * (templates/main-box.tpl.php), the listings loop and its pagination (templates/listings.tpl.php), excerpts
 * (templates/excerpt.tpl.php, excerpt_content.tpl.php), the single view (single_content.tpl.php,
 * parts/listing-buttons.tpl.php, parts/listing-images.tpl.php) and field wrappers as the plugin's
 * standard_display_wrapper writes them, inside a plain WordPress theme shell.
 */
import { contactIntro, esc, label, legalBody, photoToken, slug, trackerTags } from './html.ts';
import type { AdView, ScriptKit } from './kit.ts';
import type { Site } from './model.ts';

function field(name: string, type: string, assoc: string, lbl: string, value: string): string {
  return `<div class="wpbdp-field-display wpbdp-field wpbdp-field-value field-display field-value wpbdp-field-${name} wpbdp-field-${assoc} wpbdp-field-type-${type} wpbdp-field-association-${assoc}  "><span class="field-label">${lbl}</span> <div class="value">${value}</div></div>`;
}

function num(v: AdView): string {
  return String(Number.parseInt(v.ad.id.replace(/\D/g, ''), 10) + 400);
}

function fields(site: Site, v: AdView, excerpt: boolean): string {
  const lang = site.lang;
  const out = [
    field(
      'titre',
      'textfield',
      'title',
      label(lang, 'title'),
      excerpt ? `<a href="${v.url}">${esc(v.title)}</a>` : esc(v.title),
    ),
    field(
      'categorie',
      'select',
      'category',
      label(lang, 'category'),
      `<a href="${bdp.catUrl(v.catSlug)}" rel="tag">${esc(v.category)}</a>`,
    ),
    field('prix', 'textfield', 'meta', label(lang, 'price'), v.price),
  ];
  if (!site.gallery && !excerpt)
    out.push(
      field(
        'description',
        'textarea',
        'content',
        label(lang, 'description'),
        v.sentences.map((s) => `<p>${esc(s)}</p>`).join(''),
      ),
    );
  if (excerpt && !site.gallery)
    out.push(field('resume', 'textarea', 'excerpt', label(lang, 'summary'), esc(v.sentences[0])));
  out.push(
    `<div class="address-info wpbdp-field-display wpbdp-field wpbdp-field-value"><span class="field-label address-label">${label(lang, 'town')}</span> <div>${esc(v.town)}</div></div>`,
  );
  if (!excerpt) {
    out.push(field('vendeur', 'textfield', 'meta', label(lang, 'seller'), esc(v.seller)));
    out.push(field('telephone', 'phone', 'meta', label(lang, 'phone'), v.phoneHtml));
    if (v.email) out.push(field('email', 'textfield', 'meta', 'E-mail', `<a href="mailto:${v.email}">${v.email}</a>`));
  }
  return out.join('\n');
}

export const bdp: ScriptKit = {
  adUrl: (ad, title) => `/annuaire/${slug(title)}-${ad.id.replace(/\D/g, '')}/`,
  listUrl: (page) => (page === 1 ? '/annuaire/' : `/annuaire/page/${page}/`),
  catUrl: (s) => `/annuaire/wpbdp_category/${s}/`,
  contactUrl: '/contact/',
  legalUrl: '/mentions-legales/',
  rulesUrl: '/regles-de-publication/',
  photoUrl: (site, id, i, thumb) =>
    `/wp-content/uploads/${2022 + (i % 3)}/0${1 + (i % 9)}/img-${photoToken(site, id)}${thumb ? '-150x150' : ''}.jpg`,
  page(site, title, body, categories) {
    const lang = site.lang;
    const cats = categories
      .map((c) => `<li class="menu-item menu-item-type-taxonomy"><a href="${c.url}">${esc(c.name)}</a></li>`)
      .join('');
    return `<!doctype html>
<html lang="${lang === 'fr' ? 'fr-FR' : lang === 'nl' ? 'nl-BE' : 'en-GB'}"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} &#8211; ${esc(site.title)}</title>
<link rel='stylesheet' id='wpbdp-base-css-css' href='/wp-content/plugins/business-directory-plugin/assets/css/wpbdp.min.css?ver=6.4.3' media='all' />
<link rel='stylesheet' id='theme-style-css' href='/wp-content/themes/${slug(site.title)}/style.css?ver=1.2' media='all' />
${trackerTags(site)}
</head><body class="page-template-default page wpbdp-with-button-styles">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
<header id="masthead" class="site-header"><div class="site-branding"><p class="site-title"><a href="/" rel="home">${esc(site.title)}</a></p><p class="site-description">${esc(site.tagline)}</p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li class="menu-item"><a href="/annuaire/">${label(lang, 'all')}</a></li>${cats}<li class="menu-item"><a href="/contact/">${label(lang, 'contact')}</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main"><article class="page type-page status-publish hentry"><div class="entry-content">
<div id="wpbdp-main" class="wpbdp-main wpbdp-page">
${body}
</div></div></article></main></div>
<footer id="colophon" class="site-footer"><div class="site-info"><a href="/mentions-legales/">${label(lang, 'legal')}</a> <span class="sep"> | </span>Fièrement propulsé par WordPress</div></footer></div>
<script src='/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
<script src='/wp-content/plugins/business-directory-plugin/assets/js/wpbdp.min.js?ver=6.4.3' id='wpbdp-js-js'></script>
</body></html>`;
  },
  list(site, views, heading, pager) {
    const lang = site.lang;
    const box = `<div id="wpbdp-main-box" class="wpbdp-main-box" data-breakpoints='{"tiny": [0,360], "small": [360,560], "medium": [560,710], "large": [710,999999]}' data-breakpoints-class-prefix="wpbdp-main-box">
<div class="main-fields box-row cols-2"><form action="/annuaire/" method="get"><input type="hidden" name="wpbdp_view" value="search" />
<div class="box-col search-fields"><div class="box-row cols-1"><div class="box-col main-input"><input type="text" id="wpbdp-main-box-keyword-field" title="Quick search keywords" class="keywords-field" name="kw" placeholder="${label(lang, 'search')}" /></div></div></div>
<div class="box-col submit-btn"><input type="submit" value="${label(lang, 'search')}" class="button wpbdp-button"/></div></form></div>
<div class="box-row separator"></div></div>`;
    const items = views
      .map((v, i) => {
        const n = num(v);
        const thumb = v.thumb
          ? `<div class="listing-thumbnail"><a href="${v.url}"><img width="150" height="150" src="${v.thumb.url}" class="attachment-wpbdp-thumb wpbdp-thumbnail size-wpbdp-thumb" alt="${esc(v.title)}" loading="lazy" /></a></div>`
          : '';
        return `<div id="wpbdp-listing-${n}" class="wpbdp-listing-${n} wpbdp-listing excerpt wpbdp-excerpt ${i % 2 ? 'odd' : 'even'} wpbdp-listing-excerpt" data-breakpoints='{"medium": [560,780], "large": [780,999999]}' data-breakpoints-class-prefix="wpbdp-listing-excerpt">
${thumb}<div class="listing-details${v.thumb ? '' : ' wpbdp-no-thumb'}">${fields(site, v, true)}</div>
<div class="listing-actions cf"><a class="wpbdp-button button view-listing" href="${v.url}" >${label(lang, 'more')}</a></div></div>`;
      })
      .join('\n');
    const nav = `<div class="wpbdp-pagination">${pager.prev ? `<span class="prev"><a href="${pager.prev}">&laquo; ${label(lang, 'prev')} </a></span>` : ''}${
      pager.next ? `<span class="next"><a href="${pager.next}">${label(lang, 'next')} &raquo;</a></span>` : ''
    }</div>`;
    return `${box}<h1 class="entry-title">${esc(heading)}</h1>
<div id="wpbdp-listings-list" class="listings wpbdp-listings-list list">${
      views.length === 0 ? `<span class="no-listings">${label(lang, 'noItems')}</span>` : `${items}\n${nav}`
    }</div>`;
  },
  ad(site, v, related) {
    const n = num(v);
    const [main, ...extra] = v.photos;
    const mainHtml = main
      ? `<div class="main-image"><a href="${main.url}" data-lightbox="wpbdpgal" rel="wpbdpgal"><img src="${main.url}" class="wpbdp-thumbnail size-medium" alt="${esc(v.title)}" /></a></div>`
      : '';
    const extraHtml = extra.length
      ? `<div class="extra-images"><ul>${extra.map((p) => `<li><a href="${p.url}" data-lightbox="wpbdpgal"><img src="${p.url}" class="wpbdp-thumbnail size-medium" alt="" /></a></li>`).join('')}</ul></div>`
      : '';
    const rel = related.length
      ? `<div class="wpbdp-related"><h3>${label(site.lang, 'related')}</h3><ul>${related.map((r) => `<li><a href="${r.url}">${esc(r.title)}</a></li>`).join('')}</ul></div>`
      : '';
    return `<div id="wpbdp-listing-${n}" class="wpbdp-listing-${n} wpbdp-listing single wpbdp-single wpbdp-listing-single ${main ? 'with-image' : ''}">
<div class="listing-title"><h2>${esc(v.title)}</h2></div>
<div class="listing-actions cf"><form action="/annuaire/${n}/flag/" method="post"><input type="submit" name="" value="${label(site.lang, 'report')}" class="button wpbdp-button report-listing" rel="nofollow"/></form><div style="display: inline;" class="back-to-dir-buttons"><input type="button" value="&larr; ${label(site.lang, 'all')}" onclick="window.location.href = '/annuaire/'" class="wpbdp-hide-on-mobile button back-to-dir wpbdp-button" /></div></div>
${mainHtml}
<div class="listing-details cf">${fields(site, v, false)}</div>
${extraHtml}
</div>${rel}`;
  },
  contact(site) {
    const lang = site.lang;
    return `<h1 class="entry-title">${label(lang, 'contact')}</h1>${contactIntro(site)}
<form method="POST" action="/contact/"><p><label style="width:4em;">${label(lang, 'name')}</label><input type="text" class="intextbox" name="commentauthorname" value="" /></p>
<p><label style="width:4em;">${label(lang, 'email')}</label><input type="text" class="intextbox" name="commentauthoremail" value="" /></p>
<p><label style="width:4em;">${label(lang, 'message')}</label><br/><textarea name="commentauthormessage" class="intextarea"></textarea></p>
<input type="submit" class="insubmitbutton" value="${label(lang, 'send')}" /></form>`;
  },
  text(_site, heading, html) {
    return `<h1 class="entry-title">${esc(heading)}</h1>${html}`;
  },
  legal(site) {
    return bdp.text(site, label(site.lang, 'legal'), legalBody(site));
  },
};
