/**
 * Login attempts of the review page, counted in the database so that every process serving the page (several
 * `phenix serve`, a restart) shares one count. An attempt is written BEFORE its password is checked, and removed
 * only when the password was right: a burst of parallel guesses is counted in full. Keys are SHA-256 digests of
 * "name:<account>" or "address:<ip>", so a password typed into the name field is never stored.
 */
import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    keyHash: text('key_hash').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.keyHash, t.at)],
);

export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
