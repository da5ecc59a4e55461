/**
 * Pages that are not classified-ad sites but quote or list ads: a press or NGO article on a WordPress news theme
 * (article.post > .entry-header/.entry-meta/.entry-content with blockquotes), a phpBB 3 "prosilver" forum thread
 * (div.post.bg1 > .inner > .postbody h3 / .content / dl.postprofile, div.pagination) and a GeoDirectory-style business
 * directory (ul.geodir-category-list-view > li.gd_place with .geodir-post-title and .geodir-field-phone).
 */
import { type Ad, bodyText, type Site } from '../model.ts';
import { esc, euros, makeView, operatorLines, pagesOf, slug, type View } from './kit.ts';

function quote(ad: Ad): string {
  return `<blockquote class="wp-block-quote"><p><strong>${esc(ad.title)}</strong> — ${esc(bodyText(ad).slice(0, 3).join(' '))}</p><cite>${esc(ad.town)}, ${euros(ad.price)}</cite></blockquote>`;
}

function newsFrame(v: View, title: string, main: string): string {
  const { c, site } = v;
  return `${v.head(title, ['/wp-content/themes/newsup/style.css'])}\n<body class="${c('single single-post')}"><div id="${c('page')}" class="${c('site')}"><header id="${c('masthead')}" class="${c('site-header')}"><div class="${c('site-branding')}"><p class="${c('site-title')}"><a href="/">${esc(site.brand)}</a></p></div><nav class="${c('main-navigation')}"><ul class="${c('menu')}"><li><a href="/societe/">Société</a></li><li><a href="/conso/">Consommation</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header><div id="${c('content')}" class="${c('site-content')}"><div id="${c('primary')}" class="${c('content-area')}"><main id="${c('main')}" class="${c('site-main')}">${main}</main></div><aside id="${c('secondary')}" class="${c('widget-area')}"><section class="${c('widget widget_recent_entries')}"><h2 class="${c('widget-title')}">Articles récents</h2><ul><li><a href="/2026/03/budget-menages/">Budget des ménages : ce qui change</a></li><li><a href="/2026/02/aides-renovation/">Aides à la rénovation</a></li></ul></section></aside></div><footer id="${c('colophon')}" class="${c('site-footer')}">${operatorLines(
    v,
  )
    .map((l) => `<p>${l}</p>`)
    .join('')}<div class="${c('site-info')}">© ${esc(site.brand)}</div></footer></div></body></html>`;
}

export function renderPress(site: Site): Map<string, string> {
  const v = makeView(site, { ad: () => '/', list: () => '/' }, []);
  const prose = site.prose ?? [];
  const parts: string[] = [];
  site.ads.forEach((ad, i) => {
    parts.push(`<p>${esc(prose[i % Math.max(1, prose.length)] ?? '')}</p>`, quote(ad));
  });
  parts.push(...prose.slice(site.ads.length).map((p) => `<p>${esc(p)}</p>`));
  const article = `<article class="${v.c('post type-post status-publish format-standard hentry')}"><header class="${v.c('entry-header')}"><h1 class="${v.c('entry-title')}">Services à domicile : enquête sur les petites annonces</h1><div class="${v.c('entry-meta')}"><span class="${v.c('posted-on')}">Publié le 12 mars 2026</span> <span class="${v.c('byline')}">par la rédaction</span></div></header><div class="${v.c('entry-content')}">${parts.join('')}</div></article>`;
  const out = new Map<string, string>();
  out.set(
    '/2026/03/enquete-services-domicile/',
    newsFrame(v, `Enquête : services à domicile – ${site.brand}`, article),
  );
  out.set(
    '/',
    newsFrame(
      v,
      site.brand,
      `<article class="${v.c('post hentry')}"><h2 class="${v.c('entry-title')}"><a href="/2026/03/enquete-services-domicile/">Services à domicile : enquête sur les petites annonces</a></h2><div class="${v.c('entry-summary')}"><p>${esc(prose[0] ?? '')}</p></div></article>`,
    ),
  );
  return out;
}

