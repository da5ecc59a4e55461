/**
 * WordPress with the WP Adverts plugin in a default-style theme: modelled on wp-plugins/wpadverts (also
 * simpliko/wpadverts) templates/{list.php, list-item.php, single.php} inside the usual WordPress theme skeleton
 * (#page.site, header#masthead, #primary.content-area > main#main, aside#secondary.widget-area, footer#colophon):
 * .adverts-options search form, .adverts-list > .advert-item, .adverts-pagination .page-numbers, single
 * .rslides_container, .adverts-single-box, .adverts-grid rows, .adverts-content, .adverts-contact-box.
 */
import type { Ad, Site } from '../model.ts';
import { TRADES } from '../vocab.ts';
import { esc, euros, makeView, operatorLines, pageAds, pageCount, pagesOf, photoTag, slug, type View } from './kit.ts';

const label = (ad: Ad) => TRADES.find((t) => t.key === ad.trade)!.label;

function frame(v: View, bodyClass: string, title: string, main: string): string {
  const { c, site } = v;
  const header = `<header id="${c('masthead')}" class="${c('site-header')}" role="banner"><div class="${c('site-branding')}"><p class="${c('site-title')}"><a href="/" rel="home">${esc(site.brand)}</a></p><p class="${c('site-description')}">Petites annonces de services</p></div><nav id="${c('site-navigation')}" class="${c('main-navigation')}"><ul id="${c('primary-menu')}" class="${c('menu')}"><li class="${c('menu-item')}"><a href="/">Accueil</a></li><li class="${c('menu-item')}"><a href="/adverts/">Annonces</a></li><li class="${c('menu-item')}"><a href="/ajouter/">Déposer</a></li><li class="${c('menu-item')}"><a href="/contact/">Contact</a></li></ul></nav></header>`;
  const aside = `<aside id="${c('secondary')}" class="${c('widget-area')}" role="complementary"><section id="${c('search-2')}" class="${c('widget widget_search')}"><form role="search" method="get" class="${c('search-form')}" action="/"><label><span class="${c('screen-reader-text')}">Rechercher :</span><input type="search" class="${c('search-field')}" name="s"></label></form></section><section id="${c('adverts_categories-2')}" class="${c('widget widget_adverts_categories')}"><h2 class="${c('widget-title')}">Catégories</h2><ul>${TRADES.map((t) => `<li class="${c('cat-item')}"><a href="/advert-category/${t.key}/">${t.label}</a></li>`).join('')}</ul></section></aside>`;
  const primary = `<div id="${c('primary')}" class="${c('content-area')}"><main id="${c('main')}" class="${c('site-main')}" role="main">${main}</main></div>`;
  const footer = `<footer id="${c('colophon')}" class="${c('site-footer')}" role="contentinfo"><div class="${c('footer-widgets')}"><section class="${c('widget widget_text')}"><h2 class="${c('widget-title')}">Contact</h2><div class="${c('textwidget')}">${operatorLines(
    v,
  )
    .map((l) => `<p>${l}</p>`)
    .join(
      '',
    )}</div></section></div><div class="${c('site-info')}"><a href="https://wordpress.org/">Fièrement propulsé par WordPress</a></div></footer>`;
  return `${v.head(title, ['/wp-content/plugins/wpadverts/assets/css/wpadverts-frontend.css', '/wp-content/themes/twentysixteen/style.css'])}\n<body class="${c(bodyClass)}">\n<div id="${c('page')}" class="${c('site')}"><a class="${c('skip-link screen-reader-text')}" href="#content">Aller au contenu</a>\n${header}\n<div id="${c('content')}" class="${c('site-content')}">${site.reorder ? aside + primary : primary + aside}</div>\n${footer}\n</div>\n</body></html>`;
}

function item(v: View, ad: Ad): string {
  const { c } = v;
  return `<div class="${c('advert-item advert-item-col-2')}"><div class="${c('advert-img')}">${photoTag(v, ad, 'advert-item-grow')}</div><div class="${c('advert-post-title')}"><span title="${esc(ad.title)}" class="${c('advert-link')}">${esc(ad.title)}</span><a href="${v.adUrl(ad)}" title="${esc(ad.title)}" class="${c('advert-link-wrap')}"></a></div><div class="${c('advert-published')}"><span class="${c('advert-date')}">${ad.date}</span><span class="${c('advert-item-col-1-only advert-location adverts-icon-location')}">${esc(ad.town)}</span><div class="${c('advert-price')}">${euros(ad.price)}</div></div></div>`;
}

function entry(v: View, title: string, content: string, cls = 'page'): string {
  return `<article class="${v.c(`${cls} type-${cls} status-publish hentry`)}"><header class="${v.c('entry-header')}"><h1 class="${v.c('entry-title')}">${esc(title)}</h1></header><div class="${v.c('entry-content')}">${content}</div></article>`;
}

