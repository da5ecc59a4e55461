/**
 * Look-alike characters. ASCII ones (0 for o, rn for m) give plain names; the others are
 * Latin-accented or Cyrillic/Greek letters that render like the ASCII letter and are registered as
 * IDN names (stored as punycode by the caller).
 */

/** Multi-character ASCII confusions, applied both ways. */
export const ASCII_HOMOGLYPH_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['o', '0'],
  ['l', '1'],
  ['i', '1'],
  ['i', 'l'],
  ['m', 'rn'],
  ['w', 'vv'],
  ['d', 'cl'],
];

/** Single-letter IDN confusions, most convincing first (accented Latin, then other scripts). */
export const IDN_HOMOGLYPHS: Readonly<Record<string, string>> = {
  a: 'àáâäаɑ',
  c: 'çсϲ',
  e: 'éèêëе',
  i: 'íîïіı',
  o: 'óôöòоο',
  u: 'úûüù',
  n: 'ñ',
  y: 'ýÿу',
  s: 'ѕ',
  p: 'р',
  x: 'х',
  k: 'κ',
  h: 'һ',
  j: 'ј',
};
