/**
 * One monitoring cycle: sync sites → promote confirmed clones → refresh candidates → DNS → crawl seeds
 * (noticing takedowns) and resolving candidates (following what crawls reveal) → profiles → compare
 * every candidate with every monitored site → alerts. Where each step lives: discover.ts (candidates,
 * DNS), crawl-steps.ts and crawl-target.ts (crawls and storage), takedown.ts, profiles.ts, compare-all.ts, leases.ts.
 */
import { randomUUID } from 'node:crypto';
import {
  appendAudit,
  type CrawlRunRow,
  confirmedAlertsToPromote,
  type DomainRow,
  findInterruptedRuns,
  listDomains,
  listSites,
  promoteConfirmedClone,
  purgeExpiredLeases,
  recordCycleEnd,
  recordCycleProgress,
  recordCycleStart,
  type SiteWithDomains,
  type SyncReport,
  safeErrorMessage,
  syncSites,
} from '../db/index.ts';
import { mapLimit } from '../lib/map-limit.ts';
import { runGrowingQueue } from '../lib/work-queue.ts';
import { emptyScreenSummary, type ScreenSummary, screenDue } from '../screen/index.ts';
import { type ComparisonReport, emptyComparisonReport } from './compare-all.ts';
import type { MonitorContext } from './context.ts';
import {
  type CrawlReport,
  crawlCandidateDomain,
  crawlMonitoredSite,
  type RunChoice,
  type StepOutcome,
} from './crawl-steps.ts';
import { sealCycle } from './cycle-seal.ts';
import { refreshDns, refreshLookalikes } from './discover.ts';
import { monitoredForScreening } from './profiles.ts';
import { rebuildAndCompare } from './rebuild.ts';
import { siteSpecsFromConfig } from './site-specs.ts';

export type { CrawlReport } from './crawl-steps.ts';

export interface CycleOptions {
  /** all: everything; seeds: monitored sites only; candidates: discovery and candidates only. */
  scope?: 'all' | 'seeds' | 'candidates';
  /** Restrict the seed crawls to these sites (per-site schedules). */
  sites?: string[];
  /** How many generations of newly discovered candidates are followed (default 3). */
  discoveryRounds?: number;
  /** Who started it (a schedule name, "phenix run --once"), shown on the cycles page. */
  origin?: string;
}

export interface CycleSummary {
  cycleId: string;
  startedAt: string;
  durationMs: number;
  sync: SyncReport;
  promoted: string[];
  lookalikes: { generated: number; added: number };
  dns: { checked: number; resolving: number };
  discovered: string[];
  /** Feed names screened this cycle (DNS, landing page, lookup) and those escalated to a crawl. */
  screening: ScreenSummary;
  crawls: CrawlReport[];
  comparisons: ComparisonReport;
  stoppedEarly: boolean;
}

/**
 * Runs a cycle and records it (cycles table): started, then completed, stopped or failed. A failure is recorded
 * (and notified) even when the database was the cause: the record is retried while it comes back.
 */
export async function runCycle(ctx: MonitorContext, options: CycleOptions = {}): Promise<CycleSummary> {
  const cycleId = randomUUID();
  const scope = options.scope ?? 'all';
  await recordCycleStart(ctx.db, { id: cycleId, scope, origin: options.origin });
  let summary: CycleSummary;
  try {
    summary = await cycleSteps(ctx, cycleId, options);
  } catch (error) {
    const message = safeErrorMessage(error); // stored and notified: no query text or values
    await retryWhileDatabaseReturns(async () => {
      await recordCycleEnd(ctx.db, cycleId, { status: 'failed', error: message.slice(0, 2000) });
    }).catch((recordError) =>
      ctx.logger.error({ err: recordError, cycleId }, 'could not record the failed cycle; it stays marked running'),
    );
    throw error;
  }
  await recordCycleEnd(ctx.db, cycleId, {
    status: summary.stoppedEarly ? 'stopped' : 'completed',
    summary: cycleRecordOf(summary),
  });
  return summary;
}

