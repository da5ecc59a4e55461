export { type Database, type DatabaseOptions, type Executor, openDatabase, type PhenixDatabase } from './client.ts';
export { DatabaseUnavailableError, InvalidRequestError, NotFoundError } from './errors.ts';
export * from './queries/index.ts';
export type {
  AlertDecisionRow,
  AlertRow,
  AlertStatus,
  ArtifactRef,
  AuditRow,
  CaptureFailureRow,
  CaptureRow,
  ContactRow,
  CrawlRunRow,
  CycleRow,
  CycleStatus,
  DeliveryRow,
  DnsState,
  DomainRow,
  DomainSource,
  FingerprintRow,
  NotifyEvent,
  OutboxRow,
  SiteProfileRow,
  SiteRow,
  UserRole,
  UserRow,
  Verdict,
} from './schema/index.ts';
export {
  ALERT_STATUSES,
  CYCLE_STATUSES,
  DNS_STATES,
  DOMAIN_SOURCES,
  NOTIFY_EVENTS,
  USER_ROLES,
  VERDICTS,
} from './schema/index.ts';
