/**
 * A board on the AdForest WordPress theme (ScriptsBundle; files seen in smart-dev419/wp-theme-adforest:
 * template-parts/layouts/ad_style/style-3.php and desc-box.php, and the search grid "category-grid-box-1" as copied in
 * several public Laravel/PHP ports). Bootstrap 3 markup; structure and class names rebuilt by hand.
 */
import type { Ad } from './model.ts';
import { type Ctx, esc, legalText, type Template } from './page.ts';
import { excerpt } from './text.ts';

function card(ctx: Ctx, ad: Ad): string {
  const photo = ad.photos[0];
  const words = ctx.site.excerptWords;
  return `<div class="col-md-4 col-lg-4 col-sm-6 col-xs-12">
<div class="white category-grid-box-1">
<div class="image"><a href="${ctx.adPath(ad)}">${photo ? ctx.img(photo, true, 'class="img-responsive"') : ''}</a><div class="price-tag"><div class="price"><span>${ctx.price(ad)}</span></div></div></div>
<div class="short-description-1 clearfix">
<div class="category-title"><span><a href="/ad_cats/${ctx.categorySlug(ad)}/">${ctx.category(ad)}</a></span></div>
<h3><a title="${ctx.title(ad)}" href="${ctx.adPath(ad)}">${ctx.title(ad)}</a></h3>
<p class="location"><i class="fa fa-map-marker"></i> ${esc(ad.town)}</p>
${words > 0 ? `<p class="ad-excerpt">${esc(excerpt(ad.body, ctx.lang, words))}</p>` : ''}
</div>
<div class="ad-info-1"><p><i class="flaticon-calendar"></i> &nbsp;<span>${ctx.date(ad)}</span></p></div>
</div>
</div>`;
}

function pagination(page: number, pages: number): string {
  const li: string[] = [];
  for (let p = 1; p <= pages; p++)
    li.push(
      p === page
        ? `<li class="active"><a href="javascript:void(0);">${p}</a></li>`
        : `<li><a href="${adforest.listingPath(p)}">${p}</a></li>`,
    );
  return `<div class="text-center margin-top-30"><ul class="pagination pagination-lg">${li.join('')}</ul></div>`;
}

