/**
 * What the three board scripts share: the page record a script emits (path, HTML, pictures shown), the categories
 * of a board, listing pages, slugs, the owner-side numbers shown on static pages, and picture records with the
 * width the site serves them at.
 */
import { phoneStyleOf, writePhone } from './contacts.ts';
import { dialect } from './html.ts';
import type { Ad, RenderedPage, Site } from './model.ts';
import { slugify } from './regions.ts';
import { hash32, rngOf } from './rng.ts';
import { TRADES, type Trade } from './trades.ts';

export interface PageOut {
  path: string;
  html: string;
  photos: RenderedPage['photos'];
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length ? out : [[]];
}

export function adSlug(ad: Ad): string {
  return slugify(ad.title).slice(0, 60).replace(/-+$/, '') || 'annonce';
}

/** Trades the board has ads in, in the board's own menu order. */
export function boardTrades(site: Site): Trade[] {
  const present = new Set(site.ads.map((a) => a.trade));
  return TRADES.filter((t) => present.has(t.id));
}

export function tradeLabel(trade: Trade, site: Site): string {
  return site.lang === 'fr' ? trade.fr : trade.en;
}

export function tradeSlug(trade: Trade, site: Site): string {
  return slugify(tradeLabel(trade, site));
}

/** The operator's number as the static pages write it (stored page text: copies keep the writing). */
export function operatorPhone(site: Site): string {
  const phone = site.operator.phone;
  return writePhone(phone, phoneStyleOf(0, rngOf(`operator|${phone}`)), dialect(site.country));
}

/** Original size of a photo, from its id (phones shoot 4:3, some portrait, some square, some 3:2). */
export function originalSize(id: string): [number, number] {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  const sizes: [number, number][] = [
    [800, 600],
    [800, 600],
    [600, 800],
    [768, 576],
    [720, 720],
    [800, 533],
  ];
  return sizes[h % sizes.length];
}

/** File name a site stores a photo under (kept by sites that copied the uploads folder, new after an import). */
export function fileOf(site: Site, id: string): string {
  return hash32(`${site.photo.key}|${id}`).toString(36) + hash32(`${id}|${site.photo.key}`).toString(36).slice(0, 4);
}

/** Width a site serves a photo at (full picture or list thumbnail). */
export function servedWidth(site: Site, id: string, thumb: boolean): number {
  let [w, h] = originalSize(id);
  for (const step of site.photo.steps) {
    if (step.trim) {
      w = Math.round(w * (1 - 2 * step.trim));
      h = Math.round(h * (1 - 2 * step.trim));
    }
    const scale = Math.min(1, step.full / Math.max(w, h));
    w = Math.round(w * scale);
    h = Math.round(h * scale);
  }
  const last = site.photo.steps[site.photo.steps.length - 1];
  return thumb ? Math.min(last.thumb, w) : w;
}

export function photoRecord(site: Site, id: string, url: string, thumb: boolean): RenderedPage['photos'][number] {
  return { url, id, width: servedWidth(site, id, thumb), thumb };
}

/** Ads of one advertiser on the board (the "other ads" of a page). */
export function adsOf(site: Site, advertiser: string): Ad[] {
  return site.ads.filter((a) => a.advertiser === advertiser);
}
