/**
 * The Zikula "Classifieds" module (rallek/Classifieds, templates/user/header.tpl, templates/user/classified/view.tpl
 * and display.tpl): the z-frontendbox header, the z-datatable list with its headers/cols, the display <dl>, two
 * pictures at most. The Zikula theme around the module is this world's own approximation (no theme was read).
 */
import type { Ad } from '../model.ts';
import { img, type ScriptKit } from '../render.ts';
import { hashString } from '../rng.ts';
import { descriptionText, esc, formatDate, phoneHtml, trackerHead, truncateWords } from '../site.ts';

const MOD = '/index.php?module=Classifieds&type=user';

function catId(slug: string): number {
  return (hashString(slug) % 40) + 2;
}

function endDate(ad: Ad): string {
  const [y, m, d] = ad.date.split('-').map(Number);
  const month = m + 2 > 12 ? m - 10 : m + 2;
  return `${String(d).padStart(2, '0')}/${String(month).padStart(2, '0')}/${m + 2 > 12 ? y + 1 : y}`;
}

function moduleHeader(): string {
  return `<div class="z-frontendbox">
<h2>Petites annonces</h2>
<ul class="z-menulinks"><li><a href="${MOD}&amp;func=view&amp;ot=classified" title="Liste des annonces">Annonces</a></li><li><a href="${MOD}&amp;func=edit&amp;ot=classified" title="Créer une annonce">Déposer une annonce</a></li></ul>
</div>`;
}

