/**
 * Yclas (Open Classifieds) 2.x default theme, Bootstrap 3: modelled on yclas/yclas (stored copy yuliiaR/yclas)
 * themes/default/views/{header.php, footer.php, main.php, pages/ad/listing.php, pages/ad/single.php} (navbar header,
 * .breadcrumb, article.list.well per ad with .picture figure and ul of date/price, ul.pagination, .panel-sidebar
 * widgets, single ad .page-header, ul.thumbnails gallery, .well with labels, contact modal).
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

function frame(v: View, title: string, crumbs: string[], main: string): string {
  const { c, site } = v;
  const header = `<header class="${c('navbar navbar-inverse navbar-fixed-top bs-docs-nav')}"><div class="${c('container')}"><a class="${c('navbar-brand')}" href="/">${esc(site.brand)}</a><div class="${c('collapse navbar-collapse')}" id="${c('mobile-menu-panel')}"><ul class="${c('nav navbar-nav')}"><li><a href="/">Accueil</a></li><li><a href="/all">Annonces</a></li><li><a href="/contact.html">Contact</a></li></ul><div class="${c('btn-group pull-right')}"><a class="${c('btn btn-primary')}" href="/publish-new.html"><i class="glyphicon glyphicon-pencil"></i> Publier une annonce</a></div></div></div></header>`;
  const widgets = `<div class="${c('panel panel-sidebar')}"><div class="${c('panel-heading')}"><h3 class="${c('panel-title')}">Catégories</h3></div><div class="${c('panel-body')}"><ul class="${c('list-unstyled')}">${TRADES.map((t) => `<li><a href="/${t.key}">${t.label}</a></li>`).join('')}</ul></div></div><div class="${c('panel panel-sidebar')}"><div class="${c('panel-heading')}"><h3 class="${c('panel-title')}">Recherche</h3></div><div class="${c('panel-body')}"><form action="/search.html" method="get"><input type="text" name="title" class="${c('form-control')}"><button class="${c('btn btn-default')}" type="submit">Chercher</button></form></div></div>`;
  const side = `<div class="${c('col-xs-3 sidebar')}">${widgets}</div>`;
  const body = `<div class="${c('col-xs-9')}"><div class="${c('breadcrumbs')}"><ul class="${c('breadcrumb')}">${crumbs.map((x) => `<li>${x}</li>`).join('')}</ul></div>${main}</div>`;
  const row = site.reorder ? `${side}${body}` : `${body}${side}`;
  const footer = `<footer><div class="${c('container')}"><div class="${c('row')}"><div class="${c('col-md-6')}"><h4>À propos</h4><p>${esc(site.brand)}, petites annonces de services entre particuliers.</p></div><div class="${c('col-md-6')}"><h4>Nous joindre</h4>${operatorLines(
    v,
  )
    .map((l) => `<p>${l}</p>`)
    .join('')}</div></div><p>© ${esc(site.brand)} — Web powered by Yclas</p></div></footer>`;
  return `${v.head(title, ['/themes/default/css/bootstrap.min.css', '/themes/default/css/style.css'])}\n<body data-spy="scroll" data-target=".subnav" data-offset="50">\n${header}\n<div class="${c('container bs-docs-container')}"><div class="${c('alert-messages')}"></div><div class="${c('row')}">${row}</div></div>\n${footer}\n</body></html>`;
}

function article(v: View, ad: Ad): string {
  const { c } = v;
  const img = photoTag(v, ad, 'img-responsive', '200x200');
  return `<article class="${c('list well clearfix')}"><a href="/${slug(ad.town)}"><span class="${c('label label-default')}">${esc(ad.town)}</span></a><h2><a title="${esc(ad.title)}" href="${v.adUrl(ad)}">${esc(ad.title)}</a></h2>${img ? `<div class="${c('picture')}"><a class="${c('pull-left')}" href="${v.adUrl(ad)}"><figure>${img}</figure></a></div>` : ''}<ul><li><b>Date de publication :</b> ${ad.date}</li><li class="${c('price')}">Prix : <b>${euros(ad.price)}</b></li></ul><p>${esc(excerpt(ad, 255))}</p><a href="${v.adUrl(ad)}"><i class="glyphicon glyphicon-share"></i>Lire la suite</a></article>`;
}

export function renderYclasDefault(site: Site): Map<string, string> {
  const v = makeView(
    site,
    {
      ad: (ad) => `/${ad.trade}/${slug(ad.title)}-${ad.id.slice(2)}.html`,
      list: (p) => (p === 1 ? '/all' : `/all?page=${p}`),
    },
    [],
  );
  const out = new Map<string, string>();
  const pages = pageCount(site);
  const listed = site.ads.slice(0, pages * site.perPage);
  for (const p of pagesOf(pages)) {
    const pager = `<div class="${v.c('text-center')}"><ul class="${v.c('pagination')}">${pagesOf(pages)
      .map((n) => `<li${n === p ? ` class="${v.c('active')}"` : ''}><a href="${v.listUrl(n)}">${n}</a></li>`)
      .join('')}</ul></div>`;
    const main = `<div class="${v.c('page-header')}"><h1>Annonces</h1></div><div class="${v.c('well')}" id="${v.c('recomentadion')}"><p>Toutes les annonces de services près de chez vous.</p><a href="/publish-new.html">Publier une nouvelle annonce</a></div><div class="${v.c('btn-group pull-right')}"><button type="button" id="${v.c('sort')}" class="${v.c('btn btn-info btn-sm dropdown-toggle')}">Trier</button></div><div class="${v.c('clearfix')}"></div>${pageAds(
      site,
      p,
    )
      .map((a) => article(v, a))
      .join('')}${pager}`;
    out.set(v.listUrl(p), frame(v, `Annonces - ${site.brand}`, ['<a href="/">Accueil</a>', 'Annonces'], main));
  }
  if (site.detailPages)
    for (const ad of listed) {
      const img = photoTag(v, ad, 'img-rounded', '640x480');
      const gallery = img
        ? `<div class="${v.c('control-group')}"><div class="${v.c('controls')}"><div id="${v.c('gallery')}"><ul class="${v.c('thumbnails')}"><li><a class="${v.c('thumbnail gallery-item')}">${img}</a></li></ul></div></div></div>`
        : '';
      const well = `<div class="${v.c('well')}"><span class="${v.c('label label-important')}">${euros(ad.price)}</span> <a class="${v.c('label')}" href="/user/${slug(ad.advertiser.name)}">${esc(ad.advertiser.name)}</a><div class="${v.c('pull-right')}"><span class="${v.c('label label-info')}">${ad.date}</span> <span class="${v.c('label label-info')}">${(Number(ad.id.slice(2)) * 7) % 300} vues</span></div></div>`;
      const desc = `<div>${v
        .text(ad)
        .map((s) => `<p>${esc(s)}</p>`)
        .join('')}</div>`;
      const contact = `<p><a class="${v.c('btn btn-success')}" href="tel:${ad.advertiser.phone}"><i class="glyphicon glyphicon-earphone"></i> ${v.sitePhone(ad.advertiser.phone)}</a></p><button class="${v.c('btn btn-success')}" type="button" data-toggle="modal" data-target="#contact-modal">Envoyer un message</button>`;
      const main = `<div class="${v.c('page-header')}"><h1>${esc(ad.title)}</h1></div>${gallery}${v.site.reorder ? desc + well : well + desc}${contact}<div id="${v.c('contact-modal')}" class="${v.c('modal hide fade')}"><div class="${v.c('modal-header')}"><h3>Contact</h3></div><div class="${v.c('modal-body')}"><form method="post" class="${v.c('form-horizontal well')}"><input name="name" placeholder="Nom"><textarea name="message"></textarea></form></div></div>`;
      out.set(
        v.adUrl(ad),
        frame(
          v,
          `${ad.title} - ${site.brand}`,
          ['<a href="/">Accueil</a>', `<a href="/${ad.trade}">${label(ad)}</a>`, esc(ad.title)],
          main,
        ),
      );
    }
  out.set(
    '/',
    frame(
      v,
      site.brand,
      ['Accueil'],
      `<div class="${v.c('page-header')}"><h1>Dernières annonces</h1></div>${listed
        .slice(0, 5)
        .map((a) => article(v, a))
        .join('')}`,
    ),
  );
  out.set(
    '/contact.html',
    frame(
      v,
      `Contact - ${site.brand}`,
      ['<a href="/">Accueil</a>', 'Contact'],
      `<div class="${v.c('page-header')}"><h1>Nous contacter</h1></div>${operatorLines(v)
        .map((l) => `<p>${l}</p>`)
        .join(
          '',
        )}<form method="post" action="/contact.html" class="${v.c('form-horizontal well')}"><fieldset><div class="${v.c('form-group')}"><label class="${v.c('control-label')}" for="name">Nom</label><input id="name" name="name" class="${v.c('form-control')}"></div><div class="${v.c('form-group')}"><label for="message">Message</label><textarea id="message" name="message" class="${v.c('form-control')}"></textarea></div><button type="submit" class="${v.c('btn btn-primary')}">Envoyer</button></fieldset></form>`,
    ),
  );
  return out;
}
