/**
 * Parsing of a domain feed for `phenix candidates import`: one domain per line (a certificate-
 * transparency or newly-registered-domain export). Bad lines are reported with their number and
 * kept out; good ones are normalised and deduplicated. A URL is accepted and reduced to its hostname,
 * with a note, because feeds often carry `https://name/`; a leading `*.` (certificate wildcard) is
 * dropped the same way.
 */
import { hostnameFromUrl, normalizeHostname, registrationProblem } from './hostname.ts';

export interface FeedLineProblem {
  /** 1-based line number in the file. */
  line: number;
  /** The line as written (trimmed). */
  text: string;
  message: string;
}

export interface ParsedDomainFeed {
  /** Normalised, deduplicated, in first-seen order. */
  domains: string[];
  /** Lines refused. */
  errors: FeedLineProblem[];
  /** Lines accepted after a change the analyst should know about (URL reduced, wildcard dropped). */
  notes: FeedLineProblem[];
  /** Lines naming a domain already listed earlier in the feed. */
  duplicates: number;
}

/** One line of a feed: a hostname (with a note when it was reduced), a problem, or null for a blank/comment line. */
export type FeedLine =
  | { kind: 'name'; hostname: string; note: string | null }
  | { kind: 'error'; message: string }
  | null;

export function parseFeedLine(rawLine: string): FeedLine {
  const written = rawLine.trim();
  const hash = written.indexOf('#');
  // "#" starts a comment at the line start or after a space; inside a URL it is a fragment, handled below.
  const body = (hash === 0 ? '' : hash > 0 && /\s/.test(written[hash - 1]) ? written.slice(0, hash) : written).trim();
  if (body === '') return null;
  let candidate = body;
  let note: string | null = null;
  const fromUrl = hostnameFromUrl(body);
  if (fromUrl !== null) {
    note = `URL reduced to its hostname ${fromUrl}`;
    candidate = fromUrl;
  } else if (body.startsWith('*.')) {
    candidate = body.slice(2);
    note = `wildcard "*." dropped; kept ${candidate}`;
  }
  const normal = normalizeHostname(candidate);
  if (!normal.ok) return { kind: 'error', message: normal.reason };
  const problem = registrationProblem(normal.hostname);
  if (problem !== null) return { kind: 'error', message: problem };
  return { kind: 'name', hostname: normal.hostname, note };
}

export function parseDomainFeed(text: string): ParsedDomainFeed {
  const result: ParsedDomainFeed = { domains: [], errors: [], notes: [], duplicates: 0 };
  const seen = new Set<string>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const parsed = parseFeedLine(rawLine);
    if (parsed === null) return;
    const written = rawLine.trim();
    if (parsed.kind === 'error') {
      result.errors.push({ line, text: written, message: parsed.message });
      return;
    }
    if (parsed.note) result.notes.push({ line, text: written, message: parsed.note });
    if (seen.has(parsed.hostname)) {
      result.duplicates++;
      return;
    }
    seen.add(parsed.hostname);
    result.domains.push(parsed.hostname);
  });
  return result;
}
