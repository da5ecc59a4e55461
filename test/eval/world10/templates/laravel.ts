/**
 * A Laravel classifieds application, rebuilt from kousar2334/classified (resources/views/frontend/pages/ad/listing
 * .blade.php, details.blade.php, _seller_info.blade.php, components/single-listing.blade.php, frontend/includes/
 * header.blade.php and footer.blade.php; no licence file in the stored copy, so only structure and class names are
 * rebuilt): `singleFeatureCard` cards, the `catabody-wraper` sidebar of categories, Laravel `page-item` pagination,
 * the details page's `product-name-price`, `proDescription` and `sid-*` seller and contact cards, masked numbers
 * ("0639 XXXXXXX") when the advertiser hides theirs, and the `footerWrapper` with the operator's address and phone.
 */
import type { Ad, Board } from '../board.ts';
import { TRADES, type TradeKey } from '../lexicon-trades.ts';
import { telHref } from '../phones.ts';
import { nameToken } from '../rng.ts';
import {
  adParagraphs,
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
  slashDate,
  trackerTags,
} from './common.ts';

const ASSETS = '/public/web-assets/frontend';

const uid = (ad: Ad) => nameToken(`${ad.id}|${ad.slug}`, 10);
export function laravelAdUrl(board: Board, ad: Ad): string {
  return `https://${board.domain}/ad/${uid(ad)}`;
}
const catPath = (t: TradeKey) => `/ads/${TRADES[t].slug}`;
const paged = (base: string, page: number) => (page ? `${base}?page=${page + 1}` : base);

function image(board: Board, ad: Ad, i: number): PhotoUse {
  return photoUse(
    board,
    ad.photos[i],
    'photo',
    (f, ext) => `/public/uploads/ads/${board.settings.uploadFolder}/${f}.${ext}`,
  );
}

function shell(board: Board, title: string, content: string): string {
  const o = board.operator;
  const contacts = [
    `<li><i class="las la-map-marker"></i> ${esc(`${o.address.street}, ${o.address.postcode} ${o.address.town}`)}</li>`,
  ];
  if (board.settings.footerPhone)
    contacts.push(`<li><i class="las la-phone-square"></i> ${esc(operatorPhone(board))}</li>`);
  return `<!DOCTYPE html>
<html lang="fr">
<head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <title>${esc(title)} - ${esc(board.brand)}</title>
    <link rel="stylesheet" href="${ASSETS}/css/bootstrap.min.css">
    <link rel="stylesheet" href="${ASSETS}/css/line-awesome.min.css">
    <link rel="stylesheet" href="${ASSETS}/css/main.css">
    <style>:root{--main-color-one:${board.settings.palette};}</style>
${trackerTags(board.trackers)}
</head>
<body>
 <header class="header-style-01">
     <nav class="navbar navbar-area headerBg4 navbar-expand-lg plr">
         <div class="container-fluid container-1920 container-two nav-container">
             <div class="responsive-mobile-menu">
                 <div class="logo-wrapper"><a href="/" class="logo"><h3> ${esc(board.brand)}</h3></a></div>
             </div>
             <div class="NavWrapper">
                 <div class="collapse navbar-collapse" id="bizcoxx_main_menu">
                     <ul class="navbar-nav">
                         <li><a href="/" class="menuArrow">Accueil</a></li>
                         <li><a href="/ads">Annonces</a></li>
                         <li><a href="/contact">Contact</a></li>
                     </ul>
                 </div>
             </div>
             <div class="nav-right-content">
                 <ul class="header-cart">
                     <li class="single userAccount"><div class="btn-wrapper"><a href="/login" class="cmn-btn sign-in">Connexion</a></div></li>
                     <li class="single"><div class="btn-wrapper"><a href="/post-ad" class="cmn-btn1 popup-modal"><i class="las la-plus-circle"></i><span class="text">Déposer une annonce</span></a></div></li>
                 </ul>
             </div>
         </div>
     </nav>
 </header>
${content}
<footer>
    <div class="footerWrapper footerStyleOne">
        <div class="footer-area footer-padding">
            <div class="container">
                <div class="row gy-4">
                    <div class="col-lg-4 col-md-6">
                        <div class="footer-brand">
                            <h3 class="footer-site-name mb-3">${esc(board.brand)}</h3>
                            <ul class="footer-contact-list">
${contacts.join('\n')}
                            </ul>
                        </div>
                    </div>
                    <div class="col-lg-2 col-md-3 col-6">
                        <h6 class="footerTittle">Catégories</h6>
                        <ul class="footer-links">
${board.categories.map((t) => `<li><a href="${catPath(t)}">${esc(TRADES[t].label)}</a></li>`).join('\n')}
                        </ul>
                    </div>
                    <div class="col-lg-2 col-md-3 col-6">
                        <ul class="footer-links"><li><a href="/contact">Contact</a></li><li><a href="/page/mentions-legales">Mentions légales</a></li></ul>
                    </div>
                </div>
            </div>
        </div>
        <div class="footer-bottom-area">
            <div class="container"><div class="footer-border"><div class="footer-copy-right text-center">
                <p class="pera">Tous droits réservés &copy; ${esc(board.brand)} – ${esc(o.company)}</p>
            </div></div></div>
        </div>
    </div>
</footer>
<script src="${ASSETS}/js/jquery.min.js"></script>
<script src="${ASSETS}/js/main.js"></script>
</body>
</html>`;
}

