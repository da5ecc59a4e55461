/**
 * Which reader reads a file: `text` (one name or URL a line), `nrd` (a newly-registered-domain list with optional
 * columns), `zone` (a master-file zone, NS delegations kept) or `afnic` (AFNIC's `.fr` open data). The drop folder
 * picks it by the file's name (a per-pattern setting first, then the extension); the CLI takes `--format`.
 */
import { createAfnicReader } from './afnic-reader.ts';
import { createNrdReader, createTextReader, type FeedLineReader } from './feed-entry.ts';
import { createZoneReader } from './zone-reader.ts';

export const FEED_FORMATS = ['text', 'nrd', 'zone', 'afnic'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export interface FormatOptions {
  /** Zone files: the zone's name when the file gives neither $ORIGIN nor SOA. */
  origin?: string;
  /** AFNIC open data: only names created on or after this day (`YYYY-MM-DD`). */
  since?: string;
}

export function createFormatReader(format: FeedFormat, options: FormatOptions = {}): FeedLineReader {
  switch (format) {
    case 'zone':
      return createZoneReader({ origin: options.origin });
    case 'afnic':
      return createAfnicReader({ since: options.since });
    case 'nrd':
      return createNrdReader();
    default:
      return createTextReader();
  }
}

/** `*` matches any run of characters; the rest is literal, case-insensitive. */
function globMatches(pattern: string, name: string): boolean {
  const body = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`, 'i').test(name);
}

/**
 * The format of a dropped file: the first matching pattern of `patterns` (`feeds.dropFormats`, e.g.
 * `{ "*-fr.csv": "afnic" }`), else `.zone`/`.zone.gz` → zone, AFNIC's file names → afnic, `.csv` → nrd, else text.
 */
export function formatForFile(name: string, patterns: Readonly<Record<string, FeedFormat>> = {}): FeedFormat {
  for (const [pattern, format] of Object.entries(patterns)) if (globMatches(pattern, name)) return format;
  const plain = name.toLowerCase().replace(/\.gz$/, '');
  if (plain.endsWith('.zone') || plain.endsWith('.zone.txt')) return 'zone';
  if (/opendata|nomsdedomaine/.test(plain) && plain.endsWith('.csv')) return 'afnic';
  if (plain.endsWith('.csv') || plain.endsWith('.tsv')) return 'nrd';
  return 'text';
}
