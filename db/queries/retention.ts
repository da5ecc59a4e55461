/**
 * Retention of crawled data (issue 15.4): which captures the rules make due, their removal, legal hold and the
 * closing of cases. A candidate's captures are classified by its alerts: an open alert keeps everything; a
 * confirmed alert against a case not yet closed keeps everything (legal hold); otherwise the captures are due
 * after the period of their rule. Monitored sites' own captures are the reference and are never purged here.
 * Files in the evidence store are removed by the caller (retention/), once `unreferencedArtifacts` says no
 * remaining capture names them.
 */
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { captureFailures, captures, contacts, sites } from '../schema/index.ts';
import { appendAudit } from './audit.ts';

export interface RetentionRules {
  /** Captures of candidates whose alerts were all dismissed, kept this many days after capture. */
  dismissedDays: number;
  /** Captures of candidates that never raised an alert. */
  unrelatedDays: number;
  /** Captures of a closed case's confirmed clones, kept this many days after the case was closed. */
  closedCaseDays: number;
  /** Failed-page records (URL, reason). */
  failuresDays: number;
}

export type RetentionRule = 'dismissed' | 'unrelated' | 'closed-case';

export interface DueDomain {
  domainId: number;
  hostname: string;
  rule: RetentionRule;
  captureIds: number[];
  /** Artifacts the due captures name (files; removed only if nothing else references them). */
  artifacts: string[];
  bytes: number;
  oldest: Date;
  newest: Date;
}

export interface PurgePlan {
  domains: DueDomain[];
  /** Domains kept whole because a confirmed alert's case is still open. */
  legalHold: { hostname: string; sites: string[] }[];
  failures: number;
}

type Rows<T> = T[] | { rows: T[] };
const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : (r as { rows: T[] }).rows);
const DAY_MS = 86_400_000;

export async function planPurge(db: Executor, rules: RetentionRules, now = new Date()): Promise<PurgePlan> {
  const classes = rowsOf<{
    id: number;
    hostname: string;
    alerts: number;
    open: number;
    confirmed: number;
    held_sites: string[] | null;
    closed_at: string | Date | null;
  }>(
    (await db.execute(sql`
      select d.id, d.hostname, count(a.id)::int as alerts,
        (count(*) filter (where a.status = 'open'))::int as open,
        (count(*) filter (where a.status = 'confirmed'))::int as confirmed,
        array_agg(s.name) filter (where a.status = 'confirmed' and s.case_closed_at is null) as held_sites,
        max(s.case_closed_at) filter (where a.status = 'confirmed') as closed_at
      from domains d
      left join alerts a on a.candidate_domain_id = d.id
      left join sites s on s.id = a.site_id
      where d.role = 'candidate'
      group by d.id, d.hostname
      order by d.hostname`)) as Rows<never>,
  );
  const plan: PurgePlan = { domains: [], legalHold: [], failures: 0 };
  for (const c of classes) {
    if (c.open > 0) continue;
    let rule: RetentionRule;
    let cutoff: Date;
    if (c.confirmed > 0) {
      if (c.held_sites?.length) {
        plan.legalHold.push({ hostname: c.hostname, sites: [...new Set(c.held_sites)] });
        continue;
      }
      rule = 'closed-case';
      const closedAt = new Date(c.closed_at as string | Date);
      if (closedAt.getTime() + rules.closedCaseDays * DAY_MS > now.getTime()) continue;
      cutoff = now; // the whole case is due: every capture of the clone
    } else {
      rule = c.alerts > 0 ? 'dismissed' : 'unrelated';
      cutoff = new Date(now.getTime() - (rule === 'dismissed' ? rules.dismissedDays : rules.unrelatedDays) * DAY_MS);
    }
    const due = await db
      .select({ id: captures.id, artifacts: captures.artifacts, at: captures.capturedAt })
      .from(captures)
      .where(and(eq(captures.domainId, c.id), lt(captures.capturedAt, cutoff)))
      .orderBy(captures.capturedAt);
    if (due.length === 0) continue;
    const artifacts = new Map<string, number>();
    for (const d of due) for (const a of d.artifacts) artifacts.set(a.sha256, a.size);
    plan.domains.push({
      domainId: c.id,
      hostname: c.hostname,
      rule,
      captureIds: due.map((d) => d.id),
      artifacts: [...artifacts.keys()],
      bytes: [...artifacts.values()].reduce((x, y) => x + y, 0),
      oldest: due[0].at,
      newest: due[due.length - 1].at,
    });
  }
  const [f] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(captureFailures)
    .where(lt(captureFailures.at, new Date(now.getTime() - rules.failuresDays * DAY_MS)));
  plan.failures = Number(f?.n ?? 0);
  return plan;
}

