/**
 * What one line of a feed gives, whatever its format: a hostname (with a note when it was reduced), a bad line
 * with its reason, or nothing (blank, comment, header, a record that is not a delegation). The plain-text and
 * newly-registered-domain list readers live here; zone files and AFNIC's open data have their own files.
 */
import { normalizeHostname, parseFeedLine, registrationProblem } from '../crawler/discovery/index.ts';

export type FeedEntry =
  | { kind: 'name'; hostname: string; note: string | null }
  | { kind: 'error'; message: string }
  | null;

/** Reads one line of a file (readers of formats with state, such as zone files, are made once per file). */
export type FeedLineReader = (line: string) => FeedEntry;

/** A written name checked as a hostname; public suffixes can be skipped without counting as bad lines. */
export function hostnameEntry(name: string, options: { quietPublicSuffix?: boolean } = {}): FeedEntry {
  const normal = normalizeHostname(name);
  if (!normal.ok) return { kind: 'error', message: normal.reason };
  const problem = registrationProblem(normal.hostname);
  if (problem !== null)
    return options.quietPublicSuffix && /public suffix/.test(problem) ? null : { kind: 'error', message: problem };
  return { kind: 'name', hostname: normal.hostname, note: null };
}

/** One name or URL a line, `#` comments (`phenix feeds ingest` without --format). */
export function createTextReader(): FeedLineReader {
  return parseFeedLine;
}

const HEADER_WORD = /^["']?[a-z_ -]+["']?$/i;

/**
 * A newly-registered-domain list: one domain a line, optionally followed by a date or other columns (comma,
 * semicolon, tab or space separated); a first line of column titles (`domain,date`) is skipped.
 */
export function createNrdReader(): FeedLineReader {
  let first = true;
  return (line) => {
    const field = line.trim().split(/[\s,;]+/, 1)[0] ?? '';
    const wasFirst = first;
    first = false;
    if (field === '' || field.startsWith('#')) return null;
    if (wasFirst && HEADER_WORD.test(field) && !field.includes('.')) return null;
    return parseFeedLine(field.replace(/^["']|["']$/g, ''));
  };
}
