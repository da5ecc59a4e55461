/**
 * Better Classifieds (dejanvasic85/betterclassifieds, ASP.NET MVC + Bootstrap 3: Views/Shared/_ApplicationLayout,
 * Views/Listings/Index, _AdSummary and ViewAd): list-group summaries, the carousel gallery, the #adDetailsPanel
 * table with glyphicons. Rebuilt by hand in French.
 */
import type { Ad } from '../model.ts';
import { type Ctx, img, type ScriptKit } from '../render.ts';
import { hashString } from '../rng.ts';
import { descriptionText, esc, formatDate, phoneHtml, trackerHead, truncateWords } from '../site.ts';

function documentId(ctx: Ctx, ad: Ad, k: number): string {
  // Each group opens with a letter, so no run of digits in a document id reads as a phone number.
  const h = (s: string) => {
    const v = hashString(s);
    return `${'abcdef'[v % 6]}${v.toString(16).padStart(8, '0').slice(1)}`;
  };
  const base = `${ctx.board.domain}|${ad.key}|${k}`;
  return `${h(base)}-${h(`x${base}`).slice(0, 4)}-${h(`y${base}`).slice(0, 4)}-${h(`z${base}`)}`;
}

const detail = (icon: string, value: string) =>
  `<tr><td><i class="glyphicon glyphicon-${icon}"></i></td><td>${value}</td></tr>`;

