/**
 * World 8's non-board sites, each with its own plain markup written for this world: a regional news site, a
 * forum, an aggregator of second-hand ads, a directory of classified sites and an advertiser's own shop page.
 */
import { adSentences, adTitle, formatPrice } from './gear.ts';
import { esc, slug, trackerTags } from './html.ts';
import type { Advertiser, RenderedPage, Site } from './model.ts';
import { showPhone } from './people.ts';
import { hash32 } from './rng.ts';

function shell(site: Site, title: string, body: string, nav: [string, string][]): string {
  return `<!DOCTYPE html><html lang="${site.lang}"><head><meta charset="utf-8"><title>${esc(title)} - ${esc(site.title)}</title>
<meta name="viewport" content="width=device-width"><link rel="stylesheet" href="/assets/${site.script}.css">${trackerTags(site)}</head>
<body class="${site.script}-site"><header class="top"><a class="brand" href="/">${esc(site.title)}</a><nav>${nav
    .map(([u, t]) => `<a href="${u}">${esc(t)}</a>`)
    .join(' ')}</nav></header><main class="content">${body}</main>
<footer class="bottom"><p>${esc(site.title)} – ${esc(site.tagline)}</p><p>${esc(site.operator.company)}, ${esc(site.operator.town)} – ${site.operator.email}</p></footer></body></html>`;
}

const FILLER = [
  'La fédération départementale annonce un nouveau calendrier de randonnées pour le printemps.',
  'Une bourse aux skis se tiendra samedi à la salle des fêtes, dépôt du matériel dès 9 heures.',
  'Le club de canoë ouvre ses inscriptions pour la saison estivale.',
  'Les ateliers de réparation de vélos solidaires se multiplient dans les quartiers.',
  'Un nouveau parcours de trail balisé a été inauguré sur les hauteurs de la ville.',
  'La piscine municipale fermera deux semaines pour travaux de vidange.',
];

function press(site: Site, base: string): RenderedPage[] {
  const pages: RenderedPage[] = [];
  const nav: [string, string][] = [
    ['/', 'Accueil'],
    ['/sports/', 'Sports'],
    ['/faits-divers/', 'Faits divers'],
  ];
  const articles = site.about!.boards.map((b, i) => {
    const url = `/faits-divers/${slug(b.title)}-retour-${i + 1}.html`;
    const quotes = b.quotes.map((q) => `<li>« ${esc(q)} »</li>`).join('');
    const body = `<article class="story"><h1>Petites annonces de sport : ${esc(b.title)} refait parler de lui</h1>
<p class="chapo">Fermé il y a plusieurs mois, le site ${esc(b.name)} aurait connu des successeurs, selon des lecteurs.</p>
<p>Le site ${esc(b.name)} proposait du matériel de sport d’occasion entre particuliers. Plusieurs acheteurs s’étaient plaints de vendeurs injoignables après paiement. Des annonces identiques circuleraient aujourd’hui ailleurs, comme celles-ci, relevées par notre rédaction :</p>
<ul class="quotes">${quotes}</ul>
<p>La plateforme n’a pas répondu à nos sollicitations. Les enquêteurs rappellent de ne jamais payer avant d’avoir vu le matériel.</p></article>`;
    return { url, title: `${b.title} refait parler de lui`, body };
  });
  const fillers = FILLER.map((t, i) => ({
    url: `/sports/breve-${i + 1}.html`,
    title: t.split(' ').slice(0, 6).join(' '),
    body: `<article class="story"><h1>${esc(t.split(',')[0])}</h1><p>${esc(t)}</p><p>${esc(FILLER[(i + 2) % FILLER.length])}</p></article>`,
  }));
  const all = [...articles, ...fillers];
  const home = `<section class="headlines">${all.map((a) => `<h2><a href="${a.url}">${esc(a.title)}</a></h2>`).join('')}</section>`;
  pages.push({ url: `${base}/`, html: shell(site, 'À la une', home, nav), photos: [] });
  for (const a of all) pages.push({ url: base + a.url, html: shell(site, a.title, a.body, nav), photos: [] });
  return pages;
}

