/** Monitored sites and their seed domains: sync with the config, list, look up, promote a clone. */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { stableJson } from '../../lib/stable-json.ts';
import type { Executor } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import { alerts, crawlRuns, type DomainRow, domains, type SiteRow, sites } from '../schema/index.ts';
import { appendAudit } from './audit.ts';

/** A monitored site as the config describes it (db/ does not import config/: the monitor maps it). */
export interface SiteSpec {
  name: string;
  status: SiteRow['status'];
  caseRef: string;
  region: string;
  notes: string;
  schedule?: string | null;
  crawl?: Record<string, unknown> | null;
  domains: string[];
}

export interface SyncReport {
  sitesAdded: string[];
  sitesUpdated: string[];
  sitesDeactivated: string[];
  sitesReactivated: string[];
  domainsAdded: string[];
  domainsDeactivated: string[];
  domainsPromotedToSeed: string[];
}

const ACTOR = 'config-sync';

/** Brings the database in line with the config. Idempotent; removed sites and domains are marked inactive, never deleted. */
export async function syncSites(db: Executor, specs: SiteSpec[]): Promise<SyncReport> {
  const report: SyncReport = {
    sitesAdded: [],
    sitesUpdated: [],
    sitesDeactivated: [],
    sitesReactivated: [],
    domainsAdded: [],
    domainsDeactivated: [],
    domainsPromotedToSeed: [],
  };
  const run = async (tx: Executor) => {
    const existing = new Map((await tx.select().from(sites)).map((s) => [s.name, s]));
    const wanted = new Set(specs.map((s) => s.name));
    for (const spec of specs) {
      const fields = {
        status: spec.status,
        caseRef: spec.caseRef,
        region: spec.region,
        notes: spec.notes,
        schedule: spec.schedule ?? null,
        crawl: spec.crawl ?? null,
      };
      const row = existing.get(spec.name);
      let siteId: number;
      if (!row) {
        const [inserted] = await tx
          .insert(sites)
          .values({ name: spec.name, ...fields, origin: 'config' })
          .returning({ id: sites.id });
        siteId = inserted.id;
        report.sitesAdded.push(spec.name);
        await appendAudit(tx, {
          actor: ACTOR,
          action: 'site.added',
          subjectType: 'site',
          subjectId: spec.name,
          details: fields,
        });
      } else {
        siteId = row.id;
        const changed = Object.entries(fields).filter(
          ([key, value]) => stableJson(row[key as keyof typeof fields] ?? null) !== stableJson(value),
        );
        if (changed.length > 0 || !row.active || row.origin !== 'config') {
          await tx
            .update(sites)
            .set({ ...fields, active: true, origin: 'config', updatedAt: new Date() })
            .where(eq(sites.id, row.id));
          if (!row.active) report.sitesReactivated.push(spec.name);
          if (changed.length > 0) report.sitesUpdated.push(spec.name);
          await appendAudit(tx, {
            actor: ACTOR,
            action: row.active ? 'site.updated' : 'site.reactivated',
            subjectType: 'site',
            subjectId: spec.name,
            details: Object.fromEntries(
              changed.map(([k, v]) => [k, { from: row[k as keyof typeof fields] ?? null, to: v }]),
            ),
          });
        }
      }
      await syncSeedDomains(tx, siteId, spec, report);
    }
    for (const row of existing.values()) {
      if (row.origin === 'config' && row.active && !wanted.has(row.name)) {
        await tx.update(sites).set({ active: false, updatedAt: new Date() }).where(eq(sites.id, row.id));
        await tx
          .update(domains)
          .set({ active: false })
          .where(and(eq(domains.siteId, row.id), eq(domains.active, true)));
        report.sitesDeactivated.push(row.name);
        await appendAudit(tx, { actor: ACTOR, action: 'site.deactivated', subjectType: 'site', subjectId: row.name });
      }
    }
  };
  await (db as { transaction: (fn: (tx: Executor) => Promise<void>) => Promise<void> }).transaction(run);
  return report;
}

async function syncSeedDomains(tx: Executor, siteId: number, spec: SiteSpec, report: SyncReport): Promise<void> {
  const wanted = new Set(spec.domains);
  const known = spec.domains.length
    ? await tx.select().from(domains).where(inArray(domains.hostname, spec.domains))
    : [];
  const byName = new Map(known.map((d) => [d.hostname, d]));
  for (const hostname of spec.domains) {
    const row = byName.get(hostname);
    if (!row) {
      await tx
        .insert(domains)
        .values({ hostname, role: 'seed', siteId, source: 'config', sourceDetail: `config site ${spec.name}` });
      report.domainsAdded.push(hostname);
      await appendAudit(tx, {
        actor: ACTOR,
        action: 'domain.added',
        subjectType: 'domain',
        subjectId: hostname,
        details: { site: spec.name },
      });
    } else if (row.role !== 'seed' || row.siteId !== siteId || !row.active) {
      await tx
        .update(domains)
        .set({ role: 'seed', siteId, active: true, lastSeenAt: new Date() })
        .where(eq(domains.id, row.id));
      if (row.role !== 'seed') report.domainsPromotedToSeed.push(hostname);
      else report.domainsAdded.push(hostname);
      await appendAudit(tx, {
        actor: ACTOR,
        action: row.role !== 'seed' ? 'domain.promoted-to-seed' : 'domain.reactivated',
        subjectType: 'domain',
        subjectId: hostname,
        details: { site: spec.name, previousRole: row.role, previousSource: row.source },
      });
    }
  }
  const seeds = await tx
    .select()
    .from(domains)
    .where(and(eq(domains.siteId, siteId), eq(domains.role, 'seed'), eq(domains.active, true)));
  for (const seed of seeds) {
    if (!wanted.has(seed.hostname)) {
      await tx.update(domains).set({ active: false }).where(eq(domains.id, seed.id));
      report.domainsDeactivated.push(seed.hostname);
      await appendAudit(tx, {
        actor: ACTOR,
        action: 'domain.deactivated',
        subjectType: 'domain',
        subjectId: seed.hostname,
        details: { site: spec.name },
      });
    }
  }
}

