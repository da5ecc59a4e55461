/**
 * Stage 2's second look: which links of a live, unmatched landing page are worth one more fetch. A clone that kept
 * only the ad photos shows them on its ad pages, one click away from the home page, so the picker prefers links
 * that look like ads or listings: a path with an ad-like word or an id, links wrapping a picture, links repeated
 * in a list. Pure: markup in, URLs out. Hostile-proof: at most MAX_ANCHORS links are read, only http(s) links of
 * the page's own site (its host, with or without "www.") below the root are kept, never javascript:, data:,
 * mailto: or tel:, never files (pictures, scripts, archives) nor the boilerplate pages (contact, legal, login…).
 */

/** Links read per page at most, whatever the page holds. */
export const MAX_ANCHORS = 400;

const ANCHOR_START = /<a\b/gi;
const ANCHOR_END = /<\/a\s*>/i;
/** An opening tag or a link's content longer than this is not read further (no page can make the scan slow). */
const TAG_CHARS = 2000;
const INNER_CHARS = 2000;
const HREF = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const FILE =
  /\.(?:jpe?g|png|gif|webp|avif|svgz?|ico|bmp|css|js|mjs|json|xml|rss|pdf|zip|gz|rar|7z|exe|apk|dmg|mp[34]|webm|avi|mov|woff2?|ttf|txt|csv|docx?|xlsx?)$/i;
/** Pages that never carry an ad: contact forms, legal notices, accounts, carts. */
const BOILERPLATE =
  /^\/(?:[a-z]{2}\/)?(?:contact|contactez-nous|nous-contacter|about|a-propos|qui-sommes-nous|mentions(?:-legales)?|legal|cgu|cgv|terms|conditions|privacy|confidentialite|cookies?|rgpd|gdpr|faq|aide|help|login|connexion|signin|sign-in|logout|deconnexion|register|inscription|signup|sign-up|account|compte|mon-compte|panier|cart|checkout|wp-admin|wp-login\.php|admin|feed|rss|sitemap)(?:[/.?#-]|$)/i;
/** A path segment naming an ad, a listing or an offer (French, English and a few neighbours). */
const AD_PATH =
  /(?:^|[/_-])(?:ad|ads|annonces?|petites-annonces|listings?|offres?|offers?|items?|produits?|products?|fiches?|details?|classifieds?|anuncios?|inserate?|annunci|vente|location|services?|post|p)(?:[/_.?=-]|$)/i;
const ID_SEGMENT = /(?:^|[/_=-])\d{3,}(?:[/_.?&-]|$)/;
const AD_TEXT =
  /\b(?:annonce|voir|détails?|details?|plus d'infos|en savoir plus|view|more|offre|ad)\b|€|\d+\s?(?:euros?|eur)\b/i;

export interface ProbeLink {
  url: string;
  score: number;
}

/** The page's own site: its host without a leading "www.". */
export function siteOf(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

function sameSite(a: URL, b: URL): boolean {
  return siteOf(a.hostname) === siteOf(b.hostname) && a.port === b.port;
}

function absolute(raw: string, base: URL): URL | null {
  const href = raw.replace(/&amp;/g, '&').trim();
  if (href === '' || href.startsWith('#') || /^\s*(?:javascript|data|vbscript|mailto|tel|sms|file|blob):/i.test(href))
    return null;
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password) return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/** Every same-site link of the page below the root with its ad-likeness, best first, then in document order. */
export function rankProbeLinks(html: string, pageUrl: string): ProbeLink[] {
  let base: URL;
  try {
    base = new URL(pageUrl);
  } catch {
    return [];
  }
  const found = new Map<string, { url: URL; score: number; order: number }>();
  let read = 0;
  for (const m of html.matchAll(ANCHOR_START)) {
    if (++read > MAX_ANCHORS) break;
    const head = html.slice(m.index, m.index + TAG_CHARS);
    const end = head.indexOf('>');
    if (end < 0) continue;
    const tag = head.slice(2, end);
    const after = html.slice(m.index + end + 1, m.index + end + 1 + INNER_CHARS);
    const close = after.search(ANCHOR_END);
    const inner = close >= 0 ? after.slice(0, close) : '';
    const h = HREF.exec(tag);
    const url = absolute(h?.[1] ?? h?.[2] ?? h?.[3] ?? '', base);
    if (!url || !sameSite(url, base)) continue;
    const path = url.pathname;
    if (path === '/' || path === '' || FILE.test(path) || BOILERPLATE.test(path)) continue;
    if (url.href === base.href) continue;
    const where = `${path}${url.search}`;
    let score = 0;
    if (/<img\b/i.test(inner)) score += 3;
    if (AD_PATH.test(where)) score += 3;
    if (ID_SEGMENT.test(where)) score += 2;
    if (path.split('/').filter(Boolean).length >= 2) score += 1;
    if (AD_TEXT.test(inner.replace(/<[^>]*>/g, ' '))) score += 1;
    const known = found.get(url.href);
    if (known) known.score = Math.max(known.score, score);
    else found.set(url.href, { url, score, order: found.size });
  }
  // Links repeated under the same first segment (a list of ads) are likelier ads than lone ones.
  const families = new Map<string, number>();
  const family = (u: URL) => u.pathname.split('/').filter(Boolean)[0] ?? '';
  for (const { url } of found.values()) families.set(family(url), (families.get(family(url)) ?? 0) + 1);
  return [...found.values()]
    .map((l) => ({ ...l, score: l.score + ((families.get(family(l.url)) ?? 0) >= 3 ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((l) => ({ url: l.url.href, score: l.score }));
}

/** The `max` links of the page most likely to be ads, for the second look (none when max is 0). */
export function pickProbeLinks(html: string, pageUrl: string, max: number): string[] {
  if (max <= 0) return [];
  return rankProbeLinks(html, pageUrl)
    .slice(0, max)
    .map((l) => l.url);
}
