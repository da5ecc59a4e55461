/**
 * AdsLight, the classified-ads module of XOOPS, inside the xswatch4 theme. Structure and class names rebuilt from
 * XoopsModules25x/adslight (templates/adslight_index.tpl, adslight_category.tpl, adslight_item.tpl,
 * adslight_menu.tpl; GPL-2.0) and XOOPS/XoopsCore25 htdocs/themes/xswatch4/theme.tpl (GPL-2.0): table layout with
 * `outer` / `odd` / `even` rows, the item's right block `blockright`, thumbnails under uploads/adslight/thumbs, the
 * XOOPS page navigation (`xo-pagenav`) and the theme footer `footer`. No text of theirs is reused.
 */
import type { Ad, Board } from '../board.ts';
import { TRADES } from '../lexicon-trades.ts';
import { shortHash } from '../rng.ts';
import {
  adParagraphs,
  contactParagraphs,
  esc,
  legalParagraphs,
  newestFirst,
  operatorPhone,
  type Page,
  type PhotoUse,
  pages,
  photoUse,
  rewriteTheme,
  slashDate,
  trackerTags,
} from './common.ts';

const MOD = '/modules/adslight';

export function adslightAdUrl(board: Board, ad: Ad): string {
  return `https://${board.domain}${MOD}/viewads.php?lid=${ad.id}`;
}

function catUrl(board: Board, cid: number, page: number): string {
  const start = page * board.settings.perPage;
  return `${MOD}/viewcats.php?cid=${cid}${start ? `&amp;start=${start}` : ''}`;
}

function thumb(board: Board, ad: Ad, i: number): PhotoUse {
  return photoUse(board, ad.photos[i], 'thumb', (f, ext) => `/uploads/adslight/thumbs/thumb_${f}.${ext}`);
}

function priceType(ad: Ad): string {
  return ['Prix fixe', 'À débattre', 'Sur devis'][Number.parseInt(shortHash(ad.key, 2), 16) % 3];
}

function shell(board: Board, title: string, body: string): string {
  const cats = board.categories
    .map((t, i) => `<li><a href="${catUrl(board, i + 1, 0)}">${esc(TRADES[t].label)}</a></li>`)
    .join('\n');
  const footer = [
    `© ${board.brand}`,
    board.operator.company,
    board.settings.footerPhone ? `Tél. ${operatorPhone(board)}` : '',
  ]
    .filter(Boolean)
    .join(' – ');
  return `<!doctype html>
<html lang="fr">
<head>
    <meta charset="UTF-8">
    <meta name="keywords" content="annonces, services, ${esc(board.region.name)}">
    <meta name="description" content="${esc(board.settings.welcome)}">
    <meta name="robots" content="index,follow">
    <meta name="generator" content="XOOPS">
    <meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">
    <link href="/favicon.ico" rel="shortcut icon">
    <link rel="stylesheet" type="text/css" href="/themes/xswatch4/css-cerulean/xoops.css">
    <link rel="stylesheet" type="text/css" href="/themes/xswatch4/css-cerulean/bootstrap.min.css">
    <script src="/browse.php?Frameworks/jquery/jquery.js"></script>
    <script src="/themes/xswatch4/js/bootstrap.bundle.min.js"></script>
    <link rel="alternate" type="application/rss+xml" title="" href="/backend.php">
    <title>${esc(title)} - ${esc(board.brand)}</title>
    <link rel="stylesheet" type="text/css" href="${MOD}/assets/css/adslight.css">
${trackerTags(board.trackers)}
    <style>.navbar.bg-primary{background-color:${board.settings.palette}!important}</style>
</head>
<body id="adslight">
<nav class="navbar navbar-expand-lg navbar-dark bg-primary">
    <div class="container">
        <a class="navbar-brand xlogo" href="/">${esc(board.brand)}</a>
        <div class="collapse navbar-collapse" id="xswatch-navbar">
            <ul class="navbar-nav mr-auto">
                <li class="nav-item"><a class="nav-link" href="/">Accueil</a></li>
                <li class="nav-item"><a class="nav-link" href="${MOD}/add.php">Déposer une annonce</a></li>
                <li class="nav-item"><a class="nav-link" href="/modules/contact/">Contact</a></li>
            </ul>
        </div>
    </div>
</nav>
<div class="container maincontainer">
<div class="row">
    <div class="col-md-3 xoops-side-blocks">
        <aside>
            <h4 class="block-title">Catégories</h4>
            <ul class="list-unstyled">
${cats}
            </ul>
        </aside>
    </div>
    <div class="col-sm-12 col-md-9">
        <div class="xoops-content">
${body}
        </div>
    </div>
</div>
</div><!-- .maincontainer -->
<footer class="footer">
    <h3>${esc(footer)} – <a href="/modules/content/?id=1">Mentions légales</a></h3>
</footer>
</body>
</html>`;
}