/**
 * Removes what the plan lists, in the caller's transaction, and audits it. Contacts found on a purged capture
 * lose that link; the contacts of a candidate left with no capture at all are removed with them (they are
 * personal data too) unless an alert still cites the domain.
 */
export async function applyPurge(
  db: Executor,
  plan: PurgePlan,
  rules: RetentionRules,
  actor: string,
  now = new Date(),
): Promise<{ captures: number; contacts: number; failures: number }> {
  const ids = plan.domains.flatMap((d) => d.captureIds);
  let removedContacts = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await db.update(contacts).set({ firstCaptureId: null }).where(inArray(contacts.firstCaptureId, chunk));
    await db.delete(captures).where(inArray(captures.id, chunk));
  }
  for (const d of plan.domains.filter((x) => x.rule === 'unrelated')) {
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(captures)
      .where(eq(captures.domainId, d.domainId));
    if (Number(left?.n ?? 0) > 0) continue;
    const gone = await db.delete(contacts).where(eq(contacts.domainId, d.domainId)).returning({ id: contacts.id });
    removedContacts += gone.length;
  }
  const failures = await db
    .delete(captureFailures)
    .where(lt(captureFailures.at, new Date(now.getTime() - rules.failuresDays * DAY_MS)))
    .returning({ id: captureFailures.id });
  const byRule = (rule: RetentionRule) => plan.domains.filter((d) => d.rule === rule);
  await appendAudit(db, {
    actor,
    action: 'retention.purged',
    subjectType: 'retention',
    subjectId: now.toISOString().slice(0, 10),
    details: {
      rules: { ...rules },
      captures: ids.length,
      contacts: removedContacts,
      failures: failures.length,
      domains: Object.fromEntries(
        (['dismissed', 'unrelated', 'closed-case'] as const).map((r) => [r, byRule(r).map((d) => d.hostname)]),
      ),
      captureIds: ids.slice(0, 5000),
      legalHold: plan.legalHold.map((h) => h.hostname),
    },
  });
  return { captures: ids.length, contacts: removedContacts, failures: failures.length };
}

/** Of these hashes, the ones no remaining capture names (as an artifact, or its HTML, text or favicon hash). */
export async function unreferencedArtifacts(db: Executor, sha256s: string[]): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = rowsOf<{ sha: string }>(
    await db.execute(sql`
      select sha from unnest(${sql.raw(`ARRAY[${sha256s.map((s) => `'${s.replace(/[^0-9a-f]/g, '')}'`).join(',')}]`)}::text[]) as sha
      where not exists (
        select 1 from captures c
        where c.html_sha256 = sha or c.text_sha256 = sha or c.favicon_sha256 = sha
          or c.artifacts @> jsonb_build_array(jsonb_build_object('sha256', sha)))`),
  );
  return rows.map((r) => r.sha);
}

/** Ends the legal hold of a case: its confirmed clones' evidence becomes subject to `closedCaseDays`. */
export async function closeCase(db: Executor, siteName: string, by: string, note: string): Promise<Date> {
  const [site] = await db.select().from(sites).where(eq(sites.name, siteName));
  if (!site) throw new NotFoundError(`No monitored site is named "${siteName}". See: phenix sites list`);
  if (site.caseClosedAt) {
    throw new InvalidRequestError(
      `The case of ${siteName} was already closed on ${site.caseClosedAt.toISOString()} by ${site.caseClosedBy}`,
    );
  }
  const [row] = await db
    .update(sites)
    .set({ caseClosedAt: sql`now()`, caseClosedBy: by })
    .where(and(eq(sites.id, site.id), isNull(sites.caseClosedAt)))
    .returning({ at: sites.caseClosedAt });
  await appendAudit(db, {
    actor: by,
    action: 'case.closed',
    subjectType: 'site',
    subjectId: siteName,
    details: { caseRef: site.caseRef, note },
  });
  return row.at as Date;
}
