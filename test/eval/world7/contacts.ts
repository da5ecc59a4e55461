/**
 * Contacts of world 7: fiction numbers only (ARCEP ranges kept for fiction, +33 6 39 98 xx xx and +33 1 99 00 xx xx),
 * e-mail addresses on `.example` domains, and the many ways people write a number on a page: spaces, dots, +33,
 * (0), 0033, glued, in words (with Belgian and Swiss "septante/nonante"), letters for digits, split across elements.
 */

import { slugify } from './regions.ts';
import type { Rng } from './rng.ts';

const MOBILE = '+3363998';
const LANDLINE = '+3319900';

/** Hands out distinct fiction numbers of one world. */
export class NumberBook {
  private readonly mobiles: number[];
  private readonly landlines: number[];

  constructor(rng: Rng) {
    const all = Array.from({ length: 10000 }, (_, i) => i);
    this.mobiles = rng.fork('mobiles').shuffle(all);
    this.landlines = rng.fork('landlines').shuffle(all);
  }

  mobile(): string {
    const n = this.mobiles.pop();
    if (n === undefined) throw new Error('world 7: fiction mobile numbers exhausted');
    return MOBILE + String(n).padStart(4, '0');
  }

  landline(): string {
    const n = this.landlines.pop();
    if (n === undefined) throw new Error('world 7: fiction landline numbers exhausted');
    return LANDLINE + String(n).padStart(4, '0');
  }
}

export function isFictionNumber(e164: string): boolean {
  return /^\+33(63998|19900)\d{4}$/.test(e164);
}

/** National digits "0639981234" of an E.164 French number. */
function national(e164: string): string {
  return `0${e164.slice(3)}`;
}

function pairs(e164: string): string[] {
  const n = national(e164);
  return [n.slice(0, 2), n.slice(2, 4), n.slice(4, 6), n.slice(6, 8), n.slice(8, 10)];
}

