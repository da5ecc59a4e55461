/**
 * The reference for `bench:lookalikes`: the names dnstwist (20250130) generates for a domain, fuzzer by fuzzer,
 * re-implemented here from the fuzzers' documented behaviour (not its code) so the benchmark can measure which of
 * them Phénix also generates. Where this model simplifies, it says so:
 * - homoglyph: one swap at a time (dnstwist also applies a second swap on every result: 90 % of its output, left
 *   out as the issue's measurement did); its Unicode glyph table for TLDs it has no registry table for is
 *   approximated by Latin letters with diacritics;
 * - keyboards: QWERTY, QWERTZ and AZERTY neighbours, as dnstwist;
 * - cyrillic: the whole name in Cyrillic lookalikes when every letter has one.
 */
import { domainToASCII } from 'node:url';

export type DnstwistFamily =
  | 'addition'
  | 'bitsquatting'
  | 'cyrillic'
  | 'dictionary'
  | 'homoglyph'
  | 'hyphenation'
  | 'insertion'
  | 'omission'
  | 'plural'
  | 'repetition'
  | 'replacement'
  | 'subdomain'
  | 'tld-swap'
  | 'transposition'
  | 'various'
  | 'vowel-swap';

const ROWS: Record<string, string[]> = {
  qwerty: ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  qwertz: ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
  azerty: ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
};

/** Keys around a key on a staggered layout: same row left/right, the row above (same and next column), below. */
function neighbours(rows: string[], c: string): string[] {
  const out: string[] = [];
  rows.forEach((row, r) => {
    const i = row.indexOf(c);
    if (i < 0) return;
    for (const [rr, cols] of [
      [r, [i - 1, i + 1]],
      [r - 1, [i, i + 1]],
      [r + 1, [i - 1, i]],
    ] as const) {
      const other = rows[rr];
      if (other === undefined) continue;
      for (const k of cols) if (k >= 0 && k < other.length) out.push(other[k]);
    }
  });
  return out;
}

const KEYS = (c: string) => Object.values(ROWS).flatMap((rows) => neighbours(rows, c));

const ASCII_GLYPHS: Record<string, string[]> = {
  '0': ['o'],
  '1': ['l', 'i'],
  '3': ['8'],
  '6': ['9'],
  '8': ['3'],
  '9': ['6'],
  b: ['d', 'lb'],
  c: ['e'],
  d: ['b', 'cl', 'dl'],
  e: ['c'],
  g: ['q'],
  h: ['lh'],
  i: ['1', 'l'],
  k: ['lc'],
  l: ['1', 'i'],
  m: ['n', 'nn', 'rn'],
  n: ['m', 'r'],
  o: ['0'],
  q: ['g'],
  u: ['v'],
  v: ['u'],
  w: ['vv'],
};
const AFNIC_GLYPHS: Record<string, string> = {
  a: 'àáâãäå',
  c: 'ç',
  e: 'èéêë',
  i: 'ìíîï',
  n: 'ñ',
  o: 'òóôõö',
  u: 'ùúûü',
  y: 'ýÿ',
};
const LATIN_GLYPHS: Record<string, string> = {
  a: 'àáâãäåāăą',
  c: 'çćčĉċ',
  d: 'ďđ',
  e: 'èéêëēĕėęě',
  g: 'ğĝġģ',
  h: 'ĥħ',
  i: 'ìíîïĩīĭįı',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺļľł',
  n: 'ñńņň',
  o: 'òóôõöøōŏő',
  r: 'ŕŗř',
  s: 'śŝşš',
  t: 'ţťŧ',
  u: 'ùúûüũūŭůűų',
  w: 'ŵ',
  y: 'ýÿŷ',
  z: 'źżž',
};
const CYRILLIC: Record<string, string> = {
  a: 'а',
  b: 'ь',
  c: 'с',
  d: 'ԁ',
  e: 'е',
  g: 'ԍ',
  h: 'һ',
  i: 'і',
  j: 'ј',
  k: 'к',
  l: 'ӏ',
  m: 'м',
  o: 'о',
  p: 'р',
  q: 'ԛ',
  s: 'ѕ',
  t: 'т',
  v: 'ѵ',
  w: 'ԝ',
  x: 'х',
  y: 'у',
};

const AFNIC_TLDS = new Set(['fr', 're', 'pm', 'yt', 'wf', 'tf', 'be', 'ch', 'li']);
const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

export interface ModelOptions {
  dictionary: readonly string[];
  tlds: readonly string[];
}

