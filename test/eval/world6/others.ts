/**
 * World 6's pages that are not boards, each in its own hand-written markup: an aggregator listing snippets of other
 * boards' ads, a local paper's article on a takedown, a forum thread quoting ads and numbers, a trades directory and
 * an advertiser's own little site. Their `ads` are what they quote; `about` names the boards they speak of.
 */
import type { Ad, RenderedPage, Site } from './model.ts';
import { Ctx, esc } from './page.ts';
import { bodyText, excerpt, say } from './text.ts';
import { tradeOf } from './trades.ts';

const PLAIN = { script: 'other', adPath: (_ad: Ad, n: number) => `/fiche/${n}/` };

function doc(site: Site, title: string, body: string, css: string): string {
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${esc(title)}</title><link rel="stylesheet" href="/${css}.css"></head>
<body><div class="wrap">${body}</div><footer class="foot">© 2026 ${esc(site.name)}</footer></body></html>`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function page(ctx: Ctx, url: string, html: string): RenderedPage {
  const photos = ctx.photos;
  ctx.photos = [];
  return { url, html, photos };
}

function aggregator(site: Site, ctx: Ctx, sources: Map<string, string>): RenderedPage[] {
  const groups = chunks(site.ads, 15);
  return groups.map((ads, i) => {
    const rows = ads
      .map(
        (ad) => `<li class="hit"><div class="hit-thumb">${ad.photos[0] ? ctx.img(ad.photos[0], true) : ''}</div>
<div class="hit-body"><a class="hit-title" rel="nofollow" href="https://${sources.get(ad.key) ?? 'ailleurs.example'}/">${ctx.title(ad)}</a>
<p class="hit-snippet">${esc(excerpt(ad.body, 'fr', 12))}</p><p class="hit-meta">${esc(ad.town)} · ${ctx.price(ad)} · ${esc(sources.get(ad.key) ?? '')}</p></div></li>`,
      )
      .join('\n');
    const nav = groups
      .map((_, j) => (j === i ? `<b>${j + 1}</b>` : `<a href="/resultats/${j + 1}">${j + 1}</a>`))
      .join(' ');
    const body = `<header class="top"><a href="/">Trouvetout</a> – ${ctx.t('toutes les petites annonces en un clic', 'all classifieds in one click')}</header>
<form class="search"><input name="q"><button>Chercher</button></form><ol class="hits">${rows}</ol><nav class="pages">${nav}</nav>`;
    return page(ctx, `https://${site.name}/resultats/${i + 1}`, doc(site, `Résultats – page ${i + 1}`, body, 'agg'));
  });
}

function quote(ad: Ad): string {
  return `« ${esc(say(ad.title, 'fr'))} – ${esc(excerpt(ad.body, 'fr', 16))} »`;
}

function press(site: Site, ctx: Ctx): RenderedPage[] {
  const about = site.about[0] ?? 'un site';
  const [a, b, c] = site.ads;
  const article = `<article class="story"><h1>Petites annonces : le site ${esc(about)} fermé par décision de justice</h1>
<p class="chapo">Le site de petites annonces ${esc(about)}, très consulté dans la région, a été fermé à la suite d’une procédure engagée par plusieurs plaignants.</p>
<p>Selon nos informations, la société éditrice n’avait pas répondu aux demandes de retrait. Les annonces restaient en ligne, souvent accompagnées des numéros personnels des annonceurs.</p>
${a ? `<p>Parmi les annonces encore visibles la semaine dernière, on pouvait lire : ${quote(a)}</p>` : ''}
${b ? `<blockquote>${quote(b)}</blockquote>` : ''}
<p>Joint par téléphone, un annonceur explique n’avoir « jamais su » que son annonce y figurait encore${c ? ` ; son annonce « ${esc(say(c.title, 'fr'))} » affichait le ${ctx.phone(c.phone, c.key)}` : ''}.</p>
<p>L’éditeur dispose d’un délai d’appel. Plusieurs lecteurs nous signalent déjà des sites qui lui ressemblent.</p></article>`;
  const pages = [
    page(
      ctx,
      `https://${site.name}/region/2026/02/annonces-site-ferme.html`,
      doc(site, 'Petites annonces : un site fermé', article, 'news'),
    ),
  ];
  const briefs = [
    'Travaux sur la route départementale',
    'Le marché de Noël a attiré la foule',
    'Concours de belote à la salle des fêtes',
    'Une nouvelle boulangerie ouvre ses portes',
  ];
  for (const [i, t] of briefs.entries())
    pages.push(
      page(
        ctx,
        `https://${site.name}/region/2026/0${i + 1}/breve-${i + 1}.html`,
        doc(
          site,
          t,
          `<article class="story"><h1>${t}</h1><p>Le conseil municipal a été informé lors de sa dernière séance. Les habitants sont invités à se renseigner en mairie.</p></article>`,
          'news',
        ),
      ),
    );
  return pages;
}

