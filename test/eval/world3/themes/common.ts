/** Helpers every world-3 theme uses: escaping, dates, prices, tracker snippets and the operator's contact block. */
import { emailHtml, phoneHtml } from '../contacts.ts';
import type { Ad, Site } from '../model.ts';

export const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export const priceText = (ad: Ad) => (ad.price === null ? 'Sur devis' : `${ad.price} €`);
export const dateFr = (iso: string) => iso.split('-').reverse().join('/');

/** Which style shows this ad's phone on this site: stable per (site, ad). */
export function phoneFor(site: Site, ad: Ad): string {
  let h = 0;
  for (const c of `${site.name}/${ad.id}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return phoneHtml(ad.advertiser.phone, site.phoneStyles[h % site.phoneStyles.length]);
}

export function advertiserEmail(site: Site, ad: Ad): string {
  return ad.advertiser.email ? emailHtml(ad.advertiser.email, site.emailStyle) : '';
}

/** The analytics and advertising snippets as their vendors publish them (ids are fiction). */
export function trackerSnippets(site: Site): string {
  const t = site.trackers;
  const out: string[] = [];
  if (t.gtm)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${t.gtm}');</script>`,
    );
  if (t.ga4)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${t.ga4}"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','${t.ga4}');</script>`,
    );
  if (t.adsense)
    out.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${t.adsense}" crossorigin="anonymous"></script>`,
    );
  if (t.matomo)
    out.push(
      `<script>var _paq=window._paq=window._paq||[];_paq.push(['trackPageView']);(function(){var u="https://${t.matomo.split('#')[0]}/";_paq.push(['setTrackerUrl',u+'matomo.php']);_paq.push(['setSiteId','${t.matomo.split('#')[1]}']);})();</script>`,
    );
  if (t.fbPixel)
    out.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};n.queue=[];}(window,document,'script');fbq('init','${t.fbPixel}');fbq('track','PageView');</script>`,
    );
  return out.join('\n');
}

/** The operator's own contact lines (footer or contact page), in the site's styles. */
export function operatorBlock(site: Site, long: boolean): string {
  const op = site.operator;
  if (!op) return '';
  const lines = [
    `Service client ${esc(op.brand)} : ${phoneHtml(op.phone, site.phoneStyles[0])}`,
    `Écrire : ${emailHtml(op.email, site.emailStyle)}`,
  ];
  if (op.telegram) lines.push(`Telegram : <a href="https://t.me/${op.telegram}">@${op.telegram}</a>`);
  if (long) lines.push('Pour publier une annonce payante, contactez-nous avant 18 h.');
  return lines.join(long ? '</p>\n<p>' : ' · ');
}

export interface Page {
  path: string;
  html: string;
}

/** Listing pages of `perPage` ads: `[path, ads]` with the first page at `first`. */
export function paginate<T>(items: T[], perPage: number, first: string, nth: (i: number) => string): [string, T[]][] {
  const out: [string, T[]][] = [];
  for (let i = 0; i * perPage < items.length || i === 0; i++)
    out.push([i === 0 ? first : nth(i + 1), items.slice(i * perPage, (i + 1) * perPage)]);
  return out;
}

/** The ad's database id on this site (same salt, same ids). */
export function dbId(site: Site, ad: Ad): number {
  let h = 7;
  for (const c of `${site.dbSalt}/${ad.id}`) h = (h * 33 + c.charCodeAt(0)) >>> 0;
  return 100 + (h % 89900);
}

export function html(site: Site, head: string, body: string, bodyAttrs = ''): string {
  return `<!DOCTYPE html>\n<html lang="${site.lang}">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n${head}\n${trackerSnippets(site)}\n</head>\n<body${bodyAttrs}>\n${body}\n</body>\n</html>`;
}
