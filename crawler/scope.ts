/**
 * What a crawl may visit: the registrable domain (tldts) of each seed and its subdomains; include patterns are
 * visited first, exclude patterns never (seeds excepted); only http(s) URLs are ever queued, so file:, data:,
 * chrome: and javascript: links are dropped here.
 */
import { isIP } from 'node:net';
import { getDomain } from 'tldts';

export class SeedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SeedError';
  }
}

export interface Seed {
  url: string;
  /** Bare hostnames start on https:// and fall back to http:// when https does not answer. */
  fallbackUrl: string | null;
}

/** `annonces.test` → https://annonces.test/ (then http://); full URLs are kept (fragment dropped). */
export function normalizeSeed(raw: string): Seed {
  const text = raw.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+:\d+(\/|$)/.test(text)) {
    const url = new URL(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new SeedError(`The seed "${raw}" uses ${url.protocol}: only http and https sites are crawled.`);
    }
    url.hash = '';
    return { url: url.href, fallbackUrl: null };
  }
  let url: URL;
  try {
    url = new URL(`https://${text}`);
  } catch {
    throw new SeedError(`The seed "${raw}" is neither a URL nor a host name.`);
  }
  if (!url.hostname) throw new SeedError(`The seed "${raw}" has no host name.`);
  const fallback = new URL(url.href);
  fallback.protocol = 'http:';
  return { url: url.href, fallbackUrl: fallback.href };
}

/** The site key of a host: its registrable domain, or the host itself (IP literals, localhost, single labels). */
export function siteKey(hostname: string): string {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIP(host)) return host;
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

export interface Scope {
  /** The registrable domains in scope. */
  domains: string[];
  inScope(url: string): boolean;
}

export function createScope(seedUrls: string[]): Scope {
  const domains = [...new Set(seedUrls.map((u) => siteKey(new URL(u).hostname)))];
  const set = new Set(domains);
  return {
    domains,
    inScope(url) {
      const parsed = parseHttpUrl(url);
      return parsed !== null && set.has(siteKey(parsed.hostname));
    },
  };
}

/** An http(s) URL without its fragment, or null for any other scheme or garbage. */
export function parseHttpUrl(raw: string, base?: string): URL | null {
  try {
    const url = base === undefined ? new URL(raw) : new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/**
 * A URL pattern: `/regex/flags` or `^...` is a regular expression; anything else is a glob where `*` matches any
 * run of characters. A pattern matches the full URL or its path + query.
 */
export function compileUrlPattern(pattern: string): (url: URL) => boolean {
  const slashed = /^\/(.+)\/([a-z]*)$/.exec(pattern);
  let regex: RegExp;
  if (slashed) regex = new RegExp(slashed[1], slashed[2]);
  else if (pattern.startsWith('^')) regex = new RegExp(pattern);
  else regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return (url) => regex.test(url.href) || regex.test(`${url.pathname}${url.search}`);
}

export function compileUrlPatterns(patterns: string[] | undefined): (url: URL) => boolean {
  const compiled = (patterns ?? []).map(compileUrlPattern);
  return (url) => compiled.some((test) => test(url));
}
