/**
 * Advanced Classifieds & Directory Pro (PluginsWare's WordPress plugin) in the Twenty Sixteen theme. Structure and
 * class names rebuilt from Loukie/Advanced-Classifieds-and-Directory-Pro (public/partials/listings/
 * acadp-public-listings-list-display.php and -grid-display.php, public/partials/listing/acadp-public-listing-display
 * .php, includes/functions-acadp-html.php; GPL-2.0+) and WordPress/WordPress wp-content/themes/twentysixteen/
 * header.php and footer.php (GPL-2.0+): `acadp-entry` rows or `thumbnail` cards, `acadp-listings-desc` excerpts,
 * `acadp-price-block`, the listing's slider and `acadp-address` block, `page/N/` pagination, the theme's masthead,
 * sidebar and colophon. No text of theirs is reused.
 */
import type { Ad, Board } from '../board.ts';
import { slugify } from '../lexicon.ts';
import { TRADES, type TradeKey } from '../lexicon-trades.ts';
import { excerpt } from '../prose.ts';
import {
  adParagraphs,
  adText,
  contactParagraphs,
  esc,
  frenchDate,
  legalParagraphs,
  newestFirst,
  operatorPhone,
  type Page,
  type PhotoUse,
  pages,
  photoUse,
  rewriteTheme,
  trackerTags,
} from './common.ts';

const PLUGIN = '/wp-content/plugins/advanced-classifieds-and-directory-pro';

export function acadpAdUrl(board: Board, ad: Ad): string {
  return `https://${board.domain}/listing/${ad.slug}/`;
}

const catPath = (t: TradeKey) => `/listings/category/${TRADES[t].slug}/`;
const paged = (base: string, page: number) => (page ? `${base}page/${page + 1}/` : base);

function upload(board: Board, ad: Ad, i: number, kind: 'photo' | 'thumb'): PhotoUse {
  const suffix = kind === 'thumb' ? '-300x225' : '';
  return photoUse(
    board,
    ad.photos[i],
    kind,
    (f, ext) => `/wp-content/uploads/${board.settings.uploadFolder}/${f}${suffix}.${ext}`,
  );
}

function shell(board: Board, title: string, bodyClass: string, content: string): string {
  const menu = [
    `<li class="menu-item"><a href="/">Annonces</a></li>`,
    ...board.categories.map((t) => `<li class="menu-item"><a href="${catPath(t)}">${esc(TRADES[t].label)}</a></li>`),
    `<li class="menu-item"><a href="/contact/">Contact</a></li>`,
  ].join('\n');
  const info = [board.operator.company, board.settings.footerPhone ? operatorPhone(board) : '']
    .filter(Boolean)
    .join(' · ');
  return `<!DOCTYPE html>
<html lang="fr-FR" class="no-js">
<head>
	<meta charset="UTF-8">
	<meta name="viewport" content="width=device-width, initial-scale=1">
	<title>${esc(title)} – ${esc(board.brand)}</title>
	<meta name="generator" content="WordPress 6.4.3">
	<link rel="stylesheet" id="twentysixteen-style-css" href="/wp-content/themes/twentysixteen/style.css?ver=20231107" media="all">
	<link rel="stylesheet" id="acadp-bootstrap-css" href="${PLUGIN}/public/css/acadp-bootstrap.css?ver=1.7.3" media="all">
	<link rel="stylesheet" id="acadp-public-css" href="${PLUGIN}/public/css/acadp-public.css?ver=1.7.3" media="all">
	<style id="twentysixteen-header-css">.site-title a{color:${board.settings.palette}}</style>
${trackerTags(board.trackers)}
</head>
<body class="${bodyClass}">
<div id="page" class="site">
	<div class="site-inner">
		<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
		<header id="masthead" class="site-header" role="banner">
			<div class="site-header-main">
				<div class="site-branding">
					<p class="site-title"><a href="/" rel="home">${esc(board.brand)}</a></p>
					<p class="site-description">Annonces de services en ${esc(board.region.name)}</p>
				</div><!-- .site-branding -->
				<button id="menu-toggle" class="menu-toggle">Menu</button>
				<div id="site-header-menu" class="site-header-menu">
					<nav id="site-navigation" class="main-navigation" role="navigation" aria-label="Menu principal">
						<div class="menu-principal-container"><ul id="menu-principal" class="primary-menu">
${menu}
						</ul></div>
					</nav><!-- .main-navigation -->
				</div><!-- .site-header-menu -->
			</div><!-- .site-header-main -->
		</header><!-- .site-header -->
		<div id="content" class="site-content">
${content}
			<aside id="secondary" class="sidebar widget-area" role="complementary">
				<section id="acadp_widget_categories-2" class="widget acadp-widget-categories">
					<h2 class="widget-title">Catégories</h2>
					<div class="acadp acadp-widget-categories"><ul>
${board.categories.map((t) => `<li><a href="${catPath(t)}">${esc(TRADES[t].label)}</a></li>`).join('\n')}
					</ul></div>
				</section>
			</aside><!-- .sidebar .widget-area -->
		</div><!-- .site-content -->
		<footer id="colophon" class="site-footer" role="contentinfo">
			<div class="site-info">
				<span class="site-title"><a href="/" rel="home">${esc(board.brand)}</a></span>
				<a class="privacy-policy-link" href="/mentions-legales/">Mentions légales</a>
				<span class="site-operator">${esc(info)}</span>
			</div><!-- .site-info -->
		</footer><!-- .site-footer -->
	</div><!-- .site-inner -->
</div><!-- .site -->
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script src="${PLUGIN}/public/js/acadp-public.js?ver=1.7.3" id="acadp-public-js"></script>
</body>
</html>`;
}