/** dnstwist's names for `name.tld`, per fuzzer, as ASCII hostnames (IDN in punycode); invalid names dropped. */
export function dnstwistNames(name: string, tld: string, options: ModelOptions): Map<DnstwistFamily, Set<string>> {
  const out = new Map<DnstwistFamily, Set<string>>();
  const add = (family: DnstwistFamily, labels: Iterable<string>, suffix = tld) => {
    const set = out.get(family) ?? new Set<string>();
    for (const label of labels) {
      const host = domainToASCII(`${label}.${suffix}`);
      if (host !== '' && host !== `${name}.${tld}` && /^[a-z0-9.-]+$/.test(host) && !/(^|\.)-|-(\.|$)/.test(host))
        set.add(host);
    }
    out.set(family, set);
  };
  const n = name;
  const at = (i: number, s: string, len = 1) => n.slice(0, i) + s + n.slice(i + len);
  const idx = [...n].map((_, i) => i);

  add(
    'bitsquatting',
    idx.flatMap((i) =>
      [1, 2, 4, 8, 16, 32, 64, 128]
        .map((m) => String.fromCharCode(n.charCodeAt(i) ^ m))
        .filter((b) => /[a-z0-9-]/.test(b))
        .map((b) => at(i, b)),
    ),
  );
  const cyr = [...n].map((c) => CYRILLIC[c] ?? c).join('');
  if ([...cyr].every((c, i) => c !== n[i] || !/[a-z]/.test(c))) add('cyrillic', [cyr]);
  const glyphs: Record<string, string[]> = { ...ASCII_GLYPHS };
  for (const [k, v] of Object.entries(AFNIC_TLDS.has(tld) ? AFNIC_GLYPHS : LATIN_GLYPHS))
    glyphs[k] = [...(glyphs[k] ?? []), ...v];
  const homo: string[] = [];
  idx.forEach((i) => {
    for (const g of glyphs[n[i]] ?? []) homo.push(at(i, g));
  });
  for (const [pair, g] of [
    ['rn', 'm'],
    ['cl', 'd'],
    ['ae', 'æ'],
    ['oe', 'œ'],
  ]) {
    for (let i = n.indexOf(pair); i >= 0; i = n.indexOf(pair, i + 1)) homo.push(at(i, g, 2));
  }
  add('homoglyph', homo);
  add(
    'hyphenation',
    idx.slice(1).map((i) => at(i, '-', 0)),
  );
  add(
    'insertion',
    idx.slice(0, -1).flatMap((i) => KEYS(n[i]).flatMap((k) => [at(i, k + n[i]), at(i, n[i] + k)])),
  );
  add(
    'omission',
    idx.map((i) => at(i, '')),
  );
  add(
    'repetition',
    idx.map((i) => at(i, n[i] + n[i])),
  );
  add(
    'replacement',
    idx.flatMap((i) => KEYS(n[i]).map((k) => at(i, k))),
  );
  add(
    'subdomain',
    idx
      .slice(1, -1)
      .filter((i) => n[i] !== '-' && n[i - 1] !== '-')
      .map((i) => at(i, '.', 0)),
  );
  add(
    'transposition',
    idx.slice(0, -1).map((i) => n.slice(0, i) + n[i + 1] + n[i] + n.slice(i + 2)),
  );
  add(
    'vowel-swap',
    idx.filter((i) => 'aeiou'.includes(n[i])).flatMap((i) => [...'aeiou'].map((v) => at(i, v))),
  );
  add(
    'plural',
    idx.slice(2, -2).map((i) => n.slice(0, i + 1) + ('sxz'.includes(n[i]) ? 'es' : 's') + n.slice(i + 1)),
  );
  const parts = n.split('-');
  const addition: string[] = [...ALNUM].map((c) => n + c);
  for (let p = 1; p < parts.length; p++)
    for (const c of ALNUM) addition.push(`${parts.slice(0, p).join('-')}${c}-${parts.slice(p).join('-')}`);
  add('addition', addition);
  const dict: string[] = [];
  for (const w of options.dictionary) {
    if (!(n.startsWith(w) && n.endsWith(w))) dict.push(`${n}-${w}`, `${n}${w}`, `${w}-${n}`, `${w}${n}`);
    if (parts.length > 1) dict.push(`${parts.slice(0, -1).join('-')}-${w}`, `${w}-${parts.slice(1).join('-')}`);
  }
  add('dictionary', dict);
  for (const t of options.tlds) if (t !== tld) add('tld-swap', [n], t);
  if (tld.includes('.')) {
    add('various', [n], tld.split('.').at(-1));
    add('various', [`${n}${tld.replaceAll('.', '')}`]);
  } else {
    add('various', [`${n}${tld}`]);
    if (tld !== 'com') {
      add('various', [`${n}-${tld}`, `${n}${tld}`], 'com');
    }
  }
  return out;
}
