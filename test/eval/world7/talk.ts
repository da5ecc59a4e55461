/**
 * Sites that talk about a board or its advertisers: a local news site (one article reports the takedown, names the
 * board and its domain, quotes a couple of its ads with the numbers masked), a forum (a thread asks where the board
 * went and quotes ads, another recommends an advertiser with their number), and a plain blog with photos of its own.
 */
import { chunk, fileOf, type PageOut, photoRecord } from './board.ts';
import { esc, phoneText } from './html.ts';
import type { Ad, Site } from './model.ts';
import { legalPages, shell } from './others.ts';
import { FIRST_NAMES } from './regions.ts';
import { rngOf } from './rng.ts';

const NEWS_FR = [
  [
    'Travaux sur la départementale : circulation alternée jusqu’à fin du mois',
    'Les travaux de réfection de la chaussée imposent une circulation alternée.',
  ],
  [
    'La fête de la musique revient dans le centre-ville',
    'Scènes ouvertes, chorales et fanfares sont attendues samedi.',
  ],
  [
    'Le marché de producteurs s’installe place de la mairie',
    'Chaque jeudi, une quinzaine de producteurs locaux proposent leurs produits.',
  ],
  [
    'Une nouvelle médiathèque ouvrira ses portes en septembre',
    'Le chantier touche à sa fin et les premiers rayonnages sont installés.',
  ],
  [
    'Collecte des encombrants : le calendrier de l’année',
    'Les habitants sont invités à s’inscrire en ligne ou par téléphone en mairie.',
  ],
  [
    'Le club de football local fête ses cinquante ans',
    'Anciens joueurs et bénévoles se retrouveront au stade dimanche.',
  ],
  [
    'Vague de chaleur : les conseils pour les personnes âgées',
    'Le plan canicule est activé, un registre est ouvert en mairie.',
  ],
  ['Un concours photo sur le patrimoine de la région', 'Les clichés seront exposés à l’office de tourisme cet été.'],
];

const pressPic = (site: Site, id: string) => `/media/${site.year}/${fileOf(site, id)}.jpg`;

/** "de Caen", "d’Arles". */
const of = (town: string) => (/^[AEIOUYÉÈÂÎ]/i.test(town) ? `d’${esc(town)}` : `de ${esc(town)}`);

/** Number as a journalist prints it: masked. */
const masked = (e164: string) => `0${e164.slice(3, 4)} ${e164.slice(4, 6)} ${e164.slice(6, 8)} XX XX`;

