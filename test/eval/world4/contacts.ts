/** ARCEP fiction numbers (06 39 98 xx xx, 01 99 00 xx xx), each drawn once per world, and how sites write them. */
import type { Obfuscation } from './model.ts';
import type { Rng } from './prng.ts';

const PREFIXES = ['063998', '019900'];

export const isFictionNumber = (digits: string) => /^(063998|019900)\d{4}$/.test(digits);

/** A pool that hands out distinct fiction numbers. */
export function numberPool(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const n = `${rng.pick(PREFIXES)}${String(rng.int(0, 9999)).padStart(4, '0')}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
}

export const pairs = (digits: string) => digits.match(/\d{2}/g)!;
export const spaced = (digits: string) => pairs(digits).join(' ');

const WORDS: Record<string, string> = {
  '0': 'zéro',
  '1': 'un',
  '6': 'six',
};

/** A phone as a page shows it: plain, or obfuscated against scrapers in one of a few common ways. */
export function phoneHtml(digits: string, style: Obfuscation): string {
  const p = pairs(digits);
  switch (style) {
    case 'none':
      return p.join(' ');
    case 'dots':
      return p.join('.');
    case 'spans':
      return p.map((x) => `<span>${x}</span>`).join(' ');
    case 'entities':
      return p.map((x) => [...x].map((c) => `&#${c.charCodeAt(0)};`).join('')).join(' ');
    case 'words':
      return `${WORDS[digits[0]]} ${WORDS[digits[1]]} ${p.slice(1).join(' ')}`;
  }
}

/** An e-mail as a page shows it: a mailto link, or written out against scrapers. */
export function emailHtml(email: string, style: Obfuscation): string {
  if (style === 'none') return `<a href="mailto:${email}">${email}</a>`;
  const [user, domain] = email.split('@');
  return `${user} [arobase] ${domain.replace(/\./g, ' [point] ')}`;
}

export const telHref = (digits: string) => `tel:+33${digits.slice(1)}`;