/** The figures kept with the cycle record (the full summary lists every crawl and can be large). */
function cycleRecordOf(s: CycleSummary): Record<string, unknown> {
  return {
    durationMs: s.durationMs,
    promoted: s.promoted,
    lookalikes: s.lookalikes,
    dns: s.dns,
    discovered: s.discovered.length,
    crawls: s.crawls.length,
    pagesOk: s.crawls.reduce((n, c) => n + c.pagesOk, 0),
    pagesFailed: s.crawls.reduce((n, c) => n + c.pagesFailed, 0),
    compared: s.comparisons.compared,
    outcomes: s.comparisons.outcomes,
  };
}

/** A few tries over ~30 s: long enough for a PostgreSQL restart, short enough not to hold a stopping service. */
async function retryWhileDatabaseReturns(fn: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** Math.min(attempt, 4)));
    }
  }
}

async function cycleSteps(ctx: MonitorContext, cycleId: string, options: CycleOptions): Promise<CycleSummary> {
  const scope = options.scope ?? 'all';
  const started = Date.now();
  const log = ctx.logger.child({ component: 'cycle', cycleId, scope });
  const say = (line: string) => {
    ctx.onProgress?.(line);
    // The cycles page shows where a running cycle is; a lost progress line is not worth failing the cycle for.
    recordCycleProgress(ctx.db, cycleId, { step: line, at: new Date().toISOString() }).catch(() => {});
  };
  log.info('cycle started');
  await purgeExpiredLeases(ctx.db);

  const sync = await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
  const promoted: string[] = [];
  for (const alertId of await confirmedAlertsToPromote(ctx.db)) {
    const name = await promoteConfirmedClone(ctx.db, alertId);
    if (name) promoted.push(name);
  }
  if (promoted.length) log.info({ promoted }, 'confirmed clones now monitored');

  const summary: CycleSummary = {
    cycleId,
    startedAt: new Date(started).toISOString(),
    durationMs: 0,
    sync,
    promoted,
    lookalikes: { generated: 0, added: 0 },
    dns: { checked: 0, resolving: 0 },
    discovered: [],
    screening: emptyScreenSummary(),
    crawls: [],
    comparisons: emptyComparisonReport(),
    stoppedEarly: false,
  };
  const stopped = () => ctx.signal?.aborted === true;
  const resumable = await findInterruptedRuns(ctx.db);
  const crawledThisCycle = new Set<number>();

  const allSites = await listSites(ctx.db);
  const sites = allSites.filter((s) => !options.sites || options.sites.includes(s.name));
  if (scope !== 'seeds') {
    say('Generating lookalike names of the seed domains…');
    const l = await refreshLookalikes(ctx);
    summary.lookalikes = { generated: l.generated, added: l.added.length };
  }

  // DNS: seeds of the sites in scope, and every active candidate when candidates are in scope.
  const seedDomains = scope === 'candidates' ? [] : sites.flatMap((s) => s.domains.filter((d) => d.active));
  const candidates = scope === 'seeds' ? [] : await listDomains(ctx.db, { role: 'candidate', active: true });
  say(`Checking DNS of ${seedDomains.length + candidates.length} domain(s)…`);
  const dnsStates = await refreshDns(ctx, [...seedDomains, ...candidates]);
  summary.dns = { checked: dnsStates.size, resolving: [...dnsStates.values()].filter((s) => s === 'resolves').length };

  const runOf = (matches: (r: CrawlRunRow) => boolean): RunChoice => {
    const previous = resumable.find(matches);
    return {
      cycleId,
      resume: previous?.storageDir ? { runId: previous.id, storageDir: previous.storageDir } : undefined,
    };
  };
  const crawlCandidate = async (domain: DomainRow): Promise<StepOutcome | null> => {
    if (crawledThisCycle.has(domain.id) || stopped()) return null;
    crawledThisCycle.add(domain.id);
    const run = runOf((r) => r.siteId === null && r.domainId === domain.id);
    const outcome = await crawlCandidateDomain(ctx, domain, regionOf(allSites, domain.originSiteId), run);
    summary.crawls.push(outcome.report);
    return outcome;
  };

  const fresh: string[] = [];
  if (scope !== 'candidates') {
    await mapLimit(sites, ctx.config.crawler.parallelSites, async (site) => {
      if (stopped() || !site.domains.some((d) => d.active)) return;
      const outcome = await crawlMonitoredSite(
        ctx,
        site,
        dnsStates,
        runOf((r) => r.siteId === site.id),
      );
      summary.crawls.push(outcome.report);
      fresh.push(...outcome.added);
    });
  }

  // Feed names: screened against the monitored sites as they are after this cycle's seed crawls; the escalated
  // ones are active candidates from now on and join this cycle's candidate crawls.
  const escalated: DomainRow[] = [];
  if (scope !== 'seeds' && !stopped()) {
    summary.screening = await screenDue(ctx, await monitoredForScreening(ctx.db));
    if (summary.screening.escalatedNames.length > 0) {
      const rows = await listDomains(ctx.db, { hostnames: summary.screening.escalatedNames });
      const states = await refreshDns(ctx, rows);
      escalated.push(...rows.filter((d) => states.get(d.hostname) === 'resolves'));
    }
  }

  // Candidates: every resolving one (candidates scope) and what crawls reveal, each crawled as soon as it is
  // found, following discoveries up to `discoveryRounds` generations deep.
  const rounds = options.discoveryRounds ?? 3;
  const resolving = async (hostnames: string[]): Promise<DomainRow[]> => {
    if (hostnames.length === 0) return [];
    summary.discovered.push(...hostnames);
    const found = await listDomains(ctx.db, { hostnames });
    const states = await refreshDns(ctx, found);
    return found.filter((d) => states.get(d.hostname) === 'resolves');
  };
  const initial = [
    ...(scope === 'seeds' ? [] : candidates.filter((d) => dnsStates.get(d.hostname) === 'resolves')).map((domain) => ({
      domain,
      generation: 0,
    })),
    ...(await resolving(fresh)).map((domain) => ({ domain, generation: 1 })),
    ...escalated.map((domain) => ({ domain, generation: 1 })),
  ];
  await runGrowingQueue(initial, ctx.config.crawler.parallelSites, async ({ domain, generation }, push) => {
    if (stopped()) return;
    const outcome = await crawlCandidate(domain);
    if (!outcome?.result || generation >= rounds) return;
    push(...(await resolving(outcome.added)).map((d) => ({ domain: d, generation: generation + 1 })));
  });

  summary.stoppedEarly = stopped();
  if (!summary.stoppedEarly) {
    say('Building site profiles and comparing…');
    const rebuilt = await rebuildAndCompare(ctx);
    summary.comparisons = rebuilt.comparisons;
    if (rebuilt.refresh.recomputed || rebuilt.refresh.missing)
      log.info(rebuilt.refresh, 'page features recomputed for the current detector version');
  }
  const seal = await sealCycle(ctx, cycleId);
  log.info({ root: seal.root, captures: seal.captures, timestamped: seal.timestamped }, 'cycle captures sealed');
  summary.durationMs = Date.now() - started;
  await appendAudit(ctx.db, {
    actor: 'monitor',
    action: summary.stoppedEarly ? 'cycle.stopped' : 'cycle.completed',
    subjectType: 'cycle',
    subjectId: cycleId,
    details: {
      scope,
      crawls: summary.crawls.length,
      discovered: summary.discovered.length,
      alertsCreated: summary.comparisons.outcomes.created,
      durationMs: summary.durationMs,
    },
  });
  log.info(
    { durationMs: summary.durationMs, crawls: summary.crawls.length, outcomes: summary.comparisons.outcomes },
    'cycle finished',
  );
  return summary;
}

function regionOf(sites: SiteWithDomains[], siteId: number | null): string {
  return sites.find((s) => s.id === siteId)?.region ?? 'FR';
}
