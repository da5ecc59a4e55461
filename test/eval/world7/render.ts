/**
 * A site as a crawl sees it: every page the site's software would serve, then a breadth-first walk from the home
 * page over same-site links, in document order, stopping at the crawl budget (pages nothing links to are never
 * fetched; when a restart lists new ads first, the old ones deep in the pagination may fall past the budget).
 */
import type { PageOut } from './board.ts';
import { renderDclassifieds } from './dclassifieds.ts';
import type { RenderedPage, Site } from './model.ts';
import { renderAggregator, renderDirectory, renderVitrine } from './others.ts';
import { renderSharetribe } from './sharetribe.ts';
import { renderSymfony } from './symfony.ts';
import { renderBlog, renderForum, renderPress } from './talk.ts';

function pagesOf(site: Site): PageOut[] {
  switch (site.kind) {
    case 'board':
      if (site.script === 'symfony-classifieds') return renderSymfony(site);
      if (site.script === 'dclassifieds') return renderDclassifieds(site);
      return renderSharetribe(site);
    case 'aggregator':
      return renderAggregator(site);
    case 'directory':
      return renderDirectory(site);
    case 'vitrine':
      return renderVitrine(site);
    case 'press':
      return renderPress(site);
    case 'forum':
      return renderForum(site);
    case 'blog':
      return renderBlog(site);
  }
}

/** A mirror's notice, as reverse proxies and copy tools insert one. */
function withBanner(html: string, banner: string | undefined): string {
  if (!banner) return html;
  return html.replace(
    /<body([^>]*)>/,
    `<body$1>\n<div id="mirror-notice" style="background:#ffe08a;padding:4px;text-align:center">${banner}</div>`,
  );
}

function linksOf(html: string, host: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\shref="([^"#]+)/g)) {
    let href = m[1].replace(/&amp;/g, '&');
    if (href.startsWith(`https://${host}`)) href = href.slice(`https://${host}`.length) || '/';
    if (href.startsWith('/') && !href.startsWith('//')) out.push(href);
  }
  return out;
}

/** Pages a crawl fetches per site (the product's maxPages). */
export const BUDGET = 200;

export function renderSite(site: Site, budget = BUDGET): RenderedPage[] {
  const byPath = new Map<string, PageOut>();
  for (const p of pagesOf(site)) if (!byPath.has(p.path)) byPath.set(p.path, p);
  const seen = new Set<string>(['/']);
  const queue = ['/'];
  const out: RenderedPage[] = [];
  while (queue.length && out.length < budget) {
    const path = queue.shift()!;
    const page = byPath.get(path);
    if (!page) continue;
    const html = withBanner(page.html, site.notes.mirrorBanner);
    out.push({
      url: `https://${site.name}${path}`,
      html,
      photos: page.photos.map((p) => ({ ...p, url: `https://${site.name}${p.url}` })),
    });
    for (const link of linksOf(page.html, site.name)) {
      if (!seen.has(link) && byPath.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  return out;
}
