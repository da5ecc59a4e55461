/**
 * The notifications outbox: an event (a new clone alert, a reopened one, a failed cycle) is written here in the
 * same transaction as what caused it, so none is lost if the process dies; notify/ delivers it later, once per
 * target, and records every attempt.
 */
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const NOTIFY_EVENTS = ['alert.created', 'alert.reopened', 'cycle.failed', 'test'] as const;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    event: text('event', { enum: NOTIFY_EVENTS }).notNull(),
    /** What the message says: ids, names, score, explanation — never captured content. */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once one delivery row per interested target exists (targets come from the config of that moment). */
    fannedOutAt: timestamp('fanned_out_at', { withTimezone: true }),
  },
  (t) => [index('notification_outbox_fanout_idx').on(t.fannedOutAt, t.id)],
);

export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    outboxId: bigint('outbox_id', { mode: 'number' })
      .notNull()
      .references(() => notificationOutbox.id),
    /** `webhook#<hash of the URL> (<host>)` or `email:<addresses>`: stable across restarts, never the webhook URL. */
    target: text('target').notNull(),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A process sending it holds it until then (several serve/worker processes share the outbox). */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_uq').on(t.outboxId, t.target),
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export const notificationAttempts = pgTable(
  'notification_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => notificationDeliveries.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    ok: boolean('ok').notNull(),
    /** HTTP status, SMTP response or the error, in a line. */
    detail: text('detail').notNull(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('notification_attempts_delivery_idx').on(t.deliveryId)],
);

export type NotifyEvent = (typeof NOTIFY_EVENTS)[number];
export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type AttemptRow = typeof notificationAttempts.$inferSelect;
