/**
 * Phone numbers of world 10: only the ARCEP fiction ranges (mobiles 06 39 98 xx xx, landlines 01 99 00 xx xx), drawn
 * without repeat within a seed, written the way each person habitually writes them, and disguised the way operators
 * disguise them (numbers in words, letters for digits, masks).
 */
import type { Rng } from './rng.ts';

export type PhoneStyle = 'spaced' | 'dotted' | 'compact' | 'intl' | 'intl-compact' | 'dashed' | 'split';
export const PHONE_STYLES: PhoneStyle[] = ['spaced', 'dotted', 'compact', 'intl', 'intl-compact', 'dashed', 'split'];

export type Disguise = 'words' | 'letters' | 'spaced-digits' | 'stars' | 'split-text';
export const DISGUISES: Disguise[] = ['words', 'letters', 'spaced-digits', 'stars', 'split-text'];

/** Every number of a seed, so that no two people share one by accident. */
export class PhoneBook {
  private readonly used = new Set<string>();
  constructor(private readonly rng: Rng) {}

  /** A fresh mobile, national digits (0639 98 …). */
  mobile(): string {
    return this.draw('063998');
  }

  /** A fresh landline, national digits (0199 00 …). */
  landline(): string {
    return this.draw('019900');
  }

  private draw(prefix: string): string {
    for (let i = 0; i < 100_000; i++) {
      const n = `${prefix}${String(this.rng.int(0, 9999)).padStart(4, '0')}`;
      if (!this.used.has(n)) {
        this.used.add(n);
        return n;
      }
    }
    throw new Error('world 10: the fiction range is exhausted');
  }
}

function pairs(digits: string): string[] {
  return digits.match(/../g) ?? [];
}

/** A national number (10 digits) written in a style. */
export function formatPhone(digits: string, style: PhoneStyle): string {
  const p = pairs(digits);
  const intl = `+33 ${digits[1]} ${p.slice(1).join(' ')}`;
  switch (style) {
    case 'spaced':
      return p.join(' ');
    case 'dotted':
      return p.join('.');
    case 'compact':
      return digits;
    case 'intl':
      return intl;
    case 'intl-compact':
      return `+33${digits.slice(1)}`;
    case 'dashed':
      return p.join('-');
    case 'split':
      return `${p[0]} ${p[1]}${p[2]} ${p[3]}${p[4]}`;
  }
}

/** The href of a tel: link as scripts write it. */
export function telHref(digits: string, international: boolean): string {
  return international ? `tel:+33${digits.slice(1)}` : `tel:${digits}`;
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
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** 0–99 in French words. */
export function frenchNumber(n: number): string {
  if (n < 20) return UNITS[n];
  if (n < 70) {
    const t = Math.floor(n / 10);
    const u = n % 10;
    if (u === 0) return TENS[t];
    return u === 1 ? `${TENS[t]} et un` : `${TENS[t]}-${UNITS[u]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${UNITS[n - 60]}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${UNITS[n - 80]}`;
}

/** A number written so that a pattern matcher misses it while a reader still dials it. */
export function disguisePhone(digits: string, how: Disguise): string {
  const p = pairs(digits);
  switch (how) {
    case 'words':
      return p
        .map((x) => (x.startsWith('0') ? `zéro ${frenchNumber(Number(x[1]))}` : frenchNumber(Number(x))))
        .join(', ');
    case 'letters':
      return p.join(' ').replace(/0/g, 'O').replace(/1/g, 'l');
    case 'spaced-digits':
      return digits.split('').join(' ');
    case 'stars':
      return p.join('*');
    case 'split-text':
      return `${p.slice(0, 3).join(' ')} puis ${p.slice(3).join(' ')}`;
  }
}

/** A partly hidden number ("afficher le numéro" buttons). */
export function maskPhone(digits: string, laravel: boolean): string {
  return laravel ? `${digits.slice(0, 4)} XXXXXXX` : `${digits.slice(0, 2)} ${digits.slice(2, 4)} XX XX XX`;
}
