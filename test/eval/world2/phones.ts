/**
 * Phone numbers of world 2: only the ARCEP ranges reserved for fiction (06 39 98 xx xx mobile, 01 99 00 xx xx
 * landline), written in the ways real ads write them (spaces, dots, dashes, +33, (0), spelled out, split across tags).
 */
import type { Rng } from './prng.ts';

export const FICTION_PREFIXES = ['063998', '019900'] as const;

/** Ten national digits in a fiction range. */
export function fictionNumber(rng: Rng, mobile = true): string {
  const prefix = mobile ? FICTION_PREFIXES[0] : FICTION_PREFIXES[1];
  return prefix + String(rng.int(0, 9999)).padStart(4, '0');
}

export function isFictionNumber(digits: string): boolean {
  return /^\d{10}$/.test(digits) && FICTION_PREFIXES.some((p) => digits.startsWith(p));
}

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
const TENS: Record<number, string> = {
  2: 'vingt',
  3: 'trente',
  4: 'quarante',
  5: 'cinquante',
  6: 'soixante',
  8: 'quatre-vingt',
};

/** French words for 0–99, as people spell phone pairs ("quatre-vingt-dix-huit"). */
export function frenchNumber(n: number): string {
  if (n < 17) return UNITS[n];
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const t = Math.floor(n / 10);
  const u = n % 10;
  if (t === 7 || t === 9) {
    const base = t === 7 ? 'soixante' : 'quatre-vingt';
    const rest = n - (t === 7 ? 60 : 80);
    return `${base}${rest === 11 && t === 7 ? '-et-onze' : `-${frenchNumber(rest)}`}`;
  }
  if (u === 0) return t === 8 ? 'quatre-vingts' : TENS[t];
  if (u === 1 && t !== 8) return `${TENS[t]}-et-un`;
  return `${TENS[t]}-${UNITS[u]}`;
}

const pairs = (d: string) => [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6), d.slice(6, 8), d.slice(8, 10)];

export const PHONE_STYLES = [
  'spaces',
  'dots',
  'dashes',
  'compact',
  'intl',
  'intl-zero',
  'spelled',
  'split-tags',
  'mixed-words',
] as const;
export type PhoneStyle = (typeof PHONE_STYLES)[number];

/** The number written in one style. `split-tags` returns HTML (the number cut by inline tags), the others plain text. */
export function formatPhone(digits: string, style: PhoneStyle): string {
  const p = pairs(digits);
  switch (style) {
    case 'spaces':
      return p.join(' ');
    case 'dots':
      return p.join('.');
    case 'dashes':
      return p.join('-');
    case 'compact':
      return digits;
    case 'intl':
      return `+33 ${digits[1]} ${p.slice(1).join(' ')}`;
    case 'intl-zero':
      return `+33 (0)${digits[1]} ${p.slice(1).join(' ')}`;
    case 'spelled':
      return p.map((x) => (x[0] === '0' ? `zéro ${UNITS[Number(x[1])]}` : frenchNumber(Number(x)))).join(' ');
    case 'split-tags':
      return `<span class="ph">${p[0]} ${p[1]}</span> <b>${p[2]}</b> ${p[3]}<span> ${p[4]}</span>`;
    case 'mixed-words':
      return `zéro ${UNITS[Number(digits[1])]} ${p.slice(1).join(' ')}`;
  }
}
