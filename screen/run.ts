/**
 * Screening runs: the tools set up once (DNS cache, guard proxy, index of the monitored sites' latest profiles)
 * and batches of due names pushed through the funnel, results stored per batch. `screenDue` is the in-process
 * run of `phenix run --once`/`serve` on the embedded database; the queue's screen jobs share one `createScreener` per cycle and worker (queue/screener-pool.ts).
 */
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { MOVE_PHRASES } from '../crawler/discovery/index.ts';
import { createGuardProxy, createNameResolver, type GuardProxy } from '../crawler/index.ts';
import {
  type Database,
  type DueName,
  dueForScreening,
  latestProfile,
  listSites,
  recordScreenResults,
} from '../db/index.ts';
import type { LayoutIdf, SiteProfile } from '../detector/index.ts';
import { resolveThresholds } from '../detector/index.ts';
import { createDnsCache, type DnsCache } from './dns-cache.ts';
import {
  createFunnelSlots,
  emptyFunnelStats,
  type FunnelSlots,
  type FunnelStats,
  type FunnelTools,
  screenBatch,
} from './funnel.ts';
import { buildSiteIndex, type MonitoredProfile } from './site-index.ts';

export interface ScreenContext {
  config: Config;
  db: Database;
  logger: Logger;
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
}

/** The monitored sites' profiles to screen against, and the idf they were built with (the cycle's own). */
export interface MonitoredSet {
  profiles: MonitoredProfile[];
  idf?: LayoutIdf;
}

export interface ScreenSummary extends FunnelStats {
  batches: number;
  monitoredSites: number;
  escalatedNames: string[];
  durationMs: number;
}

export interface Screener {
  /** Batches given the same `slots` share their DNS and landing-page places (each batch has its own without). */
  screen(
    names: readonly DueName[],
    slots?: FunnelSlots,
  ): Promise<FunnelStats & { escalatedNames: string[]; escalatedIds: number[] }>;
  monitoredSites: number;
  dns: DnsCache;
  close(): Promise<void>;
}

/** The stored latest profiles of the monitored sites (used when the caller has none fresher). */
async function storedMonitoredProfiles(db: Database): Promise<MonitoredProfile[]> {
  const out: MonitoredProfile[] = [];
  for (const site of await listSites(db)) {
    const row = await latestProfile(db, { siteId: site.id });
    if (!row) continue;
    out.push({
      siteId: site.id,
      siteName: site.name,
      hostnames: site.domains.map((d) => d.hostname),
      profile: row.profile as unknown as SiteProfile,
    });
  }
  return out;
}

/** Growing re-screening delay: rescreenHours × 2^count, at most maxRescreenDays. */
export function rescreenDelayMs(config: Config['screen'], count: number): number {
  const hour = 3_600_000;
  return Math.min(config.rescreenHours * hour * 2 ** Math.min(count, 20), config.maxRescreenDays * 24 * hour);
}

export async function createScreener(ctx: ScreenContext, set?: MonitoredSet): Promise<Screener> {
  const { screen, crawler, dns: dnsConfig } = ctx.config;
  const monitored = set?.profiles ?? (await storedMonitoredProfiles(ctx.db));
  const thresholds = resolveThresholds(ctx.config.detector);
  const index = buildSiteIndex(monitored, {
    layoutMaxBits: screen.layoutMaxBits,
    adMaxBits: Math.min(7, thresholds.adMaxDistance),
    photoMaxBits: Math.min(7, thresholds.photoMaxDistance),
    movePhrases: MOVE_PHRASES,
    idf: set?.idf,
  });
  // With a DoH endpoint (required with proxyUrl), screening resolves exactly as crawls do: through the proxy.
  // Each DoH endpoint gets the per-resolver rate limit and its own kept-alive connections.
  const shared = dnsConfig.dohUrl
    ? createNameResolver({
        servers: dnsConfig.servers,
        dohUrl: dnsConfig.dohUrl,
        proxyUrl: crawler.proxyUrl,
        timeoutMs: dnsConfig.timeoutMs,
        tries: 2,
        ratePerSecondPerEndpoint: screen.dnsRatePerSecond,
        maxConnectionsPerEndpoint: Math.max(2, Math.ceil(screen.dnsConcurrency / 4)),
      })
    : undefined;
  const dns = createDnsCache({
    resolver: shared,
    resolverLimitsItself: shared !== undefined,
    servers: dnsConfig.servers,
    timeoutMs: dnsConfig.timeoutMs,
    tries: 2,
    ratePerSecond: screen.dnsRatePerSecond,
    negativeTtlSeconds: screen.negativeTtlSeconds,
    maxTtlSeconds: screen.maxTtlSeconds,
  });
  const guard: GuardProxy = await createGuardProxy({
    hostMap: crawler.hostMap,
    allowPrivateTargets: crawler.allowPrivateTargets,
    upstreamProxyUrl: crawler.proxyUrl,
    // The landing page and the second look connect to names stage 1 has just resolved: the guard reads them from
    // the same cache instead of asking again (one question per name for most of a day).
    ...(shared ? { resolve: (name: string) => addressesFromCache(dns, name), resolveThroughUpstream: true } : {}),
    maxResponseBytes: screen.fetchMaxKB * 1024,
    maxResponseMs: screen.fetchTimeoutSeconds * 1000 + 1000,
  });
  const tools: FunnelTools = {
    dns,
    index,
    guardUrl: guard.url,
    dnsConcurrency: screen.dnsConcurrency,
    fetchConcurrency: screen.fetchConcurrency,
    fetchTimeoutMs: screen.fetchTimeoutSeconds * 1000,
    fetchMaxBytes: screen.fetchMaxKB * 1024,
    photosPerPage: screen.photosPerPage,
    probePages: screen.probePages,
    userAgent: crawler.userAgent,
    region: 'FR',
    rescreenAfter: (count) => rescreenDelayMs(screen, count),
  };
  return {
    monitoredSites: monitored.length,
    dns,
    async screen(names, slots) {
      const outcome = await screenBatch(names, slots ? { ...tools, slots } : tools);
      await recordScreenResults(ctx.db, outcome.results);
      return {
        ...outcome.stats,
        escalatedNames: outcome.escalated.map((e) => e.hostname),
        escalatedIds: outcome.escalated.map((e) => e.id),
      };
    },
    close: async () => {
      await guard.close();
      shared?.close?.();
    },
  };
}

