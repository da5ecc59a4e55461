/** Every hostname Phénix knows: seeds of monitored sites and candidates, with their DNS state. */
import { relations } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sites } from './sites.ts';

export const DOMAIN_ROLES = ['seed', 'candidate'] as const;
export const DOMAIN_SOURCES = [
  'config',
  'lookalike',
  'redirect',
  'outlink',
  'mention',
  'import',
  'manual',
  'promoted',
  'feed',
] as const;
/**
 * Last screening result of a feed name (screen/): `pending` until screened; `escalated` when its landing page
 * matched a monitored site (then it is an active candidate, crawled and compared); the others say why it was not.
 */
export const SCREEN_STATES = [
  'pending',
  'nxdomain',
  'dns-failed',
  'parked',
  'for-sale',
  'empty',
  'error',
  'unrelated',
  'escalated',
] as const;
export const DNS_STATES = ['unknown', 'resolves', 'nxdomain', 'nodata', 'servfail', 'timeout', 'error'] as const;

export const domains = pgTable(
  'domains',
  {
    id: serial('id').primaryKey(),
    hostname: text('hostname').notNull(),
    role: text('role', { enum: DOMAIN_ROLES }).notNull(),
    /** The monitored site a seed belongs to. */
    siteId: integer('site_id').references(() => sites.id),
    /** For candidates: the monitored site whose seed led to it (lookalike of, redirect from, mentioned by). */
    originSiteId: integer('origin_site_id').references(() => sites.id),
    source: text('source', { enum: DOMAIN_SOURCES }).notNull(),
    /** How it was found, in words: fuzzer name, redirecting URL, mention sentence, import file. */
    sourceDetail: text('source_detail').notNull().default(''),
    active: boolean('active').notNull().default(true),
    dnsState: text('dns_state', { enum: DNS_STATES }).notNull().default('unknown'),
    dnsAddresses: jsonb('dns_addresses').$type<string[]>().notNull().default([]),
    dnsCheckedAt: timestamp('dns_checked_at', { withTimezone: true }),
    dnsChangedAt: timestamp('dns_changed_at', { withTimezone: true }),
    lastCrawledAt: timestamp('last_crawled_at', { withTimezone: true }),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Screening of feed names (null for names from other sources, which are crawled directly). */
    screenState: text('screen_state', { enum: SCREEN_STATES }),
    screenReason: text('screen_reason'),
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    /** When the name is due for (re-)screening; null when it is not to be screened. */
    nextScreenAt: timestamp('next_screen_at', { withTimezone: true }),
    screenCount: integer('screen_count').notNull().default(0),
    /**
     * Lookalikes: how plausible the name is as an operator's pick (0–1, the edit's prior times the TLD's); the
     * reason in words is in sourceDetail. It decided which names were kept under discovery.maxLookalikesPerSeed.
     */
    plausibility: real('plausibility'),
    /** Lexical closeness to the monitored names (0–1): orders the screening, never gates it. */
    lexicalScore: real('lexical_score').notNull().default(0),
  },
  (t) => [
    uniqueIndex('domains_hostname_uq').on(t.hostname),
    index('domains_site_idx').on(t.siteId),
    index('domains_role_dns_idx').on(t.role, t.dnsState),
    index('domains_screen_due_idx').on(t.nextScreenAt),
  ],
);

/** DNS changes over time (appended when the state or the addresses change): the domain's timeline. */
export const dnsEvents = pgTable(
  'dns_events',
  {
    id: serial('id').primaryKey(),
    domainId: integer('domain_id')
      .notNull()
      .references(() => domains.id),
    state: text('state', { enum: DNS_STATES }).notNull(),
    addresses: jsonb('addresses').$type<string[]>().notNull().default([]),
    records: jsonb('records').$type<Record<string, unknown>>().notNull().default({}),
    observedAt: timestamp('observed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dns_events_domain_idx').on(t.domainId, t.observedAt)],
);

export const domainsRelations = relations(domains, ({ one }) => ({
  site: one(sites, { fields: [domains.siteId], references: [sites.id] }),
}));

export type DomainRow = typeof domains.$inferSelect;
export type NewDomainRow = typeof domains.$inferInsert;
export type DomainSource = (typeof DOMAIN_SOURCES)[number];
export type DnsState = (typeof DNS_STATES)[number];
export type ScreenState = (typeof SCREEN_STATES)[number];