function forum(site: Site, base: string): RenderedPage[] {
  const nav: [string, string][] = [
    ['/', 'Forums'],
    ['/f/materiel/', 'Matériel'],
    ['/f/arnaques/', 'Arnaques'],
  ];
  const pages: RenderedPage[] = [];
  const threads = site.about!.boards.map((b, i) => {
    const posts = [
      `Quelqu’un connaît ${esc(b.name)} ? Le site a fermé et j’ai l’impression qu’il est revenu sous un autre nom.`,
      ...b.quotes.map((q, j) =>
        j % 2
          ? `J’ai vu passer « ${esc(q)} » là-bas, même photo, même prix.`
          : `Il y avait aussi « ${esc(q)} », je l’avais en favori.`,
      ),
      ...b.phones.map((p) => `Ce vendeur ne répond plus : ${showPhone(p, 'spaced')}. Méfiance.`),
      'Perso je passe par les bourses aux skis du club, au moins on voit le matériel.',
    ];
    const body = `<div class="thread"><h1>${esc(b.title)} : fermé puis revenu ?</h1>${posts
      .map(
        (p, k) =>
          `<div class="post" id="p${k + 1}"><div class="author">${['grimpeur42', 'velotaf', 'skimom', 'paddle_b', 'rando38'][(k + i) % 5]}</div><div class="message">${p}</div></div>`,
      )
      .join('\n')}</div>`;
    return { url: `/t/${slug(b.title)}-${1000 + i}/`, title: `${b.title} : fermé puis revenu ?`, body };
  });
  const other = [
    'Quel gravel pour débuter ?',
    'Fartage maison : vos astuces',
    'Tente légère pour le GR20',
    'Paddle gonflable ou rigide ?',
  ].map((t, i) => ({
    url: `/t/${slug(t)}-${2000 + i}/`,
    title: t,
    body: `<div class="thread"><h1>${esc(t)}</h1><div class="post"><div class="author">membre${i + 3}</div><div class="message">Je cherche des conseils, merci d’avance.</div></div><div class="post"><div class="author">modo</div><div class="message">Regarde le sujet épinglé, tout y est.</div></div></div>`,
  }));
  const all = [...threads, ...other];
  pages.push({
    url: `${base}/`,
    html: shell(
      site,
      'Forums',
      `<ul class="topics">${all.map((t) => `<li><a href="${t.url}">${esc(t.title)}</a></li>`).join('')}</ul>`,
      nav,
    ),
    photos: [],
  });
  for (const t of all) pages.push({ url: base + t.url, html: shell(site, t.title, t.body, nav), photos: [] });
  return pages;
}

function aggregator(site: Site, base: string, advertisers: Map<string, Advertiser>): RenderedPage[] {
  const nav: [string, string][] = [
    ['/', 'Annonces'],
    ['/sources/', 'Sources'],
  ];
  const pages: RenderedPage[] = [];
  const per = 24;
  const items = site.ads.map((ad) => {
    const title = adTitle(ad, site.lang);
    const t = hash32(`${site.name}|${ad.id}`).toString(16);
    return {
      ad,
      title,
      url: `/a/${t}/`,
      thumb: ad.photos[0] ? { id: ad.photos[0], url: `/thumbs/${t}.jpg`, thumb: true } : null,
      source: site.sources?.[ad.id] ?? 'ailleurs.example',
    };
  });
  for (let p = 0; p * per < items.length; p++) {
    const slice = items.slice(p * per, (p + 1) * per);
    const body = `<div class="results">${slice
      .map(
        (it) =>
          `<div class="result">${it.thumb ? `<img src="${it.thumb.url}" alt="">` : ''}<a href="${it.url}">${esc(it.title)}</a> <span class="price">${formatPrice(it.ad.price, site.lang)}</span> <span class="src">${esc(it.source)}</span></div>`,
      )
      .join(
        '\n',
      )}</div>${(p + 1) * per < items.length ? `<a class="more" href="/?p=${p + 2}">Plus de résultats</a>` : ''}`;
    pages.push({
      url: `${base}/${p ? `?p=${p + 1}` : ''}`,
      html: shell(site, 'Annonces sport', body, nav),
      photos: slice.flatMap((it) => (it.thumb ? [it.thumb] : [])),
    });
  }
  for (const it of items.slice(0, 120)) {
    const first = adSentences(it.ad, site.lang, null)[0];
    const body = `<div class="item"><h1>${esc(it.title)}</h1>${it.thumb ? `<img src="${it.thumb.url}" alt="">` : ''}<p>${esc(first)} […]</p><p>${formatPrice(it.ad.price, site.lang)} – ${esc(it.ad.town)}</p><p><a rel="nofollow" href="https://${it.source}/">Voir l’annonce sur ${esc(it.source)}</a></p></div>`;
    pages.push({ url: base + it.url, html: shell(site, it.title, body, nav), photos: it.thumb ? [it.thumb] : [] });
  }
  void advertisers;
  return pages;
}

