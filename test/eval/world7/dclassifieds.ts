/**
 * "dclassifieds": DClassifieds, the free Laravel classifieds script (MIT, Bootstrap 3), rebuilt from the element
 * structure and class names of its Blade views (README: provenance): layout/index_layout (top_nav navbar,
 * search_panel, centar_banner_728, footer), ad/home (category_panel, home_promo_ads_panel, home_info_panel),
 * common/ad_list (thumbnail + caption cards, 740_ pictures), ad/detail (ad_detail_* blocks, fancybox 1000_ pictures,
 * callto: phone button), contact/contact (form-horizontal). Texts are French translations written for this world.
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
} from './board.ts';
import { dateText, esc, paragraphs, phoneLink, priceText, renameClasses, trackersBody, trackersHead } from './html.ts';
import { contactIntro, legalNotice, privacy, type StaticText, terms } from './legal.ts';
import type { Ad, Site } from './model.ts';
import { slugify } from './regions.ts';

const pic = (site: Site, size: 740 | 1000, id: string) => `/uf/adata/${size}_${fileOf(site, id)}.jpg`;
const adPath = (ad: Ad) => `/${adSlug(ad)}-ad${ad.localId}.html`;

function layout(site: Site, title: string, body: string): string {
  const fr = site.lang === 'fr';
  const cats = boardTrades(site)
    .map((t, i) => `<option value="${i + 1}">${esc(tradeLabel(t, site))}</option>`)
    .join('');
  const towns = site.region.towns.map(([t], i) => `<option value="${i + 1}">${esc(t)}</option>`).join('');
  const html = `<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<meta name="description" content="${esc(site.tagline)}">
<link rel="stylesheet" href="https://maxcdn.bootstrapcdn.com/bootstrap/3.3.5/css/bootstrap.min.css">
<link rel="stylesheet" href="/css/style.css">
<style>.top_nav .btn-danger{background:${site.theme.accent}}</style>
${trackersHead(site.trackers)}
</head>
<body>
${trackersBody(site.trackers)}
<div id="fb-root"></div>
<nav class="navbar navbar-default top_nav">
<div class="container">
<div class="navbar-header"><a class="navbar-brand" href="/">${esc(site.brand)}</a></div>
<div class="collapse navbar-collapse" id="bs-example-navbar-collapse-1">
<ul class="nav navbar-nav navbar-right">
<li><a href="/login">${fr ? 'Mon compte' : 'My Profile'}</a></li>
<li><p class="navbar-btn" style="margin:0px;"><a href="/publish" class="btn btn-danger navbar-btn">${fr ? 'Déposer une annonce' : 'Post an ad'}</a></p></li>
</ul>
</div>
</div>
</nav>
<div class="search_panel"><div class="container">
<form method="GET" action="/search" class="form" id="search_form"><div class="row row_equal_height">
<div class="col-md-3 padding_bottom_15"><input type="text" name="search_text" id="search_text" class="form-control" placeholder="${fr ? 'Que cherchez-vous ?' : '1 000 000 Ads'}"/></div>
<div class="col-md-3 padding_bottom_15"><select name="cid" id="cid" class="form-control cid_select"><option value="0"></option>${cats}</select></div>
<div class="col-md-3 padding_bottom_15"><select name="lid" id="lid" class="form-control lid_select"><option value="0"></option>${towns}</select></div>
<div class="col-md-3 padding_bottom_15"><button type="submit" class="btn btn-primary" style="width: 100%;"><span class="glyphicon glyphicon-search" aria-hidden="true"></span> ${fr ? 'Rechercher' : 'Search'}</button></div>
</div></form>
</div></div>
<div class="container centar_banner_728"><div class="row"><div class="col-md-12"><a href="/publish"><img src="/images/728x90.png" class="center-block img-responsive"></a></div></div></div>
${body}
<footer class="footer">
<div class="container">
<p class="text-muted">Copyright &copy; ${site.year} <a href="/">${esc(site.brand)}</a> | <a href="/info/mentions-legales">${fr ? 'Mentions légales' : 'Legal notice'}</a> | <a href="/info/conditions">${fr ? 'Conditions d’utilisation' : 'Terms'}</a> | <a href="/info/confidentialite">${fr ? 'Confidentialité' : 'Privacy Policy'}</a> | <a href="/contact">Contact</a></p>
</div>
</footer>
<script src="https://ajax.googleapis.com/ajax/libs/jquery/1.11.3/jquery.min.js"></script>
<script src="https://maxcdn.bootstrapcdn.com/bootstrap/3.3.5/js/bootstrap.min.js"></script>
</body>
</html>`;
  return renameClasses(html, site.theme);
}

function tile(site: Site, ad: Ad): string {
  const src = ad.photos.length ? pic(site, 740, ad.photos[0]) : '/images/no_image.png';
  const title = ad.title.length > 23 ? `${ad.title.slice(0, 20)}...` : ad.title;
  return `<!-- ad -->
<div class="col-md-3">
<div class="thumbnail">
<a href="${adPath(ad)}"><img src="${src}"></a>
<div class="caption">
<h4 class="ad_list_title"><a href="${adPath(ad)}">${esc(title)}</a></h4>
<p>${esc(ad.town)}</p>
<h3>${ad.price === null ? (site.lang === 'fr' ? 'Sur devis' : 'On quote') : priceText(ad, site)}</h3>
</div>
</div>
</div>
<!-- end of ad-->`;
}

function rows(site: Site, ads: Ad[]): string {
  return chunk(ads, 4)
    .map((r) => `<div class="row margin_bottom_15">\n${r.map((a) => tile(site, a)).join('\n')}\n</div>`)
    .join('\n');
}

const thumbs = (site: Site, ads: Ad[]) =>
  ads.filter((a) => a.photos.length).map((a) => photoRecord(site, a.photos[0], pic(site, 740, a.photos[0]), true));

function breadcrumb(items: string[]): string {
  return `<div class="container"><div class="row"><div class="col-md-12"><ol class="breadcrumb">${items.join('')}</ol></div></div></div>`;
}

function searchPages(site: Site, query: string, title: string, ads: Ad[]): PageOut[] {
  const pages = chunk(ads, site.perPage);
  const base = `/search${query ? `?${query}` : ''}`;
  const link = (j: number) => (j === 0 ? base : `${base}${query ? '&' : '?'}page=${j + 1}`);
  return pages.map((list, i) => {
    const pager = pages
      .map((_, j) =>
        j === i ? `<li class="active"><span>${j + 1}</span></li>` : `<li><a href="${link(j)}">${j + 1}</a></li>`,
      )
      .join('');
    const body = `${breadcrumb([`<li><a href="/">${site.lang === 'fr' ? 'Accueil' : 'Home'}</a></li>`, `<li class="active">${esc(title)}</li>`])}
<div class="container home_promo_ads_panel">
${rows(site, list)}
<div class="row"><div class="col-md-12"><ul class="pagination">${pager}</ul></div></div>
</div>`;
    return { path: link(i), html: layout(site, `${title} - ${site.brand}`, body), photos: thumbs(site, list) };
  });
}

function adPage(site: Site, ad: Ad, userId: number): PageOut {
  const fr = site.lang === 'fr';
  const trade = boardTrades(site).find((t) => t.id === ad.trade)!;
  const cid = boardTrades(site).indexOf(trade) + 1;
  const [first, ...more] = ad.photos;
  const main = first
    ? `<a href="${pic(site, 1000, first)}" class="fancybox" rel="group"><img src="${pic(site, 740, first)}" class="img-responsive thumbnail" /></a>`
    : '<img src="" class="img-responsive thumbnail">';
  const others = adsOf(site, ad.advertiser)
    .filter((o) => o !== ad)
    .slice(0, 5);
  const otherHtml = others.length
    ? `<div class="row"><div class="col-md-12"><h4>${fr ? 'Autres annonces de cet utilisateur' : 'Other Classifieds from this user'}</h4></div></div>
${others
  .map(
    (o) => `<div class="row margin_bottom_15">
<div class="col-md-2">${o.photos.length ? `<a href="${adPath(o)}"><img src="${pic(site, 740, o.photos[0])}" class="img-responsive"></a>` : ''}</div>
<div class="col-md-6"><a href="${adPath(o)}">${esc(o.body.join(' ').slice(0, 200))}</a></div>
<div class="col-md-4">${o.price === null ? '&nbsp;' : priceText(o, site)}</div>
</div>
<hr />`,
  )
  .join('\n')}`
    : '';
  const phones = ad.phones
    .map((p) =>
      phoneLink(
        site,
        ad,
        p,
        'btn btn-primary btn-block btn-lg',
        'callto',
        '<span class="fa fa-phone" aria-hidden="true"></span> ',
      ),
    )
    .join('\n');
  const body = `${breadcrumb([
    `<li><a href="/">${fr ? 'Accueil' : 'Home'}</a></li>`,
    `<li><a href="/l-${slugify(ad.town)}">${esc(ad.town)}</a></li>`,
    `<li><a href="/search?cid=${cid}">${esc(tradeLabel(trade, site))}</a></li>`,
    `<li class="active">${esc(ad.title)}</li>`,
  ])}
<div class="container ad_detail_container">
<div class="row"><div class="col-md-12"><h1>${esc(ad.title)}</h1></div></div>
<div class="row ad_detail_publish_info"><div class="col-md-12"><a href="/l-${slugify(ad.town)}">${esc(ad.town)}</a> | <span class="text-muted">${fr ? 'Ajoutée le' : 'Added on'} ${dateText(ad.date, site.lang, 'short')}.</span></div></div>
<div class="row ad_detail_ad_info"><div class="col-md-12"><span class="text-muted">${fr ? 'Annonce n°' : 'Ad Id:'} ${ad.localId} | ${fr ? 'Vues' : 'Views'}: ${ad.views}</span></div></div>
<div class="row">
<div class="col-md-8">
<div class="row"><div class="col-md-12">${main}</div></div>
${more.length ? `<div class="row">\n${more.map((id) => `<div class="col-md-3"><a href="${pic(site, 1000, id)}" class="fancybox" rel="group"><img src="${pic(site, 1000, id)}" class="img-responsive thumbnail" /></a></div>`).join('\n')}\n</div>` : ''}
<hr>
<div class="row ad_detail_detail_info">
<div class="col-md-6"><span class="text-muted">${fr ? 'Type d’annonce' : 'Ad Type'}:</span> <span class="text-primary"><strong>${fr ? (trade.kind === 'service' ? 'Professionnel' : 'Particulier') : trade.kind === 'service' ? 'Business' : 'Private'}</strong></span></div>
<div class="col-md-6"><span class="text-muted">${fr ? 'Catégorie' : 'Category'}:</span> <span class="text-primary"><strong>${esc(tradeLabel(trade, site))}</strong></span></div>
</div>
<hr>
<div class="row ad_detail_ad_text"><div class="col-md-12">
${paragraphs(ad.body)}
</div></div>
<hr>
${otherHtml}
</div>
<div class="col-md-4">
<div class="ad_detail_price text-center"><h2>${ad.price === null ? (fr ? 'Sur devis' : 'On quote') : priceText(ad, site)}</h2></div>
<hr>
<div class="ad_detail_panel"><h4>${fr ? 'Annonce de' : 'Ad from'} <a href="/ad/user/${userId}">${esc(ad.seller)}</a></h4></div>
<hr>
<div class="ad_detail_panel">
<a href="/ad/contact/${ad.localId}" class="btn btn-primary btn-block btn-lg"><span class="fa fa-envelope-o" aria-hidden="true"></span> ${fr ? 'Envoyer un message' : 'Send Message'}</a>
${phones}
</div>
<hr>
<div class="ad_detail_panel">
<a href="#" onclick="window.print(); return false;" class="btn btn-default btn-block btn-sm"><span class="fa fa-print"></span> ${fr ? 'Imprimer l’annonce' : 'Print this ad'}</a>
<button class="btn btn-danger btn-block btn-sm" data-toggle="modal" data-target="#report_modal"><span class="fa fa-exclamation-triangle"></span> ${fr ? 'Signaler l’annonce' : 'Report this ad'}</button>
</div>
</div>
</div>
</div>`;
  const photos = [
    ...(first ? [photoRecord(site, first, pic(site, 740, first), true)] : []),
    ...more.map((id) => photoRecord(site, id, pic(site, 1000, id), false)),
    ...others
      .filter((o) => o.photos.length)
      .map((o) => photoRecord(site, o.photos[0], pic(site, 740, o.photos[0]), true)),
  ];
  return { path: adPath(ad), html: layout(site, `${ad.title} - ${site.brand}`, body), photos };
}

function infoPage(site: Site, path: string, text: StaticText, extra = ''): PageOut {
  const body = `${breadcrumb([`<li><a href="/">${site.lang === 'fr' ? 'Accueil' : 'Home'}</a></li>`, `<li class="active">${esc(text.title)}</li>`])}
<div class="container"><div class="row"><div class="col-md-12">
<h2>${esc(text.title)}</h2>
${text.html}
${extra}
</div></div></div>`;
  return { path, html: layout(site, `${text.title} - ${site.brand}`, body), photos: [] };
}

export function renderDclassifieds(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const trades = boardTrades(site);
  const catRows = chunk(trades, 4)
    .map(
      (r) =>
        `<div class="row">${r.map((t) => `<div class="col-md-3 padding_top_bottom_15"><a href="/search?cid=${trades.indexOf(t) + 1}"><img src="/images/icons/${t.id}.png" /> ${esc(tradeLabel(t, site))}</a></div>`).join('')}</div>`,
    )
    .join('\n');
  const promo = site.ads.filter((a) => a.photos.length).slice(0, 8);
  const home = `<div class="container category_panel">
${catRows}
</div>
<div class="container home_promo_ads_panel">
<div class="row margin_bottom_15"><div class="col-md-12"><h2>${fr ? 'Annonces à la une' : 'Promo Classifieds'}</h2><a href="/search">${fr ? 'voir toutes les annonces' : 'view all ads'}</a></div></div>
${rows(site, promo)}
<div class="row margin_bottom_15"><div class="col-md-12"><h2>${fr ? 'Dernières annonces' : 'Latest Classifieds'}</h2></div></div>
${rows(site, site.ads.slice(0, 12))}
</div>
<div class="container home_info_panel"><div class="row"><div class="col-md-10">${esc(site.tagline)}</div></div></div>
<div class="container home_info_link_panel"><div class="row"><div class="col-md-12"><ol class="breadcrumb"><li class="active">${fr ? 'Catégories' : 'Main Categories'}</li>${trades.map((t, i) => `<li><a href="/search?cid=${i + 1}">${esc(tradeLabel(t, site))}</a></li>`).join('')}</ol></div></div></div>`;
  const pages: PageOut[] = [
    { path: '/', html: layout(site, site.brand, home), photos: thumbs(site, [...promo, ...site.ads.slice(0, 12)]) },
  ];
  pages.push(...searchPages(site, '', fr ? 'Toutes les annonces' : 'All ads', site.ads));
  trades.forEach((t, i) => {
    pages.push(
      ...searchPages(
        site,
        `cid=${i + 1}`,
        tradeLabel(t, site),
        site.ads.filter((a) => a.trade === t.id),
      ),
    );
  });
  const users = new Map<string, number>();
  for (const ad of site.ads) if (!users.has(ad.advertiser)) users.set(ad.advertiser, 1 + users.size);
  for (const ad of site.ads) pages.push(adPage(site, ad, users.get(ad.advertiser)!));
  for (const [town] of site.region.towns.slice(0, 4)) {
    const ads = site.ads.filter((a) => a.town === town);
    if (ads.length) {
      const [first] = searchPages(site, '', town, ads);
      pages.push({ ...first, path: `/l-${slugify(town)}` });
    }
  }
  for (const [key, id] of users) {
    const ads = adsOf(site, key);
    if (ads.length < 2) continue;
    const [first] = searchPages(site, '', fr ? 'Annonces de l’utilisateur' : 'User ads', ads);
    pages.push({ ...first, path: `/ad/user/${id}` });
  }
  const phone = operatorPhone(site);
  const form = `<form class="form-horizontal" method="POST">
<div class="form-group required"><label for="contact_name" class="control-label col-md-2">${fr ? 'Votre nom' : 'Your name'}</label><div class="col-md-5"><input type="text" class="form-control" id="contact_name" name="contact_name" maxlength="255"/></div></div>
<div class="form-group required"><label for="contact_mail" class="control-label col-md-2">${fr ? 'Votre e-mail' : 'Your E-Mail'}</label><div class="col-md-5"><input type="text" class="form-control" id="contact_mail" name="contact_mail" maxlength="255"/></div></div>
<div class="form-group required"><label for="contact_message" class="control-label col-md-2">Message</label><div class="col-md-5"><textarea class="form-control" rows="7" name="contact_message" id="contact_message"></textarea></div></div>
<div class="form-group"><div class="col-md-offset-2 col-md-10"><button type="submit" class="btn btn-primary">${fr ? 'Envoyer' : 'Send'}</button></div></div>
</form>`;
  pages.push(
    infoPage(site, '/contact', { title: fr ? 'Nous contacter' : 'Contact Us', html: contactIntro(site, phone) }, form),
  );
  pages.push(infoPage(site, '/info/mentions-legales', legalNotice(site, phone)));
  pages.push(infoPage(site, '/info/conditions', terms(site)));
  pages.push(infoPage(site, '/info/confidentialite', privacy(site)));
  return pages;
}
