/**
 * Append-only, hash-chained record of every decision, consultation and change. Triggers refuse UPDATE, DELETE
 * and TRUNCATE, and on INSERT set `at` (the server's clock: no backdating), `seq` (the chain position, taken
 * under a lock so concurrent writers keep one chain), `prev_hash` and `hash`. Callers never set those four.
 */
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    /** Position in the chain (1, 2, 3…): a gap is a removed entry. Set by the trigger. */
    seq: bigint('seq', { mode: 'number' }),
    /** The hash of the entry at seq − 1 (64 zeros for the first). Set by the trigger. */
    prevHash: text('prev_hash'),
    /** SHA-256 of this entry's fields and prev_hash (format in review/README.md). Set by the trigger. */
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId, t.at),
    uniqueIndex('audit_log_seq_uq').on(t.seq),
    index('audit_log_actor_at_idx').on(t.actor, t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
