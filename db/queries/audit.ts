/** The append-only audit log: every decision and every change the config brings. */
import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { type AuditRow, auditLog } from '../schema/index.ts';

export interface AuditEntry {
  actor: string;
  action: string;
  subjectType: string;
  subjectId: string | number;
  details?: Record<string, unknown>;
}

export async function appendAudit(db: Executor, entries: AuditEntry | AuditEntry[]): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db.insert(auditLog).values(
    list.map((e) => ({
      actor: e.actor,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: String(e.subjectId),
      details: e.details ?? {},
    })),
  );
}

export async function listAudit(
  db: Executor,
  filter: { subjectType?: string; subjectId?: string | number } = {},
): Promise<AuditRow[]> {
  const where = [];
  if (filter.subjectType) where.push(eq(auditLog.subjectType, filter.subjectType));
  if (filter.subjectId !== undefined) where.push(eq(auditLog.subjectId, String(filter.subjectId)));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}