function directory(site: Site, base: string): RenderedPage[] {
  const nav: [string, string][] = [
    ['/', 'Annuaire'],
    ['/ajouter/', 'Proposer un site'],
  ];
  const entries = site.about!.boards;
  const body = `<h1>Sites de petites annonces sport et loisirs</h1><dl class="sites">${entries
    .map(
      (b) =>
        `<dt><a href="/fiche/${slug(b.name)}/">${esc(b.title)}</a></dt><dd>${esc(b.name)} – ${esc(b.quotes[0] ?? 'annonces entre particuliers')}</dd>`,
    )
    .join('\n')}</dl>`;
  const pages: RenderedPage[] = [{ url: `${base}/`, html: shell(site, 'Annuaire', body, nav), photos: [] }];
  for (const b of entries)
    pages.push({
      url: `${base}/fiche/${slug(b.name)}/`,
      html: shell(
        site,
        b.title,
        `<div class="fiche"><h1>${esc(b.title)}</h1><p>Adresse : ${esc(b.name)}</p><p>${b.quotes.map(esc).join(' ')}</p><p>Note des visiteurs : ${3 + (hash32(b.name) % 3)}/5</p></div>`,
        nav,
      ),
      photos: [],
    });
  return pages;
}

function shop(site: Site, base: string, advertisers: Map<string, Advertiser>): RenderedPage[] {
  const who = advertisers.get(site.ads[0]?.advertiser ?? '');
  const nav: [string, string][] = [
    ['/', 'Nos produits'],
    ['/atelier/', 'L’atelier'],
  ];
  const phone = who ? showPhone(who.phone, site.phoneStyle) : '';
  const items = site.ads.map((ad) => {
    const t = hash32(`${site.name}|${ad.id}`).toString(16);
    return {
      ad,
      title: adTitle(ad, site.lang),
      url: `/produit/${t}/`,
      photos: ad.photos.map((id, i) => ({ id, url: `/img/${t}-${i}.jpg`, thumb: false })),
    };
  });
  const home = `<h1>${esc(site.title)}</h1><p>${esc(site.tagline)} – ${phone}</p><div class="products">${items
    .map(
      (it) =>
        `<div class="product"><a href="${it.url}">${esc(it.title)}</a> <b>${formatPrice(it.ad.price, site.lang)}</b></div>`,
    )
    .join('')}</div>`;
  const pages: RenderedPage[] = [{ url: `${base}/`, html: shell(site, 'Accueil', home, nav), photos: [] }];
  for (const it of items)
    pages.push({
      url: base + it.url,
      html: shell(
        site,
        it.title,
        `<div class="product-page"><h1>${esc(it.title)}</h1>${it.photos.map((p) => `<img src="${p.url}" alt="">`).join('')}<p>${adSentences(
          { ...it.ad, wording: it.ad.wording + 1 },
          site.lang,
          null,
        )
          .map(esc)
          .join(' ')}</p><p class="tel">${phone}</p></div>`,
        nav,
      ),
      photos: it.photos,
    });
  pages.push({
    url: `${base}/atelier/`,
    html: shell(site, 'Atelier', `<p>Atelier d’entretien et de révision, sur rendez-vous : ${phone}.</p>`, nav),
    photos: [],
  });
  return pages;
}

export function renderOther(site: Site, advertisers: Map<string, Advertiser>): RenderedPage[] {
  const base = `https://${site.name}`;
  switch (site.script) {
    case 'press':
      return press(site, base);
    case 'forum':
      return forum(site, base);
    case 'aggregator':
      return aggregator(site, base, advertisers);
    case 'directory':
      return directory(site, base);
    default:
      return shop(site, base, advertisers);
  }
}
