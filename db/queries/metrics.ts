/**
 * Fleet-wide figures for /metrics, read from the database at each scrape: every serve and worker process reports
 * the same values, whichever did the work (a process's own counters would lose them at each restart).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { describeDatabaseFailure } from '../errors.ts';
import { alerts, captureFailures, captures, cycles, domains, notificationDeliveries } from '../schema/index.ts';

export interface OperationalFigures {
  cycles: { scope: string; status: string; n: number }[];
  /** Durations of ended cycles, in seconds, for the histogram. */
  cycleSeconds: { scope: string; seconds: number }[];
  pagesCaptured: { mode: string; n: number }[];
  pagesFailed: { reason: string; n: number }[];
  domains: { role: string; dnsState: string; n: number }[];
  alerts: { verdict: string; status: string; n: number }[];
  /** Bytes of distinct artifacts (the store is content-addressed: one file per SHA-256). */
  evidenceBytes: number;
  notifications: { status: string; n: number }[];
}

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

export async function operationalFigures(db: Executor): Promise<OperationalFigures> {
  const count = sql<number>`count(*)::int`;
  const [cycleRows, cycleSeconds, pagesCaptured, pagesFailed, domainRows, alertRows, evidence, notifications] =
    await Promise.all([
      db
        .select({ scope: cycles.scope, status: cycles.status, n: count })
        .from(cycles)
        .groupBy(cycles.scope, cycles.status),
      db
        .select({
          scope: cycles.scope,
          seconds: sql<number>`extract(epoch from ${cycles.finishedAt} - ${cycles.startedAt})::float8`,
        })
        .from(cycles)
        .where(sql`${cycles.finishedAt} is not null`),
      db
        .select({ mode: captures.mode, n: count })
        .from(captures)
        .where(sql`not ${captures.imported}`)
        .groupBy(captures.mode),
      db.select({ reason: captureFailures.reason, n: count }).from(captureFailures).groupBy(captureFailures.reason),
      db
        .select({ role: domains.role, dnsState: domains.dnsState, n: count })
        .from(domains)
        .groupBy(domains.role, domains.dnsState),
      db
        .select({ verdict: alerts.verdict, status: alerts.status, n: count })
        .from(alerts)
        .groupBy(alerts.verdict, alerts.status),
      db.execute(sql`select coalesce(sum(size), 0)::float8 as bytes from (
          select distinct a->>'sha256' as sha, (a->>'size')::bigint as size
            from ${captures}, jsonb_array_elements(${captures.artifacts}) as a) as distinct_artifacts`),
      db
        .select({ status: notificationDeliveries.status, n: count })
        .from(notificationDeliveries)
        .groupBy(notificationDeliveries.status),
    ]);
  return {
    cycles: cycleRows,
    cycleSeconds: cycleSeconds.map((r) => ({ scope: r.scope, seconds: Number(r.seconds) })),
    pagesCaptured: pagesCaptured.map((r) => ({ mode: r.mode, n: Number(r.n) })),
    pagesFailed: pagesFailed.map((r) => ({ reason: r.reason, n: Number(r.n) })),
    domains: domainRows.map((r) => ({ role: r.role, dnsState: r.dnsState, n: Number(r.n) })),
    alerts: alertRows.map((r) => ({ verdict: r.verdict, status: r.status, n: Number(r.n) })),
    evidenceBytes: Number(rowsOf<{ bytes: number }>(evidence)[0]?.bytes ?? 0),
    notifications: notifications.map((r) => ({ status: r.status, n: Number(r.n) })),
  };
}

/**
 * `select 1` within `timeoutMs`: the health check's "database reachable". `detail` says what is wrong in plain
 * words without the driver's text (hosts, users); `error` is the driver's error, for the service log only.
 */
export async function pingDatabase(
  db: Executor,
  timeoutMs = 3000,
): Promise<{ ok: boolean; detail: string; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('no answer'), { name: 'TimeoutError' })), timeoutMs);
  });
  try {
    await Promise.race([db.execute(sql`select 1`), timeout]);
    return { ok: true, detail: 'reachable' };
  } catch (error) {
    return { ok: false, detail: describeDatabaseFailure(error), error };
  } finally {
    clearTimeout(timer);
  }
}
