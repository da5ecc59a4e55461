/**
 * All crawl-derived candidates of one captured page at once: its redirects, its links to other
 * domains and the domains its text mentions. Takes the plain fields of a crawler Capture, so the
 * monitor can hand captures over as they are.
 */
import type { Candidate, CandidateFilterOptions } from './candidate.ts';
import { candidatesFromOutlinks, candidatesFromRedirects, type RedirectStep } from './from-crawl.ts';
import { hostnameFromUrl, registrableDomain } from './hostname.ts';
import { candidatesFromText } from './mentions.ts';

/** The fields of a Capture discovery reads. */
export interface PageForDiscovery {
  requestedUrl: string;
  finalUrl: string;
  redirectChain: readonly RedirectStep[];
  outlinks: { external: readonly string[] };
  text: string;
}

export interface PageCandidateOptions extends CandidateFilterOptions {
  /** Public suffixes accepted in text mentions besides ICANN ones (default test, example). */
  extraSuffixes?: readonly string[];
}

/**
 * Candidates from one page, strong first (redirects, then mentions next to a move phrase), then weak
 * ones. A domain may appear once per source: each source is separate evidence for the analyst.
 */
export function candidatesFromPage(page: PageForDiscovery, options: PageCandidateOptions = {}): Candidate[] {
  const host = hostnameFromUrl(page.requestedUrl);
  const own = host === null ? [] : [registrableDomain(host) ?? host];
  const filter = { ...options, ownDomains: [...own, ...(options.ownDomains ?? [])] };
  const all = [
    ...candidatesFromRedirects([page.requestedUrl, ...page.redirectChain, page.finalUrl], own[0] ?? '', filter),
    ...candidatesFromText(page.text, { ...filter, pageUrl: page.finalUrl }),
    ...candidatesFromOutlinks(page.outlinks.external, { ...filter, pageUrl: page.finalUrl }),
  ];
  return [...all.filter((c) => c.strength === 'strong'), ...all.filter((c) => c.strength === 'weak')];
}