export const ZIKULA: ScriptKit = {
  name: 'zikula-classifieds',
  homeUrl: (p) => (p === 1 ? '/' : `${MOD}&func=view&ot=classified&pos=${(p - 1) * 10 + 1}`),
  categoryUrl: (t, p) =>
    `${MOD}&func=view&ot=classified&catidMain=${catId(t.slug)}${p === 1 ? '' : `&pos=${(p - 1) * 10 + 1}`}`,
  adUrl: (ad) => `${MOD}&func=display&ot=classified&id=${ad.id}`,
  contactUrl: '/index.php?module=Formicula&type=user&func=main',
  legalUrl: '/index.php?module=Legal&type=user&func=legalnotice',
  photoUrl: (ad, k) =>
    `/userdata/Classifieds/classified/${k === 0 ? 'picture' : 'picture2'}/${ad.slug.slice(0, 30)}_${ad.id}.jpg`,
  thumbUrl: (ad) => `/ztemp/systemplugin.imagine/classified-${ad.id}/${ad.slug.slice(0, 30)}_${ad.id}-thumb.jpg`,
  page(ctx, title, body) {
    const b = ctx.board;
    const nav = b.trades
      .map((t) => `<li><a href="${esc(ZIKULA.categoryUrl(t, 1))}" title="${esc(t.label)}">${esc(t.label)}</a></li>`)
      .join('');
    return `<!DOCTYPE html>
<html lang="fr" dir="ltr">
<head>
<meta charset="utf-8" />
<title>${esc(title)} :: ${esc(b.title)}</title>
<meta name="description" content="Services entre voisins et petits travaux" />
<meta name="generator" content="Zikula Application Framework" />
<link rel="stylesheet" href="/style/core.css" type="text/css" />
<link rel="stylesheet" href="/themes/Andreas08/style/style.css" type="text/css" />
<link rel="stylesheet" href="/modules/Classifieds/style/style.css" type="text/css" />
<script type="text/javascript" src="/javascript/ajax/proto_scriptaculous.combined.min.js"></script>
<script type="text/javascript" src="/javascript/helpers/Zikula.js"></script>
<script type="text/javascript" src="/modules/Classifieds/javascript/Classifieds.js"></script>
${trackerHead(b)}
</head>
<body>
<div id="theme_page_container">
<div id="theme_header"><h1 class="title"><a href="/">${esc(b.title)}</a></h1><h2>Les bonnes adresses de la région</h2></div>
<div id="theme_navigation_bar"><ul><li><a href="/">Accueil</a></li>${nav}</ul></div>
${ctx.look.banner ? `<div class="z-informationmsg">${esc(ctx.look.banner)}</div>` : ''}
<div id="theme_content">
${moduleHeader()}
${body}
</div>
<div id="theme_footer"><p>${esc(b.title)} &ndash; <a href="${ZIKULA.contactUrl}">Contact</a> &ndash; <a href="${ZIKULA.legalUrl}">Mentions légales</a> &ndash; ${esc(b.operator.email)}</p><p>Powered by Zikula</p></div>
</div>
</body>
</html>`;
  },
  listing(ctx, heading, ads, pager) {
    const rows = ads
      .map((ad, i) => {
        const pic = ad.photos[0]
          ? `<a href="${esc(ZIKULA.photoUrl(ad, 0, ctx.look.photoStyle))}" title="${esc(ad.title)}" rel="imageviewer[classified]">${img(ctx, ZIKULA.thumbUrl(ad, ctx.look.thumbStyle), ad.photos[0], ctx.look.thumbStyle, `alt="${esc(ad.title)}"`)}</a>`
          : 'n.d.';
        return `<tr class="${i % 2 === 0 ? 'z-odd' : 'z-even'}">
<td headers="hKind" class="z-left">${ad.advertiser.pro ? 'Offre pro' : 'Offre'}<br></td>
<td headers="hPicture" class="z-left">${pic}</td>
<td headers="hTitle" class="z-left"><a href="${esc(ZIKULA.adUrl(ad))}" title="Voir la fiche">${esc(ad.title)}</a><br>${esc(truncateWords(ad.sentences.join(' '), 80))}</td>
<td headers="hEnddate" class="z-left">${endDate(ad)}</td>
<td id="itemActions${ad.id}" headers="hPrice" class="z-right z-nowrap z-w02">${esc(ad.price)}<br></td>
</tr>`;
      })
      .join('\n');
    return `<div class="classifieds-classified classifieds-view">
<h2>${esc(heading)}</h2>
<table class="z-datatable">
<colgroup><col id="cKind" /><col id="cPicture" /><col id="cTitle" /><col id="cEnddate" /><col id="cItemActions" /></colgroup>
<thead><tr><th id="hKind" scope="col" class="z-left"><a href="${MOD}&amp;func=view&amp;ot=classified&amp;sort=kind">Type</a></th><th id="hPicture" scope="col" class="z-left">Photo</th><th id="hTitle" scope="col" class="z-left">Annonce</th><th id="hEnddate" scope="col" class="z-left"><a href="${MOD}&amp;func=view&amp;ot=classified&amp;sort=enddate">Fin</a></th><th id="hItemActions" scope="col" class="z-right z-order-unsorted"><a href="${MOD}&amp;func=view&amp;ot=classified&amp;sort=price">Prix</a></th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${pager}
</div>`;
  },
  pager(_ctx, current, total, urlOf) {
    if (total < 2) return '';
    const items = Array.from({ length: total }, (_, i) =>
      i + 1 === current
        ? `<span class="z-pagerselected">${i + 1}</span>`
        : `<a href="${esc(urlOf(i + 1))}" class="z-pagerlink">${i + 1}</a>`,
    );
    return `<div class="z-pager">${items.join(' | ')}</div>`;
  },
  ad(ctx, ad) {
    const pic = (k: number) => {
      const p = ad.photos[k];
      if (!p) return `<img src="/modules/Classifieds/images/dummy.png" alt="" />`;
      return `<a href="${esc(ZIKULA.photoUrl(ad, k, ctx.look.photoStyle))}" title="${esc(ad.title)}" rel="imageviewer[classified]">${img(ctx, ZIKULA.photoUrl(ad, k, ctx.look.photoStyle), p, ctx.look.photoStyle, `alt="${esc(ad.title)}"`)}</a>`;
    };
    const mail = ad.advertiser.email
      ? `<a href="mailto:${ad.advertiser.email}" title="Envoyer un e-mail"><img src="/images/icons/extrasmall/mail_generic.png" alt="E-mail" /></a>`
      : '&nbsp;';
    return `<div class="classifieds-classified classifieds-display">
<h2>${esc(ad.title)} <small>(approuvée)</small></h2>
<dl>
<dt>État</dt><dd>Approuvée</dd>
<dt>Titre</dt><dd>${esc(ad.title)}</dd>
<dt>Type</dt><dd>${ad.advertiser.pro ? 'Offre pro' : 'Offre'}</dd>
<dt>Description</dt><dd>${esc(descriptionText(ad, ctx.look))}</dd>
<dt>Prix</dt><dd>${esc(ad.price)}</dd>
<dt>E-mail</dt><dd>${mail}</dd>
<dt>Téléphone</dt><dd>${phoneHtml(ad.advertiser, ctx.look)}</dd>
<dt>Photo</dt><dd>${pic(0)}</dd>
<dt>Photo 2</dt><dd>${pic(1)}</dd>
<dt>Début de l'annonce</dt><dd>${formatDate(ad.date)}</dd>
<dt>Fin de l'annonce</dt><dd>${endDate(ad)}</dd>
</dl>
<div class="classifieds-display-categories"><h3>Catégories</h3><ul><li>${esc(ad.trade.label)}</li><li>${esc(ad.town)}</li></ul></div>
<dl class="propertylist"><dt>Créée par</dt><dd>${esc(ad.advertiser.name)}</dd><dt>Créée le</dt><dd>${formatDate(ad.date)}</dd></dl>
</div>`;
  },
  contact(ctx) {
    const o = ctx.board.operator;
    return `<div class="formicula"><h2>Nous contacter</h2><p>Adresse : ${esc(o.address)}</p><p>Téléphone : ${esc(o.phone.replace(/(\d\d)(?=\d)/g, '$1 '))} – courriel : <a href="mailto:${o.email}">${o.email}</a></p>
<form class="z-form" action="/index.php?module=Formicula&amp;type=user&amp;func=send" method="post"><fieldset><legend>Votre message</legend><div class="z-formrow"><label for="uname">Nom</label><input id="uname" name="userdata[uname]" type="text" /></div><div class="z-formrow"><label for="comment">Message</label><textarea id="comment" name="userdata[comment]" rows="6" cols="40"></textarea></div><div class="z-formbuttons"><input type="submit" value="Envoyer" /></div></fieldset></form></div>`;
  },
  legal(ctx) {
    const o = ctx.board.operator;
    return `<div class="legal-legalnotice"><h2>Mentions légales</h2><p>Le site ${esc(ctx.board.title)} est édité par ${esc(o.company)}, ${esc(o.address)}.</p><p>Directeur de la publication : le gérant. Joignable au ${esc(o.phone.replace(/(\d\d)(?=\d)/g, '$1 '))} ou par courriel (${o.email}).</p><p>Les annonces sont publiées sous la responsabilité de leurs auteurs.</p></div>`;
  },
};