export function renderPress(site: Site): PageOut[] {
  const rng = rngOf(`${site.name}|press`);
  const nav: [string, string][] = [
    ['/', 'À la une'],
    ['/rubrique/faits-divers', 'Faits divers'],
    ['/rubrique/vie-locale', 'Vie locale'],
  ];
  const brand = site.notes.subject;
  const domain = site.notes.domain;
  const quotes = site.ads.slice(0, 2);
  const pic = `computer.${site.name}-illustration~0`;
  const takedown = {
    slug: `le-site-${domain.replace(/\.test$/, '').replace(/[^a-z0-9]+/g, '-')}-ferme-par-la-justice`,
    title: `Petites annonces : le site « ${brand} » fermé`,
    html: `<p>Le site de petites annonces « ${esc(brand)} » (${esc(domain)}), très utilisé dans la région ${esc(site.region.name)}, n’est plus accessible depuis ${rng.pick(['lundi', 'la semaine dernière', 'vendredi'])}.</p>
<p>Selon nos informations, une procédure judiciaire vise son éditeur. Les annonceurs, pour la plupart des artisans et des particuliers, disent ne pas avoir été prévenus.</p>
${quotes.map((q) => `<blockquote class="quote"><p>« ${esc(q.title)} » - ${esc(q.body[0] ?? '')} (${masked(q.phones[0])})</p></blockquote>`).join('\n')}
<p>« Je passais toutes mes annonces par ce site », confie un ${rng.pick(['plombier', 'jardinier', 'particulier'])} ${of(quotes[0]?.town ?? site.region.towns[0][0])}. Certains s’inquiètent de voir le site réapparaître sous une autre adresse.</p>
<figure class="wp-caption"><img src="${pressPic(site, pic)}" alt="" width="800"><figcaption>Illustration.</figcaption></figure>`,
  };
  const articles = [
    takedown,
    ...rng.sample(NEWS_FR, 6).map(([title, lead], i) => ({
      slug: `${i + 1}-${title
        .toLowerCase()
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^a-z0-9]+/g, '-')
        .slice(0, 50)}`,
      title,
      html: `<p>${esc(lead)}</p><p>${esc(rng.pick(NEWS_FR)[1])}</p>`,
    })),
  ];
  const teaser = (a: (typeof articles)[number]) =>
    `<article class="post"><h2 class="entry-title"><a href="/${site.year}/${a.slug}">${esc(a.title)}</a></h2></article>`;
  const pages: PageOut[] = [
    { path: '/', html: shell(site, site.tagline, nav, articles.map(teaser).join('\n')), photos: [] },
    { path: '/rubrique/faits-divers', html: shell(site, 'Faits divers', nav, teaser(takedown)), photos: [] },
    {
      path: '/rubrique/vie-locale',
      html: shell(site, 'Vie locale', nav, articles.slice(1).map(teaser).join('\n')),
      photos: [],
    },
  ];
  for (const a of articles) {
    const body = `<article class="post"><h1 class="entry-title">${esc(a.title)}</h1><div class="entry-meta">Par la rédaction</div><div class="entry-content">${a.html}</div></article>`;
    pages.push({
      path: `/${site.year}/${a.slug}`,
      html: shell(site, a.title, nav, body),
      photos: a === takedown ? [photoRecord(site, pic, pressPic(site, pic), false)] : [],
    });
  }
  return [...pages, ...legalPages(site, nav)];
}

const CHAT = [
  'Quelqu’un a un avis sur la question ?',
  'Merci pour vos retours, je vous tiens au courant.',
  'Pareil pour moi, aucune nouvelle.',
  'J’ai vu passer la même chose sur Facebook.',
  'Bonne idée, je vais essayer.',
  'Attention quand même aux arnaques.',
];

interface Post {
  author: string;
  html: string;
}

