/**
 * Pivots as real sites embed them: Google Analytics (UA- and G- ids), Google Tag Manager, Meta pixel, an IBAN of a
 * fiction bank (valid mod-97 check digits and RIB key) and a Bitcoin P2PKH address (valid Base58Check).
 */
import { createHash } from 'node:crypto';
import type { Rng } from './prng.ts';

export interface Pivots {
  ga?: string;
  gtm?: string;
  pixel?: string;
  iban?: string;
  btc?: string;
}

const ALNUM = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
const chars = (rng: Rng, n: number, set = ALNUM) => Array.from({ length: n }, () => rng.pick([...set])).join('');
const digits = (rng: Rng, n: number) =>
  Array.from({ length: n }, (_, i) => String(i === 0 ? rng.int(1, 9) : rng.int(0, 9))).join('');

export function analyticsId(rng: Rng): string {
  return rng.chance(0.5) ? `UA-${digits(rng, 8)}-${rng.int(1, 3)}` : `G-${chars(rng, 10)}`;
}
export const tagManagerId = (rng: Rng) => `GTM-${chars(rng, 7)}`;
export const pixelId = (rng: Rng) => digits(rng, 16);

function mod97(numeric: string): number {
  let r = 0;
  for (const ch of numeric) r = (r * 10 + Number(ch)) % 97;
  return r;
}

/** A French IBAN at a fiction bank (bank code 99xxx is not allocated), with a valid RIB key and IBAN check digits. */
export function fictionIban(rng: Rng): string {
  const bank = `99${digits(rng, 3)}`;
  const branch = digits(rng, 5);
  const account = digits(rng, 11);
  const key = 97 - ((89 * Number(bank) + 15 * Number(branch) + 3 * mod97(account)) % 97);
  const bban = `${bank}${branch}${account}${String(key).padStart(2, '0')}`;
  // Letters F=15, R=27, then "00" for the check digits.
  const check = 98 - mod97(`${bban}152700`);
  const iban = `FR${String(check).padStart(2, '0')}${bban}`;
  return iban.replace(/(.{4})/g, '$1 ').trim();
}

export function ibanIsValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '');
  const moved = s.slice(4) + s.slice(0, 4);
  const numeric = [...moved].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return mod97(numeric) === 1;
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function base58(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** A P2PKH address over 20 random bytes (no key behind it). */
export function bitcoinAddress(rng: Rng): string {
  const payload = new Uint8Array(21);
  for (let i = 1; i < 21; i++) payload[i] = rng.int(0, 255);
  const check = sha256(sha256(payload)).subarray(0, 4);
  return base58(new Uint8Array([...payload, ...check]));
}

export function freshPivots(rng: Rng): Pivots {
  return {
    ga: rng.chance(0.8) ? analyticsId(rng) : undefined,
    gtm: rng.chance(0.4) ? tagManagerId(rng) : undefined,
    pixel: rng.chance(0.45) ? pixelId(rng) : undefined,
    iban: rng.chance(0.35) ? fictionIban(rng) : undefined,
    btc: rng.chance(0.2) ? bitcoinAddress(rng) : undefined,
  };
}

/** The tracking snippets as sites paste them into <head>. */
export function trackerHead(p: Pivots): string {
  const out: string[] = [];
  if (p.gtm)
    out.push(
      `<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','${p.gtm}');</script>`,
    );
  if (p.ga)
    out.push(
      `<script async src="https://www.googletagmanager.com/gtag/js?id=${p.ga}"></script>\n<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','${p.ga}');</script>`,
    );
  if (p.pixel)
    out.push(
      `<script>!function(f,b,e,v,n,t,s){if(f.fbq)return;n=f.fbq=function(){n.callMethod?n.callMethod.apply(n,arguments):n.queue.push(arguments)};if(!f._fbq)f._fbq=n;n.push=n;n.loaded=!0;n.version='2.0';n.queue=[];t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');fbq('init','${p.pixel}');fbq('track','PageView');</script>`,
    );
  return out.join('\n');
}
