/**
 * A board → its site, through one script's templates (scripts/*.ts): listing pages, category pages, ad pages, contact
 * and legal pages, each page with the photos it shows. Also the gallery-only copy's own bare template.
 */
import type { Ad, Board, ScriptName } from './model.ts';
import { BETTERCLASSIFIEDS } from './scripts/betterclassifieds.ts';
import { JOBBERBASE } from './scripts/jobberbase.ts';
import { ZIKULA } from './scripts/zikula.ts';
import {
  esc,
  type Look,
  type Page,
  type PhotoStyle,
  type PhotoUse,
  phoneHtml,
  renameClasses,
  type Site,
} from './site.ts';
import type { Trade } from './vocab.ts';

export interface Ctx {
  board: Board;
  look: Look;
  photos: PhotoUse[];
}

export interface ScriptKit {
  name: ScriptName;
  homeUrl(p: number): string;
  categoryUrl(trade: Trade, p: number): string;
  adUrl(ad: Ad): string;
  contactUrl: string;
  legalUrl: string;
  photoUrl(ad: Ad, k: number, style: PhotoStyle): string;
  thumbUrl(ad: Ad, style: PhotoStyle): string;
  page(ctx: Ctx, title: string, body: string): string;
  listing(ctx: Ctx, heading: string, ads: Ad[], pager: string): string;
  pager(ctx: Ctx, current: number, total: number, urlOf: (p: number) => string): string;
  ad(ctx: Ctx, ad: Ad): string;
  contact(ctx: Ctx): string;
  legal(ctx: Ctx): string;
}

export const KITS: Record<ScriptName, ScriptKit> = {
  jobberbase: JOBBERBASE,
  'zikula-classifieds': ZIKULA,
  betterclassifieds: BETTERCLASSIFIEDS,
};

/** An <img> of an ad photo, recorded on the page. */
export function img(ctx: Ctx, path: string, pic: string, style: PhotoStyle, attrs = ''): string {
  ctx.photos.push({ url: `https://${ctx.board.domain}${path}`, pic, style });
  return `<img src="${esc(path)}"${attrs ? ` ${attrs}` : ''} />`;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

export function renderBoard(board: Board, look: Look, kit: ScriptKit = KITS[board.script]): Site {
  const pages: Page[] = [];
  const add = (path: string, build: (ctx: Ctx) => string) => {
    const ctx: Ctx = { board, look, photos: [] };
    let html = build(ctx);
    if (look.renameSalt) html = renameClasses(html, look.renameSalt);
    pages.push({ url: `https://${board.domain}${path}`, html, photos: ctx.photos });
  };
  const ads = [...board.ads].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id - b.id));
  const home = chunks(ads, look.perPage);
  for (const [i, part] of home.entries()) {
    add(kit.homeUrl(i + 1), (ctx) =>
      kit.page(
        ctx,
        board.title,
        kit.listing(
          ctx,
          i === 0 ? 'Dernières annonces' : `Annonces – page ${i + 1}`,
          part,
          kit.pager(ctx, i + 1, home.length, kit.homeUrl),
        ),
      ),
    );
  }
  if (look.categories) {
    for (const trade of board.trades) {
      const own = ads.filter((a) => a.trade.slug === trade.slug);
      if (own.length === 0) continue;
      const parts = chunks(own, look.perPage);
      for (const [i, part] of parts.entries()) {
        add(kit.categoryUrl(trade, i + 1), (ctx) =>
          kit.page(
            ctx,
            `${trade.label} – ${board.title}`,
            kit.listing(
              ctx,
              trade.label,
              part,
              kit.pager(ctx, i + 1, parts.length, (p) => kit.categoryUrl(trade, p)),
            ),
          ),
        );
      }
    }
  }
  const service = look.servicePages ? 2 : 0;
  const room = (look.maxPages ?? 200) - pages.length - service;
  for (const ad of ads.slice(0, Math.max(0, room)))
    add(kit.adUrl(ad), (ctx) => kit.page(ctx, ad.title, kit.ad(ctx, ad)));
  if (look.servicePages) {
    add(kit.contactUrl, (ctx) => kit.page(ctx, `Contact – ${board.title}`, kit.contact(ctx)));
    add(kit.legalUrl, (ctx) => kit.page(ctx, `Mentions légales – ${board.title}`, kit.legal(ctx)));
  }
  return { name: board.name, domain: board.domain, script: board.script, pages };
}

/** A gallery-only copy: a static grid of the photos with title, price and number, no descriptions, no ad pages. */
export function renderGallery(board: Board, look: Look): Site {
  const pages: Page[] = [];
  const withPhotos = board.ads.filter((a) => a.photos.length > 0);
  const perPage = 24;
  const total = Math.max(1, Math.ceil(withPhotos.length / perPage));
  for (let p = 1; p <= total; p++) {
    const ctx: Ctx = { board, look, photos: [] };
    const cells = withPhotos
      .slice((p - 1) * perPage, p * perPage)
      .map((ad) => {
        const pics = ad.photos
          .map((pic, k) =>
            img(ctx, `/galerie/img/${ad.id}-${k}.jpg`, pic, look.photoStyle, `alt="${esc(ad.title)}" loading="lazy"`),
          )
          .join('');
        return `<figure class="tile">${pics}<figcaption><b>${esc(ad.title)}</b><span class="prix">${esc(ad.price)}</span><span class="tel">${phoneHtml(ad.advertiser, look)}</span><span class="lieu">${esc(ad.town)}</span></figcaption></figure>`;
      })
      .join('\n');
    const nav = Array.from(
      { length: total },
      (_, i) => `<a href="/${i === 0 ? '' : `page-${i + 1}.html`}">${i + 1}</a>`,
    ).join(' ');
    const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${esc(board.title)} – galerie</title><link rel="stylesheet" href="/style.css"></head><body><header><h1>${esc(board.title)}</h1><p>Toutes les photos, contactez directement les annonceurs.</p></header><main class="grid">${cells}</main><nav class="pages">${nav}</nav><footer>${esc(board.operator.email)}</footer></body></html>`;
    pages.push({ url: `https://${board.domain}/${p === 1 ? '' : `page-${p}.html`}`, html, photos: ctx.photos });
  }
  return { name: board.name, domain: board.domain, script: 'static-gallery', pages };
}
