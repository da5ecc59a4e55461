/**
 * OCR passes → contacts. Each pass's text is read by the detector's own contact extraction (the same
 * libphonenumber-js validation as every number of a page), and a contact is kept only when two passes agree on
 * it: one misread digit in one pass can still make a valid number, the same misreading twice from differently
 * prepared pixels rarely does. Contacts are marked `source: image`.
 */
import { type Contact, extractContacts } from '../detector/index.ts';
import type { OcrPass } from './ocr.ts';

/** Kinds read from pictures: numbers and addresses (handles need the link or the word around them). */
const KINDS = new Set<Contact['kind']>(['phone', 'email']);

export function contactsOfPasses(passes: OcrPass[], region: string): Contact[] {
  const votes = new Map<string, { contact: Contact; passes: number }>();
  for (const pass of passes) {
    const seen = new Set<string>();
    for (const c of extractContacts(pass.text, undefined, { region })) {
      const key = `${c.kind}:${c.value}`;
      if (!KINDS.has(c.kind) || seen.has(key)) continue;
      seen.add(key);
      const v = votes.get(key) ?? { contact: { ...c, raw: c.raw.trim(), source: 'image' as const }, passes: 0 };
      v.passes++;
      votes.set(key, v);
    }
  }
  const needed = Math.min(2, passes.length);
  return [...votes.values()].filter((v) => v.passes >= needed).map((v) => v.contact);
}
