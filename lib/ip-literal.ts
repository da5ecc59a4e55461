/**
 * IP addresses written as names. Browsers and the C resolver read `127.1`, `0x7f.1`, `0177.0.0.1`, `2130706433` and
 * full-width digits (`１２７．０．０．１`) as 127.0.0.1, so a "hostname" in that form is an address in disguise: the
 * config refuses it, and the guard proxy judges it as the address it is instead of handing it to an upstream proxy as
 * a name. The WHATWG URL host parser is the reference: it is what Chromium and Node's URL apply.
 */
import { isIP } from 'node:net';

export type HostReading =
  | { kind: 'ip'; address: string }
  | { kind: 'name'; hostname: string }
  /** Ends in a number but is no valid address (e.g. `1.2.3.4.5`, `foo.123`): neither a name nor an address. */
  | { kind: 'invalid' };

/** How a URL parser reads `host` (no port, brackets allowed for IPv6). */
export function readHost(host: string): HostReading {
  const bare = host.trim();
  if (isIP(bare.replace(/^\[|\]$/g, ''))) return { kind: 'ip', address: bare.replace(/^\[|\]$/g, '') };
  let parsed: string;
  try {
    parsed = new URL(`http://${bare}/`).hostname;
  } catch {
    return { kind: 'invalid' };
  }
  const unbracketed = parsed.replace(/^\[|\]$/g, '');
  if (isIP(unbracketed)) return { kind: 'ip', address: unbracketed };
  return { kind: 'name', hostname: parsed };
}

/** The address `host` stands for when it is an IP literal in any spelling (canonical or disguised), else null. */
export function ipLiteralIn(host: string): string | null {
  const reading = readHost(host);
  return reading.kind === 'ip' ? reading.address : null;
}
