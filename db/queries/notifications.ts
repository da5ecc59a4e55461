/**
 * The notifications outbox and its deliveries: events are written beside what causes them, fanned out to one
 * delivery per target, and claimed by whichever serve/worker process gets there first (SKIP LOCKED), so several
 * processes share the work and a delivery is sent once. Every attempt is recorded.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import {
  type AttemptRow,
  type DeliveryRow,
  type NotifyEvent,
  notificationAttempts,
  notificationDeliveries,
  notificationOutbox,
} from '../schema/index.ts';

export async function enqueueNotification(
  db: Executor,
  event: NotifyEvent,
  payload: Record<string, unknown>,
): Promise<number> {
  const [row] = await db.insert(notificationOutbox).values({ event, payload }).returning({ id: notificationOutbox.id });
  return row.id;
}

/** Creates one delivery per interested target for every event not fanned out yet; returns how many events. */
export async function fanOutNotifications(
  db: Executor,
  targetsFor: (event: NotifyEvent) => string[],
  limit = 200,
): Promise<number> {
  return db.transaction(async (tx) => {
    const events = await tx
      .select({ id: notificationOutbox.id, event: notificationOutbox.event })
      .from(notificationOutbox)
      .where(isNull(notificationOutbox.fannedOutAt))
      .orderBy(asc(notificationOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (events.length === 0) return 0;
    const rows = events.flatMap((e) => targetsFor(e.event).map((target) => ({ outboxId: e.id, target })));
    if (rows.length) await tx.insert(notificationDeliveries).values(rows).onConflictDoNothing();
    await tx
      .update(notificationOutbox)
      .set({ fannedOutAt: new Date() })
      .where(
        inArray(
          notificationOutbox.id,
          events.map((e) => e.id),
        ),
      );
    return events.length;
  });
}

export interface DueDelivery {
  delivery: DeliveryRow;
  event: NotifyEvent;
  payload: Record<string, unknown>;
  createdAt: Date;
}

/** Takes up to `limit` due deliveries for `lockMs` (another process skips them meanwhile). */
export async function claimDueDeliveries(
  db: Executor,
  options: { now?: Date; limit?: number; lockMs?: number } = {},
): Promise<DueDelivery[]> {
  const now = options.now ?? new Date();
  const lockedUntil = new Date(now.getTime() + (options.lockMs ?? 120_000));
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notificationDeliveries.id })
      .from(notificationDeliveries)
      .where(
        and(
          eq(notificationDeliveries.status, 'pending'),
          lte(notificationDeliveries.nextAttemptAt, now),
          or(isNull(notificationDeliveries.lockedUntil), lte(notificationDeliveries.lockedUntil, now)),
        ),
      )
      .orderBy(asc(notificationDeliveries.nextAttemptAt), asc(notificationDeliveries.id))
      .limit(options.limit ?? 20)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(notificationDeliveries)
      .set({ lockedUntil })
      .where(
        inArray(
          notificationDeliveries.id,
          due.map((d) => d.id),
        ),
      );
    const rows = await tx
      .select({ delivery: notificationDeliveries, outbox: notificationOutbox })
      .from(notificationDeliveries)
      .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.outboxId))
      .where(
        inArray(
          notificationDeliveries.id,
          due.map((d) => d.id),
        ),
      )
      .orderBy(asc(notificationDeliveries.id));
    return rows.map((r) => ({
      delivery: r.delivery,
      event: r.outbox.event,
      payload: r.outbox.payload,
      createdAt: r.outbox.createdAt,
    }));
  });
}

/**
 * Records one attempt and its consequence: delivered, retried at `retryAt`, or given up (`retryAt` null after a
 * failure).
 */
export async function recordDeliveryAttempt(
  db: Executor,
  deliveryId: number,
  attempt: { ok: boolean; detail: string; durationMs: number; retryAt: Date | null },
  at = new Date(),
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(notificationAttempts).values({
      deliveryId,
      at,
      ok: attempt.ok,
      detail: attempt.detail.slice(0, 2000),
      durationMs: attempt.durationMs,
    });
    await tx
      .update(notificationDeliveries)
      .set({
        attempts: sql`${notificationDeliveries.attempts} + 1`,
        status: attempt.ok ? 'delivered' : attempt.retryAt ? 'pending' : 'failed',
        nextAttemptAt: attempt.retryAt ?? at,
        lockedUntil: null,
        lastError: attempt.ok ? null : attempt.detail.slice(0, 2000),
        deliveredAt: attempt.ok ? at : null,
      })
      .where(eq(notificationDeliveries.id, deliveryId));
  });
}

export interface DeliveryView extends DeliveryRow {
  event: NotifyEvent;
  attemptLog: AttemptRow[];
}

/** Deliveries with their attempts, newest first (`phenix notify status`, `notify test`, tests). */
export async function listDeliveries(
  db: Executor,
  filter: { limit?: number; outboxId?: number } = {},
): Promise<DeliveryView[]> {
  const limit = filter.limit ?? 50;
  const rows = await db
    .select({ delivery: notificationDeliveries, event: notificationOutbox.event })
    .from(notificationDeliveries)
    .innerJoin(notificationOutbox, eq(notificationOutbox.id, notificationDeliveries.outboxId))
    .where(filter.outboxId === undefined ? undefined : eq(notificationDeliveries.outboxId, filter.outboxId))
    .orderBy(sql`${notificationDeliveries.id} desc`)
    .limit(limit);
  if (rows.length === 0) return [];
  const attempts = await db
    .select()
    .from(notificationAttempts)
    .where(
      inArray(
        notificationAttempts.deliveryId,
        rows.map((r) => r.delivery.id),
      ),
    )
    .orderBy(asc(notificationAttempts.id));
  return rows.map((r) => ({
    ...r.delivery,
    event: r.event,
    attemptLog: attempts.filter((a) => a.deliveryId === r.delivery.id),
  }));
}

/**
 * Outbox events still waiting: not fanned out, or with a delivery pending — only those due by `dueBy` when given
 * (what `run --once` drains; later retries are left to the service).
 */
export async function pendingNotificationCount(db: Executor, dueBy?: Date): Promise<number> {
  const [events] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notificationOutbox)
    .where(isNull(notificationOutbox.fannedOutAt));
  const [deliveries] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notificationDeliveries)
    .where(
      and(
        eq(notificationDeliveries.status, 'pending'),
        dueBy ? lte(notificationDeliveries.nextAttemptAt, dueBy) : undefined,
      ),
    );
  return Number(events?.n ?? 0) + Number(deliveries?.n ?? 0);
}
