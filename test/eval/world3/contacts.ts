/**
 * World 3's contacts: ARCEP fiction numbers only (06 39 98 xx xx for mobiles, 01 99 00 xx xx for landlines), fiction
 * e-mail domains (.test / .example), and the ways operators and advertisers hide them from scrapers, written for this
 * world. A phone is kept as its ten national digits; the styles decide how a page shows it.
 */
import type { Dice } from './prng.ts';

export const MOBILE_PREFIX = '063998';
export const LANDLINE_PREFIX = '019900';

export function isFictionNumber(national: string): boolean {
  return /^(063998|019900)\d{4}$/.test(national);
}

/** Distinct fiction numbers for one universe (mostly mobiles, a few landlines). */
export class NumberPool {
  private used = new Set<string>();
  constructor(private d: Dice) {}
  draw(): string {
    for (;;) {
      const prefix = this.d.chance(0.85) ? MOBILE_PREFIX : LANDLINE_PREFIX;
      const n = `${prefix}${String(this.d.int(0, 9999)).padStart(4, '0')}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
  }
}

export type PhoneStyle =
  | 'spaced'
  | 'dotted'
  | 'plus33'
  | 'paren33'
  | 'zero033'
  | 'figure-dash'
  | 'fullwidth'
  | 'zero-width'
  | 'words'
  | 'split-tags'
  | 'tel-link-only'
  | 'whatsapp-link'
  | 'letters-for-digits'
  | 'hidden-in-title';

export const PHONE_STYLES: PhoneStyle[] = [
  'spaced',
  'dotted',
  'plus33',
  'paren33',
  'zero033',
  'figure-dash',
  'fullwidth',
  'zero-width',
  'words',
  'split-tags',
  'tel-link-only',
  'whatsapp-link',
  'letters-for-digits',
  'hidden-in-title',
];

const pairs = (n: string) => n.match(/../g)!;
const intl = (n: string) => `33${n.slice(1)}`;

const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
];
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** French words for 0–99 ("soixante-dix-sept", "quatre-vingt-onze"). */
export function frenchNumber(n: number): string {
  if (n < 17) return UNITS[n];
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    return u === 0 ? TENS[t] : u === 1 ? `${TENS[t]} et un` : `${TENS[t]}-${UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${frenchNumber(n - 60)}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${frenchNumber(n - 80)}`;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** HTML showing one phone number in one style. */
export function phoneHtml(n: string, style: PhoneStyle): string {
  const p = pairs(n);
  switch (style) {
    case 'spaced':
      return p.join(' ');
    case 'dotted':
      return p.join('.');
    case 'plus33':
      return `+33 ${n[1]} ${p.slice(1).join(' ')}`;
    case 'paren33':
      return `(33) ${n[1]} ${p.slice(1).join(' ')}`;
    case 'zero033':
      return `0033 ${n.slice(1)}`;
    case 'figure-dash':
      return p.join('\u2012');
    case 'fullwidth':
      return p.map((x) => [...x].map((c) => String.fromCharCode(0xff10 + Number(c))).join('')).join(' ');
    case 'zero-width':
      return [...n].join('\u200b');
    case 'words':
      return `${p.map((x) => frenchNumber(Number(x))).join(' ')}`;
    case 'split-tags':
      return `${p.slice(0, 3).join(' ')} <span class="suite">${p[3]}</span> <b>${p[4]}</b>`;
    case 'tel-link-only':
      return `<a href="tel:+${intl(n)}" class="btn-call">Appeler</a>`;
    case 'whatsapp-link':
      return `<a href="https://wa.me/${intl(n)}" rel="nofollow">Écrire sur WhatsApp</a>`;
    case 'letters-for-digits':
      return p.join(' ').replace(/0/g, 'O').replace(/1/g, 'l');
    case 'hidden-in-title':
      return `<span class="row_value djsvoc" title="${p.join(' ')}">${n.slice(0, 2)}..........<a href="javascript:void(0)" class="djsvoc_link">Afficher</a></span>`;
  }
}

export type EmailStyle =
  | 'mailto'
  | 'bracket-at'
  | 'word-arobase'
  | 'spaced'
  | 'entities'
  | 'reversed-css'
  | 'image-hint';
export const EMAIL_STYLES: EmailStyle[] = [
  'mailto',
  'bracket-at',
  'word-arobase',
  'spaced',
  'entities',
  'reversed-css',
  'image-hint',
];

export function emailHtml(email: string, style: EmailStyle): string {
  const [user, domain] = email.split('@');
  switch (style) {
    case 'mailto':
      return `<a href="mailto:${esc(email)}">${esc(email)}</a>`;
    case 'bracket-at':
      return `${esc(user)} [at] ${esc(domain.replace(/\./g, ' [dot] '))}`;
    case 'word-arobase':
      return `${esc(user)}(arobase)${esc(domain)}`;
    case 'spaced':
      return `${esc(user)} @ ${esc(domain.replace(/\./g, ' . '))}`;
    case 'entities':
      return [...email].map((c) => `&#${c.codePointAt(0)};`).join('');
    case 'reversed-css':
      return `<span style="unicode-bidi:bidi-override;direction:rtl">${esc([...email].reverse().join(''))}</span>`;
    case 'image-hint':
      // The address is drawn in an image; only the user part stays in the alt text.
      return `<img src="/img/mail-${esc(user)}.png" alt="adresse de ${esc(user)}" width="160" height="18">`;
  }
}

export const MAIL_DOMAINS = ['courriel.test', 'boite.example', 'messagerie.test', 'postbox.example', 'webmel.test'];