export const adforest: Template = {
  script: 'adforest',
  listingPath: (page) => (page === 1 ? '/ad-search/' : `/ad-search/page/${page}/`),
  adPath: (ad, n) => `/ad/${ad.trade}-${n}/`,
  contactPath: '/contact-us/',
  legalPath: '/mentions-legales/',

  listing(ctx, ads, page, pages) {
    const main = `<div class="main-content-area clearfix"><section class="section-padding gray"><div class="container"><div class="row">
<div class="col-md-12 col-lg-12 col-xs-12 col-sm-12"><div class="row">
<div class="col-md-12 col-xs-12 col-sm-12"><div class="filter-brudcrums"><span>${ctx.t('Annonces', 'Ads')} ${page}/${pages}</span></div></div>
<div class="clearfix"></div>
<div class="grid-style-2"><div class="posts-masonry">
${ads.map((a) => card(ctx, a)).join('\n')}
</div></div>
${pagination(page, pages)}
</div></div></div></div></section></div>`;
    return { title: ctx.t('Recherche d’annonces', 'Ad search'), main };
  },

  ad(ctx, ad) {
    const main = `<div class="main-content-area clearfix"><section class="section-padding modern-version"><div class="modern-version-block"><div class="container"><div class="row">
<div class="col-md-8 col-xs-12 col-sm-12"><div class="descs-box">
<a class="modern-version-block-cat" href="/ad_cats/${ctx.categorySlug(ad)}/">${ctx.category(ad)}</a>
<h1>${ctx.title(ad)}</h1>
<div class="modern-version-block-info"><div class="pull-left post-author"><ul>
<li>${ctx.t('Par', 'By')} <span><a href="/author/${ad.advertiser.slice(-4)}/?type=ads">${ctx.who(ad)}</a></span></li>
<li>${ctx.t('Publiée', 'Posted')} <span>${ctx.date(ad)}</span></li>
<li><span class="spliator">-</span> <i class="fa fa-map-marker"></i> ${esc(ad.town)}</li>
</ul></div></div>
</div></div>
<div class="col-md-4 col-xs-12 col-sm-12"><div class="modern-version-block-btnz">
<div class="full-width new-price-tag"><h3>${ctx.price(ad)}</h3></div>
<div class="ui-group-buttons">
<a href="javascript:void(0);" class="btn btn-success" role="button"><span class="fa fa-send"></span> ${ctx.t('Envoyer un message', 'Send Message')}</a>
<a href="javascript:void(0);" class="btn btn-phone number" data-last="${ad.phone.slice(-2)}"><i class="fa fa-phone"></i> <span class="sb-phonenumber">${ctx.phone(ad.phone, ad.key)}</span></a>
</div>
${ad.email ? `<div class="seller-email"><i class="fa fa-envelope"></i> ${ctx.email(ad.email, ad.key)}</div>` : ''}
</div></div>
</div>
<div class="row"><div class="col-md-8 col-xs-12 col-sm-12">
<div class="flexslider single-page-slider"><ul class="slides">${ad.photos.map((p) => `<li>${ctx.img(p, false, 'class="img-responsive"')}</li>`).join('')}</ul></div>
<div class="clearfix"></div>
<div class="descs-box" id="description">
<div class="short-features"><div class="heading-panel"><h3 class="main-title text-left">${ctx.t('Description', 'Description')}</h3></div></div>
<div class="desc-points">
${ctx
  .paragraphs(ad)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</div>
<hr>
</div>
</div></div>
</div></div></section></div>`;
    return { title: ctx.title(ad), main };
  },

  contact(ctx) {
    const op = ctx.site.operator!;
    return {
      title: ctx.t('Contactez-nous', 'Contact us'),
      main: `<div class="main-content-area clearfix"><section class="section-padding gray"><div class="container"><div class="row">
<div class="col-md-8 col-xs-12 col-sm-12"><div class="heading-panel"><h3 class="main-title text-left">${ctx.t('Contactez-nous', 'Contact us')}</h3></div>
<form class="contact-form"><div class="form-group"><input type="text" class="form-control" name="name"></div><div class="form-group"><textarea class="form-control" name="message"></textarea></div><button class="btn btn-theme">${ctx.t('Envoyer', 'Send')}</button></form></div>
<div class="col-md-4 col-xs-12 col-sm-12"><div class="contactInfo"><div class="singleContadds"><i class="fa fa-map-marker"></i><p>${esc(op.address)}</p></div>
<div class="singleContadds phone"><i class="fa fa-phone"></i><p>${ctx.phone(op.phone, 'operator')}</p></div>
<div class="singleContadds"><i class="fa fa-envelope"></i><p>${ctx.email(op.email, 'operator')}</p></div></div></div>
</div></div></section></div>`,
    };
  },

  legal(ctx) {
    return {
      title: ctx.t('Mentions légales', 'Legal notice'),
      main: `<div class="main-content-area clearfix"><section class="section-padding"><div class="container">${legalText(ctx)}</div></section></div>`,
    };
  },

  document(ctx, title, main) {
    const op = ctx.site.operator!;
    return `<!DOCTYPE html>
<html lang="${ctx.lang}"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${esc(op.brand)}</title>
<link rel="stylesheet" href="/wp-content/themes/adforest/css/bootstrap.css" type="text/css" media="all">
<link rel="stylesheet" href="/wp-content/themes/adforest/css/adforest-main-theme.css" type="text/css" media="all">
<link rel="stylesheet" href="/wp-content/themes/adforest/css/flaticon.css" type="text/css" media="all">
<script src="/wp-content/themes/adforest/js/custom.js"></script>
${ctx.tags()}
</head>
<body class="home page-template">
<div class="colored-header"><div class="header-top"><div class="container"><div class="row"><div class="header-top-left col-md-6 col-sm-6 col-xs-12"><ul class="listnone"><li><a href="/ad_post/"><i class="fa fa-plus"></i> ${ctx.t('Publier une annonce', 'Post an Ad')}</a></li></ul></div></div></div></div>
<div class="sb-header"><div class="container"><div class="sb-header-container"><div class="logo" data-mobile-logo="" data-sticky-logo=""><a href="/">${esc(op.brand)}</a></div>
<div class="navbar-brand-collapse"><ul class="menu-links"><li><a href="${adforest.listingPath(1)}">${ctx.t('Annonces', 'Ads')}</a></li><li><a href="${adforest.contactPath}">Contact</a></li></ul></div></div></div></div></div>
${main}
<footer class="footer-area"><div class="footer-content"><div class="container"><div class="row"><div class="col-md-4 col-sm-6 col-xs-12"><div class="widget"><div class="logo"><a href="/">${esc(op.brand)}</a></div><p>${ctx.footerContact()}</p></div></div>
<div class="col-md-4 col-sm-6 col-xs-12"><div class="widget my-quicklinks"><ul><li><a href="${adforest.legalPath}">${ctx.t('Mentions légales', 'Legal notice')}</a></li><li><a href="${adforest.contactPath}">Contact</a></li></ul></div></div></div></div></div>
<div class="copyrights"><div class="container"><div class="copyright-content"><p>© 2026 ${esc(op.brand)}</p></div></div></div></footer>
</body></html>`;
  },
};
