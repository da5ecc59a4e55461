/**
 * Read models of the review side: everything the alert page, the exports and the evidence package show about
 * one alert (both sides' domains, captures, contacts, the candidate's timeline, the decision history).
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  type AlertDecisionRow,
  type ArtifactRef,
  type AuditRow,
  alerts,
  auditLog,
  type CaptureRow,
  type ContactRow,
  captures,
  contacts,
  type DomainRow,
  dnsEvents,
  domains,
  type SiteProfileRow,
  type SiteRow,
  siteProfiles,
  sites,
} from '../schema/index.ts';
import { type AlertListFilter, type AlertSummary, getAlert, listAlerts, listDecisions } from './alerts.ts';
import { hasContent, latestUsefulCaptures } from './crawls.ts';

export type DnsEventRow = typeof dnsEvents.$inferSelect;
export type AlertWithNames = Awaited<ReturnType<typeof getAlert>>;

export interface ReviewSide {
  domains: DomainRow[];
  /** Newest first; at most one per requested URL (the latest), capped. */
  captures: CaptureRow[];
  contacts: ContactRow[];
  profile: SiteProfileRow | null;
}

export interface AlertReview {
  alert: AlertWithNames;
  site: SiteRow;
  reference: ReviewSide;
  candidate: ReviewSide & { domain: DomainRow; dnsEvents: DnsEventRow[]; allCaptures: CaptureTimelineRow[] };
  history: AuditRow[];
  /** Analysts' decisions, oldest first, each with the evidence it saw (frozen). */
  decisions: AlertDecisionRow[];
}

export interface CaptureTimelineRow {
  id: number;
  requestedUrl: string;
  finalUrl: string;
  status: number | null;
  redirectChain: CaptureRow['redirectChain'];
  capturedAt: Date;
}

const MAX_CAPTURES_PER_SIDE = 200;

export async function getAlertReview(db: Executor, id: number): Promise<AlertReview> {
  const alert = await getAlert(db, id);
  const [site] = await db.select().from(sites).where(eq(sites.id, alert.siteId));
  const seedDomains = await db.select().from(domains).where(eq(domains.siteId, alert.siteId)).orderBy(domains.hostname);
  const [candidateDomain] = await db.select().from(domains).where(eq(domains.id, alert.candidateDomainId));
  const [reference, candidate] = await Promise.all([
    loadSide(db, seedDomains, alert.referenceProfileId, { useful: true }),
    loadSide(db, [candidateDomain], alert.candidateProfileId),
  ]);
  const events = await db
    .select()
    .from(dnsEvents)
    .where(eq(dnsEvents.domainId, candidateDomain.id))
    .orderBy(asc(dnsEvents.observedAt), asc(dnsEvents.id));
  const timeline = await db
    .select({
      id: captures.id,
      requestedUrl: captures.requestedUrl,
      finalUrl: captures.finalUrl,
      status: captures.status,
      redirectChain: captures.redirectChain,
      capturedAt: captures.capturedAt,
    })
    .from(captures)
    .where(eq(captures.domainId, candidateDomain.id))
    .orderBy(asc(captures.capturedAt), asc(captures.id))
    .limit(1000);
  const history = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'alert'), eq(auditLog.subjectId, String(id))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return {
    alert,
    site,
    reference,
    candidate: { ...candidate, domain: candidateDomain, dnsEvents: events, allCaptures: timeline },
    history,
    decisions: await listDecisions(db, id),
  };
}