function article(id: number, title: string, inner: string): string {
  return `			<div id="primary" class="content-area">
				<main id="main" class="site-main" role="main">
					<article id="post-${id}" class="post-${id} page type-page status-publish hentry">
						<header class="entry-header"><h1 class="entry-title">${esc(title)}</h1></header>
						<div class="entry-content">
${inner}
						</div><!-- .entry-content -->
					</article>
				</main><!-- .site-main -->
			</div><!-- .content-area -->`;
}

function meta(ad: Ad): { posted: string; info: string } {
  const user = `<a href="/user-listings/${slugify(ad.advertiser.name)}/">${esc(ad.advertiser.name)}</a>`;
  const info = `<span class="glyphicon glyphicon-briefcase"></span>&nbsp;<a href="${catPath(ad.trade)}">${esc(TRADES[ad.trade].label)}</a> / <span class="glyphicon glyphicon-map-marker"></span>&nbsp;<a href="/listings/location/${slugify(ad.town)}/">${esc(ad.town)}</a>`;
  return { posted: `Publiée le ${frenchDate(ad.date)} par ${user}`, info };
}

function entry(board: Board, ad: Ad, photos: PhotoUse[]): string {
  const url = `/listing/${ad.slug}/`;
  let img = `<img src="${PLUGIN}/public/images/no-image.png" />`;
  if (ad.photos.length) {
    const t = upload(board, ad, 0, 'thumb');
    photos.push(t);
    img = `<img src="${t.url}" />`;
  }
  const m = meta(ad);
  const desc = `<p class="acadp-listings-desc">${esc(excerpt(adText(ad), board.settings.excerptWords).replace(/…$/, '...'))}</p>`;
  if (board.settings.view === 'grid')
    return `<div class="col-md-4"><div class="thumbnail acadp-entry">
	<a href="${url}" class="acadp-responsive-container">${img}</a>
	<div class="caption">
		<div class="acadp-listings-title-block"><h3 class="acadp-no-margin"><a href="${url}">${esc(ad.title)}</a></h3></div>
		<p class="acadp-no-margin"><small class="text-muted">${m.posted}</small></p>
		${desc}
		<p class="acadp-no-margin"><small>${m.info}</small></p>
		<p class="lead acadp-listings-price">${esc(ad.price)}</p>
	</div>
</div></div>`;
  return `<div class="row acadp-entry">
	<div class="col-md-2"><a href="${url}">${img}</a></div>
	<div class="col-md-7">
		<div class="acadp-listings-title-block"><h3 class="acadp-no-margin"><a href="${url}">${esc(ad.title)}</a></h3></div>
		<p class="acadp-no-margin"><small class="text-muted">${m.posted}</small></p>
		${desc}
		<p class="acadp-no-margin"><small>${m.info}</small></p>
	</div>
	<div class="col-md-3 text-right acadp-price-block"><p class="lead acadp-no-margin">${esc(ad.price)}</p></div>
</div>
<div class="acadp-divider"></div>`;
}

