/**
 * What every world-2 template needs: escaping, slugs, the class/id renamer (an operator re-skinning a script), the
 * phone as the site's contact box writes it, the tracker head and pagination numbers.
 */
import { type Ad, bodyText, type Site } from '../model.ts';
import { formatPhone } from '../phones.ts';
import { trackerHead } from '../pivots.ts';

export const esc = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function shortHash(s: string): string {
  let h = 5381;
  for (let i = 0; i < s.length; i++) h = ((h * 33) ^ s.charCodeAt(i)) >>> 0;
  return h.toString(36).slice(0, 5);
}

export interface View {
  site: Site;
  /** A class or id as this site spells it (renamed when the operator re-skinned the script). */
  c: (names: string) => string;
  adUrl: (ad: Ad) => string;
  listUrl: (page: number) => string;
  sitePhone: (digits: string) => string;
  text: (ad: Ad) => string[];
  head: (title: string, extraCss?: string[]) => string;
}

export function makeView(
  site: Site,
  urls: { ad: (ad: Ad) => string; list: (page: number) => string },
  css: string[],
): View {
  const salt = site.renameSalt;
  const rename = (name: string) => {
    if (!salt || name === '') return name;
    // Half the names get the operator's prefix, the others a short hashed name (as minifiers and re-skins do).
    return shortHash(salt + name).charCodeAt(0) % 2 === 0 ? `${salt}-${name}` : `x${shortHash(`${salt}:${name}`)}`;
  };
  return {
    site,
    c: (names) => names.split(' ').map(rename).join(' '),
    adUrl: urls.ad,
    listUrl: urls.list,
    sitePhone: (digits) => formatPhone(digits, site.phoneStyle),
    text: (ad) => bodyText(ad),
    head: (title, extraCss = []) => {
      const sheets = [...css, ...extraCss].map((h) => `<link rel="stylesheet" href="${h}">`).join('\n');
      const vendor = site.vendorOnly
        ? '<script async src="https://www.googletagmanager.com/gtag/js"></script>\n<script src="https://connect.facebook.net/en_US/fbevents.js" async></script>'
        : '';
      return `<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)}</title>\n<meta name="viewport" content="width=device-width, initial-scale=1">\n${sheets}\n${trackerHead(site.pivots)}\n${vendor}\n</head>`;
    },
  };
}

export const pageCount = (site: Site) => {
  const n = Math.max(1, Math.ceil(site.ads.length / site.perPage));
  return site.maxListingPages ? Math.min(n, site.maxListingPages) : n;
};

export const pageAds = (site: Site, page: number) => site.ads.slice((page - 1) * site.perPage, page * site.perPage);

export const excerpt = (ad: Ad, n = 150) => {
  const t = bodyText(ad).join(' ');
  return t.length <= n ? t : `${t.slice(0, n).replace(/\s+\S*$/, '')}…`;
};

export const euros = (n: number) => `${n.toLocaleString('fr-FR')} €`;

/** The operator's own contacts as a footer widget or contact page writes them; payment pivots where sites put them. */
export function operatorLines(v: View): string[] {
  const { operator, pivots } = v.site;
  const out: string[] = [];
  if (operator) {
    out.push(`Service client : ${v.sitePhone(operator.phone)}`);
    out.push(`<a href="mailto:${operator.email}">${operator.email}</a>`);
    if (operator.whatsapp)
      out.push(
        `WhatsApp : <a href="https://wa.me/33${operator.whatsapp.slice(1)}">${v.sitePhone(operator.whatsapp)}</a>`,
      );
  }
  if (pivots.iban) out.push(`Annonces à la une : virement sur IBAN ${pivots.iban}`);
  if (pivots.btc) out.push(`Paiement en bitcoin accepté : ${pivots.btc}`);
  return out;
}

export function photoTag(v: View, ad: Ad, cls: string, size = '240x180'): string {
  if (!v.site.photos || !ad.photo) return '';
  return `<img src="/uploads/${size}/${ad.photo}" alt="${esc(ad.title)}" class="${v.c(cls)}">`;
}

export const pagesOf = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
