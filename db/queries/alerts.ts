/**
 * Clone alerts: upserted once per candidate domain × monitored site, listed for review, decided by
 * analysts (every decision audited). The reopen rule for dismissed alerts lives here, in one place.
 */
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import { stableJson } from '../../lib/stable-json.ts';
import type { Executor } from '../client.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import {
  type AlertDecisionRow,
  type AlertRow,
  type AlertStatus,
  alertDecisions,
  alerts,
  domains,
  siteProfiles,
  sites,
  VERDICTS,
  type Verdict,
} from '../schema/index.ts';
import { appendAudit } from './audit.ts';
import { enqueueNotification } from './notifications.ts';

export interface AlertInput {
  siteId: number;
  candidateDomainId: number;
  verdict: Verdict;
  score: number;
  signals: Record<string, number | null>;
  evidence: unknown[];
  explanation: string[];
  referenceProfileId?: number | null;
  candidateProfileId?: number | null;
}

export type UpsertOutcome = 'created' | 'updated' | 'unchanged' | 'reopened' | 'kept-dismissed' | 'not-raised';

/**
 * A dismissed alert reopens only when the evidence becomes materially stronger: the score rises by at
 * least REOPEN_SCORE_GAIN over the score at dismissal, or the evidence items at least double and grow by
 * REOPEN_MIN_NEW_EVIDENCE or more.
 */
export const REOPEN_SCORE_GAIN = 0.1;
export const REOPEN_MIN_NEW_EVIDENCE = 3;

export function isMateriallyStronger(
  dismissed: { score: number; evidenceCount: number },
  now: { score: number; evidenceCount: number },
): boolean {
  if (now.score >= dismissed.score + REOPEN_SCORE_GAIN) return true;
  return (
    now.evidenceCount >= dismissed.evidenceCount * 2 &&
    now.evidenceCount - dismissed.evidenceCount >= REOPEN_MIN_NEW_EVIDENCE
  );
}

/** Verdicts that raise an alert: a clone, and a `related` site an analyst should see (below clones in every list). */
export const RAISED_VERDICTS: readonly Verdict[] = ['clone', 'related'];

/**
 * Creates the alert for a `clone` or `related` verdict (status open), or updates the existing one with the new
 * evidence; never duplicates. A new clone alert or a reopened one goes to the notifications outbox in the same
 * transaction (a `related` one does not: it waits for the analyst in the queue).
 */
export async function upsertAlert(
  db: Executor,
  input: AlertInput,
  at = new Date(),
): Promise<{ outcome: UpsertOutcome; alert: AlertRow | null }> {
  return db.transaction(async (tx) => {
    const result = await upsertAlertIn(tx, input, at);
    // An open `related` alert that a later cycle finds to be a clone is, to the analysts, a new clone alert.
    const upgraded = result.outcome === 'updated' && result.previousVerdict === 'related';
    if (
      result.alert?.verdict === 'clone' &&
      (result.outcome === 'created' || result.outcome === 'reopened' || upgraded)
    )
      await enqueueNotification(tx, result.outcome === 'reopened' ? 'alert.reopened' : 'alert.created', {
        ...(await alertNotice(tx, result.alert)),
        ...(upgraded ? { upgradedFrom: 'related' } : {}),
      });
    return { outcome: result.outcome, alert: result.alert };
  });
}

/** What a notification says about an alert: names, score and explanation, never captured content. */
async function alertNotice(db: Executor, alert: AlertRow): Promise<Record<string, unknown>> {
  const [row] = await db
    .select({ site: sites.name, caseRef: sites.caseRef, candidate: domains.hostname })
    .from(sites)
    .innerJoin(domains, eq(domains.id, alert.candidateDomainId))
    .where(eq(sites.id, alert.siteId));
  return {
    alertId: alert.id,
    site: row?.site ?? null,
    caseRef: row?.caseRef ?? null,
    candidate: row?.candidate ?? null,
    verdict: alert.verdict,
    score: alert.score,
    explanation: alert.explanation,
  };
}

