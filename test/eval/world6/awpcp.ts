/**
 * A WordPress board on AWPCP, Another WordPress Classifieds Plugin (wp-plugins/another-wordpress-classifieds-plugin,
 * GPL-2.0-or-later): the listings page (frontend/templates/listings.tpl.php, listings-pagination.tpl.php and the
 * default "displayadlayoutcode" excerpt layout of the settings) and the single ad page (the default
 * "awpcpshowtheadlayout": #showawpcpadpage, .awpcp-title, .showawpcpadpage, .awpcp-subtitle, image thumbs).
 * Structure and class names rebuilt by hand.
 */
import type { Ad } from './model.ts';
import { type Ctx, esc, legalText, type Template } from './page.ts';
import { excerpt } from './text.ts';

function excerptBlock(ctx: Ctx, ad: Ad): string {
  const words = ctx.site.excerptWords || 18;
  const photo = ad.photos[0];
  return `<div class="awpcp-listing-excerpt displayaditemsodd" data-breakpoints-class-prefix="awpcp-listing-excerpt">
<div class="awpcp-listing-excerpt-thumbnail">${photo ? `<a href="${ctx.adPath(ad)}">${ctx.img(photo, true, 'class="awpcp-listing-primary-image-thumbnail"')}</a>` : ''}</div>
<div class="awpcp-listing-excerpt-inner">
<h4 class="awpcp-listing-title"><a href="${ctx.adPath(ad)}">${ctx.title(ad)}</a></h4>
<div class="awpcp-listing-excerpt-content">${esc(excerpt(ad.body, ctx.lang, words))}</div>
</div>
<div class="awpcp-listing-excerpt-extra">
${ctx.date(ad)}<br>
${ctx.t('Ville', 'City')} : ${esc(ad.town)}<br>
${ctx.t('Prix', 'Price')} : ${ctx.price(ad)}
</div>
<span class="fixfloat"></span>
</div>
<div class="fixfloat"></div>`;
}

function pager(page: number, pages: number): string {
  const items: string[] = [];
  for (let p = 1; p <= pages; p++)
    items.push(p === page ? `<b>${p}</b>` : `<a href="${awpcp.listingPath(p)}">${p}</a>`);
  return `<div class="pager"><form class="awpcp-pagination-form" method="get"><table><tbody><tr><td>${items.join('&nbsp;')}</td>
<td><select name="results"><option value="10" selected="selected">10</option><option value="20">20</option><option value="50">50</option></select></td></tr></tbody></table></form></div>`;
}

function menu(ctx: Ctx): string {
  return `<div class="awpcp-classifieds-menu"><ul class="awpcp-classifieds-menu--menu-items">
<li class="awpcp-classifieds-menu--menu-item awpcp-classifieds-menu--post-listing-menu-item"><a href="/annonces/place-ad/">${ctx.t('Déposer une annonce', 'Place Ad')}</a></li>
<li class="awpcp-classifieds-menu--menu-item awpcp-classifieds-menu--browse-listings-menu-item"><a href="${awpcp.listingPath(1)}">${ctx.t('Parcourir', 'Browse Ads')}</a></li>
<li class="awpcp-classifieds-menu--menu-item awpcp-classifieds-menu--search-listings-menu-item"><a href="/annonces/search-ads/">${ctx.t('Rechercher', 'Search Ads')}</a></li>
</ul></div>`;
}

