/**
 * Text normalisation for ad fingerprints: case, accents, digits (prices and phone numbers change between clones),
 * punctuation and whitespace are folded so that only the wording remains.
 */

const MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^a-z\u00df-\u024f]+/g;

const NON_ASCII = /[^\x00-\x7f]/;

export function normaliseText(text: string): string {
  const lower = text.toLowerCase();
  const folded = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '') : lower;
  return folded.replace(NON_WORD, ' ').trim();
}

export function words(normalised: string): string[] {
  return normalised.length === 0 ? [] : normalised.split(' ');
}

/** Displayed text for the review page: whitespace collapsed, cut on a word boundary. */
export function displayText(text: string, max = 400): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max);
  return `${t.slice(0, cut > max / 2 ? cut : max)}…`;
}
