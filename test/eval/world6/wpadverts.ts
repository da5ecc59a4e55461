/**
 * A WordPress board on the WPAdverts plugin (simpliko/wpadverts, GPL-2.0-or-later): the theme's page around the
 * plugin's [adverts_list] (templates/list.php, list-item.php) and single advert (templates/single.php, the contact box
 * of includes/functions.php). Element structure and class names rebuilt by hand from those files.
 */
import type { Ad } from './model.ts';
import { type Ctx, esc, legalText, type Template } from './page.ts';

function item(ctx: Ctx, ad: Ad): string {
  const photo = ad.photos[0];
  return `<div class="advert-item advert-item-col-1">
<div class="advert-img">${photo ? ctx.img(photo, true, 'class="advert-item-grow"') : ''}</div>
<div class="advert-post-title">
<span title="${ctx.title(ad)}" class="advert-link"><span class="advert-link-text">${ctx.title(ad)}</span></span>
<a href="${ctx.adPath(ad)}" title="${ctx.title(ad)}" class="advert-link-wrap"></a>
</div>
<div class="advert-published">
<span class="advert-date">${ctx.date(ad)}</span>
<span class="advert-item-col-1-only advert-location adverts-icon-location">${esc(ad.town)}</span>
<div class="advert-price">${ctx.price(ad)}</div>
</div>
</div>`;
}

function pagination(page: number, pages: number): string {
  const links: string[] = [];
  for (let p = 1; p <= pages; p++)
    links.push(
      p === page
        ? `<span aria-current="page" class="page-numbers current">${p}</span>`
        : `<a class="page-numbers" href="${wpadverts.listingPath(p)}">${p}</a>`,
    );
  return `<div class="adverts-pagination">${links.join('\n')}</div>`;
}

