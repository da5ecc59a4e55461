/**
 * Joomla with AdsManager (Juloa, GPL; markup of components/com_adsmanager/views/list/tmpl/default_list.php as published
 * in Timoumi-dhia-el-hak/joomla-ads): `table.adsmanager_table` whose rows `tr.adsmanager_table_description` hold an
 * `h4` title link with `span.adsmanager-cat`, an `img.fad-image`, `div.desc` (100 characters then "[...]"), field
 * columns and a date column. Detail pages follow the component's `adsmanager_ads_*` blocks.
 */
import type { Ad, Site } from '../model.ts';
import {
  advertiserEmail,
  dateFr,
  dbId,
  esc,
  html,
  operatorBlock,
  type Page,
  paginate,
  phoneFor,
  priceText,
} from './common.ts';

const catId = (ad: Ad) => 1 + (ad.trade.length % 9);
const detailUrl = (site: Site, ad: Ad) =>
  `/index.php?option=com_adsmanager&view=details&id=${dbId(site, ad)}&catid=${catId(ad)}`;
const image = (p: string, t: boolean) => `/images/com_adsmanager/contents/${p}${t ? '_t' : ''}.jpg`;

function shell(site: Site, title: string, content: string): string {
  const head = `<title>${esc(title)} - ${esc(site.title)}</title>
<link rel="stylesheet" href="/components/com_adsmanager/css/adsmanager.css" type="text/css">
<link rel="stylesheet" href="/templates/beez3/css/position.css" type="text/css">
<script src="/media/jui/js/jquery.min.js"></script>
<script src="/components/com_adsmanager/js/jquery.adsmanager.js"></script>`;
  const body = `<div id="all"><div id="back">
<header id="header"><div class="logoheader"><h1 id="logo">${esc(site.title)} <span class="header1">Les pros près de chez vous</span></h1></div></header>
<div id="contentarea"><nav class="left1 leftbigger" role="navigation"><div class="moduletable_menu"><ul class="nav menu">
<li><a href="/">Accueil</a></li><li><a href="/index.php?option=com_adsmanager&amp;view=list">Toutes les annonces</a></li><li><a href="/index.php?option=com_adsmanager&amp;task=write">Écrire une annonce</a></li><li><a href="/index.php?option=com_contact&amp;view=contact&amp;id=1">Contact</a></li>
</ul></div></nav>
<div id="wrapper2"><div id="main"><div class="juloawrapper">
${content}
</div></div></div></div>
<div id="footer-outer"><div id="footer-sub"><footer id="footer"><p>${operatorBlock(site, false)}</p></footer></div></div>
</div></div>`;
  return html(site, head, body, ` id="shadow"`);
}

function row(site: Site, ad: Ad): string {
  const link = detailUrl(site, ad);
  const img = ad.photos[0]
    ? `<a href='${link}'><img class='fad-image' name='ad-image${dbId(site, ad)}' src='${image(ad.photos[0], true)}' alt="${esc(ad.title)}" /></a>`
    : '';
  const desc = ad.body.length > 100 ? `${esc(ad.body.slice(0, 100))}[...]` : esc(ad.body);
  return `<tr class="adsmanager_table_description  trcategory_${catId(ad)}">
  <td>
    <h4 class="no-margin-top"><a href="${link}">${esc(ad.title)}</a> <span class="adsmanager-cat">(Services / ${esc(ad.trade)})</span></h4>
    ${img}
    <div class="desc">${desc}</div>
  </td>
  <td class="tdcenter column_1 hidden-phone"><span class='fad_price'>${priceText(ad)}<br/></span><span class='fad_city'>${esc(ad.town)}<br/></span></td>
  <td class="tdcenter column_date hidden-phone">${dateFr(ad.posted)}<br />${site.skin % 2 ? `${(Number(ad.id.replace(/\D/g, '')) % 300) + 12} vues` : ''}</td>
</tr>`;
}

function details(site: Site, ad: Ad): string {
  const imgs = ad.photos
    .map(
      (p) => `<a href="${image(p, false)}" class="fancybox"><img src="${image(p, true)}" alt="${esc(ad.title)}" /></a>`,
    )
    .join('');
  return `<div class="adsmanager_ads">
<div class="adsmanager_top_menu"><a href="/index.php?option=com_adsmanager&amp;view=list&amp;catid=${catId(ad)}">Services / ${esc(ad.trade)}</a></div>
<div class="adsmanager_ads_main">
  <h1 class="no-margin-top">${esc(ad.title)}</h1>
  <div class="adsmanager_ads_kindof">Offre</div>
  <div class="row-fluid">
    <div class="span8"><div class="adsmanager_ads_body"><div class="adsmanager_ads_desc">${esc(ad.body)}</div></div>
      <div class="adsmanager_ads_price"><b>Prix</b>: <span class="fad_price">${priceText(ad)}</span></div>
      <div class="adsmanager_ads_location"><b>Ville</b>: ${esc(ad.town)}</div></div>
    <div class="span4"><div class="adsmanager_ads_image">${imgs}</div>
      <div class="adsmanager_ads_contact"><b>Annonceur</b>: ${esc(ad.advertiser.name)}<br/><b>Téléphone</b>: ${phoneFor(site, ad)}<br/>${advertiserEmail(site, ad)}</div></div>
  </div>
  <div class="adsmanager_ads_date">Annonce publiée le ${dateFr(ad.posted)}</div>
</div>
</div>`;
}

export function renderAdsManager(site: Site): Page[] {
  const pages: Page[] = [];
  const table = (ads: Ad[]) =>
    `<div class="container-fluid">\n<table class="adsmanager_table table table-striped">\n<tr><th>Annonce</th><th class='hidden-phone'>Prix / Ville</th><th class="hidden-phone" width="15%">Date</th></tr>\n${ads.map((a) => row(site, a)).join('\n')}\n</table>\n</div>`;
  pages.push({
    path: '/',
    html: shell(
      site,
      'Accueil',
      `<h1 class="componentheading">Bienvenue sur ${esc(site.title)}</h1>\n${table(site.ads.slice(0, 5))}`,
    ),
  });
  for (const [path, ads] of paginate(
    site.ads,
    site.perPage,
    '/index.php?option=com_adsmanager&view=list',
    (n) => `/index.php?option=com_adsmanager&view=list&limitstart=${(n - 1) * site.perPage}`,
  ))
    pages.push({
      path,
      html: shell(
        site,
        'Annonces',
        `${table(ads)}\n<div class="col-12 paginationblock"></div>\n<div class="col-12">Résultats ${site.ads.length}</div>`,
      ),
    });
  if (site.detailPages)
    for (const ad of site.ads)
      pages.push({ path: detailUrl(site, ad), html: shell(site, ad.title, details(site, ad)) });
  pages.push({
    path: '/index.php?option=com_contact&view=contact&id=1',
    html: shell(site, 'Contact', `<div class="contact"><h2>Contact</h2><p>${operatorBlock(site, true)}</p></div>`),
  });
  return pages;
}
