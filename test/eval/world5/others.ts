/**
 * The pages of world 5 that are not a classified script: a photo-gallery relaunch (WordPress block-gallery
 * markup), an aggregator of snippets, a local newspaper, a forum, an advertiser's own small site and a trades
 * directory. Markup written for this world.
 */
import { esc, mailHtml, phoneHtml, phoneLink, slug, telHref } from './contacts.ts';
import { TRADES } from './lexicon.ts';
import type { Ad } from './model.ts';
import { type Ctx, chunks, doc, legalText, newestFirst, operatorContact, type Page, photoUrl } from './page.ts';
import { adBody, adTitle, dateText, excerpt, priceText } from './text.ts';

function simple(c: Ctx, title: string, main: string, cls: string): string {
  const s = c.site;
  return doc(c, {
    title: `${title} · ${s.title}`,
    bodyClass: cls,
    body: `<header class="top"><a class="brand" href="${c.base}/">${esc(s.title)}</a></header><main class="main">${main}</main><footer class="bottom">${operatorContact(c, 'foot-contact')}<p>© ${esc(s.title)}</p></footer>`,
  });
}

/** An operator's relaunch as a photo gallery: grids of ad photos with short captions and a WhatsApp contact. */
export function renderGallery(c: Ctx): Page[] {
  const s = c.site;
  const pages: Page[] = [];
  const grids = chunks(newestFirst(s.ads), s.look.perPage);
  const waLink = (ad: Ad) => `https://wa.me/33${ad.advertiser.phone.slice(1)}`;
  grids.forEach((ads, i) => {
    const figures = ads
      .filter((a) => a.photos.length > 0)
      .map(
        (a) =>
          `<figure class="wp-block-image size-large"><a href="${c.base}/p/${a.id}/"><img src="${photoUrl(c, '/wp-content/uploads/galerie/', a.photos[0], s.photo.thumb || s.photo.width)}" alt=""></a><figcaption class="wp-element-caption">${esc(TRADES[a.trade][c.lang])} · ${esc(a.town)} · ${phoneHtml(a.advertiser.phone, s.look.phone === 'masked' ? 'dotted' : s.look.phone)}</figcaption></figure>`,
      )
      .join('');
    const nav =
      grids.length > 1 && i + 1 < grids.length
        ? `<a class="next" href="${c.base}/page/${i + 2}/">${c.ui.next}</a>`
        : '';
    pages.push([
      `${c.base}${i === 0 ? '/' : `/page/${i + 1}/`}`,
      simple(
        c,
        c.ui.latest,
        `<figure class="wp-block-gallery has-nested-images columns-3 is-cropped">${figures}</figure>${nav}`,
        'home blog',
      ),
    ]);
  });
  for (const a of s.ads) {
    const imgs = a.photos
      .map(
        (p) =>
          `<figure class="wp-block-image"><img src="${photoUrl(c, '/wp-content/uploads/galerie/', p, s.photo.width)}" alt=""></figure>`,
      )
      .join('');
    pages.push([
      `${c.base}/p/${a.id}/`,
      simple(
        c,
        `${TRADES[a.trade][c.lang]} ${a.town}`,
        `<article class="post"><div class="entry-content">${imgs}<p>${esc(TRADES[a.trade][c.lang])} – ${esc(a.town)} – ${esc(priceText(a, c.lang))}</p><p><a class="wa" href="${waLink(a)}">WhatsApp</a> ${phoneLink(a.advertiser.phone, s.look.phone, 'tel')}</p></div></article>`,
        'single single-post',
      ),
    ]);
  }
  pages.push([
    `${c.base}/contact/`,
    simple(c, c.ui.contact, `<h1>${c.ui.contact}</h1>${operatorContact(c, 'contact')}`, 'page'),
  ]);
  return pages;
}

