/** One crawl of one domain (or site) in one cycle: its budget, progress and outcome. */
import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { domains } from './domains.ts';
import { sites } from './sites.ts';

export const crawlRuns = pgTable(
  'crawl_runs',
  {
    id: text('id').primaryKey(),
    siteId: integer('site_id').references(() => sites.id),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id),
    cycleId: text('cycle_id'),
    mode: text('mode').notNull(),
    status: text('status', { enum: ['running', 'done', 'failed', 'interrupted'] })
      .notNull()
      .default('running'),
    storageDir: text('storage_dir'),
    pagesOk: integer('pages_ok').notNull().default(0),
    pagesFailed: integer('pages_failed').notNull().default(0),
    bytes: integer('bytes').notNull().default(0),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('crawl_runs_domain_idx').on(t.domainId, t.startedAt), index('crawl_runs_status_idx').on(t.status)],
);

export type CrawlRunRow = typeof crawlRuns.$inferSelect;
