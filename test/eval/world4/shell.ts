/** What every world-4 page shares: escaping, class renaming, tracker tags, ad numbers, photo URLs, paging. */
import { emailHtml, phoneHtml, telHref } from './contacts.ts';
import type { Ad, Site } from './model.ts';
import { hashString } from './prng.ts';

export type Page = [url: string, html: string];

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The site's class for one of its script's classes (a re-themed copy renames them). */
export const cls = (site: Site, ...names: string[]) => names.map((n) => site.classRename?.[n] ?? n).join(' ');

export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);

/** The ad's row number: kept by a copy that keeps the script's database, new after a migration to another script. */
export const adNumber = (site: Site, ad: Ad) => 1000 + (hashString(`${ad.id}|${site.script}`) % 90000);

export const url = (site: Site, path: string) => `https://${site.domain}${path}`;

/** A photo's address on this site; the width is part of it, as thumbnailers write it. */
export function photoUrl(site: Site, id: string, width: number): string {
  switch (site.script) {
    case 'awpcp':
      return `/wp-content/uploads/awpcp/${id}_w${width}.jpg`;
    case 'dcf':
      return `/media/cache/${(hashString(id) % 256).toString(16)}/${id}_w${width}.jpg`;
    case 'sharetribe':
      return `/system/listing_images/${id}_w${width}/medium.jpg`;
    default:
      return `/img/${id}_w${width}.jpg`;
  }
}

export function trackerTags(site: Site): string {
  const { ga, gtm, pixel } = site.trackers;
  const out: string[] = [];
  if (ga)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${ga}"></script>`,
      `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','${ga}');</script>`,
    );
  if (gtm)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${gtm}');</script>`,
    );
  if (pixel)
    out.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/fr_FR/fbevents.js');fbq('init','${pixel}');fbq('track','PageView');</script>`,
    );
  return out.join('\n');
}

export const head = (site: Site, title: string, extra = '') =>
  `<head><meta charset="utf-8"><title>${esc(title)} | ${esc(site.title)}</title><meta name="viewport" content="width=device-width, initial-scale=1">${extra}\n${trackerTags(site)}</head>`;

export const phoneOf = (site: Site, digits: string) =>
  site.obfuscation === 'none'
    ? `<a href="${telHref(digits)}">${phoneHtml(digits, 'none')}</a>`
    : phoneHtml(digits, site.obfuscation);

export const emailOf = (site: Site, email: string) => emailHtml(email, site.obfuscation);

export const priceText = (ad: Ad) => `${ad.price} €`;

/** The body cut at a word near `n` characters, as list pages show it. */
export function excerpt(text: string, n: number): string {
  if (text.length <= n) return text;
  const cut = text.slice(0, n);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

export function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out.length ? out : [[]];
}

/** The operator's contact and legal lines (service pages), or nothing when the site shows none. */
export function operatorLines(site: Site): string {
  if (!site.operator) return '<p>Pour toute question, utilisez le formulaire ci-dessous.</p>';
  return `<p>Téléphone : ${phoneOf(site, site.operator.phone)}</p><p>Courriel : ${emailOf(site, site.operator.email)}</p>`;
}

export const LEGAL =
  'Ce site met en relation des particuliers. Les annonces sont publiées sous la responsabilité de leurs auteurs. Conformément à la loi, vous disposez d’un droit d’accès et de rectification des données vous concernant.';
