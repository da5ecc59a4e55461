/**
 * E-mail addresses, including the spelled-out forms ads use against scrapers: `[at]`, `(arobase)`, ` at `, ` chez `,
 * `[dot]`, ` dot `, ` point `, ` . `, one character at a time. The domain must end in a real public suffix (or a reserved test name) so "me at home. Thanks"
 * never becomes an address.
 */
import { parse } from 'tldts';

/** `[at]`, `(arobase)`, `{@}`, `«at»`, `/at/`, `_AT_`, `(a)`: the word between any pair of brackets or marks. */
const BRACKET_AT = /[ \t]?(?:[[({<«/|*_]\s*(?:at|arobase|chez|@)\s*[\])}>»/|*_]|[[(]a[\])])[ \t]?/gi;
const BRACKET_DOT = /[ \t]?[[({<«/|*_]\s*(?:dot|point|\.)\s*[\])}>»/|*_][ \t]?/gi;
const WORD_AT = /([\w.+-])\s+(?:at|arobase|chez|@)\s+(?=[\w-]+(?:\s+(?:dot|point|\.)\s+|\.)[a-z])/gi;
/** A spelled or spaced dot in the domain: "@boite dot test", "@boite point test", "@boite . test". */
const WORD_DOT = /(@[\w.-]+?)\s+(?:dot|point|\.)\s+(?=[a-z])/gi;
/** "jean point dupont@…": spelled dots in the local part, right before the address. */
const LOCAL_DOT = /([\w-]+)\s+(?:dot|point)\s+(?=[\w.+-]+@)/gi;
/**
 * An address written one character at a time ("d e m e n a g e @ b o i t e . t e s t"): at least three single
 * characters spaced on each side of the @, the domain's last part too. Joined back before reading.
 */
const SPACED_OUT =
  /(?<![\p{L}\p{N}])(?:[\p{L}\p{N}._+-] ){3,}@(?: [\p{L}\p{N}_-])+(?: \.(?: [\p{L}\p{N}_-])+)*(?: \.(?: \p{L}){2,24})(?![\p{L}\p{N}])/gu;
const EMAIL = /(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![a-z0-9-])/gi;
const RESERVED = new Set(['test', 'example', 'invalid', 'localhost']);

export interface FoundEmail {
  value: string;
  raw: string;
}

const OBFUSCATED =
  /[[({<«/|*_]\s*(?:at|arobase|chez|@|dot|point|\.)\s*[\])}>»/|*_]|[[(]a[\])]|\s(?:at|arobase|chez|@)\s+[\w-]+(?:\s*\.|\s+(?:dot|point)\s)|@[\w.-]+\s+(?:dot|point|\.)\s/i;

/** Cheaper pre-check: an @ or a word for it must be there. */
const MAYBE_ADDRESS = /[@＠﹫]|(?<![a-z])(?:at|arobase|chez)(?![a-z])|[[(]a[\])]/i;

function deobfuscate(input: string): string {
  const text = input.includes(' @ ') ? input.replace(SPACED_OUT, (m) => m.replace(/ /g, '')) : input;
  if (!MAYBE_ADDRESS.test(text) || !OBFUSCATED.test(text)) return text;
  let s = text.replace(BRACKET_AT, '@').replace(BRACKET_DOT, '.').replace(WORD_AT, '$1@');
  if (!s.includes('@')) return s;
  for (let i = 0; i < 4; i++) {
    const next = s.replace(WORD_DOT, '$1.').replace(LOCAL_DOT, '$1.');
    if (next === s) break;
    s = next;
  }
  return s;
}

export function isEmailDomain(domain: string): boolean {
  const tld = domain.slice(domain.lastIndexOf('.') + 1).toLowerCase();
  if (RESERVED.has(tld)) return true;
  const info = parse(domain);
  return info.isIcann === true && info.domain !== null;
}

export function findEmails(text: string): FoundEmail[] {
  const out: FoundEmail[] = [];
  const plain = deobfuscate(text);
  if (!plain.includes('@')) return out;
  for (const m of plain.matchAll(EMAIL)) {
    const value = m[0].toLowerCase().replace(/\.+$/, '');
    const domain = value.slice(value.indexOf('@') + 1);
    if (!isEmailDomain(domain)) continue;
    out.push({ value, raw: m[0] });
  }
  return out;
}
