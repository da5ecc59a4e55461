/**
 * Candidates seen while crawling a monitored site: cross-domain redirects (a seized or relocated seed
 * pointing to its new home) and links to other domains. Pure functions over the crawler's plain data.
 */
import { type Candidate, type CandidateFilterOptions, createCandidateFilter, dedupeCandidates } from './candidate.ts';
import { hostnameFromUrl } from './hostname.ts';

/** A redirect hop as the crawler records it, or a plain URL (the next page reached, e.g. after a meta refresh). */
export type RedirectStep = string | { url: string; status?: number | null; location?: string | null };

interface Edge {
  from: string;
  to: string;
  status: number | null;
}

function resolveUrl(location: string, base: string): string | null {
  try {
    return new URL(location, base).href;
  } catch {
    return null;
  }
}

function edgesOf(chain: readonly RedirectStep[]): Edge[] {
  const edges: Edge[] = [];
  let current: string | null = null;
  for (const step of chain) {
    if (typeof step === 'string') {
      if (current !== null && current !== step) edges.push({ from: current, to: step, status: null });
      current = step;
      continue;
    }
    if (current !== null && current !== step.url) edges.push({ from: current, to: step.url, status: null });
    const to: string | null = step.location ? resolveUrl(step.location, step.url) : null;
    if (to !== null) edges.push({ from: step.url, to, status: step.status ?? null });
    current = to ?? step.url;
  }
  return edges;
}

/**
 * Every host in the chain outside the seed's registrable domain, as a strong candidate: a seed that
 * redirects elsewhere names its new home (or its seizure notice, which the ignore list can cover).
 */
export function candidatesFromRedirects(
  chain: readonly RedirectStep[],
  seedRegistrableDomain: string,
  options: CandidateFilterOptions = {},
): Candidate[] {
  const accept = createCandidateFilter({
    ...options,
    ownDomains: [seedRegistrableDomain, ...(options.ownDomains ?? [])],
  });
  const out: Candidate[] = [];
  for (const edge of edgesOf(chain)) {
    const host = hostnameFromUrl(edge.to);
    const accepted = host === null ? null : accept(host);
    if (accepted === null) continue;
    const how = edge.status === null ? 'led' : `redirected (HTTP ${edge.status})`;
    out.push({
      ...accepted,
      source: 'redirect',
      strength: 'strong',
      evidence: `${edge.from} ${how} to ${edge.to}`,
    });
  }
  return dedupeCandidates(out);
}

export interface OutlinkOptions extends CandidateFilterOptions {
  /** The page the links were found on, quoted in the evidence. */
  pageUrl?: string;
}

/** Links to other domains, one weak candidate per hostname, with how many links pointed there. */
export function candidatesFromOutlinks(externalLinks: readonly string[], options: OutlinkOptions = {}): Candidate[] {
  const accept = createCandidateFilter(options);
  const found = new Map<
    string,
    { accepted: { domain: string; registrableDomain: string }; first: string; count: number }
  >();
  for (const link of externalLinks) {
    const host = hostnameFromUrl(link);
    const accepted = host === null ? null : accept(host);
    if (accepted === null) continue;
    const known = found.get(accepted.domain);
    if (known) known.count++;
    else found.set(accepted.domain, { accepted, first: link, count: 1 });
  }
  const where = options.pageUrl ? ` on ${options.pageUrl}` : '';
  return [...found.values()].map(({ accepted, first, count }) => ({
    ...accepted,
    source: 'outlink',
    strength: 'weak',
    evidence: `link to ${first}${where}${count > 1 ? ` (${count} links to this host)` : ''}`,
  }));
}