export function renderForum(site: Site): PageOut[] {
  const rng = rngOf(`${site.name}|forum`);
  const nav: [string, string][] = [
    ['/', 'Index du forum'],
    ['/viewforum.php?f=2', 'Bons plans et annonces'],
    ['/viewforum.php?f=3', 'Maison et jardin'],
  ];
  const who = () => `${rng.pick(FIRST_NAMES).toLowerCase()}${rng.int(10, 99)}`;
  const quote = (ad: Ad) => {
    const phone = rng.chance(0.6) ? phoneText(site, ad, ad.phones[0]) : masked(ad.phones[0]);
    return `<blockquote><cite>${esc(ad.source ?? site.notes.domain)}</cite><p><strong>${esc(ad.title)}</strong></p><p>${esc(ad.body.join(' '))}</p><p>${phone}</p></blockquote>`;
  };
  const threads: { id: number; forum: number; title: string; posts: Post[] }[] = [
    {
      id: 101,
      forum: 2,
      title: `${site.notes.subject} ne marche plus ?`,
      posts: [
        {
          author: who(),
          html: `<p>Bonjour, le site ${esc(site.notes.domain)} ne répond plus depuis quelques jours. Quelqu’un sait ce qui se passe ?</p>`,
        },
        {
          author: who(),
          html: `<p>Fermé apparemment, il y a eu un article dans le journal. J’avais gardé cette annonce :</p>${site.ads[0] ? quote(site.ads[0]) : ''}`,
        },
        { author: who(), html: `<p>${esc(rng.pick(CHAT))}</p>${site.ads[1] ? quote(site.ads[1]) : ''}` },
        { author: who(), html: `<p>${esc(rng.pick(CHAT))} Il paraît qu’il va rouvrir sous un autre nom.</p>` },
      ],
    },
  ];
  const recommended = site.listed[0];
  if (recommended) {
    const fake = { key: recommended.key, phones: recommended.phones } as Ad;
    threads.push({
      id: 102,
      forum: 3,
      title: `Cherche un bon ${rng.pick(['artisan', 'plombier', 'jardinier', 'dépanneur'])} vers ${recommended.town}`,
      posts: [
        { author: who(), html: '<p>Bonjour à tous, je cherche quelqu’un de sérieux, vous avez des adresses ?</p>' },
        {
          author: who(),
          html: `<p>J’ai fait appel à ${esc(recommended.business ?? recommended.name)}, très bien. Son numéro : ${phoneText(site, fake, recommended.phones[0])}</p>`,
        },
        { author: who(), html: `<p>${esc(rng.pick(CHAT))}</p>` },
      ],
    });
  }
  for (let i = 0; i < 8; i++) {
    threads.push({
      id: 110 + i,
      forum: rng.pick([2, 3]),
      title: rng.pick([
        'Récupérateur d’eau de pluie',
        'Quel broyeur de végétaux ?',
        'Vide-grenier dimanche',
        'Isolation des combles',
        'Poêle à bois ou à granulés',
        'Potager en carrés',
        'Troc de graines',
        'Chaudière qui se met en sécurité',
      ]),
      posts: Array.from({ length: rng.int(2, 5) }, () => ({ author: who(), html: `<p>${esc(rng.pick(CHAT))}</p>` })),
    });
  }
  const topicList = (list: typeof threads) =>
    `<div class="forumbg"><ul class="topiclist topics">${list.map((t) => `<li class="row"><dl><dt><a href="/viewtopic.php?t=${t.id}" class="topictitle">${esc(t.title)}</a></dt><dd class="posts">${t.posts.length - 1}</dd></dl></li>`).join('')}</ul></div>`;
  const pages: PageOut[] = [
    { path: '/', html: shell(site, site.tagline, nav, topicList(threads)), photos: [] },
    ...[2, 3].map((f) => ({
      path: `/viewforum.php?f=${f}`,
      html: shell(site, nav[f - 1][1], nav, topicList(threads.filter((t) => t.forum === f))),
      photos: [],
    })),
  ];
  for (const t of threads) {
    const chunks = chunk(t.posts, 10);
    chunks.forEach((posts, i) => {
      const body = `<h2 class="topic-title">${esc(t.title)}</h2>\n${posts.map((p, j) => `<div class="post bg${(j % 2) + 1}"><div class="postbody"><p class="author">par <strong>${esc(p.author)}</strong></p><div class="content">${p.html}</div></div></div>`).join('\n')}`;
      pages.push({
        path: `/viewtopic.php?t=${t.id}${i ? `&start=${i * 10}` : ''}`,
        html: shell(site, t.title, nav, body),
        photos: [],
      });
    });
  }
  return [...pages, ...legalPages(site, nav)];
}

/** A blog with nothing to do with any board: posts with photos of its own. */
export function renderBlog(site: Site): PageOut[] {
  const rng = rngOf(`${site.name}|blog`);
  const nav: [string, string][] = [['/', 'Accueil']];
  const pages: PageOut[] = [];
  const posts = site.ads;
  pages.push({
    path: '/',
    html: shell(
      site,
      site.tagline,
      nav,
      posts
        .map(
          (p) =>
            `<article class="post"><h2 class="entry-title"><a href="/${p.localId}/${p.date}">${esc(p.title)}</a></h2><p>${esc(p.body[0] ?? '')}</p></article>`,
        )
        .join('\n'),
    ),
    photos: [],
  });
  for (const p of posts) {
    const imgs = p.photos
      .map((id) => `<img src="/wp-content/uploads/${fileOf(site, id)}.jpg" alt="" class="aligncenter">`)
      .join('\n');
    pages.push({
      path: `/${p.localId}/${p.date}`,
      html: shell(
        site,
        p.title,
        nav,
        `<article class="post"><h1 class="entry-title">${esc(p.title)}</h1><div class="entry-content">${p.body.map((b) => `<p>${esc(b)}</p>`).join('')}${imgs}<p>${esc(rng.pick(CHAT))}</p></div></article>`,
      ),
      photos: p.photos.map((id) => photoRecord(site, id, `/wp-content/uploads/${fileOf(site, id)}.jpg`, false)),
    });
  }
  return [...pages, ...legalPages(site, nav)];
}
