/**
 * Site profiles (the detector's aggregate of a site's captures, stored as JSON so a site taken down is
 * still compared through its last profile) and their 64-bit fingerprints, split in four 16-bit bands
 * so near-duplicates within 3 bits are found through an index (Manku, Jain & Das Sarma, 2007).
 */
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { domains } from './domains.ts';
import { sites } from './sites.ts';

export const siteProfiles = pgTable(
  'site_profiles',
  {
    id: serial('id').primaryKey(),
    /** Set for a monitored site's profile (all its domains together). */
    siteId: integer('site_id').references(() => sites.id),
    /** Set for a candidate's profile. */
    domainId: integer('domain_id').references(() => domains.id),
    runId: text('run_id'),
    pageCount: integer('page_count').notNull(),
    profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
    /**
     * DETECTOR_VERSION that built it: profiles of different versions are never compared, and a profile of an older
     * version is rebuilt (from features recomputed from the stored HTML) at the next cycle or by `phenix reprocess`.
     */
    detectorVersion: integer('detector_version').notNull().default(1),
    /** The newest profile of its subject; older ones stay for the record. */
    latest: boolean('latest').notNull().default(true),
    builtAt: timestamp('built_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('site_profiles_site_idx').on(t.siteId, t.latest),
    index('site_profiles_domain_idx').on(t.domainId, t.latest),
  ],
);

export const fingerprints = pgTable(
  'fingerprints',
  {
    id: serial('id').primaryKey(),
    profileId: integer('profile_id')
      .notNull()
      .references(() => siteProfiles.id, { onDelete: 'cascade' }),
    /** layout | ad | site-text */
    kind: text('kind').notNull(),
    /** Unsigned 64-bit value stored as signed bigint (BigInt.asIntN(64, h)). */
    value: bigint('value', { mode: 'bigint' }).notNull(),
    band0: smallint('band0').notNull(),
    band1: smallint('band1').notNull(),
    band2: smallint('band2').notNull(),
    band3: smallint('band3').notNull(),
    ref: text('ref').notNull().default(''),
  },
  (t) => [
    index('fingerprints_profile_idx').on(t.profileId),
    index('fingerprints_band0_idx').on(t.kind, t.band0),
    index('fingerprints_band1_idx').on(t.kind, t.band1),
    index('fingerprints_band2_idx').on(t.kind, t.band2),
    index('fingerprints_band3_idx').on(t.kind, t.band3),
  ],
);

export type SiteProfileRow = typeof siteProfiles.$inferSelect;
export type FingerprintRow = typeof fingerprints.$inferSelect;
