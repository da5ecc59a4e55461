/** Alerts as JSON: everything an analyst or another tool needs to re-read the decision, one object per alert. */
import type { AlertForExport } from '../../db/index.ts';

export function alertsToJson(alerts: AlertForExport[]): string {
  const rows = alerts.map((a) => ({
    id: a.id,
    site: a.site,
    caseRef: a.caseRef,
    siteStatus: a.siteStatus,
    seedDomains: a.seedDomains,
    candidate: a.candidate,
    candidateSource: a.candidateSource,
    candidateFirstSeenAt: a.candidateFirstSeenAt,
    verdict: a.verdict,
    score: a.score,
    status: a.status,
    reviewer: a.reviewer,
    note: a.note,
    decidedAt: a.decidedAt,
    signals: a.signals,
    explanation: a.explanation,
    evidence: a.evidence,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