function pagination(base: string, page: number, total: number): string {
  if (total <= 1) return '';
  const items: string[] = [];
  if (page > 0) items.push(`<li><a class="prev page-numbers" href="${paged(base, page - 1)}">&laquo;</a></li>`);
  for (let p = 0; p < total; p++)
    items.push(
      p === page
        ? `<li class="active"><span aria-current="page" class="page-numbers current">${p + 1}</span></li>`
        : `<li><a class="page-numbers" href="${paged(base, p)}">${p + 1}</a></li>`,
    );
  if (page < total - 1) items.push(`<li><a class="next page-numbers" href="${paged(base, page + 1)}">&raquo;</a></li>`);
  return `<div class='row text-center acadp-no-margin'><div class='pull-left text-muted'>Page ${page + 1} sur ${total}</div><ul class='pagination acadp-no-margin'>${items.join('')}</ul></div>`;
}

function listingPages(board: Board, ads: Ad[], base: string, title: string, intro: string): Page[] {
  const chunks = pages(newestFirst(ads), board.settings.perPage);
  return chunks.map((chunk, page) => {
    const photos: PhotoUse[] = [];
    let loop = chunk.map((ad) => entry(board, ad, photos));
    if (board.settings.view === 'grid') {
      const rows: string[] = [];
      for (let i = 0; i < loop.length; i += 3) rows.push(`<div class="row">${loop.slice(i, i + 3).join('\n')}</div>`);
      loop = rows;
    }
    const inner = `${intro ? `<p>${esc(intro)}</p>` : ''}
<div class="acadp acadp-listings acadp-${board.settings.view}-view">
	<div class="row acadp-no-margin">
		<div class="pull-left text-muted">${ads.length} annonce(s) trouvée(s)</div>
		<div class="btn-toolbar pull-right" role="toolbar">
			<div class="btn-group" role="group"><button type="button" class="btn btn-default btn-sm dropdown-toggle" data-toggle="dropdown" aria-haspopup="true" aria-expanded="false">Trier par <span class="caret"></span></button>
			<ul class="dropdown-menu"><li class="acadp-no-margin active"><a href="?sort=date-desc">Plus récentes</a></li><li class="acadp-no-margin"><a href="?sort=price-asc">Prix croissant</a></li></ul></div>
		</div>
	</div>
	<div class="acadp-divider"></div>
	<!-- the loop -->
${loop.join('\n') || '<p>Aucune annonce trouvée.</p>'}
	<!-- end of the loop -->
	${pagination(base, page, chunks.length)}
</div>`;
    const bodyClass = base === '/' ? 'home page-template-default page' : 'page-template-default page acadp-category';
    return {
      url: `https://${board.domain}${paged(base, page)}`,
      html: shell(board, title, bodyClass, article(7, title, inner)),
      photos,
    };
  });
}

