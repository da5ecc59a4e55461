/**
 * A board through its script: the pages it serves and the address of each ad (for sites that link to ads).
 * Categories are completed with the trades of the ads a board actually carries (a merged or diluted board may carry
 * trades the original did not list).
 */
import type { Ad, Board, ScriptKey } from '../board.ts';
import { acadpAdUrl, renderAcadp } from './acadp.ts';
import { adslightAdUrl, renderAdslight } from './adslight.ts';
import type { Page } from './common.ts';
import { laravelAdUrl, renderLaravel } from './laravel.ts';

const RENDER: Record<ScriptKey, (b: Board) => Page[]> = {
  adslight: renderAdslight,
  acadp: renderAcadp,
  laravel: renderLaravel,
};

const AD_URL: Record<ScriptKey, (b: Board, ad: Ad) => string> = {
  adslight: adslightAdUrl,
  acadp: acadpAdUrl,
  laravel: laravelAdUrl,
};

export function withAllCategories(board: Board): Board {
  const cats = [...board.categories];
  for (const ad of board.ads) if (!cats.includes(ad.trade)) cats.push(ad.trade);
  return cats.length === board.categories.length ? board : { ...board, categories: cats };
}

export function renderBoard(board: Board): Page[] {
  return RENDER[board.script](withAllCategories(board));
}

export function adUrl(board: Board, ad: Ad): string {
  return AD_URL[board.script](board, ad);
}

export type { Page, PhotoUse, Site } from './common.ts';
