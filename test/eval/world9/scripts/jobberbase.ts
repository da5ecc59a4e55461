/**
 * Jobberbase (jobberbase/jobberbase, app/_templates/default: header.tpl, posts-loop.tpl, job-details.tpl, footer.tpl)
 * as a French home-services board: the ids and classes of those templates, rebuilt by hand; the photo block and the
 * advertiser's number are the mods such boards add (the script itself shows neither).
 */
import type { Ad } from '../model.ts';
import { type Ctx, img, type ScriptKit } from '../render.ts';
import { descriptionText, esc, formatDate, phoneHtml, trackerHead } from '../site.ts';

const T = '_templates/default';

function header(ctx: Ctx): string {
  const b = ctx.board;
  const cats = b.trades
    .map(
      (t) =>
        `<li id="${t.slug}"><a href="/annonces/${t.slug}/" title="${t.slug}"><span>${esc(t.label)}</span><span class="cnr">&nbsp;</span></a></li>`,
    )
    .join('\n');
  return `<div id="container">
${ctx.look.banner ? `<div id="status">${esc(ctx.look.banner)}</div><!-- #status -->` : ''}
<div id="header">
<h1 id="logo"><a href="/" title="${esc(b.title)}">${esc(b.title)}</a></h1>
<ul id="top"><li><a href="/" title="Accueil">Accueil</a></li><li>&bull;</li><li><a href="/publier/" title="Publier">Publier une annonce</a></li><li>&bull;</li><li><a href="/a-propos/" title="À propos">À propos</a></li></ul>
<div id="the_feed"><a href="/rss/all/" title="Flux RSS"><img src="/${T}/img/bt-rss.png" alt="RSS" /></a></div>
</div><!-- #header -->
<div id="box">
<div id="search"><form id="search_form" method="post" action="/search/"><fieldset><div><input type="text" name="keywords" id="keywords" maxlength="30" value="rechercher une annonce" /><span id="indicator" style="display: none;"><img src="/${T}/img/ajax-loader.gif" alt="" /></span></div><div><label class="suggestionTop">ex. : tonte, peinture, déménagement</label></div></fieldset></form></div><!-- #search -->
<div class="addJob"><a href="/publier/" title="Publier une annonce" class="add">Publier une annonce</a></div><!-- .addJob -->
</div><!-- #box -->
<div id="categs-nav"><ul>
${cats}
</ul></div><!-- #categs-nav -->
<div class="clear"></div>`;
}

function footer(ctx: Ctx): string {
  return `</div><!-- #container -->
<div class="footer"><div id="footer-contents">
<div id="footer-col1">Utiliser le site :<br /><a href="/publier/" title="Publier">Publier une annonce</a><br /><a href="/widgets/" title="Widgets">Widgets</a><br /><a href="/rss/" title="RSS">Flux RSS</a><br /></div>
<div id="footer-col2">Informations :<br /><a href="/a-propos/" title="À propos">À propos</a><br /><a href="/contact/" title="Contact">Contact</a><br /><a href="/mentions-legales/" title="Mentions légales">Mentions légales</a></div>
<div id="footer-col3">Divers :<br /><a href="/annonceurs/" title="Annonceurs">Annonceurs</a><br /><a href="/villes/" title="Villes">Villes</a><br /><a href="/sitemap/" title="Plan du site">Plan du site</a><br /></div>
<div id="footer-copyright">&copy; ${esc(ctx.board.title)} – ${esc(ctx.board.operator.email)} – propulsé par jobberBase</div>
<div class="clear"></div>
</div><!-- #footer-contents --></div><!-- .footer -->
<script type="text/javascript">//<![CDATA[
$(document).ready(function(){ var keywords = $('#keywords'); keywords.bind('click', function(){ if (this.value == 'rechercher une annonce') keywords.clearFields(); }); });
Jobber.jobber_url = "/";
//]]></script>`;
}

function typeOf(ad: Ad): { v: string; n: string } {
  return ad.advertiser.pro ? { v: 'pro', n: 'Professionnel' } : { v: 'particulier', n: 'Particulier' };
}

