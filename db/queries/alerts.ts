/**
 * Clone alerts: upserted once per candidate domain × monitored site, listed for review, decided by
 * analysts (every decision audited). The reopen rule for dismissed alerts lives here, in one place.
 */
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import { stableJson } from '../../lib/stable-json.ts';
import type { Executor } from '../client.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { type AlertRow, type AlertStatus, alerts, domains, sites, type Verdict } from '../schema/index.ts';
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

/**
 * Creates the alert for a `clone` verdict, or updates the existing one with the new evidence; never duplicates.
 * A new alert or a reopened one goes to the notifications outbox in the same transaction.
 */
export async function upsertAlert(
  db: Executor,
  input: AlertInput,
  at = new Date(),
): Promise<{ outcome: UpsertOutcome; alert: AlertRow | null }> {
  return db.transaction(async (tx) => {
    const result = await upsertAlertIn(tx, input, at);
    if (result.alert && (result.outcome === 'created' || result.outcome === 'reopened'))
      await enqueueNotification(
        tx,
        result.outcome === 'created' ? 'alert.created' : 'alert.reopened',
        await alertNotice(tx, result.alert),
      );
    return result;
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
): Promise<{ outcome: UpsertOutcome; alert: AlertRow | null }> {
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
    if (input.verdict !== 'clone') return { outcome: 'not-raised', alert: null };
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
    if (!row) return upsertAlertIn(db, input, at); // raced with another writer: update theirs instead
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
    if (stronger && input.verdict === 'clone') {
      status = 'open';
      outcome = 'reopened';
    } else if (!same) outcome = 'kept-dismissed';
  }
  if (same && outcome === 'unchanged') return { outcome, alert: existing };
  const [row] = await db
    .update(alerts)
    .set({ ...fields, status, updatedAt: at })
    .where(eq(alerts.id, existing.id))
    .returning();
  await appendAudit(db, {
    actor: 'monitor',
    action: outcome === 'reopened' ? 'alert.reopened' : 'alert.updated',
    subjectType: 'alert',
    subjectId: existing.id,
    details: {
      score: { from: existing.score, to: input.score },
      verdict: { from: existing.verdict, to: input.verdict },
    },
  });
  return { outcome, alert: row };
}

export interface AlertListFilter {
  status?: AlertStatus;
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

/** Newest strongest first: score descending, then most recently updated. */
export async function listAlerts(db: Executor, filter: AlertListFilter = {}): Promise<AlertSummary[]> {
  const where = [];
  if (filter.status) {
    if (!['open', 'confirmed', 'dismissed'].includes(filter.status)) {
      throw new InvalidRequestError(`"${filter.status}" is not an alert status; use open, confirmed or dismissed`);
    }
    where.push(eq(alerts.status, filter.status));
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
    .orderBy(desc(alerts.score), desc(alerts.updatedAt), desc(alerts.id))
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

/** An analyst confirms or dismisses an alert; the decision and the note go to the audit log. */
export async function decideAlert(
  db: Executor,
  id: number,
  decision: { status: 'confirmed' | 'dismissed' | 'open'; reviewer: string; note: string },
  at = new Date(),
): Promise<AlertRow> {
  if (!decision.reviewer.trim())
    throw new InvalidRequestError('A decision needs the name of the analyst who takes it (--by NAME)');
  const current = await getAlert(db, id);
  const [row] = await db
    .update(alerts)
    .set({
      status: decision.status,
      reviewer: decision.reviewer,
      note: decision.note,
      decidedAt: at,
      updatedAt: at,
      ...(decision.status === 'dismissed'
        ? { dismissedScore: current.score, dismissedEvidenceCount: current.evidence.length }
        : {}),
    })
    .where(eq(alerts.id, id))
    .returning();
  await appendAudit(db, {
    actor: decision.reviewer,
    action: `alert.${decision.status === 'open' ? 'reopened' : decision.status}`,
    subjectType: 'alert',
    subjectId: id,
    details: {
      from: current.status,
      to: decision.status,
      note: decision.note,
      site: current.site,
      candidate: current.candidate,
    },
  });
  return row;
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
