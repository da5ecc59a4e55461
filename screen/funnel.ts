/**
 * One batch of names through the funnel: DNS (stage 1) → one guarded landing page (stage 2) → lookup of its
 * features against every monitored site (stage 3) → a result and reason per name. Names whose page matches, or
 * announces a move naming a monitored domain, are escalated; parked, for-sale, empty, error and unrelated pages
 * come back later with a growing interval. Every name gets a result: nothing is dropped silently.
 */
import { browserUserAgent } from '../chromium/index.ts';
import { fetchFavicon, fetchLandingPage, type LandingPage } from '../crawler/index.ts';
import type { DueName, ScreenResult } from '../db/index.ts';
import { createSlots, type Slots } from '../lib/map-limit.ts';
import { classifyLanding, roughText } from './classify.ts';
import type { DnsCache } from './dns-cache.ts';
import { screenedFeatures } from './features.ts';
import { landingImages } from './photos.ts';
import { probeLinkedPages } from './probe.ts';
import type { SiteIndex } from './site-index.ts';

export interface FunnelTools {
  dns: DnsCache;
  index: SiteIndex;
  guardUrl: string;
  dnsConcurrency: number;
  fetchConcurrency: number;
  fetchTimeoutMs: number;
  fetchMaxBytes: number;
  /** Pictures of a live, unmatched landing page fetched and hashed for the photo lookup (0: none). */
  photosPerPage?: number;
  /** Same-site pages linked from a live, unmatched landing page fetched and looked up too (0: none). */
  probePages?: number;
  userAgent?: string;
  region: string;
  /** Delay before the next screening of a name screened `count` times already. */
  rescreenAfter(count: number): number;
  now?: () => number;
  /**
   * Places for DNS questions (dnsConcurrency) and landing pages (fetchConcurrency) shared by every batch screened
   * with these tools, so two batches in flight at once never exceed them. Made per batch when absent.
   */
  slots?: FunnelSlots;
}

export interface FunnelSlots {
  dns: Slots;
  fetch: Slots;
}

export function createFunnelSlots(tools: Pick<FunnelTools, 'dnsConcurrency' | 'fetchConcurrency'>): FunnelSlots {
  return { dns: createSlots(tools.dnsConcurrency), fetch: createSlots(tools.fetchConcurrency) };
}

export interface FunnelStats {
  names: number;
  resolving: number;
  fetched: number;
  /** Linked pages fetched by the second look. */
  probed: number;
  escalated: number;
  /** From the batch's start to its last DNS answer. */
  dnsMs: number;
  /** From the batch's first landing page asked to its last one done (overlaps the DNS time: each name goes on alone). */
  fetchMs: number;
  byState: Record<string, number>;
}

/** Stats of no name yet: the one place a new counter starts at zero (a batch's and a run's). */
export function emptyFunnelStats(names = 0): FunnelStats {
  return { names, resolving: 0, fetched: 0, probed: 0, escalated: 0, dnsMs: 0, fetchMs: 0, byState: {} };
}

export interface FunnelOutcome {
  results: ScreenResult[];
  escalated: { id: number; hostname: string; siteId: number; reason: string }[];
  stats: FunnelStats;
}

