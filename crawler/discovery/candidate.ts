/**
 * The candidate shape shared by every crawl-derived source, and the filter they all apply: a name is
 * proposed only when it is a valid hostname, not one of the monitored site's own domains and not a
 * well-known third party.
 */
import { hostnameFromUrl, isValidHostname, normalizeHostname, registrableDomain } from './hostname.ts';
import { isWellKnownThirdParty } from './third-parties.ts';

export type CandidateSource = 'redirect' | 'outlink' | 'mention';

/** `strong`: a redirect, or a mention next to a move phrase ("nouvelle adresse"); `weak`: anything else. */
export type CandidateStrength = 'strong' | 'weak';

export interface Candidate {
  /** Lowercase ASCII hostname as seen (www. kept: it is what will be crawled). */
  domain: string;
  registrableDomain: string;
  source: CandidateSource;
  /** Plain words an analyst can check: the redirect, the link or the quoted sentence. */
  evidence: string;
  strength: CandidateStrength;
}

export interface CandidateFilterOptions {
  /** The monitored site's own domains: never candidates of themselves (compared by registrable domain). */
  ownDomains?: readonly string[];
  /** More registrable domains to ignore, on top of the well-known third parties. */
  ignore?: readonly string[];
}

/** A hostname's normal form and registrable domain when it may become a candidate, else null. */
export type CandidateFilter = (hostname: string) => { domain: string; registrableDomain: string } | null;

/** Decides whether a hostname may become a candidate. */
export function createCandidateFilter(options: CandidateFilterOptions = {}): CandidateFilter {
  const toRegistrable = (value: string) => {
    const host = hostnameFromUrl(value) ?? value;
    const normal = normalizeHostname(host);
    return normal.ok ? (registrableDomain(normal.hostname) ?? normal.hostname) : host.toLowerCase();
  };
  const own = new Set((options.ownDomains ?? []).map(toRegistrable));
  const ignore = new Set((options.ignore ?? []).map(toRegistrable));
  return (raw) => {
    const normal = normalizeHostname(raw);
    if (!normal.ok || !isValidHostname(normal.hostname)) return null;
    const registrable = registrableDomain(normal.hostname);
    if (registrable === null || own.has(registrable)) return null;
    if (isWellKnownThirdParty(normal.hostname, ignore)) return null;
    return { domain: normal.hostname, registrableDomain: registrable };
  };
}

/** Keeps the first candidate per domain, upgraded to strong if any occurrence was strong. */
export function dedupeCandidates(candidates: Candidate[]): Candidate[] {
  const byDomain = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const known = byDomain.get(candidate.domain);
    if (!known || (known.strength === 'weak' && candidate.strength === 'strong')) {
      byDomain.set(candidate.domain, candidate);
    }
  }
  return [...byDomain.values()];
}
