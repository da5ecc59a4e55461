/**
 * The pictures of a page kept as evidence (ad photos, and images that may carry a phone number): which ones, within
 * which budget, and how their bytes are obtained. Browser mode already loaded them through the guard, so their bytes
 * come from the page's own responses; HTTP mode fetches them as side requests through the guard with the crawl's
 * user agent. Vector images (SVG) and inline data: URLs are left out: logos and icons, not photos, and SVG is a
 * document a hostile site could use to reach further.
 */
import type { Favicon } from './crawl-run.ts';

export interface ImageBudget {
  /** Pictures kept per page (in document order). */
  maxPerPage: number;
  /** Pictures kept per crawl run, all pages together. */
  maxPerCrawl: number;
  /** Larger pictures are skipped. */
  maxBytes: number;
}

export const DEFAULT_IMAGE_BUDGET: ImageBudget = { maxPerPage: 12, maxPerCrawl: 400, maxBytes: 4 * 1024 * 1024 };

export interface PageImage {
  url: string;
  bytes: Buffer;
  mediaType: string;
}

const IMG_TAG = /<img\b[^>]*>/gi;
const SRC_ATTR = /\s(?:data-src|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const VECTOR = /\.svgz?(?:[?#]|$)/i;

/** Absolute http(s) URLs of a page's <img> elements, in document order, without duplicates or vector images. */
export function imageUrlsFromHtml(html: string, baseUrl: string, limit: number): string[] {
  const out: string[] = [];
  for (const tag of html.matchAll(IMG_TAG)) {
    const m = SRC_ATTR.exec(tag[0]);
    const raw = (m?.[1] ?? m?.[2] ?? m?.[3] ?? '').trim();
    const url = absoluteImageUrl(raw, baseUrl);
    if (url && !out.includes(url)) out.push(url);
    if (out.length >= limit) break;
  }
  return out;
}

export function absoluteImageUrl(raw: string, baseUrl: string): string | null {
  if (!raw || /^data:/i.test(raw)) return null;
  try {
    const u = new URL(raw.replace(/&amp;/g, '&'), baseUrl);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return VECTOR.test(u.pathname) ? null : u.href;
  } catch {
    return null;
  }
}

/** Counts the pictures of one crawl run against its budget (shared by both modes and every page). */
export function createImageQuota(budget: ImageBudget) {
  let used = 0;
  return {
    budget,
    /** How many of `wanted` pictures this page may still take. */
    take(wanted: number): number {
      const n = Math.max(0, Math.min(wanted, budget.maxPerPage, budget.maxPerCrawl - used));
      used += n;
      return n;
    },
    get used() {
      return used;
    },
  };
}

export type ImageQuota = ReturnType<typeof createImageQuota>;

/**
 * The bytes of the page's pictures, within the run's budget: `source` gives the bytes of one URL (or null); raster
 * images only, each at most `maxBytes`. One failing picture never costs the page.
 */
export async function collectImages(
  urls: string[],
  quota: ImageQuota,
  source: (url: string) => Promise<Favicon | null>,
): Promise<PageImage[]> {
  const wanted = urls.slice(0, quota.take(urls.length));
  const out: PageImage[] = [];
  for (const url of wanted) {
    const got = await source(url).catch(() => null);
    if (!got || got.bytes.length === 0 || got.bytes.length > quota.budget.maxBytes) continue;
    if (!got.mediaType.startsWith('image/') || got.mediaType.includes('svg')) continue;
    out.push({ url, bytes: got.bytes, mediaType: got.mediaType });
  }
  return out;
}