export const wpadverts: Template = {
  script: 'wpadverts',
  listingPath: (page) => (page === 1 ? '/' : `/page/${page}/`),
  adPath: (ad, n) => `/advert/${n}-${ad.trade}/`,
  contactPath: '/contact/',
  legalPath: '/mentions-legales/',

  listing(ctx, ads, page, pages) {
    const main = `<article class="page type-page status-publish hentry">
<header class="entry-header"><h1 class="entry-title">${ctx.t('Annonces', 'Classifieds')}</h1></header>
<div class="entry-content">
<div class="adverts-options">
<form action="/" class="adverts-search-form" method="get">
<div class="adverts-search"><div class="advert-input adverts-field-name-query"><input type="text" name="query" placeholder="${ctx.t('Mots-clés…', 'Keywords…')}"></div>
<div class="advert-input adverts-field-name-location"><input type="text" name="location" placeholder="${ctx.t('Lieu…', 'Location…')}"></div></div>
<div class="adverts-options-fallback adverts-no-js"><input type="submit" value="${ctx.t('Filtrer', 'Filter Results')}"></div>
</form>
</div>
<div class="adverts-list">
${ads.map((a) => item(ctx, a)).join('\n')}
</div>
${pagination(page, pages)}
</div>
</article>`;
    return {
      title: page === 1 ? ctx.t('Annonces', 'Classifieds') : `${ctx.t('Annonces', 'Classifieds')} – page ${page}`,
      main,
    };
  },

  ad(ctx, ad) {
    const main = `<article class="advert type-advert status-publish hentry">
<header class="entry-header"><h1 class="entry-title">${ctx.title(ad)}</h1></header>
<div class="entry-content">
<div class="wpadverts-single">
<div class="adverts-single-box">
<div class="adverts-single-author">
<div class="adverts-single-author-avatar"><img alt="" src="https://secure.gravatar.example/avatar/${ad.advertiser.length}?s=48" class="avatar avatar-48 photo" height="48" width="48"></div>
<div class="adverts-single-author-name">${ctx.t('par', 'by')} <strong>${ctx.who(ad)}</strong><br>${ctx.t('Publiée le', 'Published')} ${ctx.date(ad)}</div>
</div>
<div class="adverts-single-price"><span class="adverts-price-box">${ctx.price(ad)}</span></div>
</div>
<div class="adverts-grid adverts-grid-closed-top adverts-grid-with-icons adverts-single-grid-details">
<div class="adverts-grid-row"><div class="adverts-grid-col adverts-col-30"><span class="adverts-round-icon adverts-icon-tags"></span><span class="adverts-row-title">${ctx.t('Catégorie', 'Category')}</span></div>
<div class="adverts-grid-col adverts-col-65"><div><a href="/advert-category/${ctx.categorySlug(ad)}/">${ctx.category(ad)}</a></div></div></div>
<div class="adverts-grid-row"><div class="adverts-grid-col adverts-col-30"><span class="adverts-round-icon adverts-icon-location"></span><span class="adverts-row-title">${ctx.t('Lieu', 'Location')}</span></div>
<div class="adverts-grid-col adverts-col-65">${esc(ad.town)}</div></div>
</div>
<div class="wpadverts-slides">${ad.photos.map((p) => `<div class="wpadverts-slide">${ctx.img(p, false, 'class="wpadverts-slide-img"')}</div>`).join('')}</div>
<div class="adverts-content">
${ctx
  .paragraphs(ad)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</div>
<div class="adverts-single-actions"><a href="#" class="adverts-button adverts-show-contact">${ctx.t('Voir les coordonnées', 'Show Contact Information')}<span class="adverts-icon-down-open"></span></a></div>
<div class="adverts-contact-box" style="display:block">
<p class="adverts-contact-method"><span class="adverts-icon-phone adverts-contact-icon" title="${ctx.t('Téléphone', 'Phone')}"></span><span class="adverts-contact-phone">${ctx.phone(ad.phone, ad.key)}</span></p>
${ad.email ? `<p class="adverts-contact-method"><span class="adverts-icon-mail-alt adverts-contact-icon" title="E-mail"></span><span class="adverts-contact-email">${ctx.email(ad.email, ad.key)}</span></p>` : ''}
</div>
</div>
</div>
</article>`;
    return { title: ctx.title(ad), main };
  },

  contact(ctx) {
    const op = ctx.site.operator!;
    const main = `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">Contact</h1></header>
<div class="entry-content"><p>${ctx.t(`Une question sur ${esc(op.brand)} ? Écrivez-nous ou appelez-nous du lundi au vendredi.`, `A question about ${esc(op.brand)}? Write or call us Monday to Friday.`)}</p>
<p>${ctx.t('Téléphone', 'Phone')} : ${ctx.phone(op.phone, 'operator')}<br>E-mail : ${ctx.email(op.email, 'operator')}</p>
<div class="wpcf7"><form class="wpcf7-form" method="post"><p><input type="text" name="your-name"></p><p><textarea name="your-message"></textarea></p><p><input type="submit" class="wpcf7-submit" value="${ctx.t('Envoyer', 'Send')}"></p></form></div>
</div></article>`;
    return { title: 'Contact', main };
  },

  legal(ctx) {
    return {
      title: ctx.t('Mentions légales', 'Legal notice'),
      main: `<article class="page type-page"><header class="entry-header"><h1 class="entry-title">${ctx.t('Mentions légales', 'Legal notice')}</h1></header><div class="entry-content">${legalText(ctx)}</div></article>`,
    };
  },

  document(ctx, title, main) {
    const op = ctx.site.operator!;
    return `<!DOCTYPE html>
<html lang="${ctx.lang}-FR"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} – ${esc(op.brand)}</title>
<link rel="stylesheet" id="adverts-frontend-css" href="/wp-content/plugins/wpadverts/assets/css/wpadverts-frontend.css?ver=2.1.8" media="all">
<link rel="stylesheet" id="adverts-icons-css" href="/wp-content/plugins/wpadverts/assets/css/wpadverts-glyphs.css?ver=4.7.2" media="all">
<link rel="stylesheet" id="twentytwenty-style-css" href="/wp-content/themes/twentytwenty/style.css?ver=2.6" media="all">
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
${ctx.tags()}
</head>
<body class="page-template-default page">
<div id="page" class="site">
<header id="site-header" class="header-footer-group"><div class="header-inner section-inner"><div class="header-titles"><div class="site-title faux-heading"><a href="/">${esc(op.brand)}</a></div><div class="site-description">${ctx.t('Petites annonces entre particuliers', 'Classified ads between neighbours')}</div></div>
<nav class="primary-menu-wrapper"><ul class="primary-menu reset-list-style"><li class="menu-item"><a href="/">${ctx.t('Annonces', 'Ads')}</a></li><li class="menu-item"><a href="/ajouter/">${ctx.t('Déposer une annonce', 'Post an ad')}</a></li><li class="menu-item"><a href="${wpadverts.contactPath}">Contact</a></li></ul></nav></div></header>
<main id="site-content">
${main}
</main>
<footer id="site-footer" class="header-footer-group"><div class="section-inner"><div class="footer-credits"><p class="footer-copyright">© 2026 <a href="/">${esc(op.brand)}</a></p>
<p class="footer-contact">${ctx.footerContact()}</p><p><a href="${wpadverts.legalPath}">${ctx.t('Mentions légales', 'Legal notice')}</a></p></div></div></footer>
</div>
</body></html>`;
  },
};