function card(board: Board, ad: Ad, photos: PhotoUse[]): string {
  const url = `/ad/${uid(ad)}`;
  let img = `<img src="/public/web-assets/images/no-image.png" alt="${esc(ad.title)}" />`;
  if (ad.photos.length) {
    const p = image(board, ad, 0);
    photos.push(p);
    img = `<img src="${p.url}" alt="${esc(ad.title)}" />`;
  }
  return `<div class="singleFeatureCard">
    <div class="featureImg">
        <div class="favourite-icon"><a href="javascript:void(0)" class="click_to_favorite_add_remove" data-listing_id="${ad.id}"><i class="lar la-heart icon favorite_add_icon"></i></a></div>
        <a href="${url}" class="main-card-image">${img}</a>
    </div>
    <div class="featurebody">
        <div class="card-body-top"><h4><a href="${url}" class="featureTittle head4 twoLine">${esc(ad.title)}</a></h4></div>
        <p class="featureCap d-flex align-items-center gap-1"><span class="oneLine">${esc(ad.town)}, ${esc(board.region.name)}</span></p>
        <span class="featurePricing d-flex justify-content-between align-items-center">
            <span class="money">${esc(ad.price)}</span>
            <span class="date">${slashDate(ad.date)}</span>
        </span>
    </div>
</div>`;
}

function pagination(base: string, page: number, total: number): string {
  if (total <= 1) return '';
  const items: string[] = [];
  items.push(
    page > 0
      ? `<li class="page-item"><a class="page-link" href="${paged(base, page - 1)}" rel="prev">&lsaquo;</a></li>`
      : `<li class="page-item disabled" aria-disabled="true"><span class="page-link">&lsaquo;</span></li>`,
  );
  for (let p = 0; p < total; p++)
    items.push(
      p === page
        ? `<li class="page-item active" aria-current="page"><span class="page-link">${p + 1}</span></li>`
        : `<li class="page-item"><a class="page-link" href="${paged(base, p)}">${p + 1}</a></li>`,
    );
  if (page < total - 1)
    items.push(
      `<li class="page-item"><a class="page-link" href="${paged(base, page + 1)}" rel="next">&rsaquo;</a></li>`,
    );
  return `<div class="row justify-content-center"><div class="col-lg-12"><div class="pagination mt-60"><div class="blog-pagination"><div class="custom-pagination mt-4 mt-lg-5"><nav><ul class="pagination">${items.join('')}</ul></nav></div></div></div></div></div>`;
}

