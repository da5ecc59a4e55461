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
