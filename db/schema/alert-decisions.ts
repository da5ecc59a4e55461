/**
 * Analysts' decisions on alerts, each with the evidence the analyst saw when taking it, frozen: later cycles update
 * the alert's latest evidence beside it, never this record (a trigger refuses UPDATE and DELETE).
 */
import { doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { alerts } from './alerts.ts';
import { siteProfiles } from './profiles.ts';

export const alertDecisions = pgTable(
  'alert_decisions',
  {
    id: serial('id').primaryKey(),
    alertId: integer('alert_id')
      .notNull()
      .references(() => alerts.id),
    /** confirmed | dismissed | open (reopened by an analyst). */
    status: text('status', { enum: ['open', 'confirmed', 'dismissed'] }).notNull(),
    reviewer: text('reviewer').notNull(),
    note: text('note').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    // What the analyst saw: the alert's verdict, score, signals, evidence and explanation at that moment.
    verdict: text('verdict').notNull(),
    score: doublePrecision('score').notNull(),
    signals: jsonb('signals').$type<Record<string, number | null>>().notNull(),
    evidence: jsonb('evidence').$type<unknown[]>().notNull(),
    explanation: jsonb('explanation').$type<string[]>().notNull(),
    referenceProfileId: integer('reference_profile_id').references(() => siteProfiles.id),
    candidateProfileId: integer('candidate_profile_id').references(() => siteProfiles.id),
    /** Detector version of the profiles compared (null when they are unknown). */
    detectorVersion: integer('detector_version'),
  },
  (t) => [index('alert_decisions_alert_idx').on(t.alertId, t.decidedAt)],
);

export type AlertDecisionRow = typeof alertDecisions.$inferSelect;
