/**
 * Discovery: where a monitored site may have come back. Lookalike names of seed domains, DNS checks
 * of candidate names (the only I/O here), candidates seen while crawling (redirects, outlinks, text
 * mentions), domain feeds for import, and the hostname helpers they share.
 */
export {
  type Candidate,
  type CandidateFilter,
  type CandidateFilterOptions,
  type CandidateSource,
  type CandidateStrength,
  createCandidateFilter,
} from './candidate.ts';
export { type CheckDomainsOptions, checkDomains, DnsConfigError, type DnsResult, type DnsState } from './dns-check.ts';
export { type FeedLine, type FeedLineProblem, type ParsedDomainFeed, parseDomainFeed, parseFeedLine } from './feed.ts';
export {
  candidatesFromOutlinks,
  candidatesFromRedirects,
  type OutlinkOptions,
  type RedirectStep,
} from './from-crawl.ts';
export { candidatesFromPage, type PageCandidateOptions, type PageForDiscovery } from './from-page.ts';
export type { FuzzerName } from './fuzzers.ts';
export { type HostMapMatch, matchHostMap } from './host-map.ts';
export {
  type HostnameResult,
  hostnameFromUrl,
  isValidHostname,
  normalizeHostname,
  registrableDomain,
  registrationProblem,
} from './hostname.ts';
export {
  DEFAULT_AFFIXES,
  DEFAULT_LOOKALIKE_TLDS,
  generateLookalikes,
  InvalidSeedDomainError,
  type Lookalike,
  type LookalikeOptions,
} from './lookalikes.ts';
export { candidatesFromText, type MentionOptions, MOVE_PHRASES } from './mentions.ts';
export { isWellKnownThirdParty, WELL_KNOWN_THIRD_PARTIES } from './third-parties.ts';
