/**
 * The case read model: one monitored site, its alerts with each candidate's first sighting and how it was found,
 * the analysts' decisions, and the links between the domains (what each alert's evidence shares).
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { alerts, auditLog, domains } from '../schema/index.ts';
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

export interface CaseDecision {
  alertId: number;
  at: Date;
  actor: string;
  action: string;
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
  const ids = list.map((a) => String(a.id));
  const audit = ids.length
    ? await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'alert'), inArray(auditLog.subjectId, ids), ne(auditLog.actor, 'monitor')))
        .orderBy(desc(auditLog.at))
    : [];
  const counts = { open: 0, confirmed: 0, dismissed: 0 };
  for (const a of list) counts[a.status]++;
  return {
    site,
    alerts: list,
    decisions: audit.map((r) => ({ alertId: Number(r.subjectId), at: r.at, actor: r.actor, action: r.action })),
    counts,
  };
}
