/**
 * World 8's page plan for a board: home (or first listing page), listing pages, one page per category, one page
 * per ad, contact and legal pages, rendered with the site's script and its own wording, phone style, picture paths
 * and class renaming. Non-board sites (press, forum, aggregator, directory, shop) are rendered by others.ts.
 */
import { bdp } from './bdp.ts';
import { dcf } from './dcf.ts';
import { adSentences, adTitle, CATEGORIES, categoryName, formatPrice } from './gear.ts';
import { esc, renameClasses, slug } from './html.ts';
import type { AdView, ScriptKit } from './kit.ts';
import type { Ad, Advertiser, RenderedPage, Script, Site } from './model.ts';
import { renderOther } from './others.ts';
import { showPhone } from './people.ts';
import { wpjm } from './wpjm.ts';

export const KITS: Record<Script, ScriptKit> = { dcf, bdp, wpjm };

export function isBoard(site: Site): site is Site & { script: Script } {
  return site.script === 'dcf' || site.script === 'bdp' || site.script === 'wpjm';
}

export function adView(site: Site, kit: ScriptKit, ad: Ad, advertisers: Map<string, Advertiser>): AdView {
  const who = advertisers.get(ad.advertiser)!;
  const phoneHtml = showPhone(who.phone, site.phoneStyle);
  const title = adTitle(ad, site.lang);
  const textPhone = ad.phoneInText
    ? showPhone(who.phone, ['split-spans', 'entities', 'reveal'].includes(site.phoneStyle) ? 'spaced' : site.phoneStyle)
    : null;
  const photos = ad.photos.map((id, i) => ({ id, url: kit.photoUrl(site, id, i, false) }));
  const category = categoryName(ad, site.lang);
  return {
    ad,
    url: kit.adUrl(ad, title),
    title,
    sentences: adSentences(ad, site.lang, textPhone),
    price: formatPrice(ad.price, site.lang),
    category,
    catSlug: slug(CATEGORIES.fr[ad.facts.category]),
    seller: who.nick,
    phoneHtml,
    email: who.email,
    town: ad.town,
    photos,
    thumb: ad.photos.length ? { id: ad.photos[0], url: kit.photoUrl(site, ad.photos[0], 0, true) } : null,
  };
}

function listPhotos(views: AdView[]): RenderedPage['photos'] {
  return views.flatMap((v) => (v.thumb ? [{ url: v.thumb.url, id: v.thumb.id, thumb: true }] : []));
}

export function renderBoard(site: Site & { script: Script }, advertisers: Map<string, Advertiser>): RenderedPage[] {
  const kit = KITS[site.script];
  const base = `https://${site.name}`;
  const views = [...site.ads].sort((a, b) => a.age - b.age).map((ad) => adView(site, kit, ad, advertisers));
  const used = [...new Set(site.ads.map((a) => a.facts.category))].sort((a, b) => a - b);
  const categories = used.map((c) => ({ name: CATEGORIES[site.lang][c], url: kit.catUrl(slug(CATEGORIES.fr[c])) }));
  const pages: RenderedPage[] = [];
  const push = (url: string, title: string, body: string, photos: RenderedPage['photos']) =>
    pages.push({
      url: base + url,
      html: renameClasses(kit.page(site, title, body, categories), site.classSalt),
      photos,
    });
  const count = Math.max(1, Math.ceil(views.length / site.perPage));
  for (let p = 1; p <= count; p++) {
    const slice = views.slice((p - 1) * site.perPage, p * site.perPage);
    const pager = {
      page: p,
      pages: count,
      prev: p > 1 ? kit.listUrl(p - 1) : undefined,
      next: p < count ? kit.listUrl(p + 1) : undefined,
    };
    push(
      kit.listUrl(p),
      p === 1 ? site.tagline : `${site.title} – ${p}`,
      kit.list(site, slice, site.title, pager),
      listPhotos(slice),
    );
  }
  if (kit.listUrl(1) !== '/') {
    const first = views.slice(0, site.perPage);
    push('/', site.tagline, kit.list(site, first, site.tagline, { page: 1, pages: count }), listPhotos(first));
  }
  for (const [i, c] of used.entries()) {
    const inCat = views.filter((v) => v.ad.facts.category === c).slice(0, site.perPage);
    push(
      kit.catUrl(slug(CATEGORIES.fr[c])),
      categories[i].name,
      kit.list(site, inCat, categories[i].name, { page: 1, pages: 1 }),
      listPhotos(inCat),
    );
  }
  for (const [i, v] of views.entries()) {
    const related = views.filter((r, j) => j !== i && r.ad.facts.category === v.ad.facts.category).slice(0, 4);
    push(
      v.url,
      v.title,
      kit.ad(site, v, related),
      v.photos.map((p) => ({ url: p.url, id: p.id, thumb: false })),
    );
  }
  if (site.legal) {
    const rules = site.rules.map((r) => `<p>${esc(r.replaceAll('{site}', site.title))}</p>`).join('\n');
    push(kit.rulesUrl, 'Règles', kit.text(site, 'Règles de publication', rules), []);
    push(kit.contactUrl, 'Contact', kit.contact(site), []);
    push(kit.legalUrl, 'Mentions légales', kit.legal(site), []);
  }
  return pages;
}

export function renderSite(site: Site, advertisers: Map<string, Advertiser>): RenderedPage[] {
  return isBoard(site) ? renderBoard(site, advertisers) : renderOther(site, advertisers);
}
