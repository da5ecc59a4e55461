/**
 * Joomla with DJ-Classifieds (DJ-Extensions, GPL; markup of views/items/tmpl/blog.php, views/item/tmpl/default.php
 * and default_generaldetails.php as published in webplass/B00574_Class): blog listing of `div.item_box` with
 * `.title h2 a`, `.item_desc .desc_info` (120 characters of intro), `.region`, `.price`; item pages `div.dj-item`
 * with `.title_top h2`, `.general_det .row_gd` rows (price, contact, date) and `.description .desc_content`.
 * The component's own "show on click" contact hides the number in a title attribute (`span.djsvoc`).
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
  slug,
} from './common.ts';

const TEMPLATES = ['protostar', 'cassiopeia', 'jm-services'];
const itemUrl = (site: Site, ad: Ad) => `/index.php/annonces/ad/${slug(ad.trade)}/${dbId(site, ad)},${slug(ad.title)}`;
const img = (p: string, size: string) => `/images/djcf_items/${p}_${size}.jpg`;

function shell(site: Site, title: string, content: string): string {
  const tpl = TEMPLATES[site.skin % TEMPLATES.length];
  const head = `<title>${esc(title)} | ${esc(site.title)}</title>
<meta name="generator" content="Joomla! - Open Source Content Management">
<link href="/templates/${tpl}/css/template.css" rel="stylesheet">
<link href="/components/com_djclassifieds/themes/default/css/style.css" rel="stylesheet">
<script src="/media/system/js/core.js"></script>
<script src="/media/jui/js/jquery.min.js"></script>`;
  const body = `<div class="body" id="top">
  <div class="container">
    <header class="header" role="banner">
      <div class="header-inner clearfix"><a class="brand pull-left" href="/"><span class="site-title" title="${esc(site.title)}">${esc(site.title)}</span></a></div>
    </header>
    <nav class="navigation" role="navigation">
      <ul class="nav menu nav-pills mod-list">
        <li class="item-101 default"><a href="/">Accueil</a></li>
        <li class="item-102"><a href="/index.php/annonces">Annonces</a></li>
        <li class="item-103"><a href="/index.php/deposer">Déposer une annonce</a></li>
        <li class="item-104"><a href="/index.php/contact">Contact</a></li>
      </ul>
    </nav>
    <div class="row-fluid">
      <main id="content" role="main" class="span12">
        <div id="system-message-container"></div>
${content}
      </main>
    </div>
  </div>
</div>
<footer class="footer" role="contentinfo">
  <div class="container"><hr><p class="pull-right"><a href="#top" id="back-top">Haut de page</a></p><p>&copy; ${esc(site.title)} — ${operatorBlock(site, false)}</p></div>
</footer>`;
  return html(site, head, body, ` class="site com_djclassifieds view-items no-layout no-task itemid-102"`);
}

function box(site: Site, ad: Ad, i: number): string {
  const url = itemUrl(site, ad);
  const photo = ad.photos[0]
    ? `<div class="item_img"><a href="${url}"><img src="${img(ad.photos[0], 'thm')}" alt="${esc(ad.title)}"></a></div>`
    : '';
  return `<div class="item_box" style="width:49.9%;"><div class="item_box_bg${i % 2}"><div class="item_box_in"><div class="item_box_in2 clearfix">
<div class="title"><h2><a href="${url}">${esc(ad.title)}</a></h2></div>
<div class="blog_det"><div class="item_box_right">${photo}<div class="item_desc"><span class="label_title">Description</span><span class="desc_info">${esc(ad.body.slice(0, 120))}</span></div><div class="clear_both"></div></div>
<div class="region"><span class="label_title"></span><a href="/index.php/annonces/r/${slug(ad.town)}">${esc(ad.town)}</a></div>
<div class="price"><span class="label_title"></span>${priceText(ad)}</div>
</div></div></div></div></div>`;
}

function item(site: Site, ad: Ad): string {
  const images = ad.photos.length
    ? `<div class="dj-item-images"><div class="djc_images"><div class="djc_mainimage"><a id="djc_mainimagelink" href="${img(ad.photos[0], 'b')}"><img id="djc_mainimage" src="${img(ad.photos[0], 'm')}" alt="${esc(ad.title)}"></a></div>
<div class="djc_thumbnails">${ad.photos.map((p) => `<div class="djc_thumbnail"><a href="${img(p, 'b')}"><img src="${img(p, 'ths')}" alt="${esc(ad.title)}"></a></div>`).join('')}</div></div></div>`
    : '';
  return `<div id="dj-classifieds" class="clearfix djcftheme-default">
<div class="dj-item">
<div class="title_top info"><h2>${esc(ad.title)}</h2></div>
<div class="dj-item-in">
  <div class="djcf_images_generaldet_box">${images}
    <div class="general_det"><div class="general_det_in">
      <div class="row_gd"><div class="price_wrap"><span class="row_label">Prix:</span><span class="row_value">${priceText(ad)}</span></div></div>
      <div class="row_gd djcf_contact"><div class="contact_mainrow"><span class="row_label">Contact</span><span class="row_value">${esc(ad.advertiser.name)}<br>${phoneFor(site, ad)}</span></div>
        <div class="contact_row row_email"><span class="row_label">E-mail:</span><span class="row_value">${advertiserEmail(site, ad)}</span></div></div>
      <div class="row_gd added"><span class="row_label">Annonce ajoutée</span><span class="row_value">${dateFr(ad.posted)}</span></div>
    </div></div>
  </div>
  <div class="description"><h2>Description</h2><div class="desc_content">${esc(ad.body)}</div></div>
  <div class="localization"><h2>Localisation</h2><div class="row"><span class="row_value">${esc(ad.town)}</span></div></div>
  <div class="clear_both"></div>
</div>
</div>
</div>`;
}

export function renderDjClassifieds(site: Site): Page[] {
  const pages: Page[] = [];
  const blog = (ads: Ad[]) =>
    `<div id="dj-classifieds" class="clearfix djcftheme-default"><div class="dj-items-blog"><div class="djcf_items_blog">\n${ads.map((a, i) => box(site, a, i)).join('\n')}\n</div></div></div>`;
  pages.push({
    path: '/',
    html: shell(
      site,
      'Accueil',
      `<div class="moduletable"><h3>Nouvelles annonces</h3>${blog(site.ads.slice(0, 4))}</div>`,
    ),
  });
  for (const [path, ads] of paginate(
    site.ads,
    site.perPage,
    '/index.php/annonces',
    (n) => `/index.php/annonces?start=${(n - 1) * site.perPage}`,
  ))
    pages.push({ path, html: shell(site, 'Annonces', `${blog(ads)}\n<div class="pagination"></div>`) });
  if (site.detailPages)
    for (const ad of site.ads) pages.push({ path: itemUrl(site, ad), html: shell(site, ad.title, item(site, ad)) });
  pages.push({
    path: '/index.php/contact',
    html: shell(
      site,
      'Contact',
      `<div class="contact"><div class="page-header"><h2>Nous contacter</h2></div><div class="contact-miscinfo"><p>${operatorBlock(site, true)}</p></div></div>`,
    ),
  });
  return pages;
}
