/**
 * Feeds of new names (files, the drop folder, certificate transparency): per-source counters for
 * `phenix feeds status`, and per-file progress so an interrupted ingest resumes after the last line
 * it committed (nothing lost, nothing counted twice).
 */
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const feedSources = pgTable('feed_sources', {
  /** `file:<name>`, `drop:<name>`, `certstream:<url>`. */
  name: text('name').primaryKey(),
  namesIn: bigint('names_in', { mode: 'number' }).notNull().default(0),
  namesNew: bigint('names_new', { mode: 'number' }).notNull().default(0),
  errors: bigint('errors', { mode: 'number' }).notNull().default(0),
  lastName: text('last_name'),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  lastError: text('last_error'),
  /** Where a stream stands (certstream: reconnections), for the analyst. */
  state: jsonb('state').$type<Record<string, unknown>>().notNull().default({}),
});

export const feedFiles = pgTable(
  'feed_files',
  {
    source: text('source').notNull(),
    /** The file's identity: path, size and modification time. */
    fileKey: text('file_key').notNull(),
    /** Lines committed so far (names recorded and counted in the same transaction). */
    linesDone: integer('lines_done').notNull().default(0),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.source, t.fileKey] })],
);

export type FeedSourceRow = typeof feedSources.$inferSelect;
