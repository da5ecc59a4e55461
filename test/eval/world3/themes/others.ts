/**
 * Sites that are not classified-ad scripts but carry ads:
 * - phpBB 3.3 forum, style prosilver (phpbb/phpbb styles/prosilver/template/viewtopic_body.html, GPL-2.0): posts as
 *   `div.post > div.inner > div.postbody > h3 + p.author + div.content`, profiles in `dl.postprofile`;
 * - a WordPress news site on Twenty Twenty-One (wordpress/twentytwentyone, GPL-2.0): `article.post > header.entry-header
 *   > h1.entry-title`, `div.entry-content`, quoting a few ads in `blockquote.wp-block-quote`;
 * - an aggregator (world 3's own markup): search results with an excerpt and a link to the source site;
 * - a photo gallery (world 3's own markup, a lightbox grid as galleries built on PhotoSwipe render it).
 */
import type { Ad, Site } from '../model.ts';
import { dbId, esc, html, operatorBlock, type Page, paginate, phoneFor, priceText, slug } from './common.ts';

export function renderPhpbb(site: Site): Page[] {
  const story = site.story!;
  const head = (t: string) => `<title>${esc(t)} - ${esc(site.title)}</title>
<link href="/styles/prosilver/theme/stylesheet.css?assets_version=${site.skin + 12}" rel="stylesheet">
<link href="/styles/prosilver/theme/fr/stylesheet.css" rel="stylesheet">`;
  const frame = (t: string, inner: string) =>
    html(
      site,
      head(t),
      `<div id="wrap" class="wrap"><a id="top" class="top-anchor" accesskey="t"></a>
<div id="page-header"><div class="headerbar" role="banner"><div class="inner"><div id="site-description" class="site-description"><a id="logo" class="logo" href="/index.php" title="Index du forum"><span class="site_logo"></span></a><h1>${esc(site.title)}</h1><p>Entraide entre voisins et bons plans</p></div></div></div></div>
<div id="page-body" class="page-body" role="main">
${inner}
</div>
<div id="page-footer" class="page-footer" role="contentinfo"><div class="copyright">Développé par <a href="https://www.phpbb.com/">phpBB</a>&reg; Forum Software &copy; phpBB Limited</div></div></div>`,
      ` id="phpbb" class="nojs notouch section-viewtopic ltr "`,
    );
  const pages: Page[] = [];
  const posts = [
    { author: 'modo_local', text: story.paragraphs.join(' ') },
    ...site.ads.map((ad, i) => ({
      author: `${slug(ad.advertiser.name.split(' ')[0])}${i}`,
      text: `${esc(ad.title)} — ${i % 2 ? 'je l’ai fait venir le mois dernier, travail propre' : 'quelqu’un a déjà essayé ?'} Son numéro : ${phoneFor(site, ad)} (${esc(ad.town)}).`,
    })),
  ];
  const threads = paginate(posts, 10, '/viewtopic.php?t=4412', (n) => `/viewtopic.php?t=4412&start=${(n - 1) * 10}`);
  for (const [path, chunk] of threads)
    pages.push({
      path,
      html: frame(
        story.headline,
        `<h2 class="topic-title"><a href="/viewtopic.php?t=4412">${esc(story.headline)}</a></h2>
${chunk
  .map(
    (p, i) => `<div id="p${9000 + i}" class="post has-profile bg${(i % 2) + 1}"><div class="inner">
<dl class="postprofile" id="profile${9000 + i}"><dt class="has-profile-rank no-avatar"><a href="/memberlist.php?mode=viewprofile&amp;u=${70 + i}" class="username">${esc(p.author)}</a></dt><dd class="profile-rank">Membre</dd><dd class="profile-posts"><strong>Messages :</strong> ${12 + i * 3}</dd></dl>
<div class="postbody"><div id="post_content${9000 + i}"><h3 class="first"><a href="#p${9000 + i}">Re: ${esc(story.headline)}</a></h3>
<p class="author"><span class="responsive-hide">par <strong><a href="/memberlist.php?mode=viewprofile&amp;u=${70 + i}" class="username">${esc(p.author)}</a></strong> &raquo; </span>lun. ${3 + (i % 25)} mars 2025 ${10 + (i % 9)}:0${i % 10}</p>
<div class="content">${p.text}</div></div></div>
<div class="back2top"><a href="#top" class="top" title="Haut">Haut</a></div></div></div><hr class="divider">`,
  )
  .join('\n')}`,
      ),
    });
  pages.push({
    path: '/index.php',
    html: frame(
      'Index du forum',
      `<div class="forabg"><ul class="topiclist forums"><li class="row"><dl class="row-item forum_read"><dt><a href="/viewforum.php?f=3" class="forumtitle">Artisans et dépannages</a><br>Vos recommandations</dt></dl></li></ul></div>`,
    ),
  });
  return pages;
}

