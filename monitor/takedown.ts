/**
 * Notices that a monitored site was taken down, from what its last crawl showed: DNS gone, a seizure
 * notice, 404/410 on every page, or a redirect to another site.
 */
import { getDomain as registrable } from 'tldts';

export type LiveState = 'online' | 'down' | 'seized' | 'gone' | 'redirected';

/** Wording of seizure notices (French and English), matched on the visible text. */
const SEIZURE_PATTERNS = [
  /\b(ce|le) (site|nom de domaine|domaine) a été saisi/i,
  /\bsaisi (par|sur (d[ée]cision|r[ée]quisition|ordre))/i,
  /\bsaisie judiciaire\b/i,
  /\bthis (domain|website|site) has been seized\b/i,
  /\bseized by\b/i,
];

export function isSeizureNotice(text: string): boolean {
  return SEIZURE_PATTERNS.some((p) => p.test(text));
}

export interface CrawlOutcome {
  dnsResolves: boolean;
  pages: { requestedUrl: string; finalUrl: string; status: number | null; text: string }[];
  failures: number;
  seedHostnames: string[];
}

export function classifyLiveState(outcome: CrawlOutcome): LiveState {
  if (!outcome.dnsResolves) return 'down';
  if (outcome.pages.length === 0) return 'down';
  if (outcome.pages.some((p) => isSeizureNotice(p.text))) return 'seized';
  const seeds = new Set(outcome.seedHostnames.map((h) => registrable(h) ?? h));
  const offsite = outcome.pages.filter((p) => {
    const host = safeHost(p.finalUrl);
    return host !== null && !seeds.has(registrable(host) ?? host);
  });
  if (offsite.length === outcome.pages.length) return 'redirected';
  const ok = outcome.pages.filter((p) => p.status !== null && p.status < 400);
  if (ok.length === 0 && outcome.pages.every((p) => p.status === 404 || p.status === 410)) return 'gone';
  if (ok.length === 0) return 'down';
  return 'online';
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
