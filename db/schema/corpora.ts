/**
 * The layout corpus of a queued cycle: document frequencies of layout tokens over the monitored sites and
 * a sample of the cycle's candidates, fixed once per cycle so every profile job of the cycle weighs
 * layouts the same way (profiles compared together share one idf).
 */
import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const layoutCorpora = pgTable('layout_corpora', {
  cycleId: text('cycle_id').primaryKey(),
  documents: integer('documents').notNull(),
  frequencies: jsonb('frequencies').$type<Record<string, number>>().notNull(),
  /** How many sites and candidates the pages came from. */
  subjects: integer('subjects').notNull(),
  builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
});

export type LayoutCorpusRow = typeof layoutCorpora.$inferSelect;
