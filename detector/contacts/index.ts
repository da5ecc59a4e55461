/**
 * Contact extraction: phones (E.164), e-mails and messaging handles from a page's visible text and its links
 * (tel:, sms:, mailto:, wa.me, api.whatsapp.com, signal.me, t.me, instagram.com, snapchat.com).
 */
import type { Contact } from '../types.ts';
import { findEmails } from './emails.ts';
import { foldDigits } from './fold-digits.ts';
import { findHandles } from './handles.ts';
import { findPhones, toE164 } from './phones.ts';
import { replaceSpelledNumbers } from './spelled-numbers.ts';

export const DEFAULT_REGION = 'FR';

const LINK_PHONE = [
  /(?:wa\.me|whatsapp\.com\/send\/?\?(?:[^#\s"']*&)?phone=|whatsapp:\/\/send\/?\?(?:[^#\s"']*&)?phone=)\/?\+?(\d[\d\s.-]{6,18}\d)/gi,
  /signal\.me\/#p\/(\+?\d{8,15})/gi,
];
const TEL_HREF = /^(?:tel|sms|callto):(?:\/\/)?([+\d\s().\-/]{8,30})/i;
/** Links worth reading for contacts (plain page links are skipped before any decoding). */
const CONTACT_LINK =
  /^\s*(?:tel|sms|callto|mailto|whatsapp):|wa\.me|whatsapp|signal\.me|t\.me|telegram|instagr|snapchat/i;
const HREF_ATTR = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  quot: '"',
  apos: "'",
  lt: '<',
  gt: '>',
  colon: ':',
  commat: '@',
  period: '.',
  plus: '+',
};
const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]{2,6}));?/gi;

/** Character references of an attribute value (`&#109;ailto:`, `&#x40;`, `&amp;`), as a browser decodes them. */
function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (m, dec, hex, name) => {
    const cp = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : -1;
    if (cp >= 0) return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    return NAMED_ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** Hrefs of an HTML string without a full parse (for callers that only have text and HTML). */
export function hrefsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(HREF_ATTR)) out.push(decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''));
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

class ContactSet {
  private readonly seen = new Map<string, Contact>();
  add(c: Contact): void {
    const key = `${c.kind}:${c.value}`;
    if (!this.seen.has(key)) this.seen.set(key, c);
  }
  list(): Contact[] {
    return [...this.seen.values()];
  }
}

function linkPhones(s: string, set: ContactSet, region: string): void {
  for (const re of LINK_PHONE) {
    for (const m of s.matchAll(re)) {
      const digits = m[1].replace(/[^\d+]/g, '');
      const e164 = toE164(digits.startsWith('+') ? digits : `+${digits}`, region);
      if (e164) set.add({ kind: 'phone', value: e164, raw: m[0] });
    }
  }
}

const CHUNK_CHARS = 4_000;

/**
 * Cuts text into pieces of about CHUNK_CHARS on line breaks. Each folding step copies its input, and a copy of a whole
 * listing's text is big enough to land in V8's large-object space, which costs more than the scanning itself; a
 * contact never spans a line break, so nothing is lost.
 */
export function textChunks(lines: Iterable<string>): string[] {
  const out: string[] = [];
  let cur = '';
  const push = (line: string) => {
    if (cur.length > 0 && cur.length + line.length >= CHUNK_CHARS) {
      out.push(cur);
      cur = '';
    }
    cur = cur.length > 0 ? `${cur}\n${line}` : line;
  };
  for (const line of lines) {
    if (line.length <= CHUNK_CHARS) {
      push(line);
      continue;
    }
    // An overlong line is cut at spaces: it also bounds the regexes' work on hostile text.
    for (let start = 0; start < line.length; ) {
      let end = Math.min(line.length, start + CHUNK_CHARS);
      if (end < line.length) {
        const space = line.lastIndexOf(' ', end);
        if (space > start + CHUNK_CHARS / 2) end = space;
      }
      push(line.slice(start, end));
      start = end;
    }
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** Contacts of a page from its visible text (lines, or chunks of lines) and link targets. */
export function contactsFrom(text: string | string[], hrefs: string[], region: string = DEFAULT_REGION): Contact[] {
  const set = new ContactSet();
  for (const raw of hrefs) {
    if (!CONTACT_LINK.test(raw)) continue;
    const href = safeDecode(raw.trim());
    const tel = TEL_HREF.exec(href);
    if (tel) {
      const digits = foldDigits(tel[1])
        .replace(/\(0\)/g, '')
        .replace(/[^\d+]/g, '');
      const e164 = toE164(digits, region);
      if (e164) set.add({ kind: 'phone', value: e164, raw: href });
      continue;
    }
    if (/^mailto:/i.test(href)) {
      for (const e of findEmails(href.slice(7).split('?')[0])) set.add({ kind: 'email', value: e.value, raw: href });
      continue;
    }
    linkPhones(href, set, region);
    for (const h of findHandles(href)) set.add({ kind: h.kind, value: h.value, raw: href });
  }
  const chunks = typeof text === 'string' ? (text.length > CHUNK_CHARS ? textChunks(text.split('\n')) : [text]) : text;
  for (const chunk of chunks) {
    const folded = foldDigits(chunk);
    linkPhones(folded, set, region);
    for (const p of findPhones(replaceSpelledNumbers(folded), region)) {
      set.add({ kind: 'phone', value: p.e164, raw: p.raw });
    }
    for (const e of findEmails(folded)) set.add({ kind: 'email', value: e.value, raw: e.raw });
    for (const h of findHandles(folded)) set.add({ kind: h.kind, value: h.value, raw: h.raw });
  }
  return set.list();
}

export function extractContacts(text: string, html?: string, options?: { region?: string }): Contact[] {
  return contactsFrom(text, html ? hrefsOf(html) : [], options?.region ?? DEFAULT_REGION);
}