/** A scraper site listing snippets of ads seen elsewhere, each sending to its source. */
export function renderAggregator(c: Ctx): Page[] {
  const s = c.site;
  const pages: Page[] = [];
  const lists = chunks(newestFirst(s.ads), s.look.perPage);
  const src = (a: Ad) => s.sources?.[a.id] ?? s.domain;
  lists.forEach((ads, i) => {
    const items = ads
      .map(
        (a) =>
          `<div class="agg-item"><h3 class="agg-title"><a href="${c.base}/offre/${a.id}/">${esc(adTitle(a, c.lang))}</a></h3><p class="agg-snippet">${esc(excerpt(a, c.lang, 14))}</p><p class="agg-meta">${esc(a.town)} · ${dateText(a.day, c.lang)} · <span class="agg-src">${esc(src(a))}</span></p></div>`,
      )
      .join('');
    const nav = i + 1 < lists.length ? `<a class="agg-next" href="${c.base}/offres/${i + 2}/">${c.ui.next}</a>` : '';
    pages.push([
      `${c.base}${i === 0 ? '/' : `/offres/${i + 1}/`}`,
      simple(c, c.ui.latest, `<section class="agg-list">${items}</section>${nav}`, 'agg'),
    ]);
  });
  for (const a of s.ads)
    pages.push([
      `${c.base}/offre/${a.id}/`,
      simple(
        c,
        adTitle(a, c.lang),
        `<article class="agg-offer"><h1>${esc(adTitle(a, c.lang))}</h1><p>${esc(excerpt(a, c.lang, 30))}</p><p class="agg-price">${esc(priceText(a, c.lang))}</p><a class="agg-out" rel="nofollow" href="https://${src(a)}/">Voir l’annonce sur ${esc(src(a))}</a></article>`,
        'agg agg-single',
      ),
    ]);
  pages.push([
    `${c.base}/a-propos/`,
    simple(
      c,
      c.ui.about,
      `<h1>${c.ui.about}</h1><p>Nous recensons les annonces de services publiées sur les sites de petites annonces de la région.</p>${operatorContact(c, 'contact')}`,
      'page',
    ),
  ]);
  return pages;
}

const NEWS = [
  'Le marché de Noël revient place de la mairie',
  'Travaux sur la départementale : une déviation mise en place',
  'Le club de handball se qualifie pour la phase finale',
  'Une nouvelle médiathèque ouvrira au printemps',
  'Le festival de musique dévoile sa programmation',
  'La fibre arrive dans trois communes rurales',
];

/** A local newspaper: a few articles, one of them about a site taken down, quoting some of its ads. */
export function renderPress(c: Ctx): Page[] {
  const s = c.site;
  const quoted = s.ads.slice(0, 4);
  const domain = s.subject ?? '';
  const article = `<article class="news"><h1>Petites annonces : le site ${esc(domain)} fermé par la justice</h1><p class="chapo">Le site de petites annonces ${esc(domain)}, qui proposait des services à domicile dans la région, a été fermé à la demande du parquet. Ses exploitants sont soupçonnés d’avoir encaissé des frais d’inscription pour des annonces qui n’étaient jamais publiées.</p><p>Parmi les annonces encore visibles la veille de la fermeture, on trouvait notamment :</p><ul>${quoted.map((a) => `<li>« ${esc(adTitle(a, c.lang))} »</li>`).join('')}</ul>${quoted[0]?.photos[0] ? `<figure><img src="${photoUrl(c, '/images/articles/', quoted[0].photos[0], s.photo.width)}" alt="Capture d’écran"><figcaption>Une annonce du site avant sa fermeture (capture d’écran).</figcaption></figure>` : ''}<p>Les annonceurs, souvent des particuliers, se disent victimes. « J’avais payé pour être en tête de liste », témoigne l’un d’eux. L’enquête se poursuit.</p></article>`;
  const pages: Page[] = [
    [`${c.base}/faits-divers/${slug(domain)}-ferme/`, simple(c, 'Faits divers', article, 'news single')],
  ];
  NEWS.forEach((title, i) => {
    pages.push([
      `${c.base}/actualite/${slug(title)}/`,
      simple(
        c,
        title,
        `<article class="news"><h1>${esc(title)}</h1><p>${esc(title)}. Les détails seront communiqués lors du prochain conseil municipal, indique la mairie, qui invite les habitants à se renseigner.</p><p>Publié le ${dateText(300 + i * 3, 'fr')}.</p></article>`,
        'news single',
      ),
    ]);
  });
  const index = pages
    .map(([u, h]) => `<li><a href="${u}">${esc(h.match(/<h1>([^<]*)<\/h1>/)?.[1] ?? '')}</a></li>`)
    .join('');
  pages.push([`${c.base}/`, simple(c, 'À la une', `<ul class="news-list">${index}</ul>`, 'home')]);
  pages.push([`${c.base}/mentions-legales/`, simple(c, c.ui.legal, legalText(c), 'page')]);
  return pages;
}

