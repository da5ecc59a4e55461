/**
 * DCF, the Django Classified app (github.com/slyapustin/django-classified, MIT): its Bootstrap 3
 * "jumbotron-narrow" shell (dcf/templates/_base.html), its item table (dcf/templates/dcf/item_list.inc.html) and
 * its item page (dcf/templates/dcf/item_detail.html), with sorl-thumbnail cache paths for pictures.
 */
import { contactIntro, esc, label, legalBody, photoToken, slug, trackerTags } from './html.ts';
import type { ScriptKit } from './kit.ts';

export const dcf: ScriptKit = {
  adUrl: (ad, title) => `/item/${ad.id.replace(/\D/g, '')}-${slug(title)}/`,
  listUrl: (page) => (page === 1 ? '/' : `/?page=${page}`),
  catUrl: (s) => `/section/${s}/`,
  contactUrl: '/page/contact/',
  legalUrl: '/page/mentions-legales/',
  rulesUrl: '/page/regles-de-diffusion/',
  photoUrl: (site, id, _i, thumb) => {
    const t = photoToken(site, id);
    return `/media/cache/${t.slice(0, 2)}/${t.slice(2, 4)}/${t}${thumb ? 't' : ''}.jpg`;
  },
  page(site, title, body, categories) {
    const lang = site.lang;
    return `<!DOCTYPE HTML>
<html lang="${lang}"><head><title>${esc(title)} | ${esc(site.title)}</title>
<meta name="description" content="${esc(site.tagline)}" />
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<link rel="icon" type="image/x-icon" href="/static/dcf/img/favicon.ico" />
<link href="/static/CACHE/css/output.${photoToken(site, 'css').slice(0, 6)}.css" rel="stylesheet" type="text/css">
<link rel="alternate" type="application/rss+xml" href="/rss/">
${trackerTags(site)}
</head><body><div class="container">
<div class="header clearfix"><nav><ul class="nav nav-pills pull-right">
<li role="presentation" class="active"><a href="/item/new/">${label(lang, 'add')}</a></li>
<li role="presentation"><a href="/">${label(lang, 'home')}</a></li>
<li role="presentation"><a href="/search/">${label(lang, 'search')}</a></li>
</ul></nav><h3 class="text-muted">${esc(site.title)}</h3></div>
<div class="row"><div class="col-lg-12"><ul class="list-inline">${categories
      .map((c) => `<li><a href="${c.url}">${esc(c.name)}</a></li>`)
      .join('')}</ul></div></div>
${body}
<footer class="footer"><span class="pull-left">${esc(site.title)} · <a href="${this.contactUrl}">${label(lang, 'contact')}</a> · <a href="${this.legalUrl}">${label(lang, 'legal')}</a></span>
<span class="pull-right">Powered by <a href="https://github.com/inoks/dcf" title="DCF Django Classified App">DCF Django Classified App</a></span></footer>
</div>
<link rel="stylesheet" href="//maxcdn.bootstrapcdn.com/bootstrap/3.3.6/css/bootstrap.min.css">
<script src="//ajax.googleapis.com/ajax/libs/jquery/1.12.0/jquery.min.js"></script>
<script src="/static/dcf/js/lightbox.min.js"></script>
</body></html>`;
  },
  list(site, views, heading, pager) {
    const lang = site.lang;
    if (views.length === 0) return `<p>${label(lang, 'noItems')}</p>`;
    const rows = views
      .map((v) => {
        const img = v.thumb
          ? `<a href='${v.url}' title="${esc(v.title)}"><img src='${v.thumb.url}' alt='${esc(v.title)}' title='${esc(v.title)}' width="45" height="45" class="img-rounded" />${
              v.photos.length > 1
                ? `<span class="badge badge-notify" title="${v.photos.length - 1} more photos available"> + ${v.photos.length - 1}</span>`
                : ''
            }</a>`
          : '';
        return `<tr><td>${img}<a href='${v.url}' title='${esc(v.title)}'>${esc(v.title)}</a></td><td>${v.price}</td></tr>`;
      })
      .join('\n');
    const pages = `<ul class="pager">${pager.prev ? `<li class="previous"><a href="${pager.prev}">&larr; ${label(lang, 'prev')}</a></li>` : ''}${
      pager.next ? `<li class="next"><a href="${pager.next}">${label(lang, 'next')} &rarr;</a></li>` : ''
    }</ul>`;
    return `<div class="row"><div class="col-lg-12"><h2>${esc(heading)}</h2>
<table class="table table-hover"><thead><tr><td></td><td>${label(lang, 'price')}</td></tr></thead><tbody>
${rows}
</tbody></table>${pages}</div></div>`;
  },
  ad(site, v, related) {
    const lang = site.lang;
    const text = site.gallery ? '' : v.sentences.map(esc).join('<br />\n');
    const imgs = v.photos
      .map(
        (p) =>
          `<a href='${p.url}' data-lightbox="lightbox[${v.ad.id}]" title="${esc(v.title)}"><img src='${p.url}' alt='${esc(v.title)}' title='${esc(v.title)}' class="img-rounded" /></a>`,
      )
      .join('\n');
    const rel = related
      .map(
        (r) =>
          `<div class="col-md-2">${r.thumb ? `<a href='${r.url}' title="${esc(r.title)}"><img src='${r.thumb.url}' alt='${esc(r.title)}' width="70" height="70" class="img-rounded" /></a>` : ''}<br/><a href='${r.url}' title="${esc(r.title)}">${esc(r.title.split(' ').slice(0, 3).join(' '))}</a></div>`,
      )
      .join('\n');
    return `<div class="row"><div class="col-lg-12"><a href='${dcf.catUrl(v.catSlug)}'>${esc(v.category)}</a></div></div>
<div class="row"><div class="col-lg-9"><h1>${esc(v.title)}</h1></div><div class="col-lg-3"><h2>${v.price}</h2></div></div>
<div class="row"><div class="col-lg-12">${text}</div></div>
<div class="row"><div class="col-lg-12">${imgs}</div></div>
<div class="row"><div class="col-md-12"><hr />${esc(v.seller)} · ${esc(v.town)}<br />${label(lang, 'phone')}: ${v.phoneHtml}${
      v.email ? `<br />E-mail: ${v.email}` : ''
    }</div></div>
<div class="row"><div class="col-lg-12"><hr /></div>
${rel}
</div>`;
  },
  contact(site) {
    return `<div class="row"><div class="col-lg-12"><h1>${label(site.lang, 'contact')}</h1>${contactIntro(site)}
<form method="post" action="/page/contact/" class="form-horizontal"><div class="form-group"><label class="col-sm-2 control-label">${label(site.lang, 'email')}</label><div class="col-sm-10"><input type="email" name="email" class="form-control"></div></div>
<div class="form-group"><label class="col-sm-2 control-label">${label(site.lang, 'message')}</label><div class="col-sm-10"><textarea name="message" class="form-control"></textarea></div></div>
<button type="submit" class="btn btn-primary">${label(site.lang, 'send')}</button></form></div></div>`;
  },
  text(_site, heading, html) {
    return `<div class="row"><div class="col-lg-12"><h1>${esc(heading)}</h1>${html}</div></div>`;
  },
  legal(site) {
    return dcf.text(site, label(site.lang, 'legal'), legalBody(site));
  },
};
