/** What one classified script's templates give the renderer: its URLs, its page chrome and its three page kinds. */
import type { Ad } from './model.ts';
import type { Ctx } from './page.ts';

export interface ScriptMarkup {
  /** Where uploads live (ad photos), under the site's root. */
  uploads: string;
  listingPath(page: number): string;
  adPath(c: Ctx, ad: Ad): string;
  contactPath: string;
  legalPath: string;
  /** The whole document around a page's main content. */
  chrome(c: Ctx, o: { title: string; main: string; kind: 'listing' | 'ad' | 'static' }): string;
  listing(c: Ctx, ads: Ad[], page: number, pages: number, total: number): string;
  ad(c: Ctx, ad: Ad): string;
  contact(c: Ctx): string;
  legal(c: Ctx): string;
}
