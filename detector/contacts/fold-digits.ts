/**
 * Folds the disguises ads use for digits back to ASCII: full-width, mathematical and circled digits (NFKC), emoji
 * keycaps (1️⃣), digits of other scripts, and letters standing in for digits (O/o → 0, l/I/| → 1) inside digit runs.
 */

const KEYCAP = /([0-9#*])\uFE0F?\u20E3/g;
const VARIATION = /[\uFE0E\uFE0F\u200B-\u200D\u2060]/g;
/** Decimal digits of other scripts (Arabic-Indic, Devanagari, …) that NFKC leaves alone. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;
const ND = /\p{Nd}/u;
/** Cheap pre-check: every non-ASCII decimal digit NFKC leaves alone is at U+0660 or above. */
const MAYBE_OTHER_DIGIT = /[\u0660-\u1fff\ua620-\uabff\uff10-\uff19]|[\ud800-\udbff]/;
/** Cheap pre-check for letter-for-digit runs: a letter O/o/I/l/| next to a digit (through up to 3 separators). */
const MAYBE_LOOKALIKE = /\d[ .\-/_]{0,3}[OoIl|]|[OoIl|][ .\-/_]{0,3}\d/;

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

/** A run of 4+ digit-like groups (or one 10-character block) where letters may stand for digits. */
const LOOKALIKE_RUN =
  /(?<![\p{L}\d])(?:[0-9OoIl|]{1,4}(?:[ .\-/_]{1,3}[0-9OoIl|]{1,4}){3,}|[0-9OoIl]{9,12})(?![\p{L}\d])/gu;

function foldLookalikes(s: string): string {
  if (!MAYBE_LOOKALIKE.test(s)) return s;
  return s.replace(LOOKALIKE_RUN, (run) => {
    const digits = run.replace(/\D/g, '').length;
    const letters = run.replace(/[^OoIl|]/g, '').length;
    if (letters === 0 || digits < 4 || letters > digits + 2) return run;
    return run.replace(/[Oo]/g, '0').replace(/[Il|]/g, '1');
  });
}

export function foldDigits(text: string): string {
  let nfkc = text.normalize('NFKC');
  if (nfkc.includes('\u20E3')) nfkc = nfkc.replace(KEYCAP, '$1');
  nfkc = nfkc.replace(VARIATION, '');
  return foldLookalikes(foldOtherDigits(nfkc));
}
