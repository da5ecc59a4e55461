/**
 * The append-only, hash-chained audit log: every decision, consultation, export, purge and change the config
 * brings. The database sets each entry's time, position and hashes (migration 0004); callers give only who,
 * what and on which subject.
 */
import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { type AuditRow, auditLog } from '../schema/index.ts';
import { type ChainEntry, type ChainReport, createChainChecker } from './audit-chain.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | number;
  details?: Record<string, unknown>;
}

/** Where the process writing the journal runs, and how its account was proven (cli/identity.ts). */
export interface AuditOrigin {
  osUser: string;
  host: string;
  /** token, db-role, bootstrap (no account yet) or password. */
  proof: string;
}

let processOrigin: AuditOrigin | undefined;

/**
 * Set once the CLI has proven who runs it: every entry this process writes then carries `details.origin` (the
 * operating-system user and host next to the account), so an entry says from where, not only in whose name.
 */
export function setAuditOrigin(origin: AuditOrigin | undefined): void {
  processOrigin = origin;
}

export async function appendAudit(db: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  const origin = processOrigin;
  await db.insert(auditLog).values(
    list.map((e) => ({
      actor: e.actor,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: String(e.subjectId),
      details: origin ? { ...e.details, origin } : (e.details ?? {}),
    })),
  );
}

export interface AuditFilter {
  subjectType?: string;
  subjectId?: string | number;
  actor?: string;
  /** Action, or a prefix ending in "." (e.g. "view." for every consultation). */
  action?: string;
  since?: Date;
  until?: Date;
  limit?: number;
  /** Newest first (the journal page); the default is the chain's order. */
  newestFirst?: boolean;
}

export async function listAudit(db: Executor, filter: AuditFilter = {}): Promise<AuditRow[]> {
  const where = [];
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId !== undefined) where.push(eq(auditLog.subjectId, String(filter.subjectId)));
  if (filter.actor) where.push(eq(auditLog.actor, filter.actor));
  if (filter.action) {
    where.push(
      filter.action.endsWith('.')
        ? sql`starts_with(${auditLog.action}, ${filter.action})`
        : eq(auditLog.action, filter.action),
    );
  }
  if (filter.since) where.push(gte(auditLog.at, filter.since));
  if (filter.until) where.push(lte(auditLog.at, filter.until));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(filter.newestFirst ? desc(auditLog.seq) : asc(auditLog.seq))
    .limit(filter.limit ?? 100_000);
}

type RawRows<T> = T[] | { rows: T[] };
function rowsOf<T>(result: unknown): T[] {
  const r = result as RawRows<T>;
  return Array.isArray(r) ? r : r.rows;
}

/** Recomputes the whole chain in batches; the report names every removed, changed or moved entry. */
export async function verifyAuditChain(db: Executor, batchSize = 5000): Promise<ChainReport> {
  const checker = createChainChecker();
  let after = 0;
  for (;;) {
    const batch = rowsOf<{
      id: string | number;
      seq: string | number;
      at: string;
      actor: string;
      action: string;
      subject_type: string;
      subject_id: string;
      details: string;
      prev_hash: string;
      hash: string;
    }>(
      await db.execute(sql`
        select id, seq, actor, action, subject_type, subject_id, prev_hash, hash, details::text as details,
          to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from public.audit_log where seq > ${after} order by seq limit ${batchSize}`),
    );
    for (const r of batch) {
      const entry: ChainEntry = {
        id: Number(r.id),
        seq: Number(r.seq),
        at: r.at,
        actor: r.actor,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        details: r.details,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
      checker.add(entry);
      after = entry.seq;
    }
    if (batch.length < batchSize) return checker.result();
  }
}
