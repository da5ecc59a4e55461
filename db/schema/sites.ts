/** Monitored sites: from the config, or promoted from a confirmed clone (so a clone of a clone is found). */
import { relations } from 'drizzle-orm';
import { boolean, date, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { domains } from './domains.ts';

export const sites = pgTable(
  'sites',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    status: text('status', { enum: ['convicted', 'suspected', 'seized', 'cleared'] }).notNull(),
    caseRef: text('case_ref').notNull(),
    region: text('region').notNull().default('FR'),
    notes: text('notes').notNull().default(''),
    schedule: text('schedule'),
    crawl: jsonb('crawl').$type<Record<string, unknown>>(),
    origin: text('origin', { enum: ['config', 'promoted'] })
      .notNull()
      .default('config'),
    promotedFromAlertId: integer('promoted_from_alert_id'),
    active: boolean('active').notNull().default(true),
    /** online | down (DNS gone, errors) | seized (seizure page) | gone (404/410) | redirected (redirect away) */
    liveState: text('live_state').notNull().default('unknown'),
    liveStateChangedAt: timestamp('live_state_changed_at', { withTimezone: true }),
    lastCrawledAt: timestamp('last_crawled_at', { withTimezone: true }),
    /**
     * The takedown date the unit enters (`phenix sites takedown`), from its own records (seizure order, host's
     * answer); liveStateChangedAt is only when Phénix noticed, which can be days later.
     */
    takedownDate: date('takedown_date', { mode: 'string' }),
    takedownNote: text('takedown_note').notNull().default(''),
    takedownBy: text('takedown_by'),
    /** Legal hold: the evidence of this case's confirmed clones is kept until a supervisor closes the case. */
    caseClosedAt: timestamp('case_closed_at', { withTimezone: true }),
    caseClosedBy: text('case_closed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sites_name_uq').on(t.name)],
);

export const sitesRelations = relations(sites, ({ many }) => ({ domains: many(domains) }));

export type SiteRow = typeof sites.$inferSelect;
export type NewSiteRow = typeof sites.$inferInsert;
