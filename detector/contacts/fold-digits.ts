/**
 * Folds the disguises ads use for digits back to ASCII: full-width, mathematical, circled, super- and subscript digits
 * (NFKC, plus the dingbat circled digits NFKC leaves alone), emoji keycaps (1️⃣), digits of other scripts, and letters
 * standing in for digits (O/o → 0, l/I/| → 1) inside digit runs; combining marks on a digit (underline, strike) go. Characters that show nothing (zero-width spaces and
 * joiners, soft hyphens, byte-order marks, bidi controls, variation selectors: Unicode's default-ignorable code
 * points) are removed, and every dash (hyphen, non-breaking hyphen, figure, en and em dashes, minus sign, the katakana long-vowel bar…)
 * becomes `-`; NFKC already turns every Unicode space (no-break, thin, narrow no-break, ideographic…) into a plain space.
 */

const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;
/** Unicode's default-ignorable code points (listed: a class of ranges is faster than \p{…}). */
const INVISIBLE_CLASS =
  '[\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\u{1bca0}-\\u{1bca3}\\u{1d173}-\\u{1d17a}\\u{e0000}-\\u{e0fff}]';
const INVISIBLE = new RegExp(INVISIBLE_CLASS, 'gu');
const MAYBE_INVISIBLE = new RegExp(INVISIBLE_CLASS, 'u');
/** Combining marks drawn over or under a digit (0̲, 6̶; the common combining blocks): the digit stays. */
const COMBINING_ON_DIGIT = /(\d)[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+/g;
const MAYBE_COMBINING_ON_DIGIT = /\d[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/;
const DASH = /[\p{Pd}\u2212\u2043\u2796\u30fc\uff70]/gu;
/** Dingbat circled digits (➀, ➊, ❶, ⓵, ⓿, 🄋…): runs of 1–9 that NFKC leaves alone, and their zeros. */
const DINGBAT_DIGIT = /[\u2776-\u277e\u2780-\u2788\u278a-\u2792\u24f5-\u24fd\u24ff\u{1f10b}\u{1f10c}]/gu;
const DINGBAT_ONES = [0x2776, 0x2780, 0x278a, 0x24f5];
/** Cheap pre-check for the two folds above (every \p{Pd} dash but `-`, listed: a class is faster than a lookahead). */
const MAYBE_DASH_OR_DINGBAT =
  /[\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2043\u2796\u2e17\u2e1a\u2e3a\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\u30fc\ufe31\ufe32\ufe58\ufe63\uff0d\uff70\u{10ead}\u2776-\u2792\u24f5-\u24ff\u{1f10b}\u{1f10c}]/u;
/** Decimal digits of other scripts (Arabic-Indic, Devanagari, …) that NFKC leaves alone. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const ND = /\p{Nd}/u;
/** Cheap pre-check: every non-ASCII decimal digit NFKC leaves alone is at U+0660 or above. */
const MAYBE_OTHER_DIGIT = /[\u0660-\u1fff\ua620-\uabff\uff10-\uff19]|[\ud800-\udbff]/;
/** Separators between digit groups (after folding): spaces, dots, dashes, slashes, underscores, middle dots. */
export const GROUP_SEPARATOR = '[ \\t.\\-/_·•∙⋅‧・]';
/** Cheap pre-check for letter-for-digit runs: a letter O/o/I/l/| next to a digit (through up to 3 separators). */
const MAYBE_LOOKALIKE = new RegExp(`\\d${GROUP_SEPARATOR}{0,3}[OoIl|]|[OoIl|]${GROUP_SEPARATOR}{0,3}\\d`);

function dingbatDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x24ff || cp === 0x1f10b || cp === 0x1f10c) return '0';
  for (const one of DINGBAT_ONES) if (cp >= one && cp < one + 9) return String(cp - one + 1);
  return ch;
}

function foldDashesAndDingbats(s: string): string {
  if (!MAYBE_DASH_OR_DINGBAT.test(s)) return s;
  return s.replace(DASH, '-').replace(DINGBAT_DIGIT, dingbatDigit);
}

function foldOtherDigits(s: string): string {
  if (!MAYBE_OTHER_DIGIT.test(s)) return s;
  return s.replace(OTHER_DIGIT, (ch) => {
    // Unicode decimal digits come in runs of ten starting at zero: count back to the run's zero.
    let cp = ch.codePointAt(0)!;
    let v = 0;
    while (v < 9 && ND.test(String.fromCodePoint(cp - 1))) {
      cp--;
      v++;
    }
    return String(v);
  });
}

/**
 * A run of 3+ digit-like groups (or one 10-character block) where letters may stand for digits; a run of 3 groups
 * must hold 9 to 13 characters (a phone number's length), so "Lot 2 l 3" stays text.
 */
const LOOKALIKE_RUN = new RegExp(
  `(?<![\\p{L}\\d])(?:[0-9OoIl|]{1,5}(?:${GROUP_SEPARATOR}{1,3}[0-9OoIl|]{1,5}){2,}|[0-9OoIl]{9,12})(?![\\p{L}\\d])`,
  'gu',
);
const LOOKALIKE_GROUP = /[0-9OoIl|]+/g;

function foldLookalikes(s: string): string {
  if (!MAYBE_LOOKALIKE.test(s)) return s;
  return s.replace(LOOKALIKE_RUN, (run) => {
    const digits = run.replace(/\D/g, '').length;
    const letters = run.replace(/[^OoIl|]/g, '').length;
    if (letters === 0 || digits < 4 || letters > digits + 2) return run;
    const groups = run.match(LOOKALIKE_GROUP) ?? [];
    const chars = groups.join('').length;
    if (groups.length === 3 && (chars < 9 || chars > 13)) return run;
    // A bar with a space on both sides separates groups ("06 | 39 | 98"): it is not a 1.
    return run.replace(/[Oo]/g, '0').replace(/[Il]|(?<! )\||\|(?! )/g, '1');
  });
}

export function foldDigits(text: string): string {
  let nfkc = text.normalize('NFKC');
  if (nfkc.includes('\u20E3')) nfkc = nfkc.replace(KEYCAP, '$1');
  if (MAYBE_INVISIBLE.test(nfkc)) nfkc = nfkc.replace(INVISIBLE, '');
  if (MAYBE_COMBINING_ON_DIGIT.test(nfkc)) nfkc = nfkc.replace(COMBINING_ON_DIGIT, '$1');
  return foldLookalikes(foldOtherDigits(foldDashesAndDingbats(nfkc)));
}