function menu(): string {
  return `<div class="center">
    <a href="${MOD}/"><img src="${MOD}/assets/images/menu/back_alt.png" border="0" title="index" alt="index"></a>
    &nbsp;&nbsp;<a href="${MOD}/add.php"><img src="${MOD}/assets/images/menu/newdoc.png" border="0" title="Ajouter" alt="Ajouter"></a>
    &nbsp;<a href="${MOD}/tips_writing_ad.php"><img src="${MOD}/assets/images/menu/info.png" title="Info" border="0"></a>
</div>
<form name="search" id="search" action="${MOD}/search.php" method="post">
    <input type="text" name="query" size="20"> <input type="submit" class="formButton" value="Rechercher">
</form>
<br>`;
}

/** One row of a listing table, with its thumbnail when the ad has a photo. */
function row(board: Board, ad: Ad, k: number, photos: PhotoUse[]): string {
  let img = `<img src="${MOD}/assets/images/nophoto.jpg" align="left" width="100" alt="">`;
  if (ad.photos.length) {
    const t = thumb(board, ad, 0);
    photos.push(t);
    img = `<a href="${MOD}/viewads.php?lid=${ad.id}"><img src="${t.url}" align="left" width="100" alt="${esc(ad.title)}"></a>`;
  }
  return `<table border="0" cellpadding="0" cellspacing="0" style="width:100%;">
    <tr class="${k % 2 ? 'even' : 'odd'}">
        <td width="24" align="right">${img}</td>
        <td><strong><a href="${MOD}/viewads.php?lid=${ad.id}">${esc(ad.title)}</a>&nbsp;</strong><br>
            Offre de service<br>
            <strong>${esc(ad.price)}</strong>&nbsp;-&nbsp;${priceType(ad)}<br>
        </td>
        <td width="80" align="left">${esc(ad.town)}</td>
    </tr>
</table>`;
}

function pageNav(board: Board, cid: number, page: number, total: number): string {
  if (total <= 1) return '';
  const links: string[] = [];
  if (page > 0) links.push(`<a class="xo-pagarrow" href="${catUrl(board, cid, page - 1)}"><u>&laquo;</u></a>`);
  for (let p = 0; p < total; p++)
    links.push(
      p === page
        ? `<strong class="xo-pagact">(${p + 1})</strong>`
        : `<a class="xo-counterpage" href="${catUrl(board, cid, p)}">${p + 1}</a>`,
    );
  if (page < total - 1) links.push(`<a class="xo-pagarrow" href="${catUrl(board, cid, page + 1)}"><u>&raquo;</u></a>`);
  return `<div id="xo-pagenav">${links.join(' ')}</div>`;
}

function home(board: Board, ads: Ad[]): Page {
  const photos: PhotoUse[] = [];
  const cats = board.categories
    .map((t, i) => {
      const n = ads.filter((a) => a.trade === t).length;
      return `<td valign="top"><div align="left"><a class="catlist" href="${catUrl(board, i + 1, 0)}"><strong>${esc(TRADES[t].label)}</strong></a>&nbsp;-&nbsp;[${n}]</div></td>${i % 2 ? '</tr><tr>' : ''}`;
    })
    .join('\n');
  const latest = newestFirst(ads)
    .slice(0, board.settings.perPage)
    .map((ad, k) => row(board, ad, k, photos))
    .join('\n');
  const body = `${menu()}
<p class="adslight-welcome">${esc(board.settings.welcome)}</p>
<table border="0" cellspacing="0" cellpadding="0" align="center"><tr>
${cats}
</tr></table><br>
<table border="0" cellspacing="1" class="outer" style="width:100%;">
    <tr><th>Dernières annonces</th></tr>
    <tr><td style="padding:0;">
        <table border="0" cellpadding="0" cellspacing="0" style="width:100%;"><tr><td class="head"></td><td class="head">Annonce</td><td width="80" align="left" class="head">Ville</td></tr></table>
${latest || '<p>Aucune annonce pour le moment.</p>'}
    </td></tr>
</table>`;
  return { url: `https://${board.domain}/`, html: shell(board, 'Accueil', body), photos };
}