export function renderPress(site: Site): Page[] {
  const story = site.story!;
  const quoted = site.ads
    .map(
      (ad) =>
        `<blockquote class="wp-block-quote"><p>« ${esc(ad.title)}. ${esc(ad.body.split(/(?<=\.)\s/)[0])} »</p><cite>Annonce relevée par la rédaction, ${esc(ad.town)}</cite></blockquote>`,
    )
    .join('\n');
  const article = `<article id="post-${site.skin + 311}" class="post-${site.skin + 311} post type-post status-publish format-standard hentry category-faits-divers entry">
<header class="entry-header alignwide"><h1 class="entry-title">${esc(story.headline)}</h1></header>
<div class="entry-content">
${story.paragraphs
  .slice(0, 2)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
${quoted}
${story.paragraphs
  .slice(2)
  .map((p) => `<p>${p}</p>`)
  .join('\n')}
</div>
<footer class="entry-footer default-max-width"><div class="posted-by"><span class="posted-on">Publié le <time class="entry-date published">12 mars 2025</time></span><span class="byline">par <a href="/author/redaction/" rel="author">La rédaction</a></span></div></footer>
</article>`;
  const frame = (t: string, inner: string) =>
    html(
      site,
      `<title>${esc(t)} – ${esc(site.title)}</title>\n<link rel="stylesheet" id="twenty-twenty-one-style-css" href="/wp-content/themes/twentytwentyone/style.css?ver=2.${site.skin}" media="all">\n<meta name="generator" content="WordPress 6.5">`,
      `<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
<header id="masthead" class="site-header has-title-and-tagline" role="banner"><div class="site-branding"><p class="site-title"><a href="/">${esc(site.title)}</a></p><p class="site-description">L’actualité de la métropole</p></div></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
${inner}
</main></div></div>
<footer id="colophon" class="site-footer" role="contentinfo"><div class="site-info"><div class="powered-by">Fièrement propulsé par <a href="https://wordpress.org/">WordPress</a>.</div></div></footer></div>`,
      ` class="post-template-default single single-post wp-embed-responsive is-light-theme singular has-main-navigation"`,
    );
  return [
    {
      path: `/${new Date(2025, 2, 12).getFullYear()}/03/12/${slug(story.headline)}/`,
      html: frame(story.headline, article),
    },
    {
      path: '/',
      html: frame(
        'Accueil',
        `<h2 class="page-title">Derniers articles</h2><article class="post entry"><h2 class="entry-title"><a href="/2025/03/12/${slug(story.headline)}/">${esc(story.headline)}</a></h2><div class="entry-content"><p>${story.paragraphs[0]}</p></div></article>`,
      ),
    },
  ];
}

/** sources: the domain each ad is credited to. */
export function renderAggregator(site: Site, sources: Map<string, string>): Page[] {
  const result = (ad: Ad) => `<div class="result" data-id="${dbId(site, ad)}">
  <a class="result-title" href="/go/${dbId(site, ad)}" rel="nofollow">${esc(ad.title)}</a>
  <div class="result-meta"><span class="result-town">${esc(ad.town)}</span> · <span class="result-price">${priceText(ad)}</span> · vue sur <span class="result-source">${esc(sources.get(ad.id) ?? 'annuaire.example')}</span></div>
  <p class="result-excerpt">${esc(ad.body.slice(0, 80))}…</p>
</div>`;
  const frame = (t: string, inner: string) =>
    html(
      site,
      `<title>${esc(t)} · ${esc(site.title)}</title>\n<link rel="stylesheet" href="/static/app.${slug(site.name).slice(0, 6)}.css">`,
      `<div class="topbar"><a class="brand" href="/">${esc(site.title)}</a><form class="search" action="/recherche"><input name="q" placeholder="Un artisan, une ville…"><button>Chercher</button></form></div>
<main class="results">
${inner}
</main>
<footer class="legal">Les annonces restent la propriété de leurs auteurs et des sites d’origine.</footer>`,
    );
  return paginate(site.ads, 15, '/recherche?q=artisan', (n) => `/recherche?q=artisan&p=${n}`).map(([path, ads]) => ({
    path,
    html: frame('Résultats', `<h1>${site.ads.length} annonces trouvées</h1>\n${ads.map(result).join('\n')}`),
  }));
}

export function renderGallery(site: Site): Page[] {
  const tile = (ad: Ad) =>
    ad.photos
      .map(
        (p) =>
          `<figure class="pswp-tile"><a href="/media/full/${p}.jpg" data-pswp-width="1200" data-pswp-height="900"><img src="/media/thumb/${p}.jpg" alt="${esc(ad.title)}" loading="lazy"></a><figcaption>${esc(ad.title)} — ${phoneFor(site, ad)}</figcaption></figure>`,
      )
      .join('\n');
  const frame = (t: string, inner: string) =>
    html(
      site,
      `<title>${esc(t)} | ${esc(site.title)}</title>\n<link rel="stylesheet" href="/assets/photoswipe.css">\n<script type="module" src="/assets/photoswipe-lightbox.esm.js"></script>`,
      `<header class="gal-head"><h1>${esc(site.title)}</h1><p>Les réalisations de nos artisans en images</p></header>
<section class="pswp-gallery" id="gallery">
${inner}
</section>
<footer class="gal-foot">${operatorBlock(site, false)}</footer>`,
    );
  return paginate(site.ads, 12, '/', (n) => `/page/${n}/`).map(([path, ads]) => ({
    path,
    html: frame('Galerie', ads.map(tile).join('\n')),
  }));
}
