/** Page snapshots (evidence): what was asked, what came back, when, and the SHA-256 of every artifact. */
import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { crawlRuns } from './crawl-runs.ts';
import { domains } from './domains.ts';

export interface ArtifactRef {
  kind: string;
  sha256: string;
  size: number;
  path: string;
  mediaType: string;
}

export const captures = pgTable(
  'captures',
  {
    id: serial('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => crawlRuns.id),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id),
    requestedUrl: text('requested_url').notNull(),
    finalUrl: text('final_url').notNull(),
    redirectChain: jsonb('redirect_chain')
      .$type<{ url: string; status: number; location: string }[]>()
      .notNull()
      .default([]),
    status: integer('status'),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    timings: jsonb('timings').$type<{ navigationMs: number; totalMs: number }>().notNull(),
    mode: text('mode').notNull(),
    depth: integer('depth').notNull().default(0),
    title: text('title'),
    htmlSha256: text('html_sha256').notNull(),
    textSha256: text('text_sha256').notNull(),
    artifacts: jsonb('artifacts').$type<ArtifactRef[]>().notNull().default([]),
    outlinks: jsonb('outlinks').$type<{ internal: string[]; external: string[] }>().notNull(),
    scripts: jsonb('scripts').$type<string[]>().notNull().default([]),
    stylesheets: jsonb('stylesheets').$type<string[]>().notNull().default([]),
    faviconUrl: text('favicon_url'),
    faviconSha256: text('favicon_sha256'),
    truncated: boolean('truncated').notNull().default(false),
    /** Vendor of the WAF/CDN challenge page served instead of the site (cloudflare, hcaptcha, ...): never the site's content. */
    challenge: text('challenge'),
    /** What the detector extracted from the page (layout tokens, ads, contacts, pivots), so profiles are rebuilt without re-parsing. */
    features: jsonb('features').$type<Record<string, unknown>>(),
    /** DETECTOR_VERSION that extracted `features` (null: before versions were recorded, i.e. version 1). */
    featuresVersion: integer('features_version'),
    /** Imported from a stored snapshot rather than crawled (e.g. the capture of a site taken down before Phénix). */
    imported: boolean('imported').notNull().default(false),
    capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
    storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('captures_run_url_uq').on(t.runId, t.requestedUrl),
    index('captures_domain_idx').on(t.domainId, t.capturedAt),
  ],
);

/** Pages that could not be captured, with the reason (timeout, too-large, redirect-loop, dns, ...). */
export const captureFailures = pgTable(
  'capture_failures',
  {
    id: serial('id').primaryKey(),
    runId: text('run_id')
      .notNull()
      .references(() => crawlRuns.id),
    url: text('url').notNull(),
    depth: integer('depth').notNull().default(0),
    reason: text('reason').notNull(),
    message: text('message').notNull(),
    status: integer('status'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('capture_failures_run_url_uq').on(t.runId, t.url)],
);

export type CaptureRow = typeof captures.$inferSelect;
export type NewCaptureRow = typeof captures.$inferInsert;
export type CaptureFailureRow = typeof captureFailures.$inferSelect;
