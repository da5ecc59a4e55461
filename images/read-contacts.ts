/**
 * OCR passes → contacts. Each pass's text is read by the detector's own contact extraction (the same
 * libphonenumber-js validation as every number of a page); each pass is one vote for the contacts it read. A contact
 * is kept when two passes agree on it — one misread digit in one pass can still make a valid number, the same
 * misreading twice from differently prepared pixels rarely does. A number that has rivals must also outvote them
 * together by two: its rivals are the other numbers read in the same picture that differ from it by at most 3 digits,
 * or that no pass read together with it (two readings of the same spot; two numbers really shown are read together
 * by a pass that reads the whole picture). Only one of them is what the picture shows; when it is unclear which, none
 * is kept. Digits are never completed or corrected: a number is kept as a pass read it. Contacts are marked
 * `source: image`.
 */
import { type Contact, extractContacts } from '../detector/index.ts';
import type { OcrPass } from './ocr.ts';

/** Kinds read from pictures: numbers and addresses (handles need the link or the word around them). */
const KINDS = new Set<Contact['kind']>(['phone', 'email']);
/** Two numbers that differ in at most this many digits (same length) are rival readings of one number. */
const RIVAL_DIGITS = 3;

interface Vote {
  contact: Contact;
  passes: number;
  /** Keys of the contacts some pass read together with this one. */
  readWith: Set<string>;
}

/** The contacts each pass read (once per pass), with how many passes read each and what each was read with. */
export function votesOfPasses(passes: OcrPass[], region: string): Map<string, Vote> {
  const votes = new Map<string, Vote>();
  for (const pass of passes) {
    const seen = new Set<string>();
    for (const c of extractContacts(pass.text, undefined, { region })) {
      const key = `${c.kind}:${c.value}`;
      if (!KINDS.has(c.kind) || seen.has(key)) continue;
      seen.add(key);
      const v = votes.get(key) ?? {
        contact: { ...c, raw: c.raw.trim(), source: 'image' as const },
        passes: 0,
        readWith: new Set<string>(),
      };
      v.passes++;
      votes.set(key, v);
    }
    for (const key of seen) for (const other of seen) if (other !== key) votes.get(key)?.readWith.add(other);
  }
  return votes;
}

/** Two different numbers of the same length with at most RIVAL_DIGITS digits apart. */
export function rivalNumbers(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  let apart = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++apart > RIVAL_DIGITS) return false;
  return true;
}

/** Margin by which a number must outvote its rivals together. */
const MARGIN = 2;

function kept(votes: Map<string, Vote>, needed: number): Vote[] {
  const phones = [...votes].filter(([, v]) => v.contact.kind === 'phone');
  return [...votes.values()].filter((v) => {
    if (v.passes < needed) return false;
    if (v.contact.kind !== 'phone') return true;
    const rivals = phones
      .filter(([key, o]) => o !== v && (rivalNumbers(v.contact.value, o.contact.value) || !v.readWith.has(key)))
      .reduce((sum, [, o]) => sum + o.passes, 0);
    return rivals === 0 || v.passes >= rivals + MARGIN;
  });
}

export function contactsOfPasses(passes: OcrPass[], region: string): Contact[] {
  return kept(votesOfPasses(passes, region), Math.min(2, passes.length)).map((v) => v.contact);
}

/**
 * Whether the passes read so far settle the picture: at least two passes, something read, and every contact read
 * confirmed by a second pass (an unconfirmed reading may be a rival, or a second number, that later passes settle).
 */
export function passesAgree(passes: OcrPass[], region: string): boolean {
  if (passes.length < 2) return false;
  const votes = [...votesOfPasses(passes, region).values()];
  return votes.length > 0 && votes.every((v) => v.passes >= 2);
}