export interface SiteWithDomains extends SiteRow {
  domains: DomainRow[];
  lastRunAt: Date | null;
}

export async function listSites(db: Executor, options: { includeInactive?: boolean } = {}): Promise<SiteWithDomains[]> {
  const rows = await db
    .select()
    .from(sites)
    .where(options.includeInactive ? undefined : eq(sites.active, true))
    .orderBy(sites.name);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const seedRows = await db.select().from(domains).where(inArray(domains.siteId, ids)).orderBy(domains.hostname);
  const runs = await db
    .select({ siteId: crawlRuns.siteId, last: sql<string | null>`max(${crawlRuns.startedAt})` })
    .from(crawlRuns)
    .where(inArray(crawlRuns.siteId, ids))
    .groupBy(crawlRuns.siteId);
  const lastRun = new Map(runs.map((r) => [r.siteId, r.last ? new Date(r.last) : null]));
  return rows.map((site) => ({
    ...site,
    domains: seedRows.filter((d) => d.siteId === site.id && (options.includeInactive || d.active)),
    lastRunAt: lastRun.get(site.id) ?? null,
  }));
}

export async function getSiteByName(db: Executor, name: string): Promise<SiteWithDomains> {
  const [site] = await db.select().from(sites).where(eq(sites.name, name));
  if (!site) throw new NotFoundError(`No monitored site is named "${name}". See: phenix sites list`);
  const seedRows = await db.select().from(domains).where(eq(domains.siteId, site.id)).orderBy(domains.hostname);
  const [run] = await db
    .select({ at: crawlRuns.startedAt })
    .from(crawlRuns)
    .where(eq(crawlRuns.siteId, site.id))
    .orderBy(desc(crawlRuns.startedAt))
    .limit(1);
  return { ...site, domains: seedRows, lastRunAt: run?.at ?? null };
}

/** Records what the last crawl of a monitored site showed: online, down, seized, gone, redirected. */
export async function setSiteLiveState(db: Executor, siteId: number, liveState: string, at: Date): Promise<boolean> {
  const [row] = await db.select({ liveState: sites.liveState }).from(sites).where(eq(sites.id, siteId));
  if (!row) throw new NotFoundError(`No monitored site with id ${siteId}`);
  const changed = row.liveState !== liveState;
  await db
    .update(sites)
    .set({ liveState, lastCrawledAt: at, ...(changed ? { liveStateChangedAt: at } : {}) })
    .where(eq(sites.id, siteId));
  if (changed) {
    await appendAudit(db, {
      actor: 'monitor',
      action: 'site.live-state',
      subjectType: 'site',
      subjectId: siteId,
      details: { from: row.liveState, to: liveState },
    });
  }
  return changed;
}

/**
 * A candidate confirmed as a clone becomes a monitored site itself (status suspected, same case), so a
 * clone of the clone is found too. Returns the new site's name, or null when it is monitored already.
 */
export async function promoteConfirmedClone(db: Executor, alertId: number): Promise<string | null> {
  const [row] = await db
    .select({ alert: alerts, site: sites, domain: domains })
    .from(alerts)
    .innerJoin(sites, eq(sites.id, alerts.siteId))
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(eq(alerts.id, alertId));
  if (!row) throw new NotFoundError(`No alert with id ${alertId}`);
  if (row.alert.status !== 'confirmed' || row.domain.role === 'seed') return null;
  const name = `${row.domain.hostname.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`.slice(0, 63);
  const [site] = await db
    .insert(sites)
    .values({
      name,
      status: 'suspected',
      caseRef: row.site.caseRef,
      region: row.site.region,
      notes: `Confirmed clone of ${row.site.name} (alert #${alertId}, ${row.alert.reviewer ?? 'unknown analyst'})`,
      origin: 'promoted',
      promotedFromAlertId: alertId,
    })
    .onConflictDoNothing({ target: sites.name })
    .returning();
  if (!site) return null;
  await db.update(domains).set({ role: 'seed', siteId: site.id, active: true }).where(eq(domains.id, row.domain.id));
  await appendAudit(db, {
    actor: 'monitor',
    action: 'site.promoted',
    subjectType: 'site',
    subjectId: name,
    details: { alertId, cloneOf: row.site.name, domain: row.domain.hostname },
  });
  return name;
}

export async function confirmedAlertsToPromote(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .innerJoin(domains, eq(domains.id, alerts.candidateDomainId))
    .where(and(eq(alerts.status, 'confirmed'), eq(domains.role, 'candidate')));
  return rows.map((r) => r.id);
}
