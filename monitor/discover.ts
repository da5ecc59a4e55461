/**
 * Where candidates come from: lookalike names of every seed, and what crawls reveal (cross-domain
 * redirects, outlinks and mentions such as "notre nouvelle adresse : …"). DNS answers are stored with
 * their changes. Every candidate keeps its source and first-seen time.
 */
import {
  type Candidate,
  candidatesFromOutlinks,
  candidatesFromRedirects,
  candidatesFromText,
  checkDomains,
  generateLookalikes,
  registrableDomain,
} from '../crawler/discovery/index.ts';
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
          sourceDetail: `${l.fuzzer} of ${seed.hostname}`,
          originSiteId: site.id,
        });
      }
    }
  }
  const added = await upsertCandidates(ctx.db, list);
  return { generated: list.length, added };
}

/** Candidates seen in a crawl. From a monitored site: redirects, outlinks and mentions; from a candidate: redirects and strong mentions. */
export function candidatesOfCrawl(
  result: CrawlTargetResult,
  ownHostnames: string[],
  fromMonitoredSite: boolean,
): Candidate[] {
  const ownDomains = ownHostnames;
  const seedRegistrable = registrableDomain(ownHostnames[0]) ?? ownHostnames[0];
  const found: Candidate[] = [];
  for (const page of result.pages) {
    const chain = [
      ...page.redirectChain.map((h) => ({ url: h.url, status: h.status, location: h.location })),
      { url: page.finalUrl },
    ];
    found.push(...candidatesFromRedirects(chain, seedRegistrable, { ownDomains }));
    const mentions = candidatesFromText(page.text, { ownDomains, pageUrl: page.finalUrl });
    found.push(...(fromMonitoredSite ? mentions : mentions.filter((m) => m.strength === 'strong')));
    if (fromMonitoredSite) found.push(...candidatesFromOutlinks(page.external, { ownDomains, pageUrl: page.finalUrl }));
  }
  return found;
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
  const { servers, timeoutMs, concurrency } = ctx.config.dns;
  const results = await checkDomains(
    domains.map((d) => d.hostname),
    { servers, timeoutMs, concurrency, tries: 2, hostMap: ctx.config.crawler.hostMap },
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
