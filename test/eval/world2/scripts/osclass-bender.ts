/**
 * Osclass 3.x with its default theme "bender": modelled on osclass/Osclass oc-content/themes/bender/{search.php,
 * loop.php, functions.php bender_draw_item, item.php, item-sidebar.php, main.php, contact.php} (header/footer wrappers,
 * ul#listing-card-list > li.listing-card, .paginate, #item-content, #useful_info, #sidebar widgets).
 */
import type { Ad, Site } from '../model.ts';
import { TRADES } from '../vocab.ts';
import {
  esc,
  euros,
  excerpt,
  makeView,
  operatorLines,
  pageAds,
  pageCount,
  pagesOf,
  photoTag,
  slug,
  type View,
} from './kit.ts';

const label = (ad: Ad) => TRADES.find((t) => t.key === ad.trade)!.label;

function frame(v: View, bodyClass: string, title: string, crumbs: string[], main: string, sidebar: string): string {
  const { c, site } = v;
  const nav = `<header><div class="${c('wrapper')}"><div id="${c('logo')}"><a href="/">${esc(site.brand)}</a></div><ul class="${c('nav')}"><li><a href="/user/login">Connexion</a></li><li><a href="/user/register">Inscription</a></li><li class="${c('publish')}"><a href="/item/new">Publier une annonce</a></li></ul></div><div class="${c('wrapper')}"><ul class="${c('breadcrumb')}">${crumbs.map((x) => `<li>${x}</li>`).join('')}</ul></div></header>`;
  const side = `<div id="${c('sidebar')}">${sidebar}</div>`;
  const content = site.reorder
    ? `${side}<div id="${c('main')}">${main}</div>`
    : `<div id="${c('main')}">${main}</div>${side}`;
  const foot = `<footer><div class="${c('wrapper')}"><ul class="${c('resp-toggle')}"><li><a href="/contact">Contact</a></li><li><a href="/page/cgu">Conditions</a></li></ul><div class="${c('footer-widget')}">${operatorLines(
    v,
  )
    .map((l) => `<p>${l}</p>`)
    .join('')}</div><p>© ${esc(site.brand)} — propulsé par Osclass</p></div></footer>`;
  return `${v.head(title, ['/oc-content/themes/bender/css/main.css'])}\n<body class="${c(bodyClass)}">\n${nav}\n<div class="${c('wrapper wrapper-flash')}"></div>\n<div class="${c('wrapper')}" id="${c('content')}">${content}</div>\n${foot}\n</body></html>`;
}

function card(v: View, ad: Ad, i: number): string {
  const { c } = v;
  const thumb = photoTag(v, ad, 'listing-thumb-img');
  const attrs = `<div class="${c('listing-attributes')}"><span class="${c('category')}">${label(ad)}</span> - <span class="${c('location')}">${esc(ad.town)} <span class="${c('region')}">(${ad.postcode})</span></span> - ${ad.date} <span class="${c('currency-value')}">${euros(ad.price)}</span></div>`;
  const titleA = `<a href="${v.adUrl(ad)}" class="${c('title')}" title="${esc(ad.title)}">${esc(ad.title)}</a>`;
  const info = v.site.reorder ? `${attrs}${titleA}` : `${titleA}${attrs}`;
  return `<li class="${c(`listing-card${i % 4 === 3 ? ' last' : ''}`)}">${thumb ? `<a class="${c('listing-thumb')}" href="${v.adUrl(ad)}">${thumb}</a>` : ''}<div class="${c('listing-detail')}"><div class="${c('listing-cell')}"><div class="${c('listing-data')}"><div class="${c('listing-basicinfo')}">${info}<p>${esc(excerpt(ad))}</p></div></div></div></div></li>`;
}

const searchSidebar = (v: View) =>
  `<div class="${v.c('filters')}"><form action="/search" method="get"><fieldset><h3>Votre recherche</h3><div class="${v.c('row')}"><input class="${v.c('input-text')}" type="text" name="sPattern"></div></fieldset><fieldset><h3>Ville</h3><div class="${v.c('row')}"><input class="${v.c('input-text')}" type="text" name="sCity"></div></fieldset><div class="${v.c('actions')}"><button type="submit">Appliquer</button></div></form></div>`;