function listingPages(board: Board, ads: Ad[], base: string, title: string): Page[] {
  const chunks = pages(newestFirst(ads), board.settings.perPage);
  return chunks.map((chunk, page) => {
    const photos: PhotoUse[] = [];
    const cards = chunk.map((ad) => card(board, ad, photos)).join('\n');
    const cats = board.categories
      .map(
        (t) =>
          `<li class="category-item"><a href="${catPath(t)}" class="category-link"><i class="las la-angle-right"></i> ${esc(TRADES[t].label)}</a></li>`,
      )
      .join('\n');
    const content = `    <div class="container">
        <nav aria-label="breadcrumb" class="frontend-breadcrumb-wrap mt-3 mb-5">
            <ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Accueil</a></li><li class="breadcrumb-item"><a href="/ads">Annonces</a></li><li class="breadcrumb-item active" aria-current="page">${esc(title)}</li></ol>
        </nav>
    </div>
    <div class="all-listing">
        <div class="container">
            <div class="catabody-wraper">
                <div class="cateLeftContent">
                    <div class="catagoriesWraper mb-4"><div class="catagories w-100">
                        <h5 class="cateTitle mb-2 postdateTitle">Catégories</h5>
                        <ul class="category-list" id="category-list">
${cats}
                        </ul>
                    </div></div>
                </div>
                <div class="cateRightContent">
                    <div class="viewItems-wraper"><h4>${esc(title)}</h4><p>${ads.length} annonce(s)</p></div>
                    <div class="gridView customTab-content customTab-content-1 active">
                        <div class="gridViews">
                            <div class="singleFeatureCardWraper d-flex" id="ads-container">
${cards || '<div class="empty-result"><h4>Aucune annonce</h4></div>'}
                            </div>
                        </div>
                    </div>
                    ${pagination(base, page, chunks.length)}
                </div>
            </div>
        </div>
    </div>`;
    return { url: `https://${board.domain}${paged(base, page)}`, html: shell(board, title, content), photos };
  });
}

function home(board: Board, ads: Ad[]): Page {
  const photos: PhotoUse[] = [];
  const recent = newestFirst(ads)
    .slice(0, board.settings.perPage)
    .map((ad) => card(board, ad, photos))
    .join('\n');
  const content = `    <div class="banner-area"><div class="container"><h1 class="banner-title">${esc(board.brand)}</h1><p class="banner-para">${esc(board.settings.welcome)}</p></div></div>
    <section class="recent-listings section-padding2"><div class="container">
        <div class="section-tittle"><h3 class="tittle">Annonces récentes</h3><a href="/ads" class="see-all">Voir toutes les annonces</a></div>
        <div class="singleFeatureCardWraper d-flex">
${recent}
        </div>
    </div></section>`;
  return { url: `https://${board.domain}/`, html: shell(board, 'Accueil', content), photos };
}

function contactCard(ad: Ad): string {
  if (!ad.phoneField) return '';
  const row = ad.masked
    ? `<a href="#" class="sid-action-row sid-phone-trigger" data-prefix=""><div class="sid-icon-wrap sid-icon-phone"></div><div class="sid-action-text"><span class="sid-phone-display">${esc(ad.phoneField)}</span><small class="sid-phone-hint">Cliquez pour voir le numéro</small></div></a>`
    : `<a href="${telHref(ad.phoneDigits ?? '', ad.phoneField.startsWith('+'))}" class="sid-action-row"><div class="sid-icon-wrap sid-icon-phone"></div><div class="sid-action-text"><span>${esc(ad.phoneField)}</span><small>Cliquez pour appeler</small></div></a>`;
  return `<div class="list-info-card p-0">
        ${row}
        <div class="sid-divider"></div>
        <a href="/login" class="sid-action-row"><div class="sid-icon-wrap sid-icon-chat"></div><div class="sid-action-text"><span>Messagerie</span><small>Connectez-vous pour écrire</small></div></a>
    </div>`;
}