async function landing(hostname: string, tools: FunnelTools): Promise<LandingPage | Error> {
  const options = {
    guardUrl: tools.guardUrl,
    maxBytes: tools.fetchMaxBytes,
    timeoutMs: tools.fetchTimeoutMs,
    userAgent: tools.userAgent ?? browserUserAgent(null),
  };
  try {
    return await fetchLandingPage(`http://${hostname}/`, options);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

export async function screenBatch(names: readonly DueName[], tools: FunnelTools): Promise<FunnelOutcome> {
  const now = tools.now ?? Date.now;
  const stats = emptyFunnelStats(names.length);
  const results: ScreenResult[] = [];
  const escalated: FunnelOutcome['escalated'] = [];
  const later = (name: DueName) => new Date(now() + tools.rescreenAfter(name.screenCount));
  const done = (r: ScreenResult) => {
    results.push(r);
    stats.byState[r.state] = (stats.byState[r.state] ?? 0) + 1;
  };

  // Each name goes on to its landing page as soon as its answer is in: a slow answer or a SERVFAIL retried with
  // backoff holds up its own name, not the batch's other pages (nor, with shared slots, the next batch's questions).
  const slots = tools.slots ?? createFunnelSlots(tools);
  const started = performance.now();
  let firstFetch: number | null = null;
  let lastFetch = started;
  const screenName = async (name: DueName) => {
    const a = await slots.dns.run(() => tools.dns.lookup(name.hostname));
    stats.dnsMs = Math.max(stats.dnsMs, performance.now() - started);
    if (a.state === 'resolves') {
      stats.resolving++;
      await slots.fetch.run(async () => {
        firstFetch ??= performance.now();
        try {
          await screenLive(name, a.addresses);
        } finally {
          lastFetch = performance.now();
        }
      });
    } else if (a.state === 'failed')
      done({
        id: name.id,
        state: 'dns-failed',
        reason: a.detail ?? 'DNS failed',
        nextScreenAt: later(name),
        dnsState: 'servfail',
        addresses: [],
      });
    else
      done({
        id: name.id,
        state: 'nxdomain',
        reason:
          a.state === 'nxdomain'
            ? 'the name does not exist in DNS (NXDOMAIN)'
            : 'the name exists but has no address (NODATA)',
        nextScreenAt: later(name),
        dnsState: a.state,
        addresses: [],
      });
  };

  const screenLive = async (name: DueName, addresses: string[]) => {
    const base = { id: name.id, dnsState: 'resolves' as const, addresses };
    const page = await landing(name.hostname, tools);
    if (page instanceof Error) {
      done({
        ...base,
        state: 'error',
        reason: `the landing page could not be fetched: ${page.message}`.slice(0, 300),
        nextScreenAt: later(name),
      });
      return;
    }
    stats.fetched++;
    const text = roughText(page.html);
    let features = screenedFeatures(page, text, tools.region);
    let match = tools.index.match(features, text);
    let where = '';
    const verdict = match ? null : classifyLanding(page);
    if (!match && !verdict) {
      // A live page unlike the parked and empty ones: its favicon and its pictures (a clone that changed everything
      // but kept the ad photos) are worth a few more small requests.
      const side = {
        guardUrl: tools.guardUrl,
        maxBytes: tools.fetchMaxBytes,
        timeoutMs: tools.fetchTimeoutMs,
        userAgent: tools.userAgent ?? browserUserAgent(null),
      };
      const [favicon, images] = await Promise.all([
        fetchFavicon(new URL('/favicon.ico', page.finalUrl).href, { ...side, maxBytes: 200_000 }).catch(() => null),
        (tools.photosPerPage ?? 0) > 0
          ? landingImages(page.html, page.finalUrl, tools.photosPerPage ?? 0, side)
          : Promise.resolve([]),
      ]);
      if (favicon || images.length > 0) {
        features = screenedFeatures(page, text, tools.region, {
          faviconBase64: favicon?.bytes.toString('base64'),
          images,
        });
        match = tools.index.match(features, text);
      }
      if (!match && (tools.probePages ?? 0) > 0) {
        // Still nothing: the ad pages one click away (a clone that kept only the photos shows them there).
        const probe = await probeLinkedPages(page, {
          index: tools.index,
          fetch: side,
          probePages: tools.probePages ?? 0,
          photosPerPage: tools.photosPerPage ?? 0,
          region: tools.region,
        });
        stats.probed += probe.fetched;
        if (probe.hit) {
          match = probe.hit.match;
          where = ` (on ${probe.hit.url}, a page linked from the landing page)`;
        }
      }
    }
    const via = page.redirects.length > 0 ? ` (after redirects to ${page.finalUrl})` : '';
    if (match) {
      escalated.push({ id: name.id, hostname: name.hostname, siteId: match.siteId, reason: `${match.reason}${where}` });
      done({
        ...base,
        state: 'escalated',
        reason: `like ${match.siteName}: ${match.reason}${where}${via}`.slice(0, 500),
        nextScreenAt: null,
        siteId: match.siteId,
      });
    } else if (verdict) {
      done({ ...base, state: verdict.kind, reason: `${verdict.reason}${via}`, nextScreenAt: later(name) });
    } else {
      done({
        ...base,
        state: 'unrelated',
        reason: `a live page unlike every monitored site${via}`,
        nextScreenAt: later(name),
      });
    }
  };
  await Promise.all(names.map(screenName));
  stats.fetchMs = firstFetch === null ? 0 : lastFetch - firstFetch;
  stats.escalated = escalated.length;
  return { results, escalated, stats };
}
