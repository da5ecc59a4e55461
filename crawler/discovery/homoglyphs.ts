/**
 * Look-alike characters that give plain ASCII names (0 for o, rn for m). The IDN lookalikes (accented letters,
 * Cyrillic labels) depend on what each registry accepts: see idn-tables.ts.
 */

/**
 * ASCII confusions, applied both ways: a digit for a letter (0 for o), two letters for one (rn for m, cl for d,
 * vv for w) and letters that blur together in small fonts (b/d, g/q, u/v, n/m).
 */
export const ASCII_HOMOGLYPH_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['o', '0'],
  ['l', '1'],
  ['i', '1'],
  ['i', 'l'],
  ['m', 'rn'],
  ['m', 'nn'],
  ['m', 'n'],
  ['n', 'r'],
  ['w', 'vv'],
  ['d', 'cl'],
  ['d', 'dl'],
  ['d', 'b'],
  ['b', 'lb'],
  ['h', 'lh'],
  ['k', 'lc'],
  ['c', 'e'],
  ['g', 'q'],
  ['u', 'v'],
  ['3', '8'],
  ['6', '9'],
];