const UNITS = 'zéro|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize'.split(
  '|',
);
const TENS = ['', 'dix', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** A two-digit group in French words; `swiss` uses septante / huitante / nonante (and Belgian septante, nonante). */
export function frenchWords(n: number, dialect: 'fr' | 'be' | 'ch' = 'fr'): string {
  if (n < 17) return UNITS[n];
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const t = Math.floor(n / 10);
  const u = n % 10;
  const join = (head: string) => (u === 0 ? head : u === 1 ? `${head} et un` : `${head}-${UNITS[u]}`);
  if (t < 7) return join(TENS[t]);
  if (dialect !== 'fr' && t === 7) return join('septante');
  if (dialect === 'ch' && t === 8) return join('huitante');
  if (dialect !== 'fr' && t === 9) return join('nonante');
  if (t === 7) return u === 1 ? 'soixante et onze' : `soixante-${frenchWords(10 + u)}`;
  if (t === 8) return u === 0 ? 'quatre-vingts' : `quatre-vingt-${UNITS[u]}`;
  return `quatre-vingt-${frenchWords(10 + u)}`;
}

export type PhoneStyle =
  | 'spaced'
  | 'dots'
  | 'dashes'
  | 'glued'
  | 'intl'
  | 'intl-paren'
  | 'intl-00'
  | 'intl-glued'
  | 'slashes'
  | 'words'
  | 'half-words'
  | 'letters'
  | 'stars'
  | 'split'
  | 'digits-spaced';

const PLAIN: readonly (readonly [PhoneStyle, number])[] = [
  ['spaced', 10],
  ['dots', 4],
  ['glued', 2],
  ['intl', 2],
  ['dashes', 1],
  ['intl-paren', 1],
  ['slashes', 1],
];
const MIXED: readonly (readonly [PhoneStyle, number])[] = [
  ...PLAIN,
  ['intl-00', 1],
  ['intl-glued', 1],
  ['split', 3],
  ['digits-spaced', 1],
  ['half-words', 1],
];
const OBFUSCATING: readonly (readonly [PhoneStyle, number])[] = [
  ['spaced', 2],
  ['words', 3],
  ['half-words', 4],
  ['letters', 3],
  ['stars', 2],
  ['split', 4],
  ['digits-spaced', 2],
];

/** How people type their number into a form or an ad (no markup: that is a site's doing). */
const TYPED: readonly (readonly [PhoneStyle, number])[] = [
  ...PLAIN,
  ['intl-00', 1],
  ['intl-glued', 1],
  ['digits-spaced', 0.5],
  ['half-words', 0.3],
];

/** What an operator hiding numbers from harvesters rewrites them as, in stored text (no markup). */
const REWRITTEN: readonly (readonly [PhoneStyle, number])[] = OBFUSCATING.filter(
  ([s]) => s !== 'split' && s !== 'spaced',
);

export function typedStyle(rng: Rng): PhoneStyle {
  return rng.weighted(TYPED);
}

export function rewrittenStyle(rng: Rng): PhoneStyle {
  return rng.weighted(REWRITTEN);
}

export function phoneStyleOf(habit: 0 | 1 | 2, rng: Rng): PhoneStyle {
  return rng.weighted(habit === 0 ? PLAIN : habit === 1 ? MIXED : OBFUSCATING);
}

/** The number as text (may hold inline HTML for `split`). */
export function writePhone(e164: string, style: PhoneStyle, dialect: 'fr' | 'be' | 'ch' = 'fr'): string {
  const p = pairs(e164);
  const rest = national(e164).slice(1);
  switch (style) {
    case 'spaced':
      return p.join(' ');
    case 'dots':
      return p.join('.');
    case 'dashes':
      return p.join('-');
    case 'glued':
      return p.join('');
    case 'intl':
      return `+33 ${rest[0]} ${p.slice(1).join(' ')}`;
    case 'intl-paren':
      return `+33 (0)${rest[0]} ${p.slice(1).join(' ')}`;
    case 'intl-00':
      return `0033 ${rest[0]} ${p.slice(1).join(' ')}`;
    case 'intl-glued':
      return `+33${rest}`;
    case 'slashes':
      return p.join('/');
    case 'words':
      return `zéro ${frenchWords(Number(p[0][1]), dialect)} ${p
        .slice(1)
        .map((x) => frenchWords(Number(x), dialect))
        .join(' ')}`;
    case 'half-words':
      return `${p[0]} ${frenchWords(Number(p[1]), dialect)} ${p[2]} ${frenchWords(Number(p[3]), dialect)} ${p[4]}`;
    case 'letters':
      return p.join(' ').replace(/0/g, 'O').replace(/1/g, 'l');
    case 'stars':
      return p.join('*');
    case 'split':
      return `<span>${p[0]} ${p[1]}</span> <span>${p[2]}</span> <span>${p[3]} ${p[4]}</span>`;
    case 'digits-spaced':
      return national(e164).split('').join(' ');
  }
}

/** `tel:` target a page links a number with. */
export function telHref(e164: string): string {
  return `tel:${e164}`;
}

const MAIL_HOSTS = ['courriel.example', 'boite-mail.example', 'webmel.example', 'poste.example', 'messagerie.example'];

export function emailOf(first: string, last: string, business: string | undefined, rng: Rng): string {
  if (business && rng.chance(0.6)) return `contact@${slugify(business)}.example`;
  const a = slugify(first);
  const b = slugify(last).replace(/-/g, '');
  const local = rng.pick([`${a}.${b}`, `${a}${b}`, `${a[0]}${b}`, `${b}.${a}`, `${a}.${b}${rng.int(1, 99)}`]);
  return `${local}@${rng.pick(MAIL_HOSTS)}`;
}

/** An address as people hide it from harvesters, or plain. */
export function writeEmail(email: string, obfuscate: boolean, rng: Rng): string {
  if (!obfuscate) return email;
  const [local, host] = email.split('@');
  return rng.pick([`${local} [at] ${host}`, `${local}(arobase)${host}`, `${local} @ ${host}`, `${local} chez ${host}`]);
}