async function loadSide(
  db: Executor,
  sideDomains: DomainRow[],
  profileId: number | null,
  o: { useful?: boolean } = {},
): Promise<ReviewSide> {
  const ids = sideDomains.map((d) => d.id);
  if (ids.length === 0) return { domains: sideDomains, captures: [], contacts: [], profile: null };
  // The monitored site as the detector compares it: its last crawl that describes it (ads, contacts, a layout), not
  // the seizure notice or error page a later crawl found once it was taken down.
  const useful = o.useful ? sortCaptures(await latestUsefulCaptures(db, ids, hasContent)) : [];
  return {
    domains: sideDomains,
    captures: useful.length ? useful : await latestCaptures(db, ids),
    contacts: await db
      .select()
      .from(contacts)
      .where(inArray(contacts.domainId, ids))
      .orderBy(asc(contacts.kind), asc(contacts.value)),
    profile: profileId
      ? ((await db.select().from(siteProfiles).where(eq(siteProfiles.id, profileId)))[0] ?? null)
      : null,
  };
}

/** The latest capture of every URL of these domains: what the site showed when it was last seen. */
export async function latestCaptures(db: Executor, domainIds: number[], limit = MAX_CAPTURES_PER_SIDE) {
  if (domainIds.length === 0) return [];
  const rows = await db
    .selectDistinctOn([captures.requestedUrl])
    .from(captures)
    .where(inArray(captures.domainId, domainIds))
    .orderBy(captures.requestedUrl, desc(captures.capturedAt), desc(captures.id));
  return sortCaptures(rows, limit);
}

function sortCaptures<T extends CaptureRow>(rows: T[], limit = MAX_CAPTURES_PER_SIDE): T[] {
  return rows
    .sort((a, b) => a.depth - b.depth || b.capturedAt.getTime() - a.capturedAt.getTime() || a.id - b.id)
    .slice(0, limit);
}

/** The artifact a capture recorded under this hash (so only evidence Phénix stored can be served). */
export async function findArtifact(db: Executor, sha256: string): Promise<ArtifactRef | null> {
  const [row] = await db
    .select({ artifacts: captures.artifacts })
    .from(captures)
    .where(sql`${captures.artifacts} @> ${JSON.stringify([{ sha256 }])}::jsonb`)
    .limit(1);
  return row?.artifacts.find((a) => a.sha256 === sha256) ?? null;
}

export interface AlertForExport extends AlertSummary {
  signals: Record<string, number | null>;
  evidence: unknown[];
  explanation: string[];
  note: string | null;
  decidedAt: Date | null;
  siteStatus: SiteRow['status'];
  caseRef: string;
  siteCreatedAt: Date;
  seedDomains: string[];
  candidateFirstSeenAt: Date;
  candidateSource: DomainRow['source'];
}

/** Alerts with everything the JSON, CSV and STIX exports need, in queue order. */
export async function listAlertsForExport(db: Executor, filter: AlertListFilter = {}): Promise<AlertForExport[]> {
  const summaries = await listAlerts(db, filter);
  if (summaries.length === 0) return [];
  const ids = summaries.map((s) => s.id);
  const details = await db
    .select({
      id: alerts.id,
      signals: alerts.signals,
      evidence: alerts.evidence,
      explanation: alerts.explanation,
      note: alerts.note,
      decidedAt: alerts.decidedAt,
      siteStatus: sites.status,
      caseRef: sites.caseRef,
      siteCreatedAt: sites.createdAt,
      candidateFirstSeenAt: domains.firstSeenAt,
      candidateSource: domains.source,
    })
    .from(alerts)
    .innerJoin(sites, eq(sites.id, alerts.siteId))
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(inArray(alerts.id, ids));
  const siteIds = [...new Set(summaries.map((s) => s.siteId))];
  const seeds = await db
    .select({ siteId: domains.siteId, hostname: domains.hostname })
    .from(domains)
    .where(and(inArray(domains.siteId, siteIds), eq(domains.role, 'seed')))
    .orderBy(domains.hostname);
  const byId = new Map(details.map((d) => [d.id, d]));
  return summaries.map((s) => {
    const d = byId.get(s.id);
    if (!d) throw new Error(`alert ${s.id} vanished during export`);
    const { id: _id, ...rest } = d;
    return { ...s, ...rest, seedDomains: seeds.filter((x) => x.siteId === s.siteId).map((x) => x.hostname) };
  });
}
