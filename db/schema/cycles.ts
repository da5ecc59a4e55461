/**
 * One row per monitoring cycle, written when it starts and when it ends: what the health check reads (the last
 * cycle's age), what the review page lists, and what survives a crash of the process that ran it.
 */
import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const CYCLE_STATUSES = ['running', 'completed', 'stopped', 'failed'] as const;

export const cycles = pgTable(
  'cycles',
  {
    id: text('id').primaryKey(),
    scope: text('scope').notNull(),
    /** Who started it: a schedule name, "phenix run --once", a queue job. */
    origin: text('origin').notNull().default(''),
    status: text('status', { enum: CYCLE_STATUSES }).notNull().default('running'),
    /** Progress lines and the end summary (crawls, pages, alerts), small enough to show as is. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('cycles_started_idx').on(t.startedAt), index('cycles_status_idx').on(t.status)],
);

export type CycleRow = typeof cycles.$inferSelect;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];
