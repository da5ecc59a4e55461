/**
 * Sites that are not boards but meet a board's ads, advertisers or name: an aggregator quoting ads with a link to
 * their source, a directory of local tradespeople, and an advertiser's own small site with their photos. Plain
 * hand-written markup of the common CMS kind (no classified-ad script).
 */
import { adSlug, chunk, fileOf, operatorPhone, type PageOut, photoRecord, tradeLabel } from './board.ts';
import { telHref } from './contacts.ts';
import { esc, phoneText, priceText, renameClasses, trackersBody, trackersHead } from './html.ts';
import { legalNotice } from './legal.ts';
import type { Ad, Advertiser, Site } from './model.ts';
import { slugify } from './regions.ts';
import { tradeById } from './trades.ts';

export function shell(site: Site, title: string, nav: [string, string][], body: string): string {
  const html = `<!DOCTYPE html>
<html lang="${site.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} | ${esc(site.brand)}</title>
<meta name="description" content="${esc(site.tagline)}">
<link rel="stylesheet" href="/wp-content/themes/${slugify(site.brand)}/style.css">
<style>:root{--accent:${site.theme.accent}}</style>
${trackersHead(site.trackers)}
</head>
<body class="site-${site.kind}">
${trackersBody(site.trackers)}
<header class="site-header"><div class="site-branding"><a class="site-title" href="/">${esc(site.brand)}</a><p class="site-description">${esc(site.tagline)}</p></div>
<nav class="main-navigation"><ul class="menu">${nav.map(([h, l]) => `<li class="menu-item"><a href="${h}">${esc(l)}</a></li>`).join('')}</ul></nav></header>
<main id="main" class="site-main">
${body}
</main>
<footer class="site-footer"><div class="site-info">© ${site.year} ${esc(site.brand)} · <a href="/mentions-legales">${site.lang === 'fr' ? 'Mentions légales' : 'Legal notice'}</a> · <a href="/contact">Contact</a></div></footer>
</body>
</html>`;
  return renameClasses(html, site.theme);
}

export function legalPages(site: Site, nav: [string, string][]): PageOut[] {
  const phone = operatorPhone(site);
  const legal = legalNotice(site, phone);
  const contact =
    site.lang === 'fr'
      ? `<p>Pour nous écrire : <a href="mailto:${site.operator.email}">${site.operator.email}</a>.</p>`
      : `<p>Write to <a href="mailto:${site.operator.email}">${site.operator.email}</a>.</p>`;
  return [
    {
      path: '/mentions-legales',
      html: shell(
        site,
        legal.title,
        nav,
        `<article class="page"><h1 class="entry-title">${legal.title}</h1><div class="entry-content">${legal.html}</div></article>`,
      ),
      photos: [],
    },
    {
      path: '/contact',
      html: shell(
        site,
        'Contact',
        nav,
        `<article class="page"><h1 class="entry-title">Contact</h1><div class="entry-content">${contact}</div></article>`,
      ),
      photos: [],
    },
  ];
}

const aggPic = (site: Site, id: string) => `/img/annonces/${fileOf(site, id)}.webp`;

