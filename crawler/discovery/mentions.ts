/**
 * Domain mentions in the visible text of monitored pages: "notre nouvelle adresse : x.fr", "nous
 * avons déménagé sur …", including the usual obfuscations (`x[.]fr`, `x (point) fr`, `hxxps://`).
 * A mention next to a move phrase is strong; any other mention is weak.
 */
import { parse } from 'tldts';
import { type Candidate, type CandidateFilterOptions, createCandidateFilter, dedupeCandidates } from './candidate.ts';

/** Phrases announcing a new address, accent-free and lowercase (the text is folded the same way). */
export const MOVE_PHRASES = [
  'nouvelle adresse',
  'nouvelle url',
  'nouveau site',
  'nouveau nom de domaine',
  'nouveau domaine',
  'avons demenage',
  'a demenage',
  'demenage sur',
  'retrouvez-nous',
  'retrouvez nous',
  'rendez-vous sur',
  'rendez vous sur',
  'desormais sur',
  'desormais accessible',
  'desormais disponible sur',
  'maintenant sur',
  'maintenant accessible',
  'nous sommes sur',
  'site miroir',
  'adresse de secours',
  'new address',
  'we have moved',
  "we've moved",
  'moved to',
  'new domain',
  'new website',
  'find us at',
  'find us on',
  'now at',
  'mirror site',
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole words only: "a demenage" must not fire inside "la demenageuse" (removal ads are common). */
const MOVE_PHRASE_RE = new RegExp(`(?<![a-z0-9])(?:${MOVE_PHRASES.map(escapeRegExp).join('|')})(?![a-z0-9])`, 'g');

const MOVE_PHRASE_TEST = new RegExp(MOVE_PHRASE_RE.source);

/** Text right before the domain of an e-mail address: `@`, `[at]`, `(arobase)`, ` at `. */
const EMAIL_LEAD_RE = /(?:@|[[(]\s*(?:at|arobase)\s*[\])]\s*|\s(?:at|arobase)\s+)$/i;

export interface MentionOptions extends CandidateFilterOptions {
  /** Public suffixes accepted although not ICANN ones (the fixtures' `.test`, `.example`). */
  extraSuffixes?: readonly string[];
  /** The page the text comes from, quoted in the evidence. */
  pageUrl?: string;
}

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
const BRACKETED = '\\s?[[({]\\s?(?:\\.|dot|point)\\s?[\\])}]\\s?';
const SPACED_WORD = '\\s+(?:dot|point)\\s+';
const SEPARATOR = `(?:\\.|${BRACKETED}|${SPACED_WORD})`;
const MENTION_RE = new RegExp(
  `(?<![\\p{L}\\p{N}_.-])(?:h(?:tt|xx)ps?(?::|\\[:\\])//)?(${LABEL}(?:${SEPARATOR}${LABEL})+)`,
  'giu',
);
const SEPARATOR_RE = new RegExp(SEPARATOR, 'giu');
const SPACED_WORD_RE = new RegExp(SPACED_WORD, 'iu');
const SCHEME_RE = /^h(?:tt|xx)ps?/i;

/** Suffixes that are also file extensions: `photo.zip` is a file unless a scheme or a move phrase says otherwise. */
const FILE_LIKE_SUFFIXES = new Set(['zip', 'mov', 'py', 'sh', 'md', 'rs', 'pl', 'ps', 'so', 'pm', 'cc', 'app']);

const BEFORE_WINDOW = 160;
const AFTER_WINDOW = 60;

const foldedChars = new Map<string, string>();

/** One UTF-16 unit folded to lowercase without accent (é → e, É → e, ’ → '); units outside the BMP are kept. */
function foldChar(unit: string): string {
  let out = foldedChars.get(unit);
  if (out === undefined) {
    out = unit === '’' ? "'" : unit.normalize('NFD')[0].toLowerCase()[0];
    foldedChars.set(unit, out);
  }
  return out;
}

/** Lowercase, accents removed, one UTF-16 unit per unit, so positions in the folded text match the original. */
function fold(text: string): string {
  const out: string[] = new Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) out[i] = code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
    else if (code >= 0xd800 && code <= 0xdfff) out[i] = text[i];
    else out[i] = foldChar(text[i]);
  }
  return out.join('');
}

function nearMovePhrase(folded: string, start: number, end: number): { from: number } | null {
  // The phrase must belong to the same paragraph before, or to the same sentence after the mention.
  const beforeRaw = folded.slice(Math.max(0, start - BEFORE_WINDOW), start);
  const paragraph = beforeRaw.search(/\n\s*\n(?![\s\S]*\n\s*\n)/);
  const before = paragraph === -1 ? beforeRaw : beforeRaw.slice(paragraph);
  const afterRaw = folded.slice(end, end + AFTER_WINDOW);
  const sentenceEnd = afterRaw.search(/[.!?](\s|$)|\n/);
  const after = sentenceEnd === -1 ? afterRaw : afterRaw.slice(0, sentenceEnd);
  let best: number | null = null;
  for (const match of before.matchAll(MOVE_PHRASE_RE))
    best = Math.min(best ?? start, start - before.length + match.index);
  if (MOVE_PHRASE_TEST.test(after)) best = Math.min(best ?? start, start);
  return best === null ? null : { from: best };
}

function snippet(text: string, from: number, to: number): string {
  const start = Math.max(0, from);
  const end = Math.min(text.length, to);
  const body = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${body}${end < text.length ? '…' : ''}`;
}

/** Candidates mentioned in `text`, strong ones (near a move phrase) first, then in reading order. */
export function candidatesFromText(text: string, options: MentionOptions = {}): Candidate[] {
  const accept = createCandidateFilter(options);
  const extra = new Set(options.extraSuffixes ?? ['test', 'example']);
  const folded = fold(text);
  const where = options.pageUrl ? ` on ${options.pageUrl}` : '';
  const out: Candidate[] = [];
  for (const match of text.matchAll(MENTION_RE)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    const hostText = match[1];
    const host = hostText.replace(SEPARATOR_RE, '.');
    const parsed = parse(host);
    const suffix = parsed.publicSuffix ?? '';
    if (!parsed.isIcann && !extra.has(suffix)) continue;
    const move = nearMovePhrase(folded, start, end);
    const hasScheme = SCHEME_RE.test(match[0]);
    // "le point de vue" must not become le.de: spelled-out dots only count next to a move phrase.
    if (SPACED_WORD_RE.test(hostText) && move === null) continue;
    if (FILE_LIKE_SUFFIXES.has(suffix) && !hasScheme && move === null) continue;
    // The domain of an advertiser's e-mail is usually a mail provider, not a site: only kept next to a move phrase.
    if (move === null && EMAIL_LEAD_RE.test(text.slice(Math.max(0, start - 12), start))) continue;
    // Initials ("M.Dupont") look like names under brand TLDs; real sites rarely have one-letter names.
    if (!hasScheme && (parsed.domainWithoutSuffix ?? '').length < 2) continue;
    const accepted = accept(host);
    if (accepted === null) continue;
    out.push({
      ...accepted,
      source: 'mention',
      strength: move ? 'strong' : 'weak',
      evidence: `mentioned${where}: «${snippet(text, move ? move.from : start - 60, end + 40)}»`,
    });
  }
  const unique = dedupeCandidates(out);
  return [...unique.filter((c) => c.strength === 'strong'), ...unique.filter((c) => c.strength === 'weak')];
}
