/** Contacts seen on a domain (E.164 phones, emails, messaging handles), with the capture that first showed them. */
import { index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { captures } from './captures.ts';
import { domains } from './domains.ts';

export const contacts = pgTable(
  'contacts',
  {
    id: serial('id').primaryKey(),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    firstCaptureId: integer('first_capture_id').references(() => captures.id),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contacts_domain_kind_value_uq').on(t.domainId, t.kind, t.value),
    index('contacts_value_idx').on(t.kind, t.value),
  ],
);

export type ContactRow = typeof contacts.$inferSelect;