/** A forum: a topic list, and threads where users talk about the services they hired, quoting numbers. */
export function renderForum(c: Ctx): Page[] {
  const s = c.site;
  const threads = chunks(s.ads, 3);
  const pseudo = ['bricolo56', 'mamie_jo', 'Lulu_V', 'papa_rando', 'Nanou', 'Kevin_B', 'sophie.r', 'Tonton31'];
  const pages: Page[] = [];
  threads.forEach((ads, t) => {
    const posts = ads
      .map(
        (a, i) =>
          `<div class="post bg${i % 2}"><div class="postprofile"><strong>${pseudo[(t + i) % pseudo.length]}</strong></div><div class="postbody"><div class="content">Quelqu’un connaît « ${esc(adTitle(a, c.lang))} » ? Vu sur ${esc(s.sources?.[a.id] ?? 'un site d’annonces')}, le numéro c’est ${phoneHtml(a.advertiser.phone, 'spaced')}. ${i % 2 ? 'Très bien passé chez moi, ponctuel.' : 'Je n’ai jamais eu de réponse.'}</div></div></div>`,
      )
      .join('');
    pages.push([
      `${c.base}/viewtopic.php?t=${400 + t}`,
      simple(
        c,
        `Avis ${TRADES[ads[0].trade].fr}`,
        `<h2 class="topic-title">Avis ${esc(TRADES[ads[0].trade].fr)} – ${esc(ads[0].town)}</h2><div class="topic">${posts}</div>`,
        'section-viewtopic',
      ),
    ]);
  });
  const list = pages
    .map(([u], i) => `<li class="row"><a class="topictitle" href="${u}">Sujet ${i + 1}</a></li>`)
    .join('');
  pages.push([
    `${c.base}/viewforum.php?f=2`,
    simple(c, s.subject ?? 'Services à domicile', `<ul class="topiclist">${list}</ul>`, 'section-viewforum'),
  ]);
  pages.push([
    `${c.base}/`,
    simple(
      c,
      'Index du forum',
      `<ul class="forums"><li><a href="${c.base}/viewforum.php?f=2">${esc(s.subject ?? '')}</a></li></ul>`,
      'section-index',
    ),
  ]);
  return pages;
}

/** An advertiser's own small site: their services (the texts they also post as ads), photos and number. */
export function renderVitrine(c: Ctx): Page[] {
  const s = c.site;
  const who = s.ads[0].advertiser;
  const services = s.ads
    .map(
      (a) =>
        `<section class="service"><h2>${esc(adTitle(a, c.lang))}</h2>${a.photos.map((p) => `<img src="${photoUrl(c, '/img/', p, s.photo.width)}" alt="">`).join('')}${adBody(
          a,
          c.lang,
        )
          .map((x) => `<p>${esc(x)}</p>`)
          .join('')}</section>`,
    )
    .join('');
  const contact = `<p class="call">${phoneLink(who.phone, s.look.phone, 'call-link')}</p>${who.email ? `<p>${mailHtml(who.email, s.look.mail)}</p>` : ''}`;
  return [
    [
      `${c.base}/`,
      simple(
        c,
        who.name,
        `<h1>${esc(who.name)}</h1><p>Artisan indépendant, ${esc(TRADES[s.ads[0].trade].fr)} à ${esc(s.ads[0].town)}.</p>${contact}`,
        'home',
      ),
    ],
    [`${c.base}/prestations/`, simple(c, 'Prestations', services, 'page')],
    [
      `${c.base}/contact/`,
      simple(
        c,
        c.ui.contact,
        `<h1>${c.ui.contact}</h1>${contact}<form class="contact-form"><input name="nom"><textarea name="message"></textarea></form>`,
        'page',
      ),
    ],
    [
      `${c.base}/mentions-legales/`,
      simple(
        c,
        c.ui.legal,
        `<p>Entrepreneur individuel : ${esc(who.name)}. ${phoneHtml(who.phone, 'spaced')}.</p>`,
        'page',
      ),
    ],
  ];
}

/** A directory of tradespeople: one page per trade listing names, towns and numbers. */
export function renderAnnuaire(c: Ctx): Page[] {
  const s = c.site;
  const pages: Page[] = [];
  const trades = [...new Set(s.ads.map((a) => a.trade))].sort((a, b) => a - b);
  for (const t of trades) {
    const seen = new Set<string>();
    const rows = s.ads
      .filter((a) => a.trade === t && !seen.has(a.advertiser.id) && seen.add(a.advertiser.id))
      .map(
        (a) =>
          `<tr class="pro"><td class="pro-name">${esc(a.advertiser.name)}</td><td class="pro-town">${esc(a.town)}</td><td class="pro-tel"><a href="${telHref(a.advertiser.phone)}">${phoneHtml(a.advertiser.phone, 'spaced')}</a></td></tr>`,
      )
      .join('');
    pages.push([
      `${c.base}/metier/${TRADES[t].key}/`,
      simple(c, TRADES[t].fr, `<h1>${esc(TRADES[t].fr)}</h1><table class="pros">${rows}</table>`, 'annuaire'),
    ]);
  }
  const index = trades
    .map((t) => `<li><a href="${c.base}/metier/${TRADES[t].key}/">${esc(TRADES[t].fr)}</a></li>`)
    .join('');
  pages.push([`${c.base}/`, simple(c, 'Annuaire des artisans', `<ul class="metiers">${index}</ul>`, 'home')]);
  pages.push([`${c.base}/mentions-legales/`, simple(c, c.ui.legal, legalText(c), 'page')]);
  return pages;
}