function forum(site: Site, ctx: Ctx): RenderedPage[] {
  const about = site.about[0] ?? 'ce site';
  const posts = site.ads.map(
    (
      ad,
      i,
    ) => `<div class="post" id="p${i + 1}"><div class="postprofile">membre${(i * 7) % 23}</div><div class="postbody"><div class="content">
${i % 2 === 0 ? `Je retrouve cette annonce qui était sur ${esc(about)} : <blockquote class="uncited">${esc(say(ad.title, 'fr'))}<br>${esc(bodyText(ad.body.slice(0, 2), 'fr'))}</blockquote>` : `Quelqu’un a déjà eu affaire au ${ctx.phone(ad.phone, ad.key)} ? C’était pour « ${esc(say(ad.title, 'fr'))} ».`}
</div></div></div>`,
  );
  const threads = chunks(posts, 6).map((group, i) =>
    page(
      ctx,
      `https://${site.name}/viewtopic.php?t=${4100 + i}`,
      doc(
        site,
        `${about} fermé ? – page ${i + 1}`,
        `<h2 class="topic-title">${esc(about)} fermé, où sont passées les annonces ?</h2><div class="topic">${group.join('\n')}</div>`,
        'forum',
      ),
    ),
  );
  const index = page(
    ctx,
    `https://${site.name}/index.php`,
    doc(
      site,
      'Forum du coin',
      `<ul class="topiclist"><li><a href="/viewtopic.php?t=4100">${esc(about)} fermé, où sont passées les annonces ?</a></li><li><a href="/viewtopic.php?t=12">Bons plans du week-end</a></li><li><a href="/viewtopic.php?t=13">Présentez-vous</a></li></ul>`,
      'forum',
    ),
  );
  return [index, ...threads];
}

function directory(site: Site, ctx: Ctx, names: Map<string, string>): RenderedPage[] {
  const byTrade = new Map<string, Ad[]>();
  for (const ad of site.ads) byTrade.set(ad.trade, [...(byTrade.get(ad.trade) ?? []), ad]);
  return [...byTrade].map(([trade, ads]) => {
    const cards = ads
      .map(
        (ad) =>
          `<div class="vcard"><span class="fn">${esc(names.get(ad.advertiser) ?? '')}</span> <span class="category">${esc(tradeOf(trade).category[0])}</span> <span class="locality">${esc(ad.town)}</span> <span class="tel">${ctx.phone(ad.phone, ad.key)}</span></div>`,
      )
      .join('\n');
    return page(
      ctx,
      `https://${site.name}/annuaire/${trade}/`,
      doc(
        site,
        `Annuaire – ${tradeOf(trade).category[0]}`,
        `<h1>${esc(tradeOf(trade).category[0])}</h1><div class="listing">${cards}</div>`,
        'annuaire',
      ),
    );
  });
}

function ownSite(site: Site, ctx: Ctx, names: Map<string, string>): RenderedPage[] {
  const first = site.ads[0];
  const who = esc(names.get(first?.advertiser ?? '') ?? '');
  const pages = [
    page(
      ctx,
      `https://${site.name}/`,
      doc(
        site,
        who,
        `<section class="hero"><h1>${who}</h1><p>${first ? esc(say(tradeOf(first.trade).category, 'fr')) : ''} – ${esc(first?.town ?? '')}</p>${first?.photos[0] ? ctx.img(first.photos[0], false) : ''}</section>`,
        'perso',
      ),
    ),
  ];
  for (const [i, ad] of site.ads.entries())
    pages.push(
      page(
        ctx,
        `https://${site.name}/prestation-${i + 1}.html`,
        doc(
          site,
          say(ad.title, 'fr'),
          `<section class="offre"><h2>${ctx.title(ad)}</h2>${ctx
            .paragraphs(ad)
            .map((p) => `<p>${p}</p>`)
            .join('')}<div class="galerie">${ad.photos.map((p) => ctx.img(p, false)).join('')}</div></section>`,
          'perso',
        ),
      ),
    );
  if (first)
    pages.push(
      page(
        ctx,
        `https://${site.name}/contact.html`,
        doc(
          site,
          'Contact',
          `<section class="contact"><p>Téléphone : ${ctx.phone(first.phone, 'own')}</p>${first.email ? `<p>${ctx.email(first.email, 'own')}</p>` : ''}</section>`,
          'perso',
        ),
      ),
    );
  return pages;
}

export function renderOther(site: Site, names: Map<string, string>, sources: Map<string, string>): RenderedPage[] {
  const ctx = new Ctx(site, PLAIN, names);
  switch (site.other) {
    case 'aggregator':
      return aggregator(site, ctx, sources);
    case 'press':
      return press(site, ctx);
    case 'forum':
      return forum(site, ctx);
    case 'directory':
      return directory(site, ctx, names);
    case 'own-site':
      return ownSite(site, ctx, names);
    default:
      throw new Error(`world 6: ${site.name} is not a non-board page kind`);
  }
}