function category(board: Board, ads: Ad[], cid: number): Page[] {
  const trade = TRADES[board.categories[cid - 1]];
  const mine = newestFirst(ads.filter((a) => a.trade === trade.key));
  const chunks = pages(mine, board.settings.perPage);
  return chunks.map((chunk, page) => {
    const photos: PhotoUse[] = [];
    const nav = pageNav(board, cid, page, chunks.length);
    const rows = chunk.map((ad, k) => row(board, ad, k, photos)).join('\n<br>\n');
    const body = `${menu()}
<h1>${esc(trade.label)}</h1>
<a href="/">Accueil</a> : ${esc(trade.label)}<br><br>
<table cellspacing="1" class="outer" style="width:100%;">
    <tr><td>
        <div align="center">${nav}<br></div>
${rows || '<br><div style="text-align: center;">Aucune annonce dans cette catégorie</div><br>'}
    </td></tr>
</table>
<br><a href="/">Accueil</a> : ${esc(trade.label)}
<div align="center"><br>${nav}</div>`;
    return {
      url: `https://${board.domain}${catUrl(board, cid, page).replace(/&amp;/g, '&')}`,
      html: shell(board, trade.label, body),
      photos,
    };
  });
}

function item(board: Board, ad: Ad): Page {
  const photos: PhotoUse[] = [];
  const cid = board.categories.indexOf(ad.trade) + 1;
  let gallery = `<div><img src="${MOD}/assets/images/nophoto_item.gif" alt="no photo"></div>`;
  if (ad.photos.length) {
    gallery = ad.photos
      .map((_, i) => {
        const t = thumb(board, ad, i);
        photos.push(t);
        const mid = t.url.replace('/thumbs/thumb_', '/midsize/resized_');
        return `<a href="${mid}" target="_self" rel="lightbox[album]" title="${esc(ad.title)}"><img class="thumb" src="${t.url}" rel="lightbox" title="${esc(ad.title)}"></a>&nbsp;&nbsp;`;
      })
      .join('\n');
  }
  const phone = ad.phoneField ? `<strong>Téléphone :</strong> ${esc(ad.phoneField)}<br>` : '';
  const body = `${menu()}
<table>
    <tr>
        <td>
            <!-- Stard Block Ads -->
            <h1>${esc(ad.title)}</h1>
            <strong>Offre de service</strong>
            <strong>${esc(ad.price)}</strong>
            ${priceType(ad)}&nbsp;-&nbsp;Particulier&nbsp;
            <hr><br>
            ${adParagraphs(ad).map(esc).join('<br><br>')}
            <br><hr>
${gallery}
            <br>
            <div align="center"><strong>[ <a href="/">Retour à l’accueil</a> | <a href="${catUrl(board, cid, 0)}">${esc(TRADES[ad.trade].label)}</a> ]</strong></div>
        </td><!-- End Block Ads -->
        <td><!-- Start Block Right -->
            <br>
            <table border="0" cellspacing="1" class="outer" style="width:200px;">
                <tr>
                    <td class="blockright">
                        Annonce du ${slashDate(ad.date)}<br>
                        <strong>Ville :</strong> ${esc(ad.town)}<br>
                        <strong>Pays :</strong> France<br>
                        <hr>
                        Annonceur : ${esc(ad.advertiser.name)}<br>
                        ${phone}
                        <a href="${MOD}/contact.php?lid=${ad.id}">Contacter l’annonceur</a><br>
                        <a href="${MOD}/print.php?lid=${ad.id}">Imprimer</a><br>
                        <hr>
                        <a href="${MOD}/report-abuse.php?lid=${ad.id}">Signaler cette annonce</a><br>
                    </td>
                </tr>
            </table>
        </td>
    </tr>
</table>`;
  return { url: adslightAdUrl(board, ad), html: shell(board, ad.title, body), photos };
}

function textPage(board: Board, url: string, title: string, paragraphs: string[], form: boolean): Page {
  const ps = paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n');
  const formHtml = form
    ? `<form name="contactform" action="/modules/contact/index.php" method="post" class="form-horizontal">
    <div class="form-group"><label for="ufrom">Votre nom</label><input type="text" name="ufrom" class="form-control"></div>
    <div class="form-group"><label for="uemail">Votre courriel</label><input type="text" name="uemail" class="form-control"></div>
    <div class="form-group"><label for="umsg">Message</label><textarea name="umsg" class="form-control" rows="5"></textarea></div>
    <input type="submit" class="btn btn-primary" value="Envoyer">
</form>`
    : '';
  return {
    url: `https://${board.domain}${url}`,
    html: shell(board, title, `<h1>${esc(title)}</h1>\n${ps}\n${formHtml}`),
    photos: [],
  };
}

export function renderAdslight(board: Board): Page[] {
  const ads = board.ads;
  const out: Page[] = [home(board, ads)];
  for (let cid = 1; cid <= board.categories.length; cid++) out.push(...category(board, ads, cid));
  for (const ad of newestFirst(ads)) out.push(item(board, ad));
  out.push(textPage(board, '/modules/contact/', 'Contactez-nous', contactParagraphs(board), true));
  out.push(textPage(board, '/modules/content/?id=1', 'Mentions légales', legalParagraphs(board), false));
  return out.map((p) => ({ ...p, html: rewriteTheme(p.html, board.settings.classSalt, board.settings.minify) }));
}
