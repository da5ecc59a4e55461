/**
 * Asset pivots: the file names of the site's own scripts and stylesheets when they carry a build hash or an unusual
 * name (`app.3f9a2c1b.js`). Well-known library names and third-party hosts are left out: they are shared by
 * unrelated sites. Asset pivots are weak: two operators on the same classifieds script share them.
 */
import type { Pivot } from '../types.ts';

const COMMON =
  /^(?:jquery|bootstrap|popper|lodash|react|vue|angular|moment|swiper|slick|owl|font-?awesome|normalize|modernizr|analytics|gtag|gtm|main|app|index|style|styles|script|scripts|bundle|vendor|common|site|theme|custom|min)(?:[.-]min)?\.(?:js|css)$/i;
const THIRD_PARTY =
  /(?:googletagmanager|google-analytics|googlesyndication|doubleclick|facebook|fbcdn|yandex|cloudflare|jsdelivr|unpkg|cdnjs|gstatic|googleapis|hotjar|clarity)\./i;

export function assetPivots(urls: string[], pageUrl: string): Pivot[] {
  const out: Pivot[] = [];
  for (const raw of urls) {
    let u: URL;
    try {
      u = new URL(raw, pageUrl);
    } catch {
      continue;
    }
    if (THIRD_PARTY.test(u.hostname)) continue;
    const name = u.pathname.slice(u.pathname.lastIndexOf('/') + 1).toLowerCase();
    if (!/\.(?:js|css|mjs)$/.test(name) || COMMON.test(name)) continue;
    out.push({ kind: 'asset', value: name });
  }
  return out;
}
