/**
 * Master-file zone reader (RFC 1035 §5; ICANN CZDS `.zone.gz` files are `name. ttl in ns host.` lines): keeps the
 * owner names of NS delegations, which are the registered names of a TLD zone. Handles `$ORIGIN`, `$TTL`, relative
 * names, `@`, a blank owner (the previous one), records split over lines by parentheses, `;` comments and quoted
 * strings. The apex's own NS records are not delegations and are left out; a delegation's several NS records give
 * its name once (they are consecutive in a zone file; the database deduplicates the rest).
 */
import { excerpt } from '../lib/safe-text.ts';
import { type FeedEntry, hostnameEntry } from './feed-entry.ts';

const CLASSES = new Set(['in', 'ch', 'hs', 'cs']);
// A TTL is a number, or BIND's units (1h30m, 2d).
const TTL = /^(\d+|(\d+[smhdw])+)$/i;

/** Splits a line into fields: quotes group, `;` outside quotes ends the line, parentheses are returned alone. */
export function zoneTokens(line: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === ' ' || c === '\t') i++;
    else if (c === ';') break;
    else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') j += line[j] === '\\' ? 2 : 1;
      tokens.push(line.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < line.length && !' \t;()"'.includes(line[j])) j += line[j] === '\\' ? 2 : 1;
      tokens.push(line.slice(i, j));
      i = j;
    }
  }
  return tokens;
}

export interface ZoneReaderOptions {
  /** The zone's name when the file does not say it ($ORIGIN or SOA), e.g. `com`. */
  origin?: string;
}

export type ZoneOwner = string | { error: string } | null;

/** A reader of one zone file, line after line: each delegation's name once, as valid hostnames or bad lines. */
export function createZoneReader(options: ZoneReaderOptions = {}): (line: string) => FeedEntry {
  const owners = createZoneOwnerReader(options);
  return (line) => {
    const owner = owners(line);
    if (owner === null) return null;
    if (typeof owner !== 'string') return { kind: 'error', message: owner.error };
    // Deeper delegations and public suffixes (gouv.fr in the .fr zone) are not registrations: left out quietly.
    return hostnameEntry(owner, { quietPublicSuffix: true });
  };
}

/**
 * The delegated names of one zone file, lowercase without the final dot, unchecked beyond that: the zone diff
 * compares millions of them and validates only the new ones.
 */
export function createZoneOwnerReader(options: ZoneReaderOptions = {}): (line: string) => ZoneOwner {
  let origin = options.origin ? absolute(options.origin) : null;
  let apex: string | null = origin;
  let previousOwner: string | null = null;
  let lastKept: string | null = null;
  // A record split over lines by parentheses: its fields so far, and whether it began with a blank owner.
  let open: { tokens: string[]; blankOwner: boolean } | null = null;

  const qualify = (name: string): string | null => {
    if (name === '@') return origin;
    if (name.endsWith('.')) return name.toLowerCase();
    return origin === null ? null : `${name.toLowerCase()}.${origin === '.' ? '' : origin}`;
  };

  const record = (tokens: string[], blankOwner: boolean): ZoneOwner => {
    let owner: string | null;
    let rest: string[];
    if (blankOwner) {
      owner = previousOwner;
      rest = tokens;
    } else {
      owner = qualify(tokens[0]);
      rest = tokens.slice(1);
      if (owner === null) return { error: 'a relative name before any $ORIGIN' };
      previousOwner = owner;
    }
    let k = 0;
    while (k < rest.length && k < 2 && (TTL.test(rest[k]) || CLASSES.has(rest[k].toLowerCase()))) k++;
    const type = rest[k]?.toLowerCase();
    if (type === 'soa' && apex === null && owner !== null) {
      apex = owner;
      origin ??= owner;
    }
    if (type !== 'ns' || owner === null || owner === apex) return null;
    const name = owner.replace(/\.$/, '');
    if (name === lastKept) return null;
    lastKept = name;
    if (name.includes('\\')) return { error: 'a name with an escaped character, not a hostname' };
    return name;
  };

  return (line: string): ZoneOwner => {
    const blank = line.length > 0 && (line[0] === ' ' || line[0] === '\t');
    const tokens = zoneTokens(line);
    if (open !== null) {
      const close = tokens.indexOf(')');
      open.tokens.push(...tokens.filter((t) => t !== '(' && t !== ')'));
      if (close === -1) return open.tokens.length > 400 ? abandon() : null;
      const done = open;
      open = null;
      return record(done.tokens, done.blankOwner);
    }
    if (tokens.length === 0) return null;
    const directive = tokens[0].toUpperCase();
    if (!blank && directive === '$ORIGIN') {
      if (tokens[1] === undefined) return { error: '$ORIGIN without a name' };
      origin = absolute(qualify(tokens[1]) ?? tokens[1]);
      apex ??= origin;
      return null;
    }
    if (!blank && directive === '$TTL') return null;
    if (!blank && directive.startsWith('$'))
      return { error: `${excerpt(directive, 12)} is not followed (only $ORIGIN and $TTL are)` };
    if (tokens.includes('(') && !tokens.includes(')')) {
      open = { tokens: tokens.filter((t) => t !== '('), blankOwner: blank };
      return null;
    }
    return record(
      tokens.filter((t) => t !== '(' && t !== ')'),
      blank,
    );
  };

  function abandon(): ZoneOwner {
    open = null;
    return { error: 'a parenthesis left open over hundreds of fields' };
  }
}

function absolute(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower : `${lower}.`;
}