async function upsertAlertIn(
  db: Executor,
  input: AlertInput,
  at: Date,
  attempt = 0,
): Promise<{ outcome: UpsertOutcome; alert: AlertRow | null; previousVerdict?: Verdict }> {
  const [existing] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.siteId, input.siteId), eq(alerts.candidateDomainId, input.candidateDomainId)));
  const fields = {
    verdict: input.verdict,
    score: input.score,
    signals: input.signals,
    evidence: input.evidence,
    explanation: input.explanation,
    referenceProfileId: input.referenceProfileId ?? null,
    candidateProfileId: input.candidateProfileId ?? null,
  };
  if (!existing) {
    if (!RAISED_VERDICTS.includes(input.verdict)) return { outcome: 'not-raised', alert: null };
    const [row] = await db
      .insert(alerts)
      .values({
        siteId: input.siteId,
        candidateDomainId: input.candidateDomainId,
        ...fields,
        createdAt: at,
        updatedAt: at,
      })
      .onConflictDoNothing({ target: [alerts.siteId, alerts.candidateDomainId] })
      .returning();
    if (!row) return upsertAlertIn(db, input, at, attempt); // raced with another writer: update theirs instead
    await appendAudit(db, {
      actor: 'monitor',
      action: 'alert.created',
      subjectType: 'alert',
      subjectId: row.id,
      details: { score: input.score, verdict: input.verdict },
    });
    return { outcome: 'created', alert: row };
  }
  const same =
    existing.verdict === fields.verdict &&
    Math.abs(existing.score - fields.score) < 1e-9 &&
    stableJson(existing.evidence) === stableJson(fields.evidence) &&
    stableJson(existing.signals) === stableJson(fields.signals);
  let status: AlertStatus = existing.status;
  let outcome: UpsertOutcome = same ? 'unchanged' : 'updated';
  if (existing.status === 'dismissed') {
    const stronger = isMateriallyStronger(
      {
        score: existing.dismissedScore ?? existing.score,
        evidenceCount: existing.dismissedEvidenceCount ?? existing.evidence.length,
      },
      { score: input.score, evidenceCount: input.evidence.length },
    );
    if (stronger && RAISED_VERDICTS.includes(input.verdict)) {
      status = 'open';
      outcome = 'reopened';
    } else if (!same) outcome = 'kept-dismissed';
  }
  if (same && outcome === 'unchanged') return { outcome, alert: existing };
  // Conditional update: written only if no analyst decided in between (status and decision time unchanged since
  // the read). Otherwise re-read and start again, so a confirm or dismiss is never overwritten by a stale status.
  const [row] = await db
    .update(alerts)
    .set({ ...fields, status, updatedAt: at })
    .where(
      and(
        eq(alerts.id, existing.id),
        eq(alerts.status, existing.status),
        existing.decidedAt === null ? isNull(alerts.decidedAt) : eq(alerts.decidedAt, existing.decidedAt),
      ),
    )
    .returning();
  if (!row) {
    if (attempt >= 5) throw new Error(`alert ${existing.id} keeps changing under the comparison; try again later`);
    return upsertAlertIn(db, input, at, attempt + 1);
  }
  await appendAudit(db, {
    actor: 'monitor',
    action: outcome === 'reopened' ? 'alert.reopened' : 'alert.updated',
    subjectType: 'alert',
    subjectId: existing.id,
    details: {
      score: { from: existing.score, to: input.score },
      verdict: { from: existing.verdict, to: input.verdict },
      // A decided alert's new evidence sits beside the decision's, which stays frozen in alert_decisions.
      ...(existing.status !== 'open' ? { besideDecision: existing.status } : {}),
    },
  });
  return { outcome, alert: row, previousVerdict: existing.verdict };
}

export interface AlertListFilter {
  status?: AlertStatus;
  verdict?: Verdict;
  site?: string;
  minScore?: number;
  since?: Date;
  until?: Date;
  limit?: number;
}

export interface AlertSummary {
  id: number;
  site: string;
  siteId: number;
  candidate: string;
  candidateDomainId: number;
  verdict: Verdict;
  score: number;
  status: AlertStatus;
  reviewer: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Clones before related sites (whatever their scores), then strongest and most recently updated first. */
const verdictRank = sql`case ${alerts.verdict} when 'clone' then 0 when 'related' then 1 else 2 end`;

export async function listAlerts(db: Executor, filter: AlertListFilter = {}): Promise<AlertSummary[]> {
  const where = [];
  if (filter.status) {
    if (!['open', 'confirmed', 'dismissed'].includes(filter.status)) {
      throw new InvalidRequestError(`"${filter.status}" is not an alert status; use open, confirmed or dismissed`);
    }
    where.push(eq(alerts.status, filter.status));
  }
  if (filter.verdict) {
    if (!(VERDICTS as readonly string[]).includes(filter.verdict)) {
      throw new InvalidRequestError(`"${filter.verdict}" is not a verdict; use ${VERDICTS.join(', ')}`);
    }
    where.push(eq(alerts.verdict, filter.verdict));
  }
  if (filter.site) where.push(eq(sites.name, filter.site));
  if (filter.minScore !== undefined) where.push(gte(alerts.score, filter.minScore));
  if (filter.since) where.push(gte(alerts.updatedAt, filter.since));
  if (filter.until) where.push(lte(alerts.updatedAt, filter.until));
  return db
    .select({
      id: alerts.id,
      site: sites.name,
      siteId: alerts.siteId,
      candidate: domains.hostname,
      candidateDomainId: alerts.candidateDomainId,
      verdict: alerts.verdict,
      score: alerts.score,
      status: alerts.status,
      reviewer: alerts.reviewer,
      createdAt: alerts.createdAt,
      updatedAt: alerts.updatedAt,
    })
    .from(alerts)
    .innerJoin(sites, eq(sites.id, alerts.siteId))
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(verdictRank), desc(alerts.score), desc(alerts.updatedAt), desc(alerts.id))
    .limit(filter.limit ?? 10_000);
}

