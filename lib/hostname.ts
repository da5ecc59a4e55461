/**
 * Hostname normalisation shared by every folder (config, discovery, crawler): one rule for what a
 * domain is. Lowercase, IDN to punycode, trailing dot removed; URLs, paths, ports, spaces and IP
 * addresses are refused with a reason an analyst can act on, quoting at most a short, escaped excerpt of the input
 * (it may come from a hostile feed).
 */
import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';
import { ipLiteralIn } from './ip-literal.ts';
import { excerpt, quoted } from './safe-text.ts';

export type HostnameResult = { ok: true; hostname: string } | { ok: false; reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export function normalizeHostname(input: string): HostnameResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'is empty; expected a hostname such as x.fr' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) || /[/?#]/.test(raw)) {
    const host = guessHost(raw);
    return { ok: false, reason: `${quoted(raw)} is a URL; expected a hostname such as ${excerpt(host ?? 'x.fr')}` };
  }
  if (/\s/.test(raw)) return { ok: false, reason: `${quoted(raw)} contains a space; expected a hostname such as x.fr` };
  if (raw.includes('@'))
    return { ok: false, reason: `${quoted(raw)} looks like an email address; expected a hostname such as x.fr` };
  if (/:\d+$/.test(raw))
    return {
      ok: false,
      reason: `${quoted(raw)} has a port; write the hostname alone, such as ${excerpt(raw.replace(/:\d+$/, ''))}`,
    };
  const trimmed = raw.replace(/\.$/, '');
  if (isIP(trimmed)) return { ok: false, reason: `${quoted(raw)} is an IP address; expected a hostname such as x.fr` };
  const disguised = ipLiteralIn(trimmed);
  if (disguised !== null) {
    return {
      ok: false,
      reason: `${quoted(raw)} is the IP address ${disguised} written as a name (browsers read it so); expected a hostname such as x.fr`,
    };
  }
  const ascii = domainToASCII(trimmed.toLowerCase());
  if (ascii === '') {
    if (/(^|\.)(\d+|0x[0-9a-f]*)$/i.test(trimmed.normalize('NFKC'))) {
      return {
        ok: false,
        reason: `${quoted(raw)} ends in a number, so browsers read it as an IP address, and it is not a valid one`,
      };
    }
    return { ok: false, reason: `${quoted(raw)} is not a valid domain name` };
  }
  const labels = ascii.split('.');
  if (labels.length < 2)
    return { ok: false, reason: `${quoted(raw)} has no dot; expected a full hostname such as ${excerpt(ascii)}.fr` };
  if (ascii.length > 253) return { ok: false, reason: `${quoted(raw)} is longer than 253 characters` };
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return {
      ok: false,
      reason: `${quoted(raw)} has an invalid part ${quoted(bad)} (letters, digits and inner hyphens only)`,
    };
  }
  return { ok: true, hostname: ascii };
}

function guessHost(raw: string): string | null {
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`).hostname || null;
  } catch {
    return null;
  }
}

/** Does `hostname` match a pattern such as `*.test`, `*.example.org` or an exact name? */
export function hostnameMatches(pattern: string, hostname: string): boolean {
  const p = pattern.toLowerCase();
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (p.startsWith('*.')) {
    const suffix = p.slice(1);
    return h.endsWith(suffix) && h.length > suffix.length;
  }
  return p === h;
}

/** The `host:port` a hostMap sends `hostname` to, or null. Exact names win over wildcards. */
export function lookupHostMap(hostMap: Readonly<Record<string, string>> | undefined, hostname: string): string | null {
  if (!hostMap) return null;
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (hostMap[h] !== undefined) return hostMap[h];
  let best: string | null = null;
  let bestLength = -1;
  for (const [pattern, target] of Object.entries(hostMap)) {
    if (hostnameMatches(pattern, h) && pattern.length > bestLength) {
      best = target;
      bestLength = pattern.length;
    }
  }
  return best;
}
