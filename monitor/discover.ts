/**
 * Where candidates come from: lookalike names of every seed, and what crawls reveal (cross-domain
 * redirects, outlinks and mentions such as "notre nouvelle adresse : …"). DNS answers are stored with
 * their changes. Every candidate keeps its source and first-seen time.
 */
import { type Candidate, candidatesFromPage, checkDomains, generateLookalikes } from '../crawler/discovery/index.ts';
import { type CandidateInput, type DomainRow, listSites, recordDns, upsertCandidates } from '../db/index.ts';
import type { MonitorContext } from './context.ts';
import type { CrawlTargetResult } from './crawl-target.ts';

export async function refreshLookalikes(ctx: MonitorContext): Promise<{ generated: number; added: string[] }> {
  const { tlds, affixes, maxLookalikesPerSeed } = ctx.config.discovery;
  const list: CandidateInput[] = [];
  for (const site of await listSites(ctx.db)) {
    for (const seed of site.domains.filter((d) => d.active)) {
      for (const l of generateLookalikes(seed.hostname, { tlds, affixes, maxPerSeed: maxLookalikesPerSeed })) {
        list.push({
          hostname: l.domain,
          source: 'lookalike',
          sourceDetail: `${l.fuzzer} of ${seed.hostname}: ${l.reason}`,
          originSiteId: site.id,
          plausibility: l.score,
        });
      }
    }
  }
  const added = await upsertCandidates(ctx.db, list);
  return { generated: list.length, added };
}

/** Candidates seen in a crawl. From a monitored site: redirects, outlinks and mentions; from a candidate: only strong ones (redirects, "we moved" mentions). */
export function candidatesOfCrawl(
  result: CrawlTargetResult,
  ownHostnames: string[],
  fromMonitoredSite: boolean,
): Candidate[] {
  const found = result.pages.flatMap((page) =>
    candidatesFromPage(
      {
        requestedUrl: page.requestedUrl,
        finalUrl: page.finalUrl,
        redirectChain: page.redirectChain,
        outlinks: { external: page.external },
        text: page.text,
      },
      { ownDomains: ownHostnames },
    ),
  );
  return fromMonitoredSite ? found : found.filter((c) => c.strength === 'strong');
}

export async function recordCrawlCandidates(
  ctx: MonitorContext,
  candidates: Candidate[],
  originSiteId: number | null,
): Promise<string[]> {
  return upsertCandidates(
    ctx.db,
    candidates.map((c) => ({
      hostname: c.domain,
      source: c.source,
      sourceDetail: c.evidence.slice(0, 500),
      originSiteId,
    })),
  );
}

/** Asks DNS about the domains (hostMap names answer without a query) and stores states and changes. */
export async function refreshDns(
  ctx: MonitorContext,
  domains: DomainRow[],
): Promise<Map<string, DomainRow['dnsState']>> {
  const { servers, dohUrl, timeoutMs, concurrency } = ctx.config.dns;
  // With proxyUrl, dohUrl is required by the config: the questions then go through the proxy like the crawls.
  const proxyUrl = ctx.config.crawler.proxyUrl;
  const results = await checkDomains(
    domains.map((d) => d.hostname),
    { servers, dohUrl, proxyUrl, timeoutMs, concurrency, tries: 2, hostMap: ctx.config.crawler.hostMap },
  );
  const states = new Map<string, DomainRow['dnsState']>();
  const byName = new Map(domains.map((d) => [d.hostname, d]));
  for (const r of results) {
    const domain = byName.get(r.domain);
    if (!domain) continue;
    await recordDns(ctx.db, domain.id, {
      state: r.state,
      addresses: [...r.a, ...r.aaaa],
      records: { ns: r.ns, mx: r.mx, via: r.via, detail: r.detail },
    });
    states.set(r.domain, r.state);
  }
  return states;
}
