/**
 * Pieces every world-7 page is made of: escaping, tracker snippets (gtag, Universal Analytics, Tag Manager, Matomo,
 * Meta pixel, AdSense — the way sites paste them), class renaming of a re-skinned theme, prices, dates, and an ad's
 * numbers written the way its page writes them.
 */
import { phoneStyleOf, writePhone } from './contacts.ts';
import type { Ad, Site, Theme, Trackers } from './model.ts';
import { hash32, rngOf } from './rng.ts';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function trackersHead(t: Trackers): string {
  const parts: string[] = [];
  if (t.gtm) {
    parts.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${t.gtm}');</script>`,
    );
  }
  if (t.ga4) {
    parts.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${t.ga4}"></script>`,
      `<script>window.dataLayer = window.dataLayer || [];function gtag(){dataLayer.push(arguments);}gtag('js', new Date());gtag('config', '${t.ga4}');</script>`,
    );
  }
  if (t.adsense) {
    parts.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${t.adsense}" crossorigin="anonymous"></script>`,
    );
  }
  if (t.pixel) {
    parts.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init', '${t.pixel}');fbq('track', 'PageView');</script>`,
    );
  }
  return parts.join('\n');
}

export function trackersBody(t: Trackers): string {
  const parts: string[] = [];
  if (t.gtm) {
    parts.push(
      `<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=${t.gtm}" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>`,
    );
  }
  if (t.ua) {
    parts.push(
      `<script type="text/javascript">var _gaq = _gaq || [];_gaq.push(['_setAccount', '${t.ua}']);_gaq.push(['_trackPageview']);(function() {var ga = document.createElement('script'); ga.type = 'text/javascript'; ga.async = true;ga.src = ('https:' == document.location.protocol ? 'https://ssl' : 'http://www') + '.google-analytics.com/ga.js';var s = document.getElementsByTagName('script')[0]; s.parentNode.insertBefore(ga, s);})();</script>`,
    );
  }
  if (t.matomo) {
    parts.push(
      `<script>var _paq = window._paq = window._paq || [];_paq.push(['trackPageView']);_paq.push(['enableLinkTracking']);(function() {var u="${t.matomo.url}";_paq.push(['setTrackerUrl', u+'matomo.php']);_paq.push(['setSiteId', '${t.matomo.site}']);var d=document, g=d.createElement('script'), s=d.getElementsByTagName('script')[0];g.async=true; g.src=u+'matomo.js'; s.parentNode.insertBefore(g,s);})();</script>`,
    );
  }
  return parts.join('\n');
}

/** Rewrites every class token of a page for a re-skinned or minified theme. */
export function renameClasses(html: string, theme: Theme): string {
  const rename = theme.rename;
  if (!rename) return html;
  const map = (token: string) =>
    rename.kind === 'prefix'
      ? `${rename.prefix}${token}`
      : `c${hash32(`${rename.salt}:${token}`).toString(36).slice(0, 6)}`;
  return html.replace(/\bclass="([^"]*)"/g, (_, value: string) => {
    const tokens = value.split(/\s+/).filter(Boolean);
    return `class="${tokens.map(map).join(' ')}"`;
  });
}

export function money(amount: number, currency: 'EUR' | 'CHF', lang: 'fr' | 'en'): string {
  const whole = Number.isInteger(amount);
  const text = whole ? String(amount) : amount.toFixed(2);
  const grouped = text.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'fr' ? '\u202f' : ',');
  if (currency === 'CHF') return lang === 'fr' ? `${grouped} CHF` : `CHF ${grouped}`;
  return lang === 'fr' ? `${grouped.replace('.', ',')} €` : `€${grouped}`;
}

export function priceText(ad: Ad, site: Site): string {
  if (ad.price === null) return site.lang === 'fr' ? 'Sur devis' : 'On quote';
  // Units are written "€/h", "€ le cours"…: the site's currency replaces the sign.
  return `${money(ad.price, site.region.currency, site.lang)}${ad.unit.replace(/^€/, '')}`;
}

const MONTHS_FR = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
const MONTHS_EN = 'January February March April May June July August September October November December'.split(' ');

export function dateText(iso: string, lang: 'fr' | 'en', style: 'long' | 'short' | 'iso' = 'long'): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (style === 'iso') return iso;
  if (style === 'short')
    return lang === 'fr' ? `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}` : iso;
  return lang === 'fr' ? `${d} ${MONTHS_FR[m - 1]} ${y}` : `${MONTHS_EN[m - 1]} ${d}, ${y}`;
}

export function dialect(country: Site['country']): 'fr' | 'be' | 'ch' {
  return country === 'BE' ? 'be' : country === 'CH' ? 'ch' : 'fr';
}

/**
 * An ad's number as the page prints it: the text stored with the ad (as its advertiser typed it), or, on a site
 * that hides numbers (or for a number with no stored text), a writing of the site's own.
 */
export function phoneText(site: Site, ad: Ad, e164: string): string {
  const stored = ad.shown?.[ad.phones.indexOf(e164)];
  if (stored && site.phoneHabit < 2) return stored;
  const rng = rngOf(`${site.name}|${ad.key}|${e164}`);
  return writePhone(e164, phoneStyleOf(site.phoneHabit, rng), dialect(site.country));
}

/** A `tel:` link on the printed text when the site links numbers (scripts put the stored text in the link). */
export function phoneLink(site: Site, ad: Ad, e164: string, cls: string, scheme = 'tel', icon = ''): string {
  const text = phoneText(site, ad, e164);
  return site.phoneHabit < 2 && /^[+\d][\d .()/-]*$/.test(text)
    ? `<a href="${scheme}:${esc(text)}" class="${cls}">${icon}${text}</a>`
    : `<span class="${cls}">${icon}${text}</span>`;
}

export function paragraphs(lines: string[]): string {
  return lines.map((l) => `<p>${esc(l)}</p>`).join('\n');
}
