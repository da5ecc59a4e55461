/**
 * The name fuzzers that follow words rather than keys: plurals and a letter added at the end of a word, a
 * number inside a hyphenated name (escort2-annonce), words of the classified-ads trade as affixes or in place
 * of a part (annonces-maison → annonces-escort), the TLD joined to the name (sitecom.com), and a key inserted
 * next to its neighbour. Like fuzzers.ts, each returns candidate hostnames in a fixed order; lookalikes.ts
 * scores, encodes, filters and caps them.
 */
import type { FuzzInput } from './fuzzers.ts';
import { RESURGENCE_NUMBERS } from './fuzzers.ts';
import { adjacentKeys } from './keyboards.ts';

/**
 * Words of French classified-ad and escort sites that operators put in their names. Used as affixes
 * (annonces-x, x-escort) and in place of one part of a hyphenated name.
 */
export const TRADE_WORDS = [
  'annonce',
  'annonces',
  'escort',
  'escorte',
  'escorts',
  'rencontre',
  'rencontres',
  'massage',
  'massages',
  'plan',
  'plans',
  'coquine',
  'coquines',
  'libertin',
  'girls',
  'vip',
  'club',
  'forum',
  'annuaire',
  'perso',
  'gratuit',
  'enligne',
  'online',
  'live',
  'france',
  'paris',
  'lyon',
  'marseille',
  'lille',
  'toulouse',
  'nice',
  'bordeaux',
];

export type WordEdit = { host: string; detail: string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';

function parts(name: string): string[] {
  return name.split('-').filter((p) => p !== '');
}

function pluralOf(word: string): string {
  if (/(s|x|z)$/.test(word)) return `${word}es`;
  if (/(eau|au|eu)$/.test(word)) return `${word}x`;
  return `${word}s`;
}

/**
 * Plurals: each word of the name in the plural, or in the singular when it is plural, which is what an operator
 * writes (annonces-maisons, annonce-maison); then an `s` after every inner letter, which is a typo.
 */
export function pluralFuzz({ name, suffix }: FuzzInput): WordEdit[] {
  const words = parts(name);
  const out: WordEdit[] = [];
  words.forEach((w, i) => {
    const changed = [...words];
    changed[i] = pluralOf(w);
    out.push({ host: `${changed.join('-')}.${suffix}`, detail: 'word' });
    if (/[^s]s$/.test(w) && w.length > 3) {
      changed[i] = w.slice(0, -1);
      out.push({ host: `${changed.join('-')}.${suffix}`, detail: 'word' });
    }
  });
  for (let i = 2; i < name.length - 2; i++) {
    const c = name[i];
    out.push({
      host: `${name.slice(0, i + 1)}${/[sxz]/.test(c) ? 'es' : 's'}${name.slice(i + 1)}.${suffix}`,
      detail: 'inner',
    });
  }
  return out;
}

/** One letter or digit added at the end of the name or of a word before a hyphen (sitex.fr, site2-annonce.fr). */
export function additionFuzz({ name, suffix }: FuzzInput): WordEdit[] {
  const words = parts(name);
  const out: WordEdit[] = [];
  for (const c of `s${LETTERS.replace('s', '')}${DIGITS}`) {
    out.push({ host: `${name}${c}.${suffix}`, detail: c });
    for (let p = 1; p < words.length; p++) {
      out.push({
        host: `${[...words.slice(0, p - 1), `${words[p - 1]}${c}`, ...words.slice(p)].join('-')}.${suffix}`,
        detail: c,
      });
    }
  }
  return out;
}

/** A restart number inside a hyphenated name, after a word that is not the last (escort2-annonce, escort-2-annonce). */
export function innerNumberFuzz({ name, suffix }: FuzzInput): WordEdit[] {
  const words = parts(name);
  const out: WordEdit[] = [];
  for (const n of RESURGENCE_NUMBERS) {
    for (let p = 1; p < words.length; p++) {
      const head = words.slice(0, p).join('-');
      const tail = words.slice(p).join('-');
      out.push({ host: `${head}${n}-${tail}.${suffix}`, detail: n });
      out.push({ host: `${head}-${n}-${tail}.${suffix}`, detail: n });
    }
  }
  return out;
}

/** Trade words before or after the name, then in place of the first or last word of a hyphenated name. */
export function dictionaryFuzz({ name, suffix }: FuzzInput, words: readonly string[]): WordEdit[] {
  const out: WordEdit[] = [];
  const own = parts(name);
  for (const word of words) {
    if (name.startsWith(word) && name.endsWith(word)) continue;
    for (const label of [`${name}-${word}`, `${word}-${name}`, `${name}${word}`, `${word}${name}`])
      out.push({ host: `${label}.${suffix}`, detail: word });
  }
  if (own.length > 1) {
    for (const word of words) {
      if (!own.includes(word)) {
        out.push({ host: `${[...own.slice(0, -1), word].join('-')}.${suffix}`, detail: word });
        out.push({ host: `${[word, ...own.slice(1)].join('-')}.${suffix}`, detail: word });
      }
    }
  }
  return out;
}

/** The TLD written into the name (sitefr.fr, site-fr.fr, sitecom.fr; other TLDs come from the swap: sitefr.com). */
export function tldJoinedFuzz({ name, suffix }: FuzzInput): WordEdit[] {
  const joined = suffix.replaceAll('.', '');
  const hosts = new Set<string>([`${name}${joined}.${suffix}`, `${name}-${joined}.${suffix}`]);
  if (joined !== 'com') hosts.add(`${name}com.${suffix}`);
  return [...hosts].map((host) => ({ host, detail: joined }));
}

/** A neighbouring key typed before or after a letter (annoncres, annonxces): a typo, rarely chosen. */
export function insertionFuzz({ name, suffix }: FuzzInput): WordEdit[] {
  const out: WordEdit[] = [];
  const chars = [...name];
  for (let i = 0; i < chars.length - 1; i++) {
    for (const k of adjacentKeys(chars[i])) {
      const head = chars.slice(0, i).join('');
      const tail = chars.slice(i + 1).join('');
      out.push({ host: `${head}${k}${chars[i]}${tail}.${suffix}`, detail: k });
      out.push({ host: `${head}${chars[i]}${k}${tail}.${suffix}`, detail: k });
    }
  }
  return out;
}
