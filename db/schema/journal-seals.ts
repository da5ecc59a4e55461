/**
 * Seals of the journal's tail: at the end of every cycle and every hour, the position and hash of the journal's
 * last entry are written here (and timestamped by the TSA when one is configured). The journal's hash chain shows
 * an entry removed or changed in the middle, but entries cut from its end leave a shorter, intact chain; a seal
 * that names an entry the journal no longer has, or a different one, shows the cut. Append-only like the journal
 * (migration 0012): rows are never updated or deleted.
 */
import { bigint, bigserial, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const journalSeals = pgTable('journal_seals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  /** The server's clock at insertion (set by the trigger, as for the journal). */
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  /** Why it was sealed: cycle, hourly, or a command. */
  reason: text('reason').notNull(),
  /** seq and hash of the journal's last entry when sealed (0 and 64 zeros for an empty journal). */
  throughSeq: bigint('through_seq', { mode: 'number' }).notNull(),
  throughHash: text('through_hash').notNull(),
  /** RFC 3161 token over `phenix-journal-seal/1 <seq> <hash>` ({ tsaUrl, token }), or why there is none. */
  timestamp: jsonb('timestamp').$type<{ tsaUrl: string; token: string }>(),
  timestampError: text('timestamp_error'),
});

export type JournalSealRow = typeof journalSeals.$inferSelect;