/** An aggregator: quoted ads (title, start of the text, price, town, thumbnail) pointing to their source board. */
export function renderAggregator(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const nav: [string, string][] = [
    ['/', fr ? 'Accueil' : 'Home'],
    ['/recherche', fr ? 'Toutes les annonces' : 'All ads'],
  ];
  const item = (ad: Ad) => `/annonce/${ad.localId}-${adSlug(ad)}`;
  const cardOf = (ad: Ad) => `<article class="result-card">
${ad.photos.length ? `<a href="${item(ad)}" class="result-thumb"><img src="${aggPic(site, ad.photos[0])}" alt="" loading="lazy"></a>` : ''}
<div class="result-body"><h2 class="result-title"><a href="${item(ad)}">${esc(ad.title)}</a></h2>
<p class="result-snippet">${esc(ad.body.join(' ').slice(0, 140))}…</p>
<p class="result-meta"><span class="result-price">${priceText(ad, site)}</span> · <span class="result-town">${esc(ad.town)}</span> · <span class="result-source">${fr ? 'vu sur' : 'seen on'} ${esc(ad.source ?? '')}</span></p></div>
</article>`;
  const pages: PageOut[] = [];
  const lists = chunk(site.ads, site.perPage);
  lists.forEach((list, i) => {
    const path = i === 0 ? '/recherche' : `/recherche?p=${i + 1}`;
    const pager = lists
      .map((_, j) => `<a href="${j === 0 ? '/recherche' : `/recherche?p=${j + 1}`}">${j + 1}</a>`)
      .join(' ');
    const body = `<h1>${fr ? 'Annonces' : 'Ads'} - ${esc(site.region.name)}</h1>\n<div class="results">\n${list.map(cardOf).join('\n')}\n</div>\n<nav class="pager">${pager}</nav>`;
    const photos = list
      .filter((a) => a.photos.length)
      .map((a) => photoRecord(site, a.photos[0], aggPic(site, a.photos[0]), true));
    pages.push({ path, html: shell(site, fr ? 'Recherche' : 'Search', nav, body), photos });
  });
  const intro = fr
    ? `<p>${esc(site.brand)} rassemble les petites annonces publiées sur les sites de la région ${esc(site.region.name)}. Cliquez sur une annonce pour la consulter sur son site d’origine.</p>`
    : `<p>${esc(site.brand)} gathers classified ads from the boards of ${esc(site.region.name)}.</p>`;
  const home = `${intro}\n<div class="results">\n${site.ads.slice(0, 12).map(cardOf).join('\n')}\n</div>`;
  pages.unshift({
    path: '/',
    html: shell(site, site.tagline, nav, home),
    photos: site.ads
      .slice(0, 12)
      .filter((a) => a.photos.length)
      .map((a) => photoRecord(site, a.photos[0], aggPic(site, a.photos[0]), true)),
  });
  for (const ad of site.ads) {
    const body = `<article class="ad-quote"><h1>${esc(ad.title)}</h1>
${ad.photos.length ? `<img src="${aggPic(site, ad.photos[0])}" alt="" class="ad-quote-picture">` : ''}
<p>${esc(ad.body.join(' ').slice(0, 240))}…</p>
<ul class="ad-facts"><li>${fr ? 'Prix' : 'Price'} : ${priceText(ad, site)}</li><li>${fr ? 'Lieu' : 'Place'} : ${esc(ad.town)} (${ad.postcode})</li><li>${fr ? 'Publiée le' : 'Posted'} ${ad.date}</li></ul>
<p><a class="source-link" rel="nofollow" href="https://${ad.source}/">${fr ? 'Voir l’annonce complète sur' : 'See the full ad on'} ${esc(ad.source ?? '')}</a></p></article>`;
    pages.push({
      path: item(ad),
      html: shell(site, ad.title, nav, body),
      photos: ad.photos.length ? [photoRecord(site, ad.photos[0], aggPic(site, ad.photos[0]), true)] : [],
    });
  }
  return [...pages, ...legalPages(site, nav)];
}

/** A directory of local tradespeople and shops: name, trade, town, number, e-mail. */
export function renderDirectory(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const byTrade = new Map<string, Advertiser[]>();
  for (const a of site.listed) byTrade.set(a.trade, [...(byTrade.get(a.trade) ?? []), a]);
  const nav: [string, string][] = [
    ['/', fr ? 'Accueil' : 'Home'],
    ...[...byTrade.keys()].map(
      (t) => [`/rubrique/${slugify(tradeById(t).fr)}`, tradeLabel(tradeById(t), site)] as [string, string],
    ),
  ];
  const fake = (a: Advertiser) => ({ key: a.key, phones: a.phones }) as Ad;
  const entry = (a: Advertiser) => `<div class="business-card" itemscope itemtype="https://schema.org/LocalBusiness">
<h3 itemprop="name"><a href="/fiche/${slugify(a.business ?? a.name)}-${a.key.replace(/\W/g, '')}">${esc(a.business ?? a.name)}</a></h3>
<p class="business-address" itemprop="address">${esc(a.postcode)} ${esc(a.town)}</p>
<p class="business-phone"><a href="${telHref(a.phones[0])}" itemprop="telephone">${phoneText(site, fake(a), a.phones[0])}</a></p>
</div>`;
  const pages: PageOut[] = [
    {
      path: '/',
      html: shell(
        site,
        site.tagline,
        nav,
        `<h1>${esc(site.tagline)}</h1>\n${site.listed.slice(0, 10).map(entry).join('\n')}`,
      ),
      photos: [],
    },
  ];
  for (const [trade, list] of byTrade) {
    pages.push({
      path: `/rubrique/${slugify(tradeById(trade).fr)}`,
      html: shell(
        site,
        tradeLabel(tradeById(trade), site),
        nav,
        `<h1>${esc(tradeLabel(tradeById(trade), site))}</h1>\n${list.map(entry).join('\n')}`,
      ),
      photos: [],
    });
  }
  for (const a of site.listed) {
    const body = `<article class="business"><h1>${esc(a.business ?? a.name)}</h1>
<p>${esc(tradeLabel(tradeById(a.trade), site))} - ${esc(a.town)}</p>
<ul class="business-contact">${a.phones.map((p) => `<li>${fr ? 'Tél.' : 'Phone'} : ${phoneText(site, fake(a), p)}</li>`).join('')}${a.email ? `<li>E-mail : <a href="mailto:${a.email}">${a.email}</a></li>` : ''}<li>${esc(a.postcode)} ${esc(a.town)}</li></ul>
<p class="claim">${fr ? 'Vous êtes ce professionnel ? Mettez à jour votre fiche.' : 'Is this your business? Update it.'}</p></article>`;
    pages.push({
      path: `/fiche/${slugify(a.business ?? a.name)}-${a.key.replace(/\W/g, '')}`,
      html: shell(site, a.business ?? a.name, nav, body),
      photos: [],
    });
  }
  return [...pages, ...legalPages(site, nav)];
}

