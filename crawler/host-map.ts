/**
 * hostMap: the operator's own name → address declarations (`'*.test': '127.0.0.1:4567'`), applied by the guard
 * proxy to every connection in both modes, so tests and the demo crawl `*.test` names served on loopback with one
 * mechanism. A mapped name is trusted like an /etc/hosts line written by the operator: its target is not judged by
 * the private-address rule (everything the pages themselves point at still is).
 */

export interface HostTarget {
  host: string;
  port: number;
}

export type HostMap = Record<string, string>;

/** The host map does not parse: the message names the faulty entry. */
export class HostMapError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostMapError';
  }
}

interface CompiledEntry {
  pattern: string;
  matches: (hostname: string) => boolean;
  host: string;
  port: number | null;
}

function parseTarget(pattern: string, value: string): { host: string; port: number | null } {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match) throw new HostMapError(`hostMap["${pattern}"] = "${value}" is not host or host:port.`);
  const port = match[2] === undefined ? null : Number(match[2]);
  if (port !== null && (port < 1 || port > 65535)) throw new HostMapError(`hostMap["${pattern}"] has port ${port}.`);
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}

export function compileHostMap(map: HostMap | undefined): (hostname: string, port: number) => HostTarget | null {
  const entries: CompiledEntry[] = Object.entries(map ?? {}).map(([rawPattern, value]) => {
    const pattern = rawPattern.trim().toLowerCase();
    const target = parseTarget(pattern, value);
    if (pattern.startsWith('*.')) {
      const suffix = pattern.slice(1);
      return { pattern, ...target, matches: (name: string) => name.endsWith(suffix) && name.length > suffix.length };
    }
    return { pattern, ...target, matches: (name: string) => name === pattern };
  });
  // Exact names win over wildcards, longer wildcards over shorter ones.
  entries.sort(
    (a, b) =>
      Number(a.pattern.startsWith('*.')) - Number(b.pattern.startsWith('*.')) || b.pattern.length - a.pattern.length,
  );
  return (hostname, port) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    const entry = entries.find((e) => e.matches(name));
    return entry ? { host: entry.host, port: entry.port ?? port } : null;
  };
}

/** Where `hostname:port` goes under the host map, or null when the map does not cover it. */
export function resolveHostMap(map: HostMap | undefined, hostname: string, port: number): HostTarget | null {
  return compileHostMap(map)(hostname, port);
}

/** `host:port` as the guard keys connections and refusals (lower case, IPv6 brackets removed). */
export function authorityKey(host: string, port: number): string {
  return `${host.toLowerCase().replace(/^\[|\]$/g, '')}:${port}`;
}

/** The host:port key of a URL (default port by scheme); null when it does not parse. */
export function urlAuthority(rawUrl: string): string | null {
  try {
    const parsed = new URL(rawUrl);
    return authorityKey(parsed.hostname, Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)));
  } catch {
    return null;
  }
}