export function renderForum(site: Site): Map<string, string> {
  const v = makeView(site, { ad: () => '/', list: () => '/' }, []);
  const { c } = v;
  const prose = site.prose ?? [];
  const posts: string[] = [];
  const authors = ['bricoleur35', 'Marie_T', 'jardin_zen', 'Kevin.D', 'lola2010', 'papy_bricole'];
  const n = Math.max(prose.length, site.ads.length + 2);
  for (let i = 0; i < n; i++) {
    const ad = site.ads[i];
    const body = `${esc(prose[i % Math.max(1, prose.length)] ?? '')}${ad ? `<blockquote class="${c('uncited')}"><div>${esc(ad.title)} — ${esc(bodyText(ad).join(' '))}</div></blockquote>` : ''}`;
    posts.push(
      `<div id="${c(`p${1000 + i}`)}" class="${c(`post has-profile bg${(i % 2) + 1}`)}"><div class="${c('inner')}"><dl class="${c('postprofile')}" id="${c(`profile${1000 + i}`)}"><dt class="${c('has-profile-rank')}"><a href="/memberlist.php?mode=viewprofile&amp;u=${i + 2}" class="${c('username')}">${authors[i % authors.length]}</a></dt><dd class="${c('profile-posts')}"><strong>Messages :</strong> ${((i * 37) % 400) + 3}</dd></dl><div class="${c('postbody')}"><div id="${c(`post_content${1000 + i}`)}"><h3${i === 0 ? ` class="${c('first')}"` : ''}><a href="#p${1000 + i}">Re: Avis sur une annonce de dépannage</a></h3><p class="${c('author')}">par <strong>${authors[i % authors.length]}</strong> » 1${i} mars 2026</p><div class="${c('content')}">${body}</div></div></div></div></div>`,
    );
  }
  const page = `${v.head(`Avis sur une annonce de dépannage - ${site.brand}`, ['/styles/prosilver/theme/stylesheet.css'])}\n<body id="${c('phpbb')}" class="${c('nojs notouch section-viewtopic ltr')}"><div id="${c('wrap')}" class="${c('wrap')}"><div id="${c('page-header')}"><div class="${c('headerbar')}"><div class="${c('inner')}"><div id="${c('site-description')}" class="${c('site-description')}"><h1>${esc(site.brand)}</h1><p>Forum d’entraide entre voisins</p></div></div></div><div class="${c('navbar')}"><ul id="${c('nav-breadcrumbs')}" class="${c('nav-breadcrumbs linklist navlinks')}"><li class="${c('breadcrumbs')}"><span class="${c('crumb')}"><a href="/index.php">Index du forum</a></span> <span class="${c('crumb')}"><a href="/viewforum.php?f=4">Travaux et dépannage</a></span></li></ul></div></div><div id="${c('page-body')}" class="${c('page-body')}"><h2 class="${c('topic-title')}"><a href="/viewtopic.php?t=812">Avis sur une annonce de dépannage</a></h2><div class="${c('action-bar bar-top')}"><div class="${c('pagination')}">${n} messages • Page <strong>1</strong> sur <strong>1</strong></div></div>${posts.join('<hr class="divider">')}</div><div id="${c('page-footer')}" class="${c('page-footer')}"><div class="${c('copyright')}">Développé par phpBB® Forum Software © phpBB Limited</div></div></div></body></html>`;
  return new Map([
    ['/viewtopic.php?t=812', page],
    ['/index.php', page.replace('section-viewtopic', 'section-index')],
  ]);
}

export function renderDirectory(site: Site): Map<string, string> {
  const v = makeView(
    site,
    {
      ad: (ad) => `/places/${slug(ad.title)}-${ad.id.slice(2)}/`,
      list: (p) => (p === 1 ? '/places/' : `/places/page/${p}/`),
    },
    [],
  );
  const { c } = v;
  const prose = site.prose ?? [];
  const out = new Map<string, string>();
  const frame = (title: string, main: string) =>
    `${v.head(title, ['/wp-content/plugins/geodirectory/assets/css/style.css'])}\n<body class="${c('geodir-page')}"><div id="${c('page')}" class="${c('site')}"><header id="${c('masthead')}" class="${c('site-header')}"><a href="/" class="${c('site-title')}">${esc(site.brand)}</a></header><div id="${c('content')}" class="${c('site-content')}"><div class="${c('geodir-search-container')}"><form class="${c('geodir-listing-search')}" action="/" method="get"><input type="text" name="s" class="${c('search_text')}"><button class="${c('geodir_submit_search')}">Rechercher</button></form></div><main id="${c('main')}">${main}</main></div><footer class="${c('site-footer')}">${operatorLines(
      v,
    )
      .map((l) => `<p>${l}</p>`)
      .join('')}<p>${esc(prose[0] ?? '')}</p></footer></div></body></html>`;
  const pages = Math.max(1, Math.ceil(site.ads.length / site.perPage));
  for (const p of pagesOf(pages)) {
    const list = site.ads.slice((p - 1) * site.perPage, p * site.perPage);
    const lis = list.map(
      (ad) =>
        `<li class="${c('gd_place type-gd_place geodir-post')}"><div class="${c('gd-list-item-center')}"><div class="${c('geodir-post-title')}"><h2 class="${c('geodir-entry-title')}"><a href="${v.adUrl(ad)}">${esc(ad.title)}</a></h2></div><div class="${c('geodir_post_meta geodir-field-address')}">${esc(ad.town)} ${ad.postcode}</div><div class="${c('geodir_post_meta geodir-field-phone')}"><a href="tel:${ad.advertiser.phone}">${v.sitePhone(ad.advertiser.phone)}</a></div><div class="${c('geodir-post-content-container')}">${esc(prose[1] ?? '')}</div></div></li>`,
    );
    out.set(
      v.listUrl(p),
      frame(
        `Annuaire – ${site.brand}`,
        `<div class="${c('geodir-loop-container')}"><ul class="${c('geodir-category-list-view clearfix gridview_onehalf geodir-listing-posts')}">${lis.join('')}</ul></div><div class="${c('geodir-pagination')}">${pagesOf(
          pages,
        )
          .map((n) => `<a class="${c('page-numbers')}" href="${v.listUrl(n)}">${n}</a>`)
          .join(' ')}</div>`,
      ),
    );
  }
  for (const ad of site.ads)
    out.set(
      v.adUrl(ad),
      frame(
        `${ad.title} – ${site.brand}`,
        `<div class="${c('geodir-single-content')}"><h1 class="${c('geodir-entry-title')}">${esc(ad.title)}</h1><div class="${c('geodir_post_meta geodir-field-phone')}">Téléphone : ${v.sitePhone(ad.advertiser.phone)}</div><div class="${c('geodir_post_meta geodir-field-post_content')}">${bodyText(
          ad,
        )
          .map((s) => `<p>${esc(s)}</p>`)
          .join('')}</div><p>${esc(prose[2] ?? '')}</p></div>`,
      ),
    );
  return out;
}
