/**
 * A local news site and a discussion forum, world 10's own markup (neither is a classified script, and the forum is
 * no phpBB): pages of text where a board's name, its number and a few of its ads can be quoted.
 */
import { esc, frenchDate, type Page } from './common.ts';

export interface Article {
  slug: string;
  title: string;
  date: string;
  author: string;
  paragraphs: string[];
  /** Ads quoted in the article, as blockquotes. */
  quotes: string[];
}

export interface NewsSite {
  domain: string;
  name: string;
  articles: Article[];
}

function newsShell(site: NewsSite, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${esc(title)} – ${esc(site.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/journal.css">
</head>
<body class="journal">
<div class="masthead"><a class="masthead__title" href="/">${esc(site.name)}</a><span class="masthead__tag">L’actualité de chez vous</span></div>
<nav class="rubriques"><a href="/">À la une</a> <a href="/rubrique/societe">Société</a> <a href="/rubrique/economie">Économie</a> <a href="/rubrique/vie-locale">Vie locale</a></nav>
<div class="wrap">
${body}
</div>
<div class="pied">© ${esc(site.name)} – <a href="/qui-sommes-nous">Qui sommes-nous</a></div>
</body>
</html>`;
}

export function renderNews(site: NewsSite): Page[] {
  const base = `https://${site.domain}`;
  const teasers = site.articles
    .map(
      (a) => `<div class="teaser"><h2 class="teaser__title"><a href="/article/${a.slug}.html">${esc(a.title)}</a></h2>
<p class="teaser__date">${frenchDate(a.date)}</p><p class="teaser__chapo">${esc(a.paragraphs[0])}</p></div>`,
    )
    .join('\n');
  const out: Page[] = [{ url: `${base}/`, html: newsShell(site, 'À la une', teasers), photos: [] }];
  for (const a of site.articles) {
    const quotes = a.quotes.map((q) => `<blockquote class="citation">${esc(q)}</blockquote>`).join('\n');
    const paras = a.paragraphs.map((p) => `<p>${esc(p)}</p>`);
    const body = `<div class="article">
<h1 class="article__titre">${esc(a.title)}</h1>
<p class="article__signature">Par ${esc(a.author)}, le ${frenchDate(a.date)}</p>
<p class="article__chapo">${esc(a.paragraphs[0])}</p>
${paras.slice(1, 3).join('\n')}
${quotes}
${paras.slice(3).join('\n')}
</div>`;
    out.push({ url: `${base}/article/${a.slug}.html`, html: newsShell(site, a.title, body), photos: [] });
  }
  out.push({
    url: `${base}/qui-sommes-nous`,
    html: newsShell(
      site,
      'Qui sommes-nous',
      `<h1>Qui sommes-nous</h1><p>${esc(site.name)} est un journal local indépendant tenu par une petite équipe de bénévoles.</p>`,
    ),
    photos: [],
  });
  return out;
}

export interface Post {
  author: string;
  date: string;
  lines: string[];
  /** Text pasted from elsewhere (an ad), shown as a quote. */
  quote: string | null;
}

export interface Thread {
  slug: string;
  title: string;
  posts: Post[];
}

export interface Forum {
  domain: string;
  name: string;
  threads: Thread[];
}

function forumShell(f: Forum, title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>${esc(title)} - ${esc(f.name)}</title>
<link rel="stylesheet" href="/theme/forum.css">
</head>
<body>
<div id="forum-top"><a id="forum-logo" href="/">${esc(f.name)}</a><form id="forum-search" action="/recherche"><input name="q"></form></div>
<div id="forum-body">
${body}
</div>
<div id="forum-foot">Forum d’entraide entre particuliers – <a href="/charte">Charte</a></div>
</body>
</html>`;
}

export function renderForum(f: Forum): Page[] {
  const base = `https://${f.domain}`;
  const list = f.threads
    .map(
      (t) =>
        `<tr class="topic-row"><td class="topic-title"><a href="/sujet/${t.slug}">${esc(t.title)}</a></td><td class="topic-replies">${t.posts.length - 1}</td><td class="topic-last">${esc(t.posts[t.posts.length - 1].author)}</td></tr>`,
    )
    .join('\n');
  const out: Page[] = [
    {
      url: `${base}/`,
      html: forumShell(
        f,
        'Accueil',
        `<h1>Maison et services</h1><table class="topics"><tr><th>Sujet</th><th>Réponses</th><th>Dernier message</th></tr>\n${list}\n</table>`,
      ),
      photos: [],
    },
  ];
  for (const t of f.threads) {
    const posts = t.posts
      .map(
        (p, i) => `<div class="post" id="msg${i + 1}">
  <div class="post-author"><span class="post-name">${esc(p.author)}</span><span class="post-date">${frenchDate(p.date)}</span></div>
  <div class="post-content">${p.quote ? `<div class="quote"><div class="quote-head">Copie de l’annonce :</div>${esc(p.quote)}</div>` : ''}${p.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</div>
</div>`,
      )
      .join('\n');
    out.push({
      url: `${base}/sujet/${t.slug}`,
      html: forumShell(f, t.title, `<h1 class="topic-heading">${esc(t.title)}</h1>\n${posts}`),
      photos: [],
    });
  }
  return out;
}