async function addressesFromCache(dns: DnsCache, name: string): Promise<string[]> {
  const answer = await dns.lookup(name);
  if (answer.state === 'resolves') return answer.addresses;
  const code = answer.state === 'nxdomain' ? 'ENOTFOUND' : answer.state === 'nodata' ? 'ENODATA' : 'ESERVFAIL';
  throw Object.assign(new Error(answer.detail ?? `${name} has no address`), { code });
}

function addStats(total: ScreenSummary, part: FunnelStats) {
  total.names += part.names;
  total.resolving += part.resolving;
  total.fetched += part.fetched;
  total.probed += part.probed;
  total.escalated += part.escalated;
  total.dnsMs += part.dnsMs;
  total.fetchMs += part.fetchMs;
  for (const [state, n] of Object.entries(part.byState)) total.byState[state] = (total.byState[state] ?? 0) + n;
}

export function emptyScreenSummary(): ScreenSummary {
  return {
    ...emptyFunnelStats(),
    batches: 0,
    monitoredSites: 0,
    escalatedNames: [],
    durationMs: 0,
  };
}

/** Due names read per database query: one sorted scan of the due names serves this many (not one batch). */
const READ_AHEAD = 50_000;
/** Batches screened at once: the next one's questions fill the places the current one's slowest answers leave idle. */
const BATCHES_IN_FLIGHT = 2;

/**
 * Screens the names that are due, the most name-like first, batch after batch, up to maxNamesPerCycle. Two batches
 * are in flight at once (sharing the DNS and landing-page places), each stored as soon as it is done; due names are
 * read ahead in large sorted blocks, and a block is read only once every batch of the previous one is stored.
 */
export async function screenDue(ctx: ScreenContext, set?: MonitoredSet): Promise<ScreenSummary> {
  const started = Date.now();
  const summary = emptyScreenSummary();
  const { batchSize, maxNamesPerCycle } = ctx.config.screen;
  const readAhead = Math.max(batchSize, READ_AHEAD);
  let taken = 0;
  const readBlock = async () => {
    const left = maxNamesPerCycle - taken;
    const block = left > 0 ? await dueForScreening(ctx.db, Math.min(readAhead, left)) : [];
    taken += block.length;
    return block;
  };
  let block = await readBlock();
  if (block.length === 0) return summary;
  const screener = await createScreener(ctx, set);
  summary.monitoredSites = screener.monitoredSites;
  const log = ctx.logger.child({ component: 'screen' });
  // One set of places for the batches in flight: together they ask at most dnsConcurrency questions at once.
  const slots = createFunnelSlots(ctx.config.screen);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  const goOn = () => failure === null && ctx.signal?.aborted !== true;
  const screenOne = async (names: DueName[]) => {
    const part = await screener.screen(names, slots);
    addStats(summary, part);
    summary.escalatedNames.push(...part.escalatedNames);
    summary.batches++;
    ctx.onProgress?.(
      `Screened ${summary.names} new name(s): ${summary.resolving} resolve, ${summary.fetched} landing page(s), ${summary.escalated} escalated`,
    );
    log.info(
      { batch: summary.batches, ...part, escalatedNames: undefined, escalatedIds: undefined },
      'screening batch done',
    );
  };
  try {
    while (block.length > 0 && goOn()) {
      const names = block.splice(0, batchSize);
      const running: Promise<void> = screenOne(names)
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(running));
      inFlight.add(running);
      if (inFlight.size >= BATCHES_IN_FLIGHT) await Promise.race(inFlight);
      if (block.length === 0) {
        // The names in flight are still due until stored: the next block is read once they are.
        await Promise.all(inFlight);
        if (goOn()) block = await readBlock();
      }
    }
    await Promise.all(inFlight);
  } finally {
    await Promise.all(inFlight);
    await screener.close();
  }
  if (failure !== null) throw failure;
  summary.durationMs = Date.now() - started;
  return summary;
}