function details(board: Board, ad: Ad, ads: Ad[]): Page {
  const photos: PhotoUse[] = [];
  let gallery = `<div class="product-view-wrap text-center p-4"><img class="no-image" src="/public/web-assets/images/no-image.png" alt="Pas d’image" /></div>`;
  if (ad.photos.length) {
    const uses = ad.photos.map((_, i) => image(board, ad, i));
    photos.push(...uses);
    const nav =
      uses.length > 1
        ? `<div class="thumb-wrap"><div class="shop-details-gallery-nav global-slick-init slider-inner-margin sliderArrow">${uses.map((u, i) => `<div class="single-thumb"><a class="thumb-link" data-toggle="tab" href="#image-${i}"><img src="${u.url}" alt="${esc(ad.title)}" /></a></div>`).join('')}</div></div>`
        : '';
    gallery = `<div class="product-view-wrap" id="myTabContent">
        <div class="shop-details-gallery-slider global-slick-init slider-inner-margin sliderArrow">
${uses.map((u) => `            <div class="single-main-image"><a href="#" class="long-img image-link"><img src="${u.url}" alt="${esc(ad.title)}" /></a></div>`).join('\n')}
        </div>
        ${nav}
    </div>`;
  }
  const related = newestFirst(ads.filter((a) => a.trade === ad.trade && a !== ad)).slice(0, 3);
  const relatedHtml = related
    .map((r) => {
      let img = '';
      if (r.photos.length) {
        const p = image(board, r, 0);
        photos.push(p);
        img = `<img src="${p.url}" alt="${esc(r.title)}" />`;
      }
      return `<div class="single-add-card"><div class="single-add-image"><a href="/ad/${uid(r)}">${img}</a></div><div class="single-add-body"><h4 class="add-heading head4"><a href="/ad/${uid(r)}">${esc(r.title)}</a></h4><div class="pricing head4">${esc(r.price)}</div><p class="featureCap d-flex align-items-center gap-1"><span class="oneLine">${esc(r.town)}</span></p></div></div>`;
    })
    .join('\n<div class="devider"></div>\n');
  const content = `    <div class="proDetails section-padding2">
        <div class="container">
            <div class="bradecrumb-wraper-div"><div class="row mb-24"><div class="col-sm-12"><nav aria-label="breadcrumb" class="frontend-breadcrumb-wrap"><ol class="breadcrumb"><li class="breadcrumb-item"><a href="/">Accueil</a></li><li class="breadcrumb-item"><a href="${catPath(ad.trade)}">${esc(TRADES[ad.trade].label)}</a></li><li class="breadcrumb-item active">${esc(ad.title)}</li></ol></nav></div></div></div>
            <div class="row justify-content-center">
                <div class="col-xl-8 col-lg-8 col-md-8">
                    <div class="short-description"><div class="left-part mb-4">
                        <div class="product-name-price"><div class="product-name">${esc(ad.title)}</div><div class="right-part text-right"><div class="price text-end"><span>${esc(ad.price)}</span></div></div></div>
                        <div class="date-location"><span>Publiée le <span class="posted">${frenchDate(ad.date)}</span></span><span class="vartical-devider"></span><span>Catégorie <span class="posted">${esc(TRADES[ad.trade].label)}</span></span><span class="vartical-devider"></span><span>Lieu <span class="posted">${esc(ad.town)}, ${esc(board.region.name)}</span></span></div>
                    </div></div>
${gallery}
                    <div class="proDescription box-shadow1">
                        <div class="descriptionMid"><h4 class="disTittle">Description</h4><div class="product__details__para" id="description">${adParagraphs(
                          ad,
                        )
                          .map((p) => `<p>${esc(p)}</p>`)
                          .join('')}</div></div>
                    </div>
                    ${relatedHtml ? `<div class="relevant-ads box-shadow1"><h4 class="disTittle">Annonces similaires</h4><div class="add-wraper relevant-listing-wrapper">${relatedHtml}</div></div>` : ''}
                </div>
                <div class="col-xl-4 col-lg-4 col-md-4">
                    <div class="seller-part">
                        <div class="list-info-card"><div class="sid-seller-top"><div class="sid-avatar-wrap"><span class="sid-member-label">Membre</span></div><div class="sid-seller-info"><div class="sid-seller-name">${esc(ad.advertiser.name)}</div><div class="sid-seller-meta"><span>${esc(ad.town)}</span></div></div></div></div>
                        ${contactCard(ad)}
                        ${ad.email ? `<div class="list-info-card"><a href="mailto:${esc(ad.email)}">${esc(ad.email)}</a></div>` : ''}
                    </div>
                </div>
            </div>
        </div>
    </div>`;
  return { url: laravelAdUrl(board, ad), html: shell(board, ad.title, content), photos };
}

function textPage(board: Board, path: string, title: string, paragraphs: string[]): Page {
  const content = `    <div class="container section-padding2"><div class="page-single"><h2 class="page-title">${esc(title)}</h2>
${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}
    </div></div>`;
  return { url: `https://${board.domain}${path}`, html: shell(board, title, content), photos: [] };
}

export function renderLaravel(board: Board): Page[] {
  const ads = board.ads;
  const out: Page[] = [home(board, ads), ...listingPages(board, ads, '/ads', 'Toutes les annonces')];
  for (const t of board.categories)
    out.push(
      ...listingPages(
        board,
        ads.filter((a) => a.trade === t),
        catPath(t),
        TRADES[t].label,
      ),
    );
  for (const ad of newestFirst(ads)) out.push(details(board, ad, ads));
  out.push(textPage(board, '/contact', 'Contactez-nous', contactParagraphs(board)));
  out.push(textPage(board, '/page/mentions-legales', 'Mentions légales', legalParagraphs(board)));
  return out.map((p) => ({ ...p, html: rewriteTheme(p.html, board.settings.classSalt, board.settings.minify) }));
}
