/**
 * What the candidates page says beside each name: its alerts, and when it raised none, why (does not resolve,
 * screened out and for what reason, not crawled yet, crawled but nothing describing a site, compared below the
 * alert threshold). One query per page of names, not per name.
 */
import { desc, inArray } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { alerts, siteProfiles } from '../schema/index.ts';
import type { CandidateListing } from './domains.ts';

export interface CandidateNote {
  alerts: { id: number; status: string; score: number }[];
  /** Null when the name raised an alert. */
  whyNoAlert: string | null;
}

export async function candidateNotes(db: Executor, rows: CandidateListing[]): Promise<Map<number, CandidateNote>> {
  const ids = rows.map((r) => r.id);
  const raised = ids.length
    ? await db
        .select({ id: alerts.id, domainId: alerts.candidateDomainId, status: alerts.status, score: alerts.score })
        .from(alerts)
        .where(inArray(alerts.candidateDomainId, ids))
        .orderBy(desc(alerts.id))
    : [];
  const profiled = new Set(
    ids.length
      ? (
          await db
            .selectDistinct({ domainId: siteProfiles.domainId })
            .from(siteProfiles)
            .where(inArray(siteProfiles.domainId, ids))
        ).map((r) => r.domainId)
      : [],
  );
  const notes = new Map<number, CandidateNote>();
  for (const r of rows) {
    const own = raised.filter((a) => a.domainId === r.id).map(({ id, status, score }) => ({ id, status, score }));
    notes.set(r.id, { alerts: own, whyNoAlert: own.length ? null : whyNoAlert(r, profiled.has(r.id)) });
  }
  return notes;
}

function whyNoAlert(r: CandidateListing, profiled: boolean): string {
  if (r.screenState && r.screenState !== 'escalated')
    return r.screenState === 'pending'
      ? 'Not screened yet.'
      : `Screened out (${r.screenState})${r.screenReason ? `: ${r.screenReason}` : '.'}`;
  if (r.dnsState === 'unknown') return 'Not looked up in the DNS yet.';
  if (r.dnsState !== 'resolves') return `Does not resolve (${r.dnsState}): nothing to crawl.`;
  if (!r.lastCrawledAt) return 'Resolves, but not crawled yet: it will be at the next cycle.';
  if (!profiled) return 'Crawled, but no page described a site (no ads, contacts or ad layout): nothing to compare.';
  return 'Crawled and compared with the monitored sites: below the alert threshold.';
}
