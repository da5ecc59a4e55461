/**
 * Word-level comparison of two stored ad texts, for the side-by-side view. Words are runs of non-blank characters;
 * the alignment is jsdiff's Myers diff over those words (the longest run of words both texts keep in order).
 *
 * What the page claims must hold against the stored texts, since a defence lawyer will check them:
 * - a span marked `changed` (struck out on the monitored side, highlighted on the candidate) is absent from the other
 *   text as a contiguous run of words, anywhere;
 * - a span the diff could not align but which the other text does hold elsewhere (a moved sentence) is `elsewhere`;
 * - when one side's stored text was cut (`cut`: the detector keeps a bounded excerpt of very long ads, and alerts from
 *   before full texts were kept hold 600-character excerpts), the other side's words past the last aligned word are
 *   `uncompared`, never claimed missing.
 * Concatenating one side's spans gives that side's words, in order (see test/unit/review/ad-diff.test.ts).
 */
import { diffArrays } from 'diff';

export type SpanKind = 'same' | 'changed' | 'elsewhere' | 'uncompared';

export interface Span {
  kind: SpanKind;
  words: string[];
}

export interface AdText {
  text: string;
  /** The stored text is an excerpt of a longer ad (it ends where it was cut). */
  cut?: boolean;
}

export interface AdComparison {
  reference: Span[];
  candidate: Span[];
  /** Words aligned on both sides (shown unmarked). */
  sharedWords: number;
  referenceWords: number;
  candidateWords: number;
}

/** Excerpts written before full texts were kept: 600 characters and an ellipsis (detector/profile.ts). */
const LEGACY_EXCERPT_CHARS = 601;

export function adWordsOf(ad: AdText): { words: string[]; cut: boolean } {
  const words = ad.text.split(/\s+/).filter(Boolean);
  const cut = ad.cut === true || (ad.text.length === LEGACY_EXCERPT_CHARS && ad.text.endsWith('…'));
  if (cut && words.length > 0) {
    // The ellipsis marks the cut, it is not a word of the ad; the word it is glued to may itself be cut short.
    const last = words[words.length - 1];
    if (last === '…') words.pop();
    else if (last.endsWith('…')) words.pop();
  }
  return { words, cut };
}

/** Whether `needle` occurs in `haystack` as a contiguous run of words. */
export function containsRun(haystack: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function push(spans: Span[], kind: SpanKind, words: string[]): void {
  if (words.length === 0) return;
  const last = spans[spans.length - 1];
  if (last && last.kind === kind) last.words.push(...words);
  else spans.push({ kind, words: [...words] });
}

export function compareAdTexts(reference: AdText, candidate: AdText): AdComparison {
  const ref = adWordsOf(reference);
  const cand = adWordsOf(candidate);
  const changes = diffArrays(ref.words, cand.words);
  let lastCommon = -1;
  changes.forEach((c, i) => {
    if (!c.added && !c.removed) lastCommon = i;
  });
  const out: AdComparison = {
    reference: [],
    candidate: [],
    sharedWords: 0,
    referenceWords: ref.words.length,
    candidateWords: cand.words.length,
  };
  changes.forEach((c, i) => {
    const words = c.value as string[];
    if (!c.added && !c.removed) {
      push(out.reference, 'same', words);
      push(out.candidate, 'same', words);
      out.sharedWords += words.length;
      return;
    }
    const [mine, other, otherCut] = c.removed
      ? [out.reference, cand.words, cand.cut]
      : [out.candidate, ref.words, ref.cut];
    const kind: SpanKind =
      otherCut && i > lastCommon ? 'uncompared' : containsRun(other, words) ? 'elsewhere' : 'changed';
    push(mine, kind, words);
  });
  return out;
}
