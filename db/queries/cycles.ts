/** Cycle records: started, finished (completed, stopped or failed), listed for the review page and the health check. */
import { and, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import { type CycleRow, type CycleStatus, cycles } from '../schema/index.ts';
import { enqueueNotification } from './notifications.ts';

export async function recordCycleStart(
  db: Executor,
  cycle: { id: string; scope: string; origin?: string },
  at = new Date(),
): Promise<void> {
  await db
    .insert(cycles)
    .values({ id: cycle.id, scope: cycle.scope, origin: cycle.origin ?? '', startedAt: at })
    .onConflictDoNothing({ target: cycles.id });
}

/** Progress of a running cycle (shown on the cycles page); the end summary replaces it. */
export async function recordCycleProgress(db: Executor, id: string, progress: Record<string, unknown>): Promise<void> {
  await db
    .update(cycles)
    .set({ summary: sql`${cycles.summary} || ${JSON.stringify({ progress })}::jsonb` })
    .where(and(eq(cycles.id, id), eq(cycles.status, 'running')));
}

/**
 * Ends a cycle that is still running. A failed cycle also goes to the notifications outbox, in the same
 * transaction, so the unit hears of it even if this process dies right after; a cycle already ended is left as it
 * is, so two workers (or a retry after a lost answer) that end the same cycle write one outbox row. Returns whether
 * this call ended it.
 */
export async function recordCycleEnd(
  db: Executor,
  id: string,
  end: { status: Exclude<CycleStatus, 'running'>; summary?: Record<string, unknown>; error?: string },
  at = new Date(),
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(cycles)
      .set({ status: end.status, summary: end.summary ?? {}, error: end.error ?? null, finishedAt: at })
      .where(and(eq(cycles.id, id), eq(cycles.status, 'running')))
      .returning();
    if (end.status === 'failed' && row)
      await enqueueNotification(tx, 'cycle.failed', {
        cycleId: id,
        scope: row.scope,
        origin: row.origin,
        error: end.error ?? 'unknown error',
        startedAt: row.startedAt.toISOString(),
        failedAt: at.toISOString(),
      });
    return row !== undefined;
  });
}

/** Of these cycle ids, those not ended: running, or never recorded (their planning failed before it started). */
export async function unendedCycles(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const ended = await db
    .select({ id: cycles.id })
    .from(cycles)
    .where(and(inArray(cycles.id, ids), ne(cycles.status, 'running')));
  const done = new Set(ended.map((r) => r.id));
  return ids.filter((id) => !done.has(id));
}

export async function listCycles(db: Executor, limit = 100): Promise<CycleRow[]> {
  return db.select().from(cycles).orderBy(desc(cycles.startedAt), desc(cycles.id)).limit(limit);
}

export async function getCycle(db: Executor, id: string): Promise<CycleRow> {
  const [row] = await db.select().from(cycles).where(eq(cycles.id, id));
  if (!row) throw new NotFoundError(`No cycle with id ${id}`);
  return row;
}

/** The most recent cycle that ended (any status), and the most recent completed one: what /healthz reports. */
export async function latestCycles(db: Executor): Promise<{ ended: CycleRow | null; completed: CycleRow | null }> {
  const [ended] = await db
    .select()
    .from(cycles)
    .where(isNotNull(cycles.finishedAt))
    .orderBy(desc(cycles.finishedAt))
    .limit(1);
  const [completed] = await db
    .select()
    .from(cycles)
    .where(eq(cycles.status, 'completed'))
    .orderBy(desc(cycles.finishedAt))
    .limit(1);
  return { ended: ended ?? null, completed: completed ?? null };
}