export const JOBBERBASE: ScriptKit = {
  name: 'jobberbase',
  homeUrl: (p) => (p === 1 ? '/' : `/?p=${p}`),
  categoryUrl: (t, p) => `/annonces/${t.slug}/${p === 1 ? '' : `?p=${p}`}`,
  adUrl: (ad) => `/annonce/${ad.id}/${ad.slug}/`,
  contactUrl: '/contact/',
  legalUrl: '/mentions-legales/',
  photoUrl: (ad, k) => `/uploads/annonces/${ad.id}-${k + 1}.jpg`,
  thumbUrl: (ad) => `/uploads/annonces/mini/${ad.id}-1.jpg`,
  page(ctx, title, body) {
    return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="fr">
<head>
<title>${esc(title)}</title>
<meta name="description" content="${esc(ctx.board.title)} : petites annonces de services à domicile et petits travaux" />
<meta name="keywords" content="jardinage, ménage, bricolage, déménagement, cours" />
<meta http-equiv="Content-Type" content="application/xhtml+xml; charset=utf-8" />
<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon" />
<link rel="alternate" type="application/rss+xml" title="RSS 2.0" href="/rss/all/" />
<link rel="stylesheet" href="/${T}/css/screen.css" type="text/css" media="screen" />
<link rel="stylesheet" href="/${T}/css/print.css" media="print" type="text/css" />
<script src="/js/jquery.js" type="text/javascript"></script>
<script src="/js/jquery.form.js" type="text/javascript"></script>
<script src="/js/jquery.validate.pack.js" type="text/javascript"></script>
<script src="/js/functions.js" type="text/javascript"></script>
${trackerHead(ctx.board)}
</head>
<body>
${header(ctx)}
<div id="sidebar"><h3>Villes</h3><ul>${[...new Set(ctx.board.ads.map((a) => a.town))]
      .slice(0, 8)
      .map((t) => `<li><a href="/villes/">${esc(t)}</a></li>`)
      .join('')}</ul></div><!-- #sidebar -->
<div id="content">
${body}
</div><!-- #content -->
${footer(ctx)}
</body>
</html>`;
  },
  listing(_ctx, heading, ads, pager) {
    const rows = ads
      .map((ad, i) => {
        const t = typeOf(ad);
        return `<div class="${i % 2 === 0 ? 'row' : 'row-alt'}">
<img src="/${T}/img/icon-${t.v}.png" alt="${t.n}" />
<a href="/annonce/${ad.id}/${ad.slug}/" title="${esc(ad.title)}">${esc(ad.title)}</a> <span class="la">par</span> ${esc(ad.advertiser.name)} <span class="la">à</span> ${esc(ad.town)}
<span class="time-posted"><img src="/${T}/img/clock.gif" alt="" /> ${formatDate(ad.date)}</span>
</div>`;
      })
      .join('\n');
    return `<h2>${esc(heading)}</h2>\n${rows}\n<br/>\n${pager}`;
  },
  pager(_ctx, current, total, urlOf) {
    if (total < 2) return '';
    const links = Array.from({ length: total }, (_, i) =>
      i + 1 === current ? `<span class="current_page">${i + 1}</span>` : `<a href="${urlOf(i + 1)}">${i + 1}</a>`,
    );
    return `<div class="pagination">${links.join(' ')}</div>`;
  },
  ad(ctx, ad) {
    const t = typeOf(ad);
    const photos = ad.photos.length
      ? `<div id="job-photos">${ad.photos.map((pic, k) => img(ctx, JOBBERBASE.photoUrl(ad, k, ctx.look.photoStyle), pic, ctx.look.photoStyle, `alt="${esc(ad.title)}"`)).join('\n')}</div>`
      : '';
    const others = ctx.board.ads.filter((o) => o.advertiser === ad.advertiser && o !== ad).slice(0, 5);
    const more = others.length
      ? `<div id="company-posts"><h3>Autres annonces de ${esc(ad.advertiser.name)}</h3><ul>${others.map((o) => `<li><a href="/annonce/${o.id}/${o.slug}/">${esc(o.title)}</a></li>`).join('')}</ul></div>`
      : '';
    return `<div id="job-details">
<h2><img src="/${T}/img/icon-${t.v}.png" alt="${t.n}" /> ${esc(ad.title)}</h2>
<p><span class="fading">par</span> <strong>${esc(ad.advertiser.name)}</strong> <span class="fading">à</span> <strong>${esc(ad.town)}</strong></p>
<div id="job-description"><p>${esc(descriptionText(ad, ctx.look))}</p></div>
${photos}
<p class="job-contact">Tarif : <strong>${esc(ad.price)}</strong><br />Téléphone : <strong>${phoneHtml(ad.advertiser, ctx.look)}</strong>${ad.advertiser.email ? `<br />E-mail : <a href="mailto:${ad.advertiser.email}">${ad.advertiser.email}</a>` : ''}</p>
<br />
<div id="apply_online_now"><a href="#apply">&raquo; Répondre à l'annonce</a></div>
<br />${more}
</div><!-- #job-details -->`;
  },
  contact(ctx) {
    const o = ctx.board.operator;
    return `<h2>Contact</h2>
<p>Pour toute question sur le site, écrivez à <a href="mailto:${o.email}">${o.email}</a> ou appelez le ${esc(o.phone.replace(/(\d\d)(?=\d)/g, '$1 '))}.</p>
<form id="contact_form" method="post" action="/contact/"><table><tr><td><label for="contact_name">Nom :</label></td><td><input type="text" name="contact_name" id="contact_name" /></td></tr><tr><td><label for="contact_msg">Message :</label></td><td><textarea name="contact_msg" id="contact_msg" cols="50" rows="8"></textarea></td></tr><tr><td colspan="2"><input type="submit" name="submit" id="submit" value="Envoyer" /></td></tr></table></form>`;
  },
  legal(ctx) {
    const o = ctx.board.operator;
    return `<h2>Mentions légales</h2>
<div class="page-content"><p>Éditeur : ${esc(o.company)}, ${esc(o.address)}.</p><p>Contact : ${o.email} – ${esc(o.phone.replace(/(\d\d)(?=\d)/g, '$1.'))}</p><p>Le site met en relation des particuliers et des professionnels ; il n'est pas partie aux prestations proposées.</p><p>Hébergement : hébergeur mutualisé, serveurs situés dans l'Union européenne.</p></div>`;
  },
};