export async function getAlert(db: Executor, id: number): Promise<AlertRow & { site: string; candidate: string }> {
  if (!Number.isInteger(id) || id <= 0)
    throw new InvalidRequestError(`"${id}" is not an alert id; ids are whole numbers, see: phenix alerts list`);
  const [row] = await db
    .select({ alert: alerts, site: sites.name, candidate: domains.hostname })
    .from(alerts)
    .innerJoin(sites, eq(sites.id, alerts.siteId))
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(eq(alerts.id, id));
  if (!row) throw new NotFoundError(`No alert with id ${id}. See: phenix alerts list`);
  return { ...row.alert, site: row.site, candidate: row.candidate };
}

/**
 * An analyst confirms, dismisses or reopens an alert. The decision is recorded with the evidence the analyst saw,
 * frozen (alert_decisions is append-only); the decision and the note also go to the audit log.
 */
export async function decideAlert(
  db: Executor,
  id: number,
  decision: { status: 'confirmed' | 'dismissed' | 'open'; reviewer: string; note: string },
  at = new Date(),
): Promise<AlertRow> {
  if (!decision.reviewer.trim())
    throw new InvalidRequestError('A decision needs the name of the analyst who takes it (--by NAME)');
  const current = await getAlert(db, id);
  // The row is locked while the decision is written (inside the caller's transaction), and the dismissal
  // baseline is taken from the row as it is then, not from the read above.
  const [locked] = await db.select({ status: alerts.status }).from(alerts).where(eq(alerts.id, id)).for('update');
  const [row] = await db
    .update(alerts)
    .set({
      status: decision.status,
      reviewer: decision.reviewer,
      note: decision.note,
      decidedAt: at,
      updatedAt: at,
      ...(decision.status === 'dismissed'
        ? { dismissedScore: sql`${alerts.score}`, dismissedEvidenceCount: sql`jsonb_array_length(${alerts.evidence})` }
        : {}),
    })
    .where(eq(alerts.id, id))
    .returning();
  const [profile] = current.candidateProfileId
    ? await db
        .select({ version: siteProfiles.detectorVersion })
        .from(siteProfiles)
        .where(eq(siteProfiles.id, current.candidateProfileId))
    : [];
  const [frozen] = await db
    .insert(alertDecisions)
    .values({
      alertId: id,
      status: decision.status,
      reviewer: decision.reviewer,
      note: decision.note,
      decidedAt: at,
      verdict: current.verdict,
      score: current.score,
      signals: current.signals,
      evidence: current.evidence,
      explanation: current.explanation,
      referenceProfileId: current.referenceProfileId,
      candidateProfileId: current.candidateProfileId,
      detectorVersion: profile?.version ?? null,
    })
    .returning({ id: alertDecisions.id });
  await appendAudit(db, {
    actor: decision.reviewer,
    action: `alert.${decision.status === 'open' ? 'reopened' : decision.status}`,
    subjectType: 'alert',
    subjectId: id,
    details: {
      from: locked?.status ?? current.status,
      to: decision.status,
      note: decision.note,
      site: current.site,
      candidate: current.candidate,
      decisionId: frozen.id,
      score: current.score,
    },
  });
  return row;
}

/** Every decision on an alert, oldest first, each with the evidence the analyst saw when taking it. */
export async function listDecisions(db: Executor, alertId: number): Promise<AlertDecisionRow[]> {
  return db
    .select()
    .from(alertDecisions)
    .where(eq(alertDecisions.alertId, alertId))
    .orderBy(asc(alertDecisions.decidedAt), asc(alertDecisions.id));
}

export async function countAlertsByStatus(db: Executor): Promise<Record<AlertStatus, number>> {
  const rows = await db
    .select({ status: alerts.status, n: sql<number>`count(*)::int` })
    .from(alerts)
    .groupBy(alerts.status);
  const out: Record<AlertStatus, number> = { open: 0, confirmed: 0, dismissed: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}
