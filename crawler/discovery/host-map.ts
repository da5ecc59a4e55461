/**
 * hostMap lookups for discovery: a name the operator mapped (`'*.test': '127.0.0.1:4567'`) counts as
 * resolving to the mapped address without asking DNS. Matching itself is the project-wide rule in
 * lib/hostname.ts (exact names win over wildcards, longer wildcards over shorter ones).
 */
import { isIP } from 'node:net';
import { lookupHostMap } from '../../lib/hostname.ts';

export interface HostMapMatch {
  /** The raw `host:port` (or `host`) the map sends the name to. */
  target: string;
  /** The address part, without brackets for IPv6. */
  address: string;
  port: number | null;
  family: 4 | 6 | null;
}

export function matchHostMap(
  hostname: string,
  hostMap: Readonly<Record<string, string>> | undefined,
): HostMapMatch | null {
  const target = lookupHostMap(hostMap, hostname);
  if (target === null) return null;
  const parsed = /^\[([^\]]+)\](?::(\d+))?$/.exec(target) ?? /^([^:]+)(?::(\d+))?$/.exec(target);
  const address = parsed ? parsed[1] : target;
  const port = parsed?.[2] === undefined ? null : Number(parsed[2]);
  const ipVersion = isIP(address);
  return { target, address, port, family: ipVersion === 4 ? 4 : ipVersion === 6 ? 6 : null };
}
