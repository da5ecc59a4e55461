/**
 * Leases that keep two cycles off the same site (in one process or several on one Postgres). A lease
 * expires on its own, so a process killed with -9 does not block the site forever.
 */
import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const locks = pgTable('locks', {
  key: text('key').primaryKey(),
  owner: text('owner').notNull(),
  acquiredAt: timestamp('acquired_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});