export function renderWpAdverts(site: Site): Map<string, string> {
  const v = makeView(
    site,
    {
      ad: (ad) => `/advert/${slug(ad.title)}-${ad.id.slice(2)}/`,
      list: (p) => (p === 1 ? '/adverts/' : `/adverts/page/${p}/`),
    },
    ['/wp-includes/css/dist/block-library/style.min.css'],
  );
  const { c } = v;
  const out = new Map<string, string>();
  const pages = pageCount(site);
  const listed = site.ads.slice(0, pages * site.perPage);
  const search = `<div class="${c('adverts-options')}"><form action="" class="${c('adverts-search-form')}" method="get"><div class="${c('adverts-search')}"><div class="${c('advert-input adverts-field-name-query')}"><input type="text" name="query" placeholder="Mot-clé…"></div><div class="${c('advert-input adverts-field-name-location')}"><input type="text" name="location" placeholder="Ville…"></div></div><div class="${c('adverts-search-submit')}"><input type="submit" value="Filtrer"></div></form></div>`;
  for (const p of pagesOf(pages)) {
    const pager = `<div class="${c('adverts-pagination')}">${pagesOf(pages)
      .map((n) =>
        n === p
          ? `<span aria-current="page" class="${c('page-numbers current')}">${n}</span>`
          : `<a class="${c('page-numbers')}" href="${v.listUrl(n)}">${n}</a>`,
      )
      .join('\n')}</div>`;
    const list = `${search}<div class="${c('adverts-list adverts-bg-hover')}">${pageAds(site, p)
      .map((a) => item(v, a))
      .join('')}</div>${pager}`;
    out.set(
      v.listUrl(p),
      frame(v, 'page-template-default page', `Annonces – ${site.brand}`, entry(v, 'Annonces', list)),
    );
  }
  if (site.detailPages)
    for (const ad of listed) {
      const img = photoTag(v, ad, 'rslides-img', '1024x768');
      const slides = img
        ? `<div class="${c('rslides_container')}"><ul id="${c('slides1')}" class="${c('rslides rslides1')}"><li>${img}</li></ul></div>`
        : '';
      const box = `<div class="${c('adverts-single-box')}"><div class="${c('adverts-single-author')}"><div class="${c('adverts-single-author-name')}">par <strong>${esc(ad.advertiser.name)}</strong><br>Publiée le ${ad.date}</div></div><div class="${c('adverts-single-price')}"><span class="${c('adverts-price-box')}">${euros(ad.price)}</span></div></div>`;
      const grid = `<div class="${c('adverts-grid adverts-grid-closed-top adverts-grid-with-icons adverts-single-grid-details')}"><div class="${c('adverts-grid-row')}"><div class="${c('adverts-grid-col adverts-col-30')}"><span class="${c('adverts-round-icon adverts-icon-tags')}"></span><span class="${c('adverts-row-title')}">Catégorie</span></div><div class="${c('adverts-grid-col adverts-col-65')}"><a href="/advert-category/${ad.trade}/">${label(ad)}</a></div></div><div class="${c('adverts-grid-row')}"><div class="${c('adverts-grid-col adverts-col-30')}"><span class="${c('adverts-round-icon adverts-icon-location')}"></span><span class="${c('adverts-row-title')}">Lieu</span></div><div class="${c('adverts-grid-col adverts-col-65')}">${esc(ad.town)}</div></div></div>`;
      const content = `<div class="${c('adverts-content')}">${v
        .text(ad)
        .map((s) => `<p>${esc(s)}</p>`)
        .join('')}</div>`;
      const contact = `<div class="${c('adverts-single-actions')}"><a href="#" class="${c('adverts-button adverts-show-contact')}">Voir les coordonnées</a></div><div class="${c('adverts-contact-box')}"><p class="${c('adverts-contact-method')}"><span class="${c('adverts-icon-phone adverts-contact-icon')}" title="Téléphone"></span><span class="${c('adverts-contact-phone')}">${v.sitePhone(ad.advertiser.phone)}</span></p>${ad.advertiser.email ? `<p class="${c('adverts-contact-method')}"><span class="${c('adverts-contact-email')}"><a href="mailto:${ad.advertiser.email}">${ad.advertiser.email}</a></span></p>` : ''}</div>`;
      const body = site.reorder ? slides + grid + box + content + contact : slides + box + grid + content + contact;
      out.set(
        v.adUrl(ad),
        frame(
          v,
          'advert-template-default single single-advert',
          `${ad.title} – ${site.brand}`,
          entry(v, ad.title, body, 'advert'),
        ),
      );
    }
  out.set(
    '/',
    frame(
      v,
      'home page-template-default page',
      site.brand,
      entry(
        v,
        'Bienvenue',
        `<p>Déposez et trouvez des annonces de services à domicile.</p><div class="${c('adverts-list')}">${listed
          .slice(0, 6)
          .map((a) => item(v, a))
          .join('')}</div>`,
      ),
    ),
  );
  out.set(
    '/contact/',
    frame(
      v,
      'page-template-default page',
      `Contact – ${site.brand}`,
      entry(
        v,
        'Contact',
        `${operatorLines(v)
          .map((l) => `<p>${l}</p>`)
          .join(
            '',
          )}<div class="${c('wpcf7')}"><form action="/contact/#wpcf7-f5-p2-o1" method="post" class="${c('wpcf7-form init')}"><p><label>Votre nom<br><span class="${c('wpcf7-form-control-wrap')}"><input type="text" name="your-name" class="${c('wpcf7-form-control wpcf7-text')}"></span></label></p><p><label>Votre message<br><textarea name="your-message" class="${c('wpcf7-form-control wpcf7-textarea')}"></textarea></label></p><p><input type="submit" value="Envoyer" class="${c('wpcf7-form-control wpcf7-submit')}"></p></form></div>`,
      ),
    ),
  );
  return out;
}
