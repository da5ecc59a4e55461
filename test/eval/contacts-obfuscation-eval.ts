/**
 * The obfuscation set (test/fixtures/contacts/obfuscations.ts) scored two ways: from the visible text a browser gives
 * (the crawler's path) and from the HTML alone (a capture without its text), with recall per disguise and every false
 * find listed. Used by `npm run eval:contacts`.
 */
import { type ObfuscatedSnippet, obfuscationSnippets } from '../fixtures/contacts/obfuscations.ts';
import { type ContactReader, type ContactScores, evaluateContacts } from './contacts-eval.ts';

export interface FamilyRecall {
  family: string;
  expected: number;
  found: number;
}

export function recallByFamily(snippets: ObfuscatedSnippet[], scores: ContactScores): FamilyRecall[] {
  const missedBy = new Map<ObfuscatedSnippet, number>();
  for (const m of scores.misses) missedBy.set(m.snippet as ObfuscatedSnippet, m.missing.length);
  const byFamily = new Map<string, FamilyRecall>();
  for (const s of snippets) {
    if (s.expected.length === 0) continue;
    const row = byFamily.get(s.family) ?? { family: s.family, expected: 0, found: 0 };
    row.expected += s.expected.length;
    row.found += s.expected.length - (missedBy.get(s) ?? 0);
    byFamily.set(s.family, row);
  }
  return [...byFamily.values()];
}

export function evaluateObfuscations(read: ContactReader): {
  snippets: ObfuscatedSnippet[];
  scores: ContactScores;
  families: FamilyRecall[];
} {
  const snippets = obfuscationSnippets();
  const scores = evaluateContacts(snippets, read);
  return { snippets, scores, families: recallByFamily(snippets, scores) };
}