const vitPic = (site: Site, id: string) =>
  `/wp-content/uploads/${site.year}/0${(id.length % 9) + 1}/${fileOf(site, id)}-1024x768.jpg`;

/** An advertiser's own small site: services, gallery of their work (their ad photos), prices, contact. */
export function renderVitrine(site: Site): PageOut[] {
  const fr = site.lang === 'fr';
  const owner = site.listed[0];
  const trade = tradeById(owner.trade);
  const nav: [string, string][] = [
    ['/', fr ? 'Accueil' : 'Home'],
    ['/realisations', fr ? 'Réalisations' : 'Our work'],
    ['/tarifs', fr ? 'Tarifs' : 'Prices'],
    ['/contact', 'Contact'],
  ];
  const fake = { key: owner.key, phones: owner.phones } as Ad;
  const phones = owner.phones.map((p) => `<a href="${telHref(p)}">${phoneText(site, fake, p)}</a>`).join(' · ');
  const photos = site.ads.flatMap((a) => a.photos);
  const home = `<section class="hero"><h1>${esc(site.brand)}</h1><p>${esc(trade.fr)} à ${esc(owner.town)} et alentours</p><p class="hero-phone">${phones}</p></section>
<section class="services"><h2>${fr ? 'Nos services' : 'Services'}</h2><ul>${trade.itemsFr.map((i) => `<li>${esc(i)}</li>`).join('')}</ul></section>
<section class="about"><p>${esc(site.ads[0]?.body.join(' ') ?? '')}</p></section>`;
  const gallery = `<h1>${fr ? 'Nos réalisations' : 'Our work'}</h1>\n<div class="gallery">${photos.map((id) => `<figure class="gallery-item"><img src="${vitPic(site, id)}" alt="" width="1024"></figure>`).join('\n')}</div>`;
  const prices = `<h1>${fr ? 'Tarifs' : 'Prices'}</h1>\n<ul class="prices">${site.ads.map((a) => `<li>${esc(a.title)} : ${priceText(a, site)}</li>`).join('')}</ul>\n<p>${fr ? 'Devis gratuit' : 'Free quote'} : ${phones}</p>`;
  const phone = operatorPhone(site);
  const legal = legalNotice(site, phone);
  const contact = `<h1>Contact</h1><p>${esc(owner.business ?? owner.name)}</p><p>${phones}</p>${owner.email ? `<p><a href="mailto:${owner.email}">${owner.email}</a></p>` : ''}<p>${esc(owner.postcode)} ${esc(owner.town)}</p>`;
  return [
    { path: '/', html: shell(site, site.tagline, nav, home), photos: [] },
    {
      path: '/realisations',
      html: shell(site, 'Réalisations', nav, gallery),
      photos: photos.map((id) => photoRecord(site, id, vitPic(site, id), false)),
    },
    { path: '/tarifs', html: shell(site, 'Tarifs', nav, prices), photos: [] },
    { path: '/contact', html: shell(site, 'Contact', nav, contact), photos: [] },
    {
      path: '/mentions-legales',
      html: shell(site, legal.title, nav, `<h1>${legal.title}</h1>${legal.html}`),
      photos: [],
    },
  ];
}