function listing(board: Board, ad: Ad): Page {
  const photos: PhotoUse[] = [];
  let images = '';
  if (ad.photos.length === 1) {
    const p = upload(board, ad, 0, 'photo');
    photos.push(p);
    images = `<p><img src="${p.url}" /></p>`;
  } else if (ad.photos.length > 1) {
    const uses = ad.photos.map((_, i) => upload(board, ad, i, 'photo'));
    photos.push(...uses);
    images = `<div id="acadp-slider-wrapper">
	<div class="acadp-slider-for">
${uses.map((u) => `		<div class="acadp-slider-item"><div class="acadp-responsive-container"><img src="${u.url}" class="acadp-responsive-item" /></div></div>`).join('\n')}
	</div>
	<div class="acadp-slider-nav">
${uses.map((u) => `		<div class="acadp-slider-item"><div class="acadp-slider-item-inner"><img src="${u.url}" /></div></div>`).join('\n')}
	</div>
</div>`;
  }
  const m = meta(ad);
  const phone = ad.phoneField
    ? `<span class="acadp-phone"><span class="glyphicon glyphicon glyphicon-earphone"></span>&nbsp;${esc(ad.phoneField)}</span>`
    : '';
  const email = ad.email
    ? `<span class="acadp-email"><span class="glyphicon glyphicon-envelope"></span>&nbsp;<a href="mailto:${esc(ad.email)}">${esc(ad.email)}</a></span>`
    : '';
  const inner = `<div class="acadp acadp-listing">
	<div class="row">
		<div class="col-md-8">
			<div class="pull-left acadp-post-title">
				<h1 class="acadp-no-margin">${esc(ad.title)}</h1>
				<p><small class="text-muted">${m.info.split(' / ')[0]} / ${m.posted}</small></p>
			</div>
			<div class="pull-right text-right acadp-price-block"><p class="lead acadp-no-margin">${esc(ad.price)}</p></div>
			<div class="clearfix"></div>
${images}
${adParagraphs(ad)
  .map((p) => `<p>${esc(p)}</p>`)
  .join('\n')}
			<ol class="breadcrumb">
				<li class="acadp-no-margin"><a href="/user-listings/${slugify(ad.advertiser.name)}/">Voir toutes les annonces de cet annonceur</a></li>
				<li class="acadp-no-margin"><a href="javascript:void(0)" class="acadp-require-login">Signaler un abus</a></li>
			</ol>
		</div>
		<div class="col-md-4">
			<fieldset>
				<legend>Coordonnées</legend>
				<p class="acadp-address"><span class="acadp-locality"><a href="/listings/location/${slugify(ad.town)}/">${esc(ad.town)}</a></span><span class="acadp-delimiter">,</span><span class="acadp-country-name">France</span>${phone}${email}</p>
			</fieldset>
			<fieldset>
				<legend>Contacter l’annonceur</legend>
				<form id="acadp-contact-form" class="form-vertical" role="form">
					<div class="form-group"><label for="acadp-contact-name">Votre nom<span class="acadp-star">*</span></label><input type="text" class="form-control" id="acadp-contact-name" required /></div>
					<div class="form-group"><label for="acadp-contact-message">Votre message<span class="acadp-star">*</span></label><textarea class="form-control" id="acadp-contact-message" rows="3" required></textarea></div>
					<button type="submit" class="btn btn-primary">Envoyer</button>
				</form>
			</fieldset>
		</div>
	</div>
	<input type="hidden" id="acadp-post-id" value="${ad.id}" />
</div>`;
  const main = `			<div id="primary" class="content-area">
				<main id="main" class="site-main" role="main">
					<article id="post-${ad.id}" class="post-${ad.id} acadp_listings type-acadp_listings status-publish hentry">
						<div class="entry-content">
${inner}
						</div>
					</article>
				</main>
			</div>`;
  const bodyClass = `acadp_listings-template-default single single-acadp_listings postid-${ad.id}`;
  return { url: acadpAdUrl(board, ad), html: shell(board, ad.title, bodyClass, main), photos };
}

function textPage(board: Board, path: string, title: string, paragraphs: string[], id: number): Page {
  const inner = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  return {
    url: `https://${board.domain}${path}`,
    html: shell(board, title, `page-template-default page page-id-${id}`, article(id, title, inner)),
    photos: [],
  };
}

export function renderAcadp(board: Board): Page[] {
  const ads = board.ads;
  const out: Page[] = listingPages(board, ads, '/', 'Annonces', board.settings.welcome);
  for (const t of board.categories)
    out.push(
      ...listingPages(
        board,
        ads.filter((a) => a.trade === t),
        catPath(t),
        TRADES[t].label,
        '',
      ),
    );
  for (const ad of newestFirst(ads)) out.push(listing(board, ad));
  out.push(textPage(board, '/contact/', 'Contact', contactParagraphs(board), 11));
  out.push(textPage(board, '/mentions-legales/', 'Mentions légales', legalParagraphs(board), 3));
  return out.map((p) => ({ ...p, html: rewriteTheme(p.html, board.settings.classSalt, board.settings.minify) }));
}
