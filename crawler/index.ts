/**
 * Public surface of the crawler. It imports nothing of the project but its own files and evidence/ (through a
 * structural type): the monitor gives it options and callbacks and stores what comes back.
 */

export { DEFAULT_IMAGE_BUDGET, type ImageBudget, imageUrlsFromHtml } from './ad-images.ts';
export { isPrivateAddress } from './address-policy.ts';
export { CrawlOptionsError, crawlSite } from './crawl-site.ts';
export { classifyFailure, type FailureReason, PageRefusedError } from './failure.ts';
export { fetchFavicon, fetchLandingPage, type GuardFetchOptions, type LandingPage } from './fetch-via-guard.ts';
export {
  createGuardProxy,
  type GuardProxy,
  type GuardProxyOptions,
  type GuardReason,
  GuardRefusalError,
} from './guard-proxy.ts';
export { compileHostMap, type HostMap, HostMapError, type HostTarget, resolveHostMap } from './host-map.ts';
export { extractFromHtml, type HtmlExtract, needsBrowser } from './html-extract.ts';
export {
  type AddressCacheOptions,
  createAddressCache,
  createNameResolver,
  DnsConfigError,
  type NameResolver,
  type NameResolverOptions,
  type ResolverStats,
  resolveAddresses,
} from './name-resolver.ts';
export { processTree, type TreeProcess } from './process-tree.ts';
export { compileUrlPatterns, createScope, normalizeSeed, type Scope, SeedError, siteKey } from './scope.ts';
export type {
  Capture,
  CaptureFailure,
  CrawlEvidenceStore,
  CrawlLogger,
  CrawlMode,
  CrawlOptions,
  CrawlProgress,
  CrawlSummary,
  RedirectHop,
  StoredArtifact,
} from './types.ts';
export { UpstreamProxyError } from './upstream-connect.ts';
