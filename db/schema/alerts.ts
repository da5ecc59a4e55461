/** Clone alerts: one per candidate domain × monitored site, upserted with new evidence, reviewed by analysts. */
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { domains } from './domains.ts';
import { siteProfiles } from './profiles.ts';
import { sites } from './sites.ts';

export const ALERT_STATUSES = ['open', 'confirmed', 'dismissed'] as const;
export const VERDICTS = ['clone', 'related', 'unrelated'] as const;

export const alerts = pgTable(
  'alerts',
  {
    id: serial('id').primaryKey(),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    candidateDomainId: integer('candidate_domain_id')
      .notNull()
      .references(() => domains.id),
    verdict: text('verdict', { enum: VERDICTS }).notNull(),
    score: doublePrecision('score').notNull(),
    signals: jsonb('signals').$type<Record<string, number | null>>().notNull(),
    evidence: jsonb('evidence').$type<unknown[]>().notNull().default([]),
    explanation: jsonb('explanation').$type<string[]>().notNull().default([]),
    referenceProfileId: integer('reference_profile_id').references(() => siteProfiles.id),
    candidateProfileId: integer('candidate_profile_id').references(() => siteProfiles.id),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    reviewer: text('reviewer'),
    note: text('note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Score when dismissed: a dismissed alert reopens only if the evidence becomes materially stronger. */
    dismissedScore: doublePrecision('dismissed_score'),
    dismissedEvidenceCount: integer('dismissed_evidence_count'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('alerts_site_candidate_uq').on(t.siteId, t.candidateDomainId),
    index('alerts_status_score_idx').on(t.status, t.score),
  ],
);

export type AlertRow = typeof alerts.$inferSelect;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type Verdict = (typeof VERDICTS)[number];