export const awpcp: Template = {
  script: 'awpcp',
  listingPath: (page) => (page === 1 ? '/annonces/' : `/annonces/browse-ads/?results=10&offset=${(page - 1) * 10}`),
  adPath: (ad, n) => `/annonces/show-ad/${1000 + n}/${ad.trade}/`,
  contactPath: '/nous-contacter/',
  legalPath: '/mentions-legales/',

  listing(ctx, ads, page, pages) {
    const block = pager(page, pages);
    const main = `<div id="classiwrapper">
${page === 1 ? `<div class="uiwelcome">${ctx.t(`Bienvenue sur ${esc(ctx.site.operator!.brand)}, les petites annonces de votre région.`, `Welcome to ${esc(ctx.site.operator!.brand)}, your local classifieds.`)}</div>` : ''}
${menu(ctx)}
${block}
<div class="awpcp-listings clearboth">
${ads.map((a) => excerptBlock(ctx, a)).join('\n')}
</div>
${block}
</div>`;
    return { title: ctx.t('Parcourir les annonces', 'Browse Ads'), main };
  },

  ad(ctx, ad) {
    const [first, ...others] = ad.photos;
    const main = `<div id="classiwrapper">
${menu(ctx)}
<div id="showawpcpadpage">
<div class="awpcp-title">${ctx.title(ad)}</div><br>
<div class="showawpcpadpage">
${first ? `<div class="awpcp-ad-primary-image"><a class="thickbox thumbnail" href="#">${ctx.img(first, false, 'class="thumbshow"')}</a></div>` : ''}
<div class="awpcp-subtitle">${ctx.t('Coordonnées', 'Contact Information')}</div>
<a href="/annonces/reply-to-ad/${ad.key.length}/">${ctx.t('Contacter', 'Contact')} ${ctx.who(ad)}</a>
<br><label>${ctx.t('Téléphone', 'Phone')}</label>: ${ctx.phone(ad.phone, ad.key)}
${ad.email ? `<br><label>E-mail</label>: ${ctx.email(ad.email, ad.key)}` : ''}
<br><label>${ctx.t('Lieu', 'Location')}</label>: ${esc(ad.town)}
</div>
<div class="showawpcpadpage"><label>${ctx.t('Prix', 'Price')}</label>: <strong>${ctx.price(ad)}</strong></div>
<div class="fixfloat"></div>
<div class="showawpcpadpage">
<div class="awpcp-subtitle">${ctx.t('Plus d’informations', 'More Information')}</div>
${ctx.paragraphs(ad).join('<br>\n')}
</div>
<div class="fixfloat"></div>
<div id="displayimagethumbswrapper"><div id="displayimagethumbs"><ul>${others.map((p) => `<li>${ctx.img(p, false, 'class="thumbshow"')}</li>`).join('')}</ul></div></div>
<span class="fixfloat"></span>
<div class="adviewed">${ctx.t('Catégorie', 'Category')} : <a href="/annonces/browse-categories/${ctx.categorySlug(ad)}/">${ctx.category(ad)}</a> – ${ctx.date(ad)}</div>
</div>
</div>`;
    return { title: ctx.title(ad), main };
  },

  contact(ctx) {
    const op = ctx.site.operator!;
    return {
      title: ctx.t('Nous contacter', 'Contact us'),
      main: `<div class="entry-content"><h1>${ctx.t('Nous contacter', 'Contact us')}</h1>
<p>${ctx.t('Le service modération répond sous 48 heures.', 'Moderation answers within 48 hours.')}</p>
<ul><li>${ctx.t('Téléphone', 'Phone')} : ${ctx.phone(op.phone, 'operator')}</li><li>E-mail : ${ctx.email(op.email, 'operator')}</li><li>${esc(op.company)}, ${esc(op.address)}</li></ul></div>`,
    };
  },

  legal(ctx) {
    return {
      title: ctx.t('Mentions légales', 'Legal notice'),
      main: `<div class="entry-content"><h1>${ctx.t('Mentions légales', 'Legal notice')}</h1>${legalText(ctx)}</div>`,
    };
  },

  document(ctx, title, main) {
    const op = ctx.site.operator!;
    return `<!DOCTYPE html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title} | ${esc(op.brand)}</title>
<link rel="stylesheet" id="awpcp-frontend-style-css" href="/wp-content/plugins/another-wordpress-classifieds-plugin/resources/css/awpcpstyle.css?ver=4.3.2" type="text/css" media="all">
<link rel="stylesheet" id="generatepress-style-css" href="/wp-content/themes/generatepress/assets/css/main.min.css?ver=3.4.0" type="text/css" media="all">
<script src="/wp-content/plugins/another-wordpress-classifieds-plugin/resources/js/awpcp.min.js?ver=4.3.2"></script>
${ctx.tags()}
</head>
<body class="page-template-default page awpcp-page">
<header class="site-header" id="masthead"><div class="inside-header grid-container"><div class="site-branding"><p class="main-title"><a href="/" rel="home">${esc(op.brand)}</a></p></div>
<nav class="main-navigation" id="site-navigation"><ul id="menu-principal" class="menu sf-menu"><li class="menu-item"><a href="${awpcp.listingPath(1)}">${ctx.t('Annonces', 'Ads')}</a></li><li class="menu-item"><a href="${awpcp.contactPath}">Contact</a></li></ul></nav></div></header>
<div class="site grid-container container hfeed" id="page"><div class="site-content" id="content"><div class="content-area" id="primary"><main class="site-main" id="main">
${main}
</main></div></div></div>
<div class="site-footer"><footer class="site-info"><div class="inside-site-info grid-container"><div class="copyright-bar">© 2026 ${esc(op.brand)} – <a href="${awpcp.legalPath}">${ctx.t('Mentions légales', 'Legal notice')}</a><br>${ctx.footerContact()}</div></div></footer></div>
</body></html>`;
  },
};
