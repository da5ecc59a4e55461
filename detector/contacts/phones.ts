/**
 * Phone numbers in folded text, normalised to E.164 with libphonenumber-js. A run of digit groups is cut at group
 * boundaries into the longest valid numbers; national numbers must carry the trunk prefix (0) so that ad ids, SIRET
 * and postal codes never pass, and runs next to prices, dates, IBANs or reference labels are skipped.
 */
import { type CountryCode, getCountries, getCountryCallingCode, parsePhoneNumberFromString } from 'libphonenumber-js';
import { GROUP_SEPARATOR } from './fold-digits.ts';

/** Regions whose national numbers are dialled without a trunk prefix. */
const NO_TRUNK_PREFIX = new Set(['US', 'CA', 'IT', 'ES', 'PT', 'GR', 'DK', 'NO', 'LU', 'MC']);

const RUN = new RegExp(
  `(?<![\\p{L}\\d+])(?:\\+[ \\t\\u00a0]?)?\\d(?:(?:${GROUP_SEPARATOR}|[\\u00a0()]){0,3}\\d)+`,
  'gu',
);
const GROUP = /\d+/g;
const DATE = /(?<!\d)(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2})(?!\d)/g;
const IBAN_LIKE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){3,7}(?:[ ]?[A-Z0-9]{1,3})?\b/g;
const LABEL_BEFORE =
  /(?<!\p{L})(?:siret|siren|tva|rcs|naf|ape|iban|bic|rib|r[ée]f(?:[ée]rence)?\.?(?:\s*(?:de\s+l['’]\s*)?annonce|\s+(?:produit|article|client|commande|interne|fournisseur))?|code\s+(?:article|produit|client)|n°|n[o°º]\.|num[ée]ro d'annonce|id|cp|code postal|commande|facture|dossier|ticket|isbn|ean|sku|horaires?)\s*[:#.]?\s*$/iu;
const UNIT_AFTER = /^\s*(?:€|eur\b|euros?\b|\$|usd\b|chf\b|£|%|km\b|m²|m2\b|kg\b|ht\b|ttc\b)/i;
const TRUNK_IN_PARENS = /((?:\+|\b00)[ \t]?\d{1,3})[ \t]*\(0\)[ \t]*/g;
/**
 * Five pairs of digits joined four times by the same mark, whatever it is ("06|39|98|31|02", "06 ☆ 39 ☆ …",
 * "06:39:98:31:06"): read as spaces. Two pairs (a score, a time) or a changing mark never match.
 */
const SAME_MARK =
  /(?<![\p{L}\p{N}])(\d{2})([^\p{L}\p{N}\s]{1,2}|\s[^\p{L}\p{N}\s]{1,2}\s)(\d{2})\2(\d{2})\2(\d{2})\2(\d{2})(?![\p{L}\p{N}])/gu;
/** A country calling code in parentheses before the number: "(33) 6 39…", "(+33) 6…", "(0033) 6…". */
const CODE_IN_PARENS = /(?<![\p{L}\d)])\((?:\+|00)?[ \t]?(\d{2,3})\)[ \t]*(?=\d)/gu;
let callingCodes: Set<string> | null = null;

function codeInParens(match: string, code: string): string {
  callingCodes ??= new Set(getCountries().map((c) => getCountryCallingCode(c)));
  return callingCodes.has(code) ? `+${code} ` : match;
}

export interface FoundPhone {
  e164: string;
  raw: string;
}

function mask(s: string, re: RegExp): string {
  return s.replace(re, (m) => 'x'.repeat(m.length));
}

/** Parses one digit string (optionally starting with + or 00); E.164 when valid. */
export function toE164(digits: string, region: string): string | null {
  let candidate = digits;
  if (candidate.startsWith('00')) candidate = `+${candidate.slice(2)}`;
  if (!candidate.startsWith('+')) {
    if (!candidate.startsWith('0') && !NO_TRUNK_PREFIX.has(region)) return null;
  } else if (candidate[1] === '0') {
    return null; // no country calling code starts with 0
  }
  const len = candidate.replace('+', '').length;
  if (len < 8 || len > 15) return null;
  const phone = parsePhoneNumberFromString(candidate, region as CountryCode);
  if (!phone?.isValid()) return null;
  return phone.number;
}

/**
 * Groups s..e are all five digits long, apart (space, slash, dash): a list of postcodes ("06090 / 94110"), never a
 * phone's grouping. A dot between them reads as a number ("06399.85843").
 */
function postcodes(run: string, groups: { text: string; start: number; end: number }[], s: number, e: number): boolean {
  for (let i = s; i <= e; i++) {
    if (groups[i].text.length !== 5) return false;
    if (i > s && run.slice(groups[i - 1].end, groups[i].start).trim() === '.') return false;
  }
  return true;
}

/** Splits a run into the longest valid numbers starting at a group boundary. */
function numbersInRun(run: string, region: string, memo: Map<string, string | null>): FoundPhone[] {
  const groups: { text: string; start: number; end: number }[] = [];
  for (const m of run.matchAll(GROUP)) groups.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  const plus = run.trimStart().startsWith('+');
  const found: FoundPhone[] = [];
  let s = 0;
  while (s < groups.length) {
    let best: { e164: string; end: number } | null = null;
    let digits = s === 0 && plus ? '+' : '';
    for (let e = s; e < groups.length; e++) {
      digits += groups[e].text;
      if (digits.replace('+', '').length > 15) break;
      // Runs of repeated groups (hostile or not) ask the same question many times: libphonenumber is the slow part.
      let e164 = memo.get(digits);
      if (e164 === undefined) {
        e164 = toE164(digits, region);
        memo.set(digits, e164);
      }
      if (e164 && !(e > s && postcodes(run, groups, s, e))) best = { e164, end: e };
    }
    if (best) {
      found.push({ e164: best.e164, raw: run.slice(s === 0 ? 0 : groups[s].start, groups[best.end].end).trim() });
      s = best.end + 1;
    } else s++;
  }
  return found;
}

export function findPhones(folded: string, region: string): FoundPhone[] {
  let text = folded.replace(TRUNK_IN_PARENS, '$1 ').replace(SAME_MARK, '$1 $3 $4 $5 $6');
  if (text.includes('(')) text = text.replace(CODE_IN_PARENS, codeInParens);
  text = mask(mask(text, DATE), IBAN_LIKE);
  const out: FoundPhone[] = [];
  const memo = new Map<string, string | null>();
  for (const m of text.matchAll(RUN)) {
    const run = m[0];
    if (run.replace(/\D/g, '').length < 8) continue;
    const before = text.slice(Math.max(0, m.index - 30), m.index);
    const after = text.slice(m.index + run.length, m.index + run.length + 8);
    if (LABEL_BEFORE.test(before) || UNIT_AFTER.test(after)) continue;
    out.push(...numbersInRun(run, region, memo));
  }
  return out;
}
