/**
 * The name fuzzers behind lookalike generation. Each one is pure and returns candidate hostnames
 * (possibly Unicode, possibly invalid) in a fixed order; lookalikes.ts orders, encodes, filters,
 * deduplicates and caps them. `name` is the label before the public suffix (Unicode form), `suffix`
 * the public suffix, kept whole (co.uk).
 */
import { ASCII_HOMOGLYPH_PAIRS } from './homoglyphs.ts';
import { confusablesOf, cyrillicLabel, LIGATURES } from './idn-tables.ts';
import { adjacentKeys } from './keyboards.ts';

export type FuzzerName =
  | 'tld-swap'
  | 'number'
  | 'affix'
  | 'hyphenation'
  | 'subdomain'
  | 'omission'
  | 'repetition'
  | 'transposition'
  | 'vowel-swap'
  | 'adjacent-key'
  | 'homoglyph'
  | 'idn'
  | 'plural'
  | 'addition'
  | 'inner-number'
  | 'dictionary'
  | 'tld-joined'
  | 'insertion';

export interface FuzzInput {
  name: string;
  suffix: string;
}

/** Numbers a re-opened site tends to carry (site2, site-24, 2site), most frequent first. */
export const RESURGENCE_NUMBERS = ['2', '3', '1', '4', '5', '24', '6', '7', '8', '9', '0', '10', '01', '123', '360'];

/** Subdomains put in front of a known name (www2.site.fr, m.site.fr). */
export const SUBDOMAIN_PREFIXES = ['www2', 'm', 'new', 'fr', 'web', 'v2', 'mobile', 'www1', 'site'];

const VOWELS = 'aeiouy';

function positions(name: string): number[] {
  return [...name].map((_, i) => i);
}

export function tldSwap({ name, suffix }: FuzzInput, tlds: readonly string[]): string[] {
  return tlds.filter((tld) => tld !== suffix).map((tld) => `${name}.${tld}`);
}

/** site2 → site3 first (a counted series), then suffixes site2/site-2, then prefixes 2site/2-site. */
export function numberFuzz({ name, suffix }: FuzzInput): string[] {
  const out: string[] = [];
  const trailing = /^(.*?)(\d+)$/.exec(name);
  if (trailing) {
    const next = Number(trailing[2]);
    for (let step = 1; step <= 3; step++) out.push(`${trailing[1]}${next + step}`);
  }
  for (const n of RESURGENCE_NUMBERS) out.push(`${name}${n}`, `${name}-${n}`);
  for (const n of RESURGENCE_NUMBERS) out.push(`${n}${name}`, `${n}-${name}`);
  return out.map((label) => `${label}.${suffix}`);
}

/** For each restart word: site-new, new-site, sitenew, newsite (hyphenated forms are the ones operators write). */
export function affixFuzz({ name, suffix }: FuzzInput, affixes: readonly string[]): string[] {
  return affixes.flatMap((word) =>
    [`${name}-${word}`, `${word}-${name}`, `${name}${word}`, `${word}${name}`].map((label) => `${label}.${suffix}`),
  );
}

/** Dehyphenation first (all hyphens, then each one), then a hyphen between each pair of characters. */
export function hyphenationFuzz({ name, suffix }: FuzzInput): string[] {
  const chars = [...name];
  const out: string[] = [];
  if (name.includes('-')) out.push(name.replaceAll('-', ''));
  chars.forEach((c, i) => {
    if (c === '-') out.push([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  });
  for (let i = 1; i < chars.length; i++) {
    if (chars[i - 1] !== '-' && chars[i] !== '-') out.push([...chars.slice(0, i), '-', ...chars.slice(i)].join(''));
  }
  return out.map((label) => `${label}.${suffix}`);
}

/** Prefixed subdomains, then each hyphen turned into a dot (annonces.maison.fr). */
export function subdomainFuzz({ name, suffix }: FuzzInput): string[] {
  const out = SUBDOMAIN_PREFIXES.map((prefix) => `${prefix}.${name}.${suffix}`);
  const chars = [...name];
  chars.forEach((c, i) => {
    if (c === '-') out.push(`${[...chars.slice(0, i), '.', ...chars.slice(i + 1)].join('')}.${suffix}`);
  });
  return out;
}

function mapPositions({ name, suffix }: FuzzInput, edit: (chars: string[], i: number) => string[]): string[] {
  const chars = [...name];
  return positions(name).flatMap((i) => edit(chars, i).map((label) => `${label}.${suffix}`));
}

export function omissionFuzz(input: FuzzInput): string[] {
  return mapPositions(input, (chars, i) => [[...chars.slice(0, i), ...chars.slice(i + 1)].join('')]);
}

export function repetitionFuzz(input: FuzzInput): string[] {
  return mapPositions(input, (chars, i) =>
    chars[i] === '-' ? [] : [[...chars.slice(0, i + 1), chars[i], ...chars.slice(i + 1)].join('')],
  );
}

export function transpositionFuzz(input: FuzzInput): string[] {
  return mapPositions(input, (chars, i) => {
    if (i + 1 >= chars.length || chars[i] === chars[i + 1]) return [];
    const swapped = [...chars];
    [swapped[i], swapped[i + 1]] = [swapped[i + 1], swapped[i]];
    return [swapped.join('')];
  });
}

function replaceAt(chars: string[], i: number, replacements: Iterable<string>): string[] {
  return [...replacements].map((r) => [...chars.slice(0, i), r, ...chars.slice(i + 1)].join(''));
}

export function vowelSwapFuzz(input: FuzzInput): string[] {
  return mapPositions(input, (chars, i) =>
    VOWELS.includes(chars[i])
      ? replaceAt(
          chars,
          i,
          [...VOWELS].filter((v) => v !== chars[i]),
        )
      : [],
  );
}

export function adjacentKeyFuzz(input: FuzzInput): string[] {
  return mapPositions(input, (chars, i) => replaceAt(chars, i, adjacentKeys(chars[i])));
}

/** An accented seed folded to ASCII first (pâtisserie → patisserie: the name a French site falls back to), then ASCII confusions. */
export function homoglyphFuzz(input: FuzzInput): string[] {
  const { name, suffix } = input;
  const out: string[] = [];
  const folded = name.normalize('NFD').replace(/\p{M}/gu, '');
  if (folded !== name) out.push(`${folded}.${suffix}`);
  for (const [a, b] of ASCII_HOMOGLYPH_PAIRS) {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      let at = name.indexOf(from);
      while (at !== -1) {
        out.push(`${name.slice(0, at)}${to}${name.slice(at + from.length)}.${suffix}`);
        at = name.indexOf(from, at + 1);
      }
    }
  }
  return out;
}

/**
 * IDN lookalikes: one accented letter at a time (any registry's table; lookalikes.ts keeps a name only on the
 * TLDs whose registry accepts its letters), a ligature for two letters (oe → œ), and the whole label in Cyrillic.
 */
export function idnFuzz(input: FuzzInput): string[] {
  const { name, suffix } = input;
  const out = mapPositions(input, (chars, i) => replaceAt(chars, i, confusablesOf(chars[i])));
  for (const [pair, lig] of Object.entries(LIGATURES)) {
    let at = name.indexOf(pair);
    while (at !== -1) {
      out.push(`${name.slice(0, at)}${lig}${name.slice(at + pair.length)}.${suffix}`);
      at = name.indexOf(pair, at + 1);
    }
  }
  const cyr = cyrillicLabel(name);
  if (cyr !== null) out.push(`${cyr}.${suffix}`);
  return out;
}