export const BETTERCLASSIFIEDS: ScriptKit = {
  name: 'betterclassifieds',
  homeUrl: (p) => (p === 1 ? '/' : `/Listings/Find?page=${p}`),
  categoryUrl: (t, p) => `/Listings/Find?category=${t.slug}${p === 1 ? '' : `&page=${p}`}`,
  adUrl: (ad) => `/Ad/${ad.slug}/${ad.id}`,
  contactUrl: '/Home/ContactUs',
  legalUrl: '/Home/Terms',
  photoUrl: (ad, k) => `/Image/Render?documentId=${ad.id}-${k}&height=500&width=900`,
  thumbUrl: (ad) => `/Image/Render?documentId=${ad.id}-0&height=100&width=200`,
  page(ctx, title, body) {
    const b = ctx.board;
    const nav = b.trades
      .slice(0, 5)
      .map((t) => `<li><a href="${esc(BETTERCLASSIFIEDS.categoryUrl(t, 1))}">${esc(t.label)}</a></li>`);
    return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<title>${esc(title)} | ${esc(b.title)}</title>
<link href="/Content/bootstrap.min.css" rel="stylesheet" />
<link href="/Content/font-awesome.min.css" rel="stylesheet" />
<link href="/Content/site.css" rel="stylesheet" />
${trackerHead(b)}
</head>
<body>
<div class="container">
<div class="row" style="padding: 20px 0 10px 0;"><div class="col-md-12"><div class="btn-group pull-right"><a class="btn btn-default" href="/Account/Login">Connexion</a><a class="btn btn-primary" href="/Booking/Step1">Déposer une annonce</a></div></div></div>
<div class="navbar navbar-default" role="navigation" id="navbar"><div class="container-fluid">
<div class="navbar-header"><button type="button" class="navbar-toggle" data-toggle="collapse" data-target=".navbar-collapse"><span class="sr-only">Menu</span><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></button><a class="navbar-brand" href="/">${esc(b.title)}</a></div>
<div class="navbar-collapse collapse"><ul class="nav navbar-nav"><li class="active"><a href="/">Explorer</a></li>${nav.join('')}<li><a href="${BETTERCLASSIFIEDS.contactUrl}">Contact</a></li></ul></div>
</div></div>
${ctx.look.banner ? `<div class="alert alert-info">${esc(ctx.look.banner)}</div>` : ''}
<div class="row"><form role="form" action="/Listings/Find"><div class="col-md-10"><input type="text" name="keyword" class="form-control" placeholder="Mot-clé ou numéro d'annonce"></div><div class="col-md-2"><button type="submit" class="btn btn-default btn-block">Rechercher</button></div></form></div>
${body}
<div class="jumbotron"><h1>Déposer une annonce</h1><p>Proposez vos services aux habitants de votre ville en quelques minutes.</p><p><a class="btn btn-lg btn-primary" href="/Booking/Step1" role="button">Déposer une annonce &raquo;</a></p></div>
</div>
<footer class="footer"><div class="container"><p class="text-muted">&copy; 2026 ${esc(b.title)} &ndash; <a href="${BETTERCLASSIFIEDS.legalUrl}">Conditions et mentions légales</a> &ndash; ${esc(b.operator.email)}</p></div></footer>
<script src="/Scripts/jquery-2.1.1.min.js"></script>
<script src="/Scripts/bootstrap.min.js"></script>
<script src="/Scripts/knockout-3.2.0.js"></script>
</body>
</html>`;
  },
  listing(ctx, heading, ads, pager) {
    const items = ads
      .map((ad) => {
        const thumb = ad.photos[0]
          ? img(
              ctx,
              BETTERCLASSIFIEDS.thumbUrl(ad, ctx.look.thumbStyle),
              ad.photos[0],
              ctx.look.thumbStyle,
              'class="thumbnail img-responsive" alt="200x100"',
            )
          : '<i class="thumbnail fa fa-5x fa-wrench"></i>';
        return `<a href="${esc(BETTERCLASSIFIEDS.adUrl(ad))}" class="list-group-item">
<div class="row">
<div class="col-md-4 listing-img text-center">${thumb}</div>
<div class="col-md-8">
<h4 class="media-heading">${esc(ad.title)}</h4>
<p>${esc(truncateWords(ad.sentences.join(' '), 150))}</p>
<p><span class="label label-category">${esc(ad.trade.label)}</span> <span class="label label-category">${esc(ad.town)}</span></p>
<p><small>${formatDate(ad.date)}</small></p>
</div>
</div>
</a>`;
      })
      .join('\n');
    return `<div class="row top-buffer-20"><div class="col-xs-12"><div class="breadcrumb">${esc(heading)}</div></div></div>
<div class="row"><div class="col-xs-12"><div class="list-group">
${items}
</div>
${pager}
</div></div>`;
  },
  pager(_ctx, current, total, urlOf) {
    if (total < 2) return '';
    const items = Array.from(
      { length: total },
      (_, i) => `<li${i + 1 === current ? ' class="active"' : ''}><a href="${esc(urlOf(i + 1))}">${i + 1}</a></li>`,
    );
    return `<nav><ul class="pagination">${items.join('')}</ul></nav>`;
  },
  ad(ctx, ad) {
    const style = ctx.look.photoStyle;
    const slides = ad.photos.map(
      (pic, k) =>
        `<div class="item${k === 0 ? ' active' : ''}">${img(ctx, `/Image/Render?documentId=${documentId(ctx, ad, k)}&height=500&width=900`, pic, style, k === 0 ? 'alt="900x500"' : '')}</div>`,
    );
    const gallery = ad.photos.length
      ? `<div id="imageGallery" class="carousel slide" data-ride="carousel">
${ad.photos.length > 1 ? `<ol class="carousel-indicators">${ad.photos.map((_, k) => `<li data-target="#imageGallery" data-slide-to="${k}"${k === 0 ? ' class="active"' : ''}></li>`).join('')}</ol>` : ''}
<div class="carousel-inner">${slides.join('')}</div>
${ad.photos.length > 1 ? '<a class="left carousel-control" href="#imageGallery" data-slide="prev"><span class="glyphicon glyphicon-chevron-left"></span></a><a class="right carousel-control" href="#imageGallery" data-slide="next"><span class="glyphicon glyphicon-chevron-right"></span></a>' : ''}
</div>`
      : '';
    const a = ad.advertiser;
    return `<div class="container top-buffer-60">
<ol class="breadcrumb"><li>Services</li><li>${esc(ad.trade.label)}</li><li><strong>${ad.id}</strong></li></ol>
<div class="container-fluid container-body left-buffer-20">
<h2 class="ad-title-h2">${esc(ad.title)}</h2>
<div class="row visible-xs"><div class="col-xs-12"><a class="btn btn-block btn-default" href="#contactAdvertiserForm">Contacter l'annonceur</a></div></div>
<div class="row top-buffer-10">
<div class="col-md-8">
${gallery}
<div class="top-buffer-40"><p>${esc(descriptionText(ad, ctx.look))}</p></div>
</div>
<div class="col-md-4">
<div class="btn-group bottom-buffer-10"><button class="btn btn-default disabled">Partager :</button><a class="btn btn-default" id="shareOnTwitter" title="Sur Twitter" href="#"><i class="fa fa-twitter fa-lg tw"></i></a></div>
<div class="panel panel-primary" id="adDetailsPanel">
<div class="panel-heading"><h4>Détails (annonce n° ${ad.id})</h4></div>
<table class="table table-striped">
${detail('user', esc(a.name))}
${a.email ? detail('envelope', `<a href="mailto:${a.email}">${a.email}</a>`) : ''}
${detail('phone', phoneHtml(a, ctx.look))}
${detail('euro', esc(ad.price))}
${detail('globe', esc(ad.town))}
${detail('calendar', formatDate(ad.date))}
${detail('eye-open', String((hashString(ad.key) % 300) + 12))}
</table>
</div>
</div>
</div>
<div class="row top-buffer-20"><div class="col-xs-12" id="contactAdvertiserForm"><contact-advertiser params="isLoggedIn: false, adId: ${ad.id}" /></div></div>
</div>
</div>`;
  },
  contact(ctx) {
    const o = ctx.board.operator;
    return `<div class="row top-buffer-20"><div class="col-md-8"><h2>Contactez-nous</h2><p>Une question, un abus à signaler ? Écrivez-nous à <a href="mailto:${o.email}">${o.email}</a>.</p><p>Téléphone : ${esc(`+33 ${o.phone.slice(1).replace(/(\d)(\d\d)(\d\d)(\d\d)(\d\d)/, '$1 $2 $3 $4 $5')}`)}</p>
<form role="form" method="post" action="/Home/ContactUs"><div class="form-group"><label for="FullName">Nom</label><input class="form-control" id="FullName" name="FullName" type="text"></div><div class="form-group"><label for="Comment">Message</label><textarea class="form-control" id="Comment" name="Comment" rows="5"></textarea></div><button type="submit" class="btn btn-primary">Envoyer</button></form></div></div>`;
  },
  legal(ctx) {
    const o = ctx.board.operator;
    return `<div class="row top-buffer-20"><div class="col-md-12"><h2>Conditions d'utilisation et mentions légales</h2><p>${esc(ctx.board.title)} est un service de ${esc(o.company)} (${esc(o.address)}).</p><p>Contact : ${o.email}, ${esc(o.phone)}.</p><p>Les annonceurs sont seuls responsables du contenu de leurs annonces et des prestations proposées.</p></div></div>`;
  },
};
