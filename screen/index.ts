/**
 * Screening of feed names before any crawl (see README.md): DNS with a cache, one guarded landing page, a lookup
 * of its features against every monitored site, escalation of the matches to a full crawl and comparison.
 */
export { classifyLanding, type LandingKind, type LandingVerdict, roughText } from './classify.ts';
export { createDnsCache, type DnsCache, type DnsCacheOptions, type ScreenDnsAnswer } from './dns-cache.ts';
export { type FunnelOutcome, type FunnelStats, type FunnelTools, screenBatch } from './funnel.ts';
export { createLexicalScorer, type LexicalScorer } from './lexical.ts';
export { MAX_ANCHORS, type ProbeLink, pickProbeLinks, rankProbeLinks } from './links.ts';
export { type ProbeOutcome, type ProbeTools, probeLinkedPages } from './probe.ts';
export {
  createScreener,
  emptyScreenSummary,
  type MonitoredSet,
  rescreenDelayMs,
  type ScreenContext,
  type Screener,
  type ScreenSummary,
  screenDue,
} from './run.ts';
export { buildSiteIndex, type MonitoredProfile, type ScreenMatch, type SiteIndex } from './site-index.ts';
