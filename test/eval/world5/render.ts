/** One site of world 5 as the pages a crawl fetches: [url, html] pairs, at most a crawl's budget. */
import { cls } from './classima.ts';
import { dir } from './directorist.ts';
import { geo } from './geodirectory.ts';
import { hive } from './hivepress.ts';
import type { ScriptMarkup } from './markup.ts';
import type { Site } from './model.ts';
import { renderAggregator, renderAnnuaire, renderForum, renderGallery, renderPress, renderVitrine } from './others.ts';
import { type Ctx, chunks, ctxOf, newestFirst, type Page, renameClasses } from './page.ts';
import { adTitle } from './text.ts';

export const MARKUP: Record<'hivepress' | 'directorist' | 'geodirectory' | 'classima', ScriptMarkup> = {
  hivepress: hive,
  directorist: dir,
  geodirectory: geo,
  classima: cls,
};

/** The banner a mirror's proxy injects at the top of every page it serves. */
function mirrorBanner(c: Ctx): string {
  return `<div id="mirror-notice" style="background:#222;color:#fff;padding:4px;text-align:center">${c.lang === 'fr' ? 'Nouvelle adresse' : 'New address'} : ${c.site.domain}</div>`;
}

function renderScript(c: Ctx, m: ScriptMarkup): Page[] {
  const s = c.site;
  const ads = newestFirst(s.ads);
  const lists = chunks(ads, s.look.perPage);
  const pages: Page[] = [];
  const listing = (i: number) =>
    m.chrome(c, { title: c.ui.ads, kind: 'listing', main: m.listing(c, lists[i], i + 1, lists.length, ads.length) });
  pages.push([`${c.base}/`, listing(0)]);
  lists.forEach((_, i) => {
    pages.push([`${c.base}${m.listingPath(i + 1)}`, listing(i)]);
  });
  for (const ad of ads)
    pages.push([
      `${c.base}${m.adPath(c, ad)}`,
      m.chrome(c, { title: adTitle(ad, c.lang), kind: 'ad', main: m.ad(c, ad) }),
    ]);
  if (s.operator) {
    pages.push([`${c.base}${m.contactPath}`, m.chrome(c, { title: c.ui.contact, kind: 'static', main: m.contact(c) })]);
    pages.push([`${c.base}${m.legalPath}`, m.chrome(c, { title: c.ui.legal, kind: 'static', main: m.legal(c) })]);
  }
  return pages;
}

export function renderSite(site: Site): Page[] {
  const c = ctxOf(site);
  let pages: Page[];
  switch (site.script) {
    case 'hivepress':
    case 'directorist':
    case 'geodirectory':
    case 'classima':
      pages = renderScript(c, MARKUP[site.script]);
      break;
    case 'gallery':
      pages = renderGallery(c);
      break;
    case 'aggregator':
      pages = renderAggregator(c);
      break;
    case 'press':
      pages = renderPress(c);
      break;
    case 'forum':
      pages = renderForum(c);
      break;
    case 'vitrine':
      pages = renderVitrine(c);
      break;
    case 'annuaire':
      pages = renderAnnuaire(c);
      break;
  }
  return pages.map(([url, html]) => {
    let out = renameClasses(html, site.look.classPrefix);
    if (site.mirrorOf) out = out.replace(/<body([^>]*)>/, (b) => `${b}\n${mirrorBanner(c)}`);
    return [url, out];
  });
}
