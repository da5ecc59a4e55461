/**
 * The case read model: one monitored site, its alerts with each candidate's first sighting and how it was found,
 * the analysts' decisions, and the links between the domains (what each alert's evidence shares).
 */
import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { alertDecisions, alerts, domains } from '../schema/index.ts';
import { getSiteByName, type SiteWithDomains } from './sites.ts';

export interface CaseAlert {
  id: number;
  candidate: string;
  candidateDomainId: number;
  verdict: string;
  score: number;
  status: 'open' | 'confirmed' | 'dismissed';
  reviewer: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  firstSeenAt: Date;
  source: string;
  sourceDetail: string;
  /** What the evidence shares with the site: contacts and pivots (kind:value), near-identical ads, layout. */
  shared: { contacts: string[]; pivots: string[]; ads: number; layout: boolean };
}

/** An analyst's decision on one of the case's alerts (from alert_decisions, not the journal of consultations). */
export interface CaseDecision {
  alertId: number;
  candidate: string;
  at: Date;
  actor: string;
  /** confirmed | dismissed | open (reopened). */
  status: 'open' | 'confirmed' | 'dismissed';
  note: string;
  /** The alert's explanation as the analyst saw it when deciding (frozen). */
  explanation: string[];
}

export interface CaseView {
  site: SiteWithDomains;
  alerts: CaseAlert[];
  decisions: CaseDecision[];
  counts: { open: number; confirmed: number; dismissed: number };
}

interface EvidenceItem {
  kind?: string;
  contactKind?: string;
  pivotKind?: string;
  value?: string;
  values?: string[];
}

export async function getCase(db: Executor, siteName: string): Promise<CaseView> {
  const site = await getSiteByName(db, siteName);
  const rows = await db
    .select({ alert: alerts, domain: domains })
    .from(alerts)
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(eq(alerts.siteId, site.id))
    .orderBy(asc(domains.firstSeenAt), asc(alerts.id));
  const list: CaseAlert[] = rows.map(({ alert, domain }) => {
    const evidence = alert.evidence as EvidenceItem[];
    const of = (kind: string) => evidence.filter((e) => e.kind === kind);
    return {
      id: alert.id,
      candidate: domain.hostname,
      candidateDomainId: domain.id,
      verdict: alert.verdict,
      score: alert.score,
      status: alert.status,
      reviewer: alert.reviewer,
      createdAt: alert.createdAt,
      decidedAt: alert.decidedAt,
      firstSeenAt: domain.firstSeenAt,
      source: domain.source,
      sourceDetail: domain.sourceDetail,
      shared: {
        contacts: of('shared-contact').flatMap((e) =>
          (e.values ?? []).map((v) => `${e.contactKind ?? 'contact'}:${v}`),
        ),
        pivots: of('shared-pivot').map((e) => `${e.pivotKind ?? 'pivot'}:${e.value ?? ''}`),
        ads: of('near-identical-ad').length,
        layout: of('layout').length > 0,
      },
    };
  });
  // Decisions come from alert_decisions, which holds the note and the evidence seen; the audit journal also records
  // consultations (view.alert, evidence.packaged), which are not decisions.
  const decided = await db
    .select({ d: alertDecisions, candidate: domains.hostname })
    .from(alertDecisions)
    .innerJoin(alerts, eq(alerts.id, alertDecisions.alertId))
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(eq(alerts.siteId, site.id))
    .orderBy(desc(alertDecisions.decidedAt), desc(alertDecisions.id));
  const counts = { open: 0, confirmed: 0, dismissed: 0 };
  for (const a of list) counts[a.status]++;
  return {
    site,
    alerts: list,
    decisions: decided.map(({ d, candidate }) => ({
      alertId: d.alertId,
      candidate,
      at: d.decidedAt,
      actor: d.reviewer,
      status: d.status,
      note: d.note,
      explanation: d.explanation,
    })),
    counts,
  };
}
