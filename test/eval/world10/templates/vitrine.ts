/**
 * An advertiser's own small business site, as site builders make them (hero, services, gallery, prices, contact,
 * legal notice): world 10's own markup, not a classified script. It carries the advertiser's number and e-mail, the
 * offers they also post on boards (retyped as "we" pages) and their original photos in the builder's rendition.
 */
import type { Ad, Advertiser } from '../board.ts';
import { TRADES } from '../lexicon-trades.ts';
import { formatPhone } from '../phones.ts';
import { nameToken } from '../rng.ts';
import { esc, type Page, type PhotoUse } from './common.ts';

export interface Vitrine {
  domain: string;
  business: string;
  advertiser: Advertiser;
  siren: string;
  address: string;
  offers: Ad[];
  intro: string;
  /** Photos shown on the site (pic ids), in the builder's rendition `style`. */
  pics: string[];
  style: string;
  palette: string;
}

function shell(v: Vitrine, title: string, body: string): string {
  const phone = formatPhone(v.advertiser.phone, v.advertiser.phoneStyle);
  const nav = [
    ['/', 'Accueil'],
    ['/prestations', 'Prestations'],
    ['/realisations', 'Réalisations'],
    ['/tarifs', 'Tarifs'],
    ['/contact', 'Contact'],
  ]
    .map(([href, label]) => `<a class="sb-nav__link" href="${href}">${label}</a>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)} | ${esc(v.business)}</title>
<meta name="description" content="${esc(v.intro)}">
<link rel="stylesheet" href="/assets/site.css">
<style>.sb-header{background:${v.palette}}</style>
</head>
<body class="sb-page">
<header class="sb-header">
  <div class="sb-header__brand">${esc(v.business)}</div>
  <div class="sb-header__phone"><a href="tel:${v.advertiser.phone}">${esc(phone)}</a></div>
  <nav class="sb-nav">
${nav}
  </nav>
</header>
<main class="sb-main">
${body}
</main>
<footer class="sb-footer">
  <p>${esc(v.business)} – ${esc(TRADES[v.advertiser.trade].label)} – ${esc(v.advertiser.town)} et alentours</p>
  <p><a href="/mentions-legales">Mentions légales</a></p>
</footer>
</body>
</html>`;
}

function img(v: Vitrine, pic: string, photos: PhotoUse[]): string {
  const ext = v.style.endsWith('webp') ? 'webp' : 'jpg';
  const url = `https://${v.domain}/medias/${nameToken(`${v.domain}|${pic}`, 12)}.${ext}`;
  photos.push({ url, pic, style: v.style });
  return `<figure class="sb-figure"><img src="${url}" alt="${esc(TRADES[v.advertiser.trade].label)}" loading="lazy"></figure>`;
}

/** Offers retyped in the first person plural, as a business page says them. */
function weForm(text: string): string {
  return text
    .replace(/\bJe me déplace\b/g, 'Nous nous déplaçons')
    .replace(/\bJe viens\b/g, 'Nous venons')
    .replace(/\bJe suis\b/g, 'Nous sommes')
    .replace(/\bJe /g, 'Nous ')
    .replace(/\bj’/g, 'nous ')
    .replace(/\bmon\b/g, 'notre')
    .replace(/\bma\b/g, 'notre')
    .replace(/\bmes\b/g, 'nos');
}

export function renderVitrine(v: Vitrine): Page[] {
  const out: Page[] = [];
  const base = `https://${v.domain}`;
  const phone = formatPhone(v.advertiser.phone, v.advertiser.phoneStyle);
  {
    const photos: PhotoUse[] = [];
    const hero = v.pics.length ? img(v, v.pics[0], photos) : '';
    const services = v.offers.map((o) => `<li>${esc(o.title)}</li>`).join('\n');
    const body = `<section class="sb-hero">${hero}<h1>${esc(v.business)}</h1><p class="sb-lead">${esc(v.intro)}</p>
<p class="sb-cta">Appelez-nous au <a href="tel:${v.advertiser.phone}">${esc(phone)}</a></p></section>
<section class="sb-section"><h2>Nos prestations</h2><ul class="sb-list">
${services}
</ul></section>`;
    out.push({ url: `${base}/`, html: shell(v, 'Accueil', body), photos });
  }
  {
    const photos: PhotoUse[] = [];
    const body = v.offers
      .map((o, i) => {
        const pic = o.photos[0]?.pic;
        return `<section class="sb-section" id="presta-${i + 1}"><h2>${esc(o.title)}</h2>${pic ? img(v, pic, photos) : ''}
<p>${esc(weForm(o.sentences.join(' ')))}</p></section>`;
      })
      .join('\n');
    out.push({ url: `${base}/prestations`, html: shell(v, 'Prestations', body), photos });
  }
  {
    const photos: PhotoUse[] = [];
    const body = `<section class="sb-section"><h1>Nos réalisations</h1><div class="sb-gallery">
${v.pics.map((p) => img(v, p, photos)).join('\n')}
</div></section>`;
    out.push({ url: `${base}/realisations`, html: shell(v, 'Réalisations', body), photos });
  }
  {
    const rows = v.offers.map((o) => `<tr><td>${esc(o.title)}</td><td>${esc(o.price)}</td></tr>`).join('\n');
    const body = `<section class="sb-section"><h1>Tarifs</h1><table class="sb-table"><thead><tr><th>Prestation</th><th>Prix</th></tr></thead><tbody>
${rows}
</tbody></table><p>Devis gratuit et sans engagement.</p></section>`;
    out.push({ url: `${base}/tarifs`, html: shell(v, 'Tarifs', body), photos: [] });
  }
  {
    const mail = v.advertiser.email
      ? `<p>Courriel : <a href="mailto:${v.advertiser.email}">${esc(v.advertiser.email)}</a></p>`
      : '';
    const body = `<section class="sb-section"><h1>Contact</h1><p>Téléphone : <a href="tel:${v.advertiser.phone}">${esc(phone)}</a></p>${mail}
<p>Zone d’intervention : ${esc(v.advertiser.town)} et communes voisines.</p>
<form class="sb-form" action="/contact" method="post"><input name="nom" placeholder="Nom"><textarea name="message"></textarea><button>Envoyer</button></form></section>`;
    out.push({ url: `${base}/contact`, html: shell(v, 'Contact', body), photos: [] });
  }
  {
    const body = `<section class="sb-section"><h1>Mentions légales</h1>
<p>${esc(v.business)}, entreprise individuelle, SIREN ${esc(v.siren)}, ${esc(v.address)}.</p>
<p>Responsable de la publication : ${esc(v.advertiser.name)}. Téléphone : ${esc(phone)}.</p>
<p>Site réalisé avec un créateur de sites en ligne et hébergé par celui-ci.</p></section>`;
    out.push({ url: `${base}/mentions-legales`, html: shell(v, 'Mentions légales', body), photos: [] });
  }
  return out;
}
