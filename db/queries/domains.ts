/** Domains (seeds and candidates): record candidates with their source, DNS state and its changes, list them. */
import { and, asc, count, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { NotFoundError } from '../errors.ts';
import {
  alerts,
  type DnsState,
  type DomainRow,
  type DomainSource,
  dnsEvents,
  domains,
  type ScreenState,
  sites,
} from '../schema/index.ts';

export interface CandidateInput {
  hostname: string;
  source: DomainSource;
  sourceDetail: string;
  originSiteId?: number | null;
  /** Lookalikes: plausibility in [0, 1] (the reason is in sourceDetail). */
  plausibility?: number | null;
}

/**
 * Records candidates; a known hostname keeps its first source and first-seen time (only last-seen moves).
 * Returns the hostnames that were new.
 */
export async function upsertCandidates(db: Executor, list: CandidateInput[], at = new Date()): Promise<string[]> {
  if (list.length === 0) return [];
  const unique = [...new Map(list.map((c) => [c.hostname, c])).values()];
  const added: string[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const rows = await db
      .insert(domains)
      .values(
        chunk.map((c) => ({
          hostname: c.hostname,
          role: 'candidate' as const,
          source: c.source,
          sourceDetail: c.sourceDetail,
          originSiteId: c.originSiteId ?? null,
          plausibility: c.plausibility ?? null,
          firstSeenAt: at,
          lastSeenAt: at,
        })),
      )
      .onConflictDoNothing({ target: domains.hostname })
      .returning({ hostname: domains.hostname });
    added.push(...rows.map((r) => r.hostname));
    const known = chunk.map((c) => c.hostname).filter((h) => !rows.some((r) => r.hostname === h));
    if (known.length) await db.update(domains).set({ lastSeenAt: at }).where(inArray(domains.hostname, known));
  }
  return added;
}

export interface DomainFilter {
  role?: 'seed' | 'candidate';
  source?: DomainSource;
  dnsState?: DnsState;
  active?: boolean;
  siteId?: number;
  hostnames?: string[];
  ids?: number[];
}

export async function listDomains(db: Executor, filter: DomainFilter = {}): Promise<DomainRow[]> {
  const where: SQL[] = [];
  if (filter.role) where.push(eq(domains.role, filter.role));
  if (filter.source) where.push(eq(domains.source, filter.source));
  if (filter.dnsState) where.push(eq(domains.dnsState, filter.dnsState));
  if (filter.active !== undefined) where.push(eq(domains.active, filter.active));
  if (filter.siteId !== undefined) where.push(eq(domains.siteId, filter.siteId));
  if (filter.hostnames) {
    if (filter.hostnames.length === 0) return [];
    where.push(inArray(domains.hostname, filter.hostnames));
  }
  if (filter.ids) {
    if (filter.ids.length === 0) return [];
    where.push(inArray(domains.id, filter.ids));
  }
  return db
    .select()
    .from(domains)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(domains.hostname));
}

export async function getDomain(db: Executor, hostname: string): Promise<DomainRow> {
  const [row] = await db.select().from(domains).where(eq(domains.hostname, hostname));
  if (!row) throw new NotFoundError(`Phénix does not know the domain ${hostname}. See: phenix candidates list`);
  return row;
}

export interface DnsObservation {
  state: DnsState;
  addresses: string[];
  records?: Record<string, unknown>;
}

/** Stores the latest DNS answer; appends to the domain's DNS timeline only when the state or the addresses change. */
export async function recordDns(
  db: Executor,
  domainId: number,
  observation: DnsObservation,
  at = new Date(),
): Promise<boolean> {
  const [row] = await db.select().from(domains).where(eq(domains.id, domainId));
  if (!row) throw new NotFoundError(`No domain with id ${domainId}`);
  const addresses = [...observation.addresses].sort();
  const changed =
    row.dnsState !== observation.state || JSON.stringify([...row.dnsAddresses].sort()) !== JSON.stringify(addresses);
  await db
    .update(domains)
    .set({
      dnsState: observation.state,
      dnsAddresses: addresses,
      dnsCheckedAt: at,
      ...(changed ? { dnsChangedAt: at } : {}),
    })
    .where(eq(domains.id, domainId));
  if (changed) {
    await db
      .insert(dnsEvents)
      .values({ domainId, state: observation.state, addresses, records: observation.records ?? {}, observedAt: at });
  }
  return changed;
}

export async function listDnsEvents(db: Executor, domainId: number) {
  return db
    .select()
    .from(dnsEvents)
    .where(eq(dnsEvents.domainId, domainId))
    .orderBy(asc(dnsEvents.observedAt), asc(dnsEvents.id));
}

export async function markDomainCrawled(db: Executor, domainId: number, at = new Date()): Promise<void> {
  await db.update(domains).set({ lastCrawledAt: at }).where(eq(domains.id, domainId));
}

export interface CandidateListing extends DomainRow {
  originSite: string | null;
}

export interface CandidateFilter {
  source?: DomainSource;
  dnsState?: DnsState;
  screenState?: ScreenState;
  /** Only names that raised an alert (true) or none (false). */
  hasAlert?: boolean;
}

function candidateWhere(filter: CandidateFilter): SQL | undefined {
  const where: SQL[] = [eq(domains.role, 'candidate')];
  if (filter.source) where.push(eq(domains.source, filter.source));
  if (filter.dnsState) where.push(eq(domains.dnsState, filter.dnsState));
  if (filter.screenState) where.push(eq(domains.screenState, filter.screenState));
  if (filter.hasAlert !== undefined) {
    const raised = sql`exists (select 1 from ${alerts} where ${alerts.candidateDomainId} = ${domains.id})`;
    where.push(filter.hasAlert ? raised : sql`not ${raised}`);
  }
  return and(...where);
}

/** Candidates, the most recently seen first; `limit` and `offset` page through millions of feed names. */
export async function listCandidates(
  db: Executor,
  filter: CandidateFilter & { limit?: number; offset?: number } = {},
): Promise<CandidateListing[]> {
  const rows = await db
    .select({ domain: domains, originSite: sites.name })
    .from(domains)
    .leftJoin(sites, eq(sites.id, domains.originSiteId))
    .where(candidateWhere(filter))
    .orderBy(desc(domains.firstSeenAt), asc(domains.hostname))
    .limit(filter.limit ?? 1_000_000)
    .offset(filter.offset ?? 0);
  return rows.map((r) => ({ ...r.domain, originSite: r.originSite }));
}

export async function countCandidates(db: Executor, filter: CandidateFilter = {}): Promise<number> {
  const [row] = await db.select({ n: count() }).from(domains).where(candidateWhere(filter));
  return Number(row?.n ?? 0);
}

/** Ids of active candidates after `afterId`, in id order, `limit` at a time (keyset paging for millions). */
export async function activeCandidateIds(db: Executor, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .select({ id: domains.id })
    .from(domains)
    .where(and(eq(domains.role, 'candidate'), eq(domains.active, true), gt(domains.id, afterId)))
    .orderBy(asc(domains.id))
    .limit(limit);
  return rows.map((r) => r.id);
}
