/**
 * Screening of feed names: which are due (the most name-like first), and their results stored in one statement
 * per batch. An escalated name becomes an active candidate, crawled and compared like any other.
 */
import { and, asc, desc, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { type DnsState, domains, type ScreenState } from '../schema/index.ts';

export interface DueName {
  id: number;
  hostname: string;
  screenCount: number;
}

export async function dueForScreening(db: Executor, limit: number, at = new Date()): Promise<DueName[]> {
  return db
    .select({ id: domains.id, hostname: domains.hostname, screenCount: domains.screenCount })
    .from(domains)
    .where(and(isNotNull(domains.nextScreenAt), lte(domains.nextScreenAt, at)))
    .orderBy(desc(domains.lexicalScore), asc(domains.id))
    .limit(limit);
}

export async function namesByIds(db: Executor, ids: number[]): Promise<DueName[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: domains.id, hostname: domains.hostname, screenCount: domains.screenCount })
    .from(domains)
    .where(inArray(domains.id, ids))
    .orderBy(asc(domains.id));
}

export interface ScreenResult {
  id: number;
  state: Exclude<ScreenState, 'pending'>;
  reason: string;
  /** Null: not to be screened again (escalated names are crawled instead). */
  nextScreenAt: Date | null;
  dnsState: DnsState;
  addresses: string[];
  /** For escalated names: the monitored site the page looked like (kept as the candidate's origin). */
  siteId?: number | null;
}

export async function recordScreenResults(db: Executor, results: ScreenResult[], at = new Date()): Promise<void> {
  for (let i = 0; i < results.length; i += 5000) {
    const rows = results.slice(i, i + 5000).map((r) => ({
      id: r.id,
      st: r.state,
      re: r.reason.slice(0, 500),
      nx: r.nextScreenAt?.toISOString() ?? null,
      dn: r.dnsState,
      ad: r.addresses,
      si: r.siteId ?? null,
    }));
    const iso = at.toISOString();
    // One JSON parameter for the whole batch (see recordFeedBatch for why not a VALUES list).
    await db.execute(sql`
      update ${domains} d set
        screen_state = v.st, screen_reason = v.re, screened_at = ${iso}::timestamptz,
        next_screen_at = v.nx, screen_count = d.screen_count + 1,
        active = d.active or v.st = 'escalated',
        origin_site_id = coalesce(d.origin_site_id, v.si),
        dns_state = v.dn, dns_addresses = v.ad, dns_checked_at = ${iso}::timestamptz,
        dns_changed_at = case when d.dns_state is distinct from v.dn then ${iso}::timestamptz else d.dns_changed_at end
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as v(id int, st text, re text, nx timestamptz, dn text, ad jsonb, si int)
      where d.id = v.id`);
  }
}

/**
 * Claims up to `limit` due names for a screening job, the most name-like first: their due time moves to `until`,
 * so no other planner (another cycle, another worker) takes them. `FOR UPDATE SKIP LOCKED` keeps two planners
 * running at once apart. A claim whose job never ran expires at `until`: the names are due again, never lost.
 */
export async function claimDueForScreening(
  db: Executor,
  limit: number,
  until: Date,
  at = new Date(),
): Promise<DueName[]> {
  const rows = (await db.execute(sql`
    update ${domains} d set next_screen_at = ${until.toISOString()}::timestamptz
    where d.id in (
      select id from ${domains}
      where next_screen_at is not null and next_screen_at <= ${at.toISOString()}::timestamptz
      order by lexical_score desc, id limit ${limit}
      for update skip locked)
    returning d.id, d.hostname, d.screen_count as "screenCount", d.lexical_score as "lexicalScore"`)) as unknown as
    | { rows: ClaimedRow[] }
    | ClaimedRow[];
  const list = Array.isArray(rows) ? rows : rows.rows;
  return list
    .sort((a, b) => Number(b.lexicalScore) - Number(a.lexicalScore) || Number(a.id) - Number(b.id))
    .map((r) => ({ id: Number(r.id), hostname: r.hostname, screenCount: Number(r.screenCount) }));
}

interface ClaimedRow {
  id: number;
  hostname: string;
  screenCount: number;
  lexicalScore: number;
}

/** Where names of a screening job stand: screened since `since` (by an earlier attempt) or still to screen. */
export async function screeningSince(
  db: Executor,
  ids: number[],
  since: Date,
): Promise<{ toScreen: DueName[]; escalatedAlready: { id: number; hostname: string }[] }> {
  if (ids.length === 0) return { toScreen: [], escalatedAlready: [] };
  const rows = await db
    .select({
      id: domains.id,
      hostname: domains.hostname,
      screenCount: domains.screenCount,
      screenedAt: domains.screenedAt,
      screenState: domains.screenState,
    })
    .from(domains)
    .where(inArray(domains.id, ids))
    .orderBy(asc(domains.id));
  const done = (r: (typeof rows)[number]) => r.screenedAt !== null && r.screenedAt.getTime() >= since.getTime();
  return {
    toScreen: rows.filter((r) => !done(r)).map(({ id, hostname, screenCount }) => ({ id, hostname, screenCount })),
    escalatedAlready: rows
      .filter((r) => done(r) && r.screenState === 'escalated')
      .map(({ id, hostname }) => ({ id, hostname })),
  };
}