export function renderOsclassBender(site: Site): Map<string, string> {
  const v = makeView(
    site,
    {
      ad: (ad) => `/${slug(label(ad))}/${slug(ad.title)}_i${ad.id.slice(2)}`,
      list: (p) => (p === 1 ? '/search' : `/search/iPage,${p}`),
    },
    ['/oc-content/themes/bender/css/global.css'],
  );
  const out = new Map<string, string>();
  const pages = pageCount(site);
  const listed = site.ads.slice(0, pages * site.perPage);
  for (const p of pagesOf(pages)) {
    const ads = pageAds(site, p);
    const from = (p - 1) * site.perPage + 1;
    const pager = `<div class="${v.c('paginate')}"><ul>${pagesOf(pages)
      .map((n) =>
        n === p
          ? `<li><span class="${v.c('searchPaginationSelected')}">${n}</span></li>`
          : `<li><a class="${v.c('searchPaginationNonSelected')}" href="${v.listUrl(n)}">${n}</a></li>`,
      )
      .join('')}</ul></div>`;
    const main = `<div class="${v.c('list-header')}"><div class="${v.c('resp-wrapper')}"><h1>Services à domicile</h1><span class="${v.c('counter-search')}">${from} - ${from + ads.length - 1} sur ${listed.length} annonces</span></div></div><ul class="${v.c('listing-card-list')}" id="${v.c('listing-card-list')}">${ads.map((a, i) => card(v, a, i)).join('')}</ul><div class="clear"></div>${pager}`;
    out.set(
      v.listUrl(p),
      frame(
        v,
        'search',
        `Annonces - page ${p} - ${site.brand}`,
        ['<a href="/">Accueil</a>', 'Recherche'],
        main,
        searchSidebar(v),
      ),
    );
  }
  if (site.detailPages)
    for (const ad of listed) {
      const photos = photoTag(v, ad, 'main-photo', '640x480');
      const main = `<div id="${v.c('item-content')}"><h1><span class="${v.c('price')}">${euros(ad.price)}</span> <strong>${esc(ad.title)}</strong></h1><div class="${v.c('item-header')}"><div><strong class="${v.c('publish')}">Date de publication</strong> : ${ad.date}</div><ul id="${v.c('item_location')}"><li><strong>Lieu</strong> : ${esc(ad.town)}, ${ad.postcode}</li></ul></div>${photos ? `<div class="${v.c('item-photos')}">${photos}</div>` : ''}<div id="${v.c('description')}">${v
        .text(ad)
        .map((s) => `<p>${esc(s)}</p>`)
        .join(
          '',
        )}<p class="${v.c('contact_button')}"><a href="#contact" class="${v.c('ui-button ui-button-middle ui-button-main')}">Contacter l’annonceur</a></p></div><div id="${v.c('useful_info')}" class="${v.c('bordered-box')}"><h2>Informations utiles</h2><ul><li>Évitez les paiements à l’avance.</li><li>Rencontrez le prestataire avant tout engagement.</li></ul></div></div>`;
      const side = `<div id="${v.c('contact')}" class="${v.c('widget-box form-container form-vertical')}"><h2>Contacter l’annonceur</h2><p class="${v.c('name')}">Nom : ${esc(ad.advertiser.name)}</p><p class="${v.c('phone')}">Tél. : ${v.sitePhone(ad.advertiser.phone)}</p>${ad.advertiser.email ? `<p><a href="mailto:${ad.advertiser.email}">${ad.advertiser.email}</a></p>` : ''}</div>`;
      out.set(
        v.adUrl(ad),
        frame(
          v,
          'item',
          `${ad.title} - ${site.brand}`,
          ['<a href="/">Accueil</a>', `<a href="/search">${label(ad)}</a>`, esc(ad.title)],
          main,
          side,
        ),
      );
    }
  const cats = `<div class="${v.c('widget-box')}"><h3>Catégories</h3><ul class="${v.c('categories')}">${TRADES.map((t) => `<li><a href="/search/category,${t.key}">${t.label}</a></li>`).join('')}</ul></div>`;
  out.set(
    '/',
    frame(
      v,
      'home',
      site.brand,
      ['Accueil'],
      `<div class="${v.c('latest_ads')}"><h1><strong>Dernières annonces</strong></h1><ul class="${v.c('listing-card-list')}">${listed
        .slice(0, 6)
        .map((a, i) => card(v, a, i))
        .join('')}</ul></div>`,
      cats,
    ),
  );
  const contact = `<div class="${v.c('form-container form-horizontal')}"><div class="${v.c('header')}"><h1>Contactez-nous</h1></div><div class="${v.c('resp-wrapper')}">${operatorLines(
    v,
  )
    .map((l) => `<p>${l}</p>`)
    .join(
      '',
    )}<form action="/contact" method="post"><div class="${v.c('control-group')}"><label for="yourName">Votre nom</label><div class="${v.c('controls')}"><input id="yourName" name="yourName" type="text"></div></div><div class="${v.c('control-group')}"><label for="message">Message</label><div class="${v.c('controls textarea')}"><textarea id="message" name="message"></textarea></div></div><button type="submit">Envoyer</button></form></div></div>`;
  out.set(
    '/contact',
    frame(v, 'contact', `Contact - ${site.brand}`, ['<a href="/">Accueil</a>', 'Contact'], contact, cats),
  );
  return out;
}
