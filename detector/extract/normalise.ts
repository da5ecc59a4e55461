/**
 * Text normalisation for ad fingerprints: case, accents, digits (prices and phone numbers change between clones),
 * punctuation and whitespace are folded so that only the wording remains. Letters of every script are kept (an ad in
 * Cyrillic, Arabic or Chinese is an ad); scripts written without spaces (Chinese, Japanese kana) count each character
 * as a word, so shingles still form.
 */

/** Latin combining accents only: the vowel signs of other scripts (Arabic harakat aside) carry meaning. */
const LATIN_MARKS = /[\u0300-\u036f]/g;
const ASCII_NON_WORD = /[^a-z]+/g;
const NON_WORD = /[^\p{L}\p{M}]+/gu;
const UNSPACED = /([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])/gu;
const ARABIC_MARKS = /[\u064b-\u065f\u0670]/g;

const NON_ASCII = /[^\x00-\x7f]/;

export function normaliseText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower.replace(ASCII_NON_WORD, ' ').trim();
  const folded = lower.normalize('NFD').replace(LATIN_MARKS, '').replace(ARABIC_MARKS, '').normalize('NFC');
  return folded.replace(UNSPACED, ' $1 ').replace(NON_WORD, ' ').trim();
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
