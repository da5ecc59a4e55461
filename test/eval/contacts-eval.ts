/** Precision and recall of extractContacts on the labelled snippets, with the misses and false finds listed. */
import { extractContacts, extractPage } from '../../detector/index.ts';
import { type LabelledSnippet, labelledContacts } from '../fixtures/contacts/index.ts';

export interface ContactScores {
  snippets: number;
  expected: number;
  found: number;
  truePositives: number;
  precision: number;
  recall: number;
  misses: { snippet: LabelledSnippet; missing: string[] }[];
  falseFinds: { snippet: LabelledSnippet; extra: string[] }[];
}

/** Reads a snippet's contacts. */
export type ContactReader = (snippet: LabelledSnippet) => { kind: string; value: string }[];

/** The visible text (innerText) and the links of the HTML. */
export const fromVisibleText: ContactReader = (s) => extractContacts(s.text, s.html, { region: s.region });
/** The crawler's path: a capture's HTML and its visible text (innerText) through extractPage. */
export const fromCapture: ContactReader = (s) =>
  extractPage({ url: 'http://annonces.test/annonce/1', html: s.html ?? s.text, text: s.text }, { region: s.region })
    .contacts;
/** The path of a capture without its visible text: the detector reads the HTML alone (extractPage). */
export const fromHtmlAlone: ContactReader = (s) =>
  extractPage({ url: 'http://annonces.test/annonce/1', html: s.html ?? s.text }, { region: s.region }).contacts;

export function evaluateContacts(
  snippets: LabelledSnippet[] = labelledContacts(),
  read: ContactReader = fromVisibleText,
): ContactScores {
  let expected = 0;
  let found = 0;
  let tp = 0;
  const misses: ContactScores['misses'] = [];
  const falseFinds: ContactScores['falseFinds'] = [];
  for (const snippet of snippets) {
    const got = new Set(read(snippet).map((c) => `${c.kind}:${c.value}`));
    const want = new Set(snippet.expected);
    expected += want.size;
    found += got.size;
    const missing = [...want].filter((w) => !got.has(w));
    const extra = [...got].filter((g) => !want.has(g));
    tp += want.size - missing.length;
    if (missing.length > 0) misses.push({ snippet, missing });
    if (extra.length > 0) falseFinds.push({ snippet, extra });
  }
  return {
    snippets: snippets.length,
    expected,
    found,
    truePositives: tp,
    precision: found === 0 ? 1 : tp / found,
    recall: expected === 0 ? 1 : tp / expected,
    misses,
    falseFinds,
  };
}
