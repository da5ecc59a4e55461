/**
 * Hostname helpers for discovery on top of the project-wide rule in lib/hostname.ts (normalisation
 * and analyst-facing reasons live there, shared with the config): the registrable domain, the
 * stricter check applied to generated names, and reducing a URL to its hostname.
 */
import { parse } from 'tldts';
import { normalizeHostname } from '../../lib/hostname.ts';

export { type HostnameResult, normalizeHostname } from '../../lib/hostname.ts';

const SCHEME_RE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The registrable domain (`www.x.co.uk` → `x.co.uk`), keeping multi-label public suffixes intact. */
export function registrableDomain(hostname: string): string | null {
  const parsed = parse(hostname, { allowPrivateDomains: false });
  if (parsed.isIp) return null;
  return parsed.domain ?? null;
}

/**
 * Why a normal hostname cannot be registered as such, or null: a public suffix alone (co.uk), or "--"
 * in 3rd–4th position outside punycode labels (IDNA reserves it).
 */
export function registrationProblem(hostname: string): string | null {
  if (registrableDomain(hostname) === null) return `"${hostname}" is a public suffix (like co.uk), not a domain`;
  const reserved = hostname.split('.').find((label) => label.slice(2, 4) === '--' && !label.startsWith('xn--'));
  if (reserved !== undefined)
    return `"${hostname}" has "--" in 3rd–4th position of "${reserved}", reserved for xn-- names`;
  return null;
}

/** True when `hostname` is already normal (lowercase ASCII, no trailing dot), valid and registrable. */
export function isValidHostname(hostname: string): boolean {
  const result = normalizeHostname(hostname);
  return result.ok && result.hostname === hostname && registrationProblem(hostname) === null;
}

/** Normalised hostname of a URL (`HTTP://Www.X.fr/path` → `www.x.fr`), or null when it is not an http(s) URL. */
export function hostnameFromUrl(input: string): string | null {
  const text = input.trim();
  const candidate = SCHEME_RE.test(text) ? text : text.startsWith('//') ? `http:${text}` : null;
  if (candidate === null) return null;
  try {
    const url = new URL(candidate);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const result = normalizeHostname(url.hostname);
    return result.ok ? result.hostname : null;
  } catch {
    return null;
  }
}
