/**
 * What a script renderer provides to world 8's page plan (render.ts): its URLs, its page shell, its listing,
 * ad, contact and legal bodies. An ad is handed over already worded for the site (AdView).
 */
import type { Ad, Site } from './model.ts';

export interface PhotoRef {
  url: string;
  id: string;
}

export interface AdView {
  ad: Ad;
  url: string;
  title: string;
  sentences: string[];
  price: string;
  category: string;
  catSlug: string;
  seller: string;
  phoneHtml: string;
  email: string | null;
  town: string;
  photos: PhotoRef[];
  thumb: PhotoRef | null;
}

export interface Pager {
  prev?: string;
  next?: string;
  page: number;
  pages: number;
}

export interface ScriptKit {
  adUrl(ad: Ad, title: string): string;
  listUrl(page: number): string;
  catUrl(slug: string): string;
  contactUrl: string;
  legalUrl: string;
  photoUrl(site: Site, id: string, index: number, thumb: boolean): string;
  page(site: Site, title: string, body: string, categories: { name: string; url: string }[]): string;
  list(site: Site, views: AdView[], heading: string, pager: Pager): string;
  ad(site: Site, view: AdView, related: AdView[]): string;
  contact(site: Site): string;
  legal(site: Site): string;
  /** A static page (house rules) in the script's page body. */
  text(site: Site, heading: string, html: string): string;
  rulesUrl: string;
}
