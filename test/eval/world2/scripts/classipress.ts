/**
 * ClassiPress 3.x (AppThemes, WordPress): modelled on the theme files stored in ugurbastan/swe-574-group4
 * wp-content/themes/classipress/loop-ad_listing.php and onusgit/hj wp-content/themes/classipress/content-ad_listing.php
 * (div.post-block-out > .post-block > .post-left / .post-right, h3 title, p.post-desc, .price-wrap .post-price), with
 * the 3.x page skeleton (.container > .header/.header_main, #search-bar .searchblock, .content > .content_botbg >
 * .content_res with #breadcrumb, .content_left .shadowblock_out, .content_right sidebar, .paging .pages, .footer) and
 * the single ad's .bigright ul li#cp_city / .single-main / sidebar .tabprice .member list.
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
const block = (v: View, inner: string) =>
  `<div class="${v.c('shadowblock_out')}"><div class="${v.c('shadowblock')}">${inner}</div></div>`;

function frame(v: View, title: string, crumb: string, left: string, right: string): string {
  const { c, site } = v;
  const header = `<div class="${c('header')}"><div class="${c('header_top')}"><div class="${c('header_top_res')}"><p><a href="/login/">Se connecter</a> | <a href="/register/">S’inscrire</a></p></div></div><div class="${c('header_main')}"><div class="${c('header_main_bg')}"><div class="${c('header_main_res')}"><div id="${c('logo')}"><a class="${c('site-logo')}" href="/">${esc(site.brand)}</a><div class="${c('description')}">Annonces de services entre voisins</div></div><div class="${c('clr')}"></div></div></div></div><div class="${c('header_menu')}"><div class="${c('header_menu_res')}"><a class="${c('obtn btn_orange')}" href="/add-new/">Déposer une annonce</a><ul id="${c('menu-header')}" class="${c('menu')}"><li class="${c('menu-item')}"><a href="/">Accueil</a></li><li class="${c('menu-item')}"><a href="/ads/">Annonces</a></li><li class="${c('menu-item')}"><a href="/contact-us/">Contact</a></li></ul><div class="${c('clr')}"></div></div></div></div>`;
  const search = `<div id="${c('search-bar')}"><div class="${c('searchblock_out')}"><div class="${c('searchblock')}"><form action="/" method="get" id="${c('searchform')}" class="${c('form_search')}"><div class="${c('searchfield')}"><input name="s" type="text" id="s" class="${c('editbox_search')}" placeholder="Que recherchez-vous ?"></div><div class="${c('searchbutcat')}"><button class="${c('btn-topsearch')}" type="submit">Rechercher</button></div></form></div></div></div>`;
  const l = `<div class="${c('content_left')}">${left}</div>`;
  const r = `<div class="${c('content_right')}">${right}</div>`;
  const content = `<div class="${c('content')}"><div class="${c('content_botbg')}"><div class="${c('content_res')}"><div id="${c('breadcrumb')}"><div id="${c('crumbs')}"><a href="/">Accueil</a> » <span class="${c('current')}">${esc(crumb)}</span></div></div>${site.reorder ? r + l : l + r}<div class="${c('clr')}"></div></div></div></div>`;
  const footer = `<div class="${c('footer')}"><div class="${c('footer_menu')}"><div class="${c('footer_menu_res')}"><ul class="${c('menu')}"><li><a href="/contact-us/">Contact</a></li><li><a href="/cgu/">CGU</a></li></ul></div></div><div class="${c('footer_main')}"><div class="${c('footer_main_res')}"><div class="${c('dotted')}"><div class="${c('column widget_text')}"><h2 class="${c('dotted')}">Nous joindre</h2>${operatorLines(
    v,
  )
    .map((x) => `<p>${x}</p>`)
    .join(
      '',
    )}</div></div><p>© ${esc(site.brand)}. Tous droits réservés.</p><div class="${c('right')}"><p>ClassiPress | Propulsé par WordPress</p></div></div></div></div>`;
  return `${v.head(title, ['/wp-content/themes/classipress/style.css', '/wp-content/themes/classipress/styles/red.css'])}\n<body class="${c('home blog')}">\n<div class="${c('container')}">\n${header}\n${search}\n${content}\n${footer}\n</div>\n</body></html>`;
}

function post(v: View, ad: Ad): string {
  const { c } = v;
  const img = photoTag(v, ad, 'attachment-ad-thumb', '75x75');
  return `<div class="${c('post-block-out')}"><div class="${c('post-block')}"><div class="${c('post-left')}">${img ? `<a href="${v.adUrl(ad)}" class="${c('preview')}">${img}</a>` : ''}</div><div class="${c(img ? 'post-right full' : 'post-right-no-img full')}"><div class="${c('price-wrap')}"><span class="${c('tag-head')}">&nbsp;</span><p class="${c('post-price')}">${euros(ad.price)}</p></div><h3><a href="${v.adUrl(ad)}">${esc(ad.title)}</a></h3><div class="${c('clr')}"></div><p class="${c('post-meta')}"><span class="${c('folder')}"><a href="/ad-category/${ad.trade}/">${label(ad)}</a></span> | <span class="${c('owner')}">${esc(ad.advertiser.name)}</span> | <span class="${c('clock')}"><span>${ad.date}</span></span></p><p class="${c('post-desc')}">${esc(excerpt(ad, 165))}</p><div class="${c('clr')}"></div></div><div class="${c('clr')}"></div></div></div>`;
}

const categories = (v: View) =>
  block(
    v,
    `<h2 class="${v.c('dotted')}">Catégories</h2><div class="${v.c('recordfromblog')}"><ul>${TRADES.map((t) => `<li><a href="/ad-category/${t.key}/">${t.label}</a></li>`).join('')}</ul></div>`,
  );

export function renderClassipress(site: Site): Map<string, string> {
  const v = makeView(
    site,
    { ad: (ad) => `/ads/${slug(ad.title)}-${ad.id.slice(2)}/`, list: (p) => (p === 1 ? '/ads/' : `/ads/page/${p}/`) },
    [],
  );
  const { c } = v;
  const out = new Map<string, string>();
  const pages = pageCount(site);
  const listed = site.ads.slice(0, pages * site.perPage);
  for (const p of pagesOf(pages)) {
    const paging = `<div class="${c('paging')}"><div class="${c('pages')}"><span class="${c('total')}">Page ${p} sur ${pages}</span>${pagesOf(
      pages,
    )
      .map((n) =>
        n === p
          ? `<span class="${c('current')}">${n}</span>`
          : `<a class="${c('inactive')}" href="${v.listUrl(n)}">${n}</a>`,
      )
      .join('')}</div><div class="${c('clr')}"></div></div>`;
    const left = `${block(v, `<h2 class="${c('dotted')}">Annonces récentes</h2>`)}${pageAds(site, p)
      .map((a) => post(v, a))
      .join('')}${paging}`;
    out.set(v.listUrl(p), frame(v, `Annonces | ${site.brand}`, 'Annonces', left, categories(v)));
  }
  if (site.detailPages)
    for (const ad of listed) {
      const img = photoTag(v, ad, 'img-main', '400x300');
      const big = `<div class="${c('bigright')}"><ul><li id="${c('cp_city')}"><span>Ville :</span> ${esc(ad.town)}</li><li id="${c('cp_zipcode')}"><span>Code postal :</span> ${ad.postcode}</li><li id="${c('cp_listed')}"><span>Publiée :</span> ${ad.date}</li></ul></div>${img ? `<div class="${c('bigleft')}"><div id="${c('main-pic')}">${img}</div></div>` : ''}`;
      const main = block(
        v,
        `<div class="${c('price-wrap')}"><span class="${c('tag-head')}">&nbsp;</span><p class="${c('post-price')}">${euros(ad.price)}</p></div><h1 class="${c('single-listing')}"><a href="${v.adUrl(ad)}">${esc(ad.title)}</a></h1><div class="${c('clr')}"></div><div class="${c('pad5 dotted')}"></div>${big}<div class="${c('clr')}"></div><div class="${c('single-main')}"><h3 class="${c('description-area')}">Description</h3>${v
          .text(ad)
          .map((s) => `<p>${esc(s)}</p>`)
          .join('')}</div>`,
      );
      const side = `<div class="${c('tabprice')}"><ul class="${c('tabnavig')}"><li><a href="#priceblock1"><span class="${c('big')}">Annonceur</span></a></li></ul><div id="${c('priceblock1')}"><div class="${c('postertab')}"><div class="${c('priceblocksmall dotted')}"><p class="${c('member-title')}">Informations sur l’annonceur</p><ul class="${c('member')}"><li><span>Publiée par :</span> ${esc(ad.advertiser.name)}</li><li><span>Téléphone :</span> ${v.sitePhone(ad.advertiser.phone)}</li>${ad.advertiser.email ? `<li><span>E-mail :</span> <a href="mailto:${ad.advertiser.email}">${ad.advertiser.email}</a></li>` : ''}</ul></div></div></div></div>${categories(v)}`;
      out.set(v.adUrl(ad), frame(v, `${ad.title} | ${site.brand}`, ad.title, main, side));
    }
  out.set(
    '/',
    frame(
      v,
      site.brand,
      'Accueil',
      `${block(v, `<h2 class="${c('dotted')}">Dernières annonces</h2>`)}${listed
        .slice(0, 6)
        .map((a) => post(v, a))
        .join('')}`,
      categories(v),
    ),
  );
  out.set(
    '/contact-us/',
    frame(
      v,
      `Contact | ${site.brand}`,
      'Contact',
      block(
        v,
        `<h1 class="${c('single dotted')}">Contactez-nous</h1>${operatorLines(v)
          .map((x) => `<p>${x}</p>`)
          .join(
            '',
          )}<form method="post" class="${c('contact-form')}"><ol><li><label>Nom</label><input type="text" class="${c('text')}" name="cname"></li><li><label>Message</label><textarea class="${c('text')}" name="cmessage"></textarea></li></ol><button class="${c('btn_orange')}" type="submit">Envoyer</button></form>`,
      ),
      categories(v),
    ),
  );
  return out;
}
