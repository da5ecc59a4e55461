export { type Database, type DatabaseOptions, type Executor, openDatabase, type PhenixDatabase } from './client.ts';
export { DatabaseUnavailableError, InvalidRequestError, NotFoundError } from './errors.ts';
export * from './queries/index.ts';
export type {
  AlertRow,
  AlertStatus,
  ArtifactRef,
  AuditRow,
  CaptureFailureRow,
  CaptureRow,
  ContactRow,
  CrawlRunRow,
  DnsState,
  DomainRow,
  DomainSource,
  FeedSourceRow,
  FingerprintRow,
  ScreenState,
  SiteProfileRow,
  SiteRow,
  UserRow,
  Verdict,
} from './schema/index.ts';
export { ALERT_STATUSES, DNS_STATES, DOMAIN_SOURCES, SCREEN_STATES, VERDICTS } from './schema/index.ts';
