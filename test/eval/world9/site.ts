/**
 * What world 9 serves: sites made of pages (absolute URL, HTML, the ad photos they show), how a board is dressed
 * (`Look`), and the small HTML helpers every template uses.
 */
import { type Ad, type Advertiser, type Board, e164, obfuscatedPhone, PHONE_STYLES } from './model.ts';
import { hashString } from './rng.ts';

/** How a site serves a photograph: size, crop, format, watermark. */
export type PhotoStyle = 'base' | 'small' | 'large' | 'png' | 'crop' | 'wm' | 'crop-wm' | 'thumb' | 'webp';

export interface PhotoUse {
  url: string;
  pic: string;
  style: PhotoStyle;
}

export interface Page {
  url: string;
  html: string;
  photos: PhotoUse[];
}

export interface Site {
  name: string;
  domain: string;
  /** The script or kind of site it runs (for the record only). */
  script: string;
  pages: Page[];
}

export interface Look {
  perPage: number;
  photoStyle: PhotoStyle;
  thumbStyle: PhotoStyle;
  phoneMode: 'plain' | 'obfuscated' | 'tel-only';
  /** Classes and ids renamed (a minifier or a hand-edited theme). */
  renameSalt?: string;
  categories: boolean;
  servicePages: boolean;
  /** A line the operator adds in the header ("new address", "we are back"). */
  banner?: string;
  /** Largest page count: ad pages are dropped past it (oldest last). */
  maxPages?: number;
}

export const DEFAULT_LOOK: Look = {
  perPage: 10,
  photoStyle: 'base',
  thumbStyle: 'thumb',
  phoneMode: 'plain',
  categories: true,
  servicePages: true,
};

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function phoneText(a: Advertiser, look: Look, variant = 0): string {
  if (look.phoneMode === 'obfuscated') return obfuscatedPhone(a.phone, hashString(a.key) + variant);
  return PHONE_STYLES[a.phoneStyle](a.phone);
}

/** The advertiser's number as the page shows it (text, or a call button whose link holds it). */
export function phoneHtml(a: Advertiser, look: Look): string {
  if (look.phoneMode === 'tel-only') return `<a class="call" href="tel:${e164(a.phone)}">Appeler</a>`;
  return esc(phoneText(a, look));
}

export function descriptionText(ad: Ad, look: Look): string {
  const body = ad.sentences.join(' ');
  if (!ad.phoneInText || look.phoneMode === 'tel-only') return body;
  return `${body} Appelez le ${phoneText(ad.advertiser, look, 1)}.`;
}

export function trackerHead(board: Board): string {
  const t = board.trackers;
  const out: string[] = [];
  if (t.ga)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${t.ga}"></script>`,
      `<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','${t.ga}');</script>`,
    );
  if (t.gtm)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${t.gtm}');</script>`,
    );
  if (t.adsense)
    out.push(
      `<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${t.adsense}" crossorigin="anonymous"></script>`,
    );
  return out.join('\n');
}

/** Every class and id token renamed with a salt (same token → same new name within a site). */
export function renameClasses(html: string, salt: string): string {
  const rename = (token: string) => `${salt}${(hashString(salt + token) % 46656).toString(36)}`;
  return html.replace(/\s(class|id)="([^"]*)"/g, (_m, attr: string, value: string) => {
    const tokens = value.split(/\s+/).filter(Boolean).map(rename);
    return ` ${attr}="${tokens.join(' ')}"`;
  });
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function truncateWords(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}
