/**
 * Turns the declared universe into what the HTTP server serves: pages from the fixture site
 * generator (plus the demo's notices), the seizure notice, the blog, favicons and robots.txt.
 */
import { adPath, renderFavicon, renderSite, type SiteSpec, TEMPLATES } from '../sitegen/index.ts';
import { escapeHtml, simplePage } from './html.ts';
import { type DemoPhotos, photoFiles, photoTag } from './photos.ts';
import { renderSeizurePage } from './seizure-page.ts';
import type { HostContentSpec, PageNotice, Universe } from './universe.ts';
import type { HostContent } from './vhost-server.ts';

function noticeHtml(notice: PageNotice): string {
  const link = notice.link
    ? `<a href="${escapeHtml(notice.link)}">${escapeHtml(notice.link.replace(/^https?:\/\//, '').replace(/\/$/, ''))}</a>`
    : '';
  const style =
    notice.at === 'top'
      ? 'background:#fff3cd;border-bottom:2px solid #e0a800;padding:10px 16px;margin:0;font-weight:bold'
      : 'padding:8px 16px;margin:0;font-size:13px';
  return `<p class="site-notice" style="${style}">${escapeHtml(notice.text)}${link}</p>`;
}

/** Adds the notices to a rendered page: top ones right after <body>, bottom ones right before </body>. */
export function withNotices(html: string, notices: readonly PageNotice[]): string {
  const top = notices
    .filter((n) => n.at === 'top')
    .map(noticeHtml)
    .join('\n');
  const bottom = notices
    .filter((n) => n.at === 'bottom')
    .map(noticeHtml)
    .join('\n');
  let out = html;
  if (top) out = out.replace(/<body\b[^>]*>/i, (tag) => `${tag}\n${top}`);
  if (bottom) out = out.replace(/<\/body>/i, `${bottom}\n</body>`);
  return out;
}

/** The pages of a classifieds site spec, keyed by path (+ query), as the fixture generator renders them. */
export function classifiedsPages(site: SiteSpec, notices: readonly PageNotice[] = []): Map<string, string> {
  const pages = renderSite(site);
  if (notices.length === 0) return pages;
  return new Map([...pages].map(([path, html]) => [path, withNotices(html, notices)]));
}

function blogPages(content: Extract<HostContentSpec, { kind: 'blog' }>): Map<string, string> {
  const menu = content.articles
    .map((a) => `<li><a href="${escapeHtml(a.path)}">${escapeHtml(a.title)}</a></li>`)
    .join('');
  return new Map(
    content.articles.map((article) => [
      article.path,
      simplePage(
        `${article.title} — ${content.title}`,
        `<header><p><a href="/">${escapeHtml(content.title)}</a></p></header>
<article><h1>${escapeHtml(article.title)}</h1>${article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</article>
<nav><ul>${menu}</ul></nav>`,
        'body{font-family:Georgia,serif;max-width:680px;margin:24px auto;color:#333}',
      ),
    ]),
  );
}

/**
 * A gallery: an index of thumbnails linking to one page per photo, each with its caption. Photo i carries caption
 * i (cycled); no ad text, no phone, no address.
 */
function galleryPages(content: Extract<HostContentSpec, { kind: 'gallery' }>): Map<string, string> {
  const seeds = [...new Set(Object.values(content.photos.seeds))];
  const src = (seed: number) => `/${content.photos.dir}/${seed}.jpg`;
  const caption = (i: number) => escapeHtml(content.captions[i % content.captions.length] ?? '');
  const css = 'body{font-family:sans-serif;margin:20px}figure{display:inline-block;margin:8px}img{max-width:480px}';
  const pages = new Map<string, string>();
  pages.set(
    '/',
    simplePage(
      content.title,
      `<h1>${escapeHtml(content.title)}</h1>\n${seeds
        .map((seed, i) => `<a href="/photo/${i + 1}"><img src="${src(seed)}" width="160" alt="${caption(i)}"></a>`)
        .join('\n')}`,
      css,
    ),
  );
  seeds.forEach((seed, i) => {
    const nav = [
      i > 0 ? `<a href="/photo/${i}">Précédente</a>` : '',
      i + 1 < seeds.length ? `<a href="/photo/${i + 2}">Suivante</a>` : '',
    ]
      .filter(Boolean)
      .join(' · ');
    pages.set(
      `/photo/${i + 1}`,
      simplePage(
        `${caption(i)} — ${content.title}`,
        `<p><a href="/">${escapeHtml(content.title)}</a></p><figure><img src="${src(seed)}" width="480" alt=""><figcaption>${caption(i)}</figcaption></figure><p>${nav}</p>`,
        css,
      ),
    );
  });
  return pages;
}

/** Each ad page gets its photo right after its title (the fixture templates have no pictures). */
function withPhotos(pages: Map<string, string>, site: SiteSpec, photos: DemoPhotos | undefined): Map<string, string> {
  if (!photos) return pages;
  for (const ad of site.ads) {
    const path = adPath(site, ad);
    const html = pages.get(path);
    const tag = photoTag(photos, ad.id);
    if (html && tag)
      pages.set(
        path,
        /<\/h1>/i.test(html) ? html.replace(/<\/h1>/i, `</h1>\n${tag}`) : html.replace(/<\/body>/i, `${tag}</body>`),
      );
  }
  return pages;
}

export function renderHostContent(host: string, content: HostContentSpec): HostContent {
  switch (content.kind) {
    case 'classifieds':
      return {
        pages: withPhotos(classifiedsPages(content.site, content.notices), content.site, content.photos),
        favicon: Buffer.from(renderFavicon(content.site)),
        home: TEMPLATES[content.site.template].listingPath(1),
        ...(content.photos ? { files: photoFiles(content.photos) } : {}),
      };
    case 'seized':
      return { pages: new Map(), catchAll: renderSeizurePage({ host, caseRef: content.caseRef }) };
    case 'blog':
      return { pages: blogPages(content) };
    case 'gallery':
      return { pages: galleryPages(content), files: photoFiles(content.photos) };
  }
}

/** Every live host of the universe and what it serves. */
export function renderUniverse(universe: Universe): Map<string, HostContent> {
  return new Map(universe.hosts.map((h) => [h.host, renderHostContent(h.host, h.content)]));
}
