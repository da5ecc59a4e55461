/**
 * The two crawl steps of a cycle, shared by the one-process cycle (cycle.ts) and the queue's crawl jobs
 * (queue/): crawl a monitored site (its resolving seeds together, noticing a takedown) or one candidate
 * domain, under a lease, and record the candidates the crawl reveals. Each returns its report line.
 */
import type { DomainRow, SiteWithDomains } from '../db/index.ts';
import { setSiteLiveState } from '../db/index.ts';
import type { MonitorContext } from './context.ts';
import { type CrawlTarget, type CrawlTargetResult, crawlTarget } from './crawl-target.ts';
import { candidatesOfCrawl, recordCrawlCandidates } from './discover.ts';
import { withLease } from './leases.ts';
import { classifyLiveState, type LiveState } from './takedown.ts';

export interface CrawlReport {
  target: string;
  kind: 'site' | 'candidate';
  pagesOk: number;
  pagesFailed: number;
  failuresByReason: Record<string, number>;
  liveState?: LiveState;
  skipped?: string;
  error?: string;
}

/** Which run the crawl records: a new one, a given id (queue jobs), or one to resume after a crash. */
export interface RunChoice {
  cycleId: string;
  runId?: string;
  resume?: { runId: string; storageDir: string };
}

export interface StepOutcome {
  report: CrawlReport;
  result: CrawlTargetResult | null;
  /** Another process holds the target's lease (the queue retries later; a cycle skips it). */
  heldBy?: string;
  /** Hostnames the crawl revealed (redirects, outlinks, "we moved" mentions), all recorded as candidates… */
  revealed: string[];
  /** …and those among them that were not known before. */
  added: string[];
}

/** A monitored site whose seeds are in `dnsStates`: crawled when one resolves, marked down otherwise. */
export async function crawlMonitoredSite(
  ctx: MonitorContext,
  site: SiteWithDomains,
  dnsStates: ReadonlyMap<string, DomainRow['dnsState']>,
  run: RunChoice,
): Promise<StepOutcome> {
  const seeds = site.domains.filter((d) => d.active);
  const live = seeds.filter((d) => dnsStates.get(d.hostname) === 'resolves');
  if (live.length === 0) {
    await setSiteLiveState(ctx.db, site.id, 'down', new Date());
    return {
      report: { ...notCrawled(site.name, 'site', { skipped: 'no seed domain resolves' }), liveState: 'down' },
      result: null,
      revealed: [],
      added: [],
    };
  }
  ctx.onProgress?.(`Crawling monitored site ${site.name} (${live.map((d) => d.hostname).join(', ')})…`);
  const target: CrawlTarget = {
    label: site.name,
    siteId: site.id,
    domains: live,
    region: site.region,
    overrides: (site.crawl ?? undefined) as CrawlTarget['overrides'],
  };
  const outcome = await runTarget(ctx, target, 'site', `site:${site.id}`, run);
  if (!outcome.result) return outcome;
  const liveState = classifyLiveState({
    dnsResolves: true,
    pages: outcome.result.pages,
    failures: outcome.result.failures.length,
    seedHostnames: seeds.map((d) => d.hostname),
  });
  outcome.report.liveState = liveState;
  await setSiteLiveState(ctx.db, site.id, liveState, new Date());
  const found = candidatesOfCrawl(
    outcome.result,
    seeds.map((d) => d.hostname),
    true,
  );
  const added = await recordCrawlCandidates(ctx, found, site.id);
  return { ...outcome, added, revealed: [...new Set(found.map((c) => c.domain))] };
}

/**
 * One candidate domain; only strong candidates count from its pages (redirects, "we moved" mentions).
 * `revealed` lists them new or known, so a retried queue job enqueues the same follow-ups again.
 */
export async function crawlCandidateDomain(
  ctx: MonitorContext,
  domain: DomainRow,
  region: string,
  run: RunChoice,
): Promise<StepOutcome> {
  ctx.onProgress?.(`Crawling candidate ${domain.hostname}…`);
  const target: CrawlTarget = { label: domain.hostname, siteId: null, domains: [domain], region };
  const outcome = await runTarget(ctx, target, 'candidate', `domain:${domain.id}`, run);
  if (!outcome.result) return outcome;
  const found = candidatesOfCrawl(outcome.result, [domain.hostname], false);
  const added = await recordCrawlCandidates(ctx, found, domain.originSiteId);
  return { ...outcome, added, revealed: [...new Set(found.map((c) => c.domain))] };
}

async function runTarget(
  ctx: MonitorContext,
  target: CrawlTarget,
  kind: CrawlReport['kind'],
  leaseKey: string,
  run: RunChoice,
): Promise<StepOutcome> {
  const lease = await withLease(ctx, leaseKey, () =>
    crawlTarget(ctx, target, { cycleId: run.cycleId, runId: run.runId, resume: run.resume }).then(
      (r) => ({ ok: true as const, r }),
      (error: Error) => ({ ok: false as const, error }),
    ),
  );
  if (!lease.ran)
    return {
      report: notCrawled(target.label, kind, { skipped: `already being crawled by ${lease.heldBy}` }),
      result: null,
      heldBy: lease.heldBy,
      revealed: [],
      added: [],
    };
  if (!lease.value.ok)
    return {
      report: notCrawled(target.label, kind, { error: lease.value.error.message }),
      result: null,
      revealed: [],
      added: [],
    };
  const { r } = lease.value;
  return {
    report: {
      target: target.label,
      kind,
      pagesOk: r.summary.pagesOk,
      pagesFailed: r.summary.pagesFailed,
      failuresByReason: r.summary.failuresByReason,
    },
    result: r,
    revealed: [],
    added: [],
  };
}

/** The report line of a target that was not crawled, with why. */
export function notCrawled(
  target: string,
  kind: CrawlReport['kind'],
  why: { skipped: string } | { error: string },
): CrawlReport {
  return { target, kind, pagesOk: 0, pagesFailed: 0, failuresByReason: {}, ...why };
}
