/** Leases (see schema/locks.ts): take one if free or expired, renew it, give it back. */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { locks } from '../schema/index.ts';

export async function tryAcquireLease(
  db: Executor,
  key: string,
  owner: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insert(locks)
    .values({ key, owner, acquiredAt: now, expiresAt })
    .onConflictDoUpdate({
      target: locks.key,
      set: { owner, acquiredAt: now, expiresAt },
      setWhere: sql`${locks.expiresAt} < ${now.toISOString()}::timestamptz or ${locks.owner} = ${owner}`,
    })
    .returning({ owner: locks.owner });
  return rows.length === 1 && rows[0].owner === owner;
}

export async function renewLease(
  db: Executor,
  key: string,
  owner: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(locks)
    .set({ expiresAt: new Date(now.getTime() + ttlMs) })
    .where(and(eq(locks.key, key), eq(locks.owner, owner)))
    .returning({ key: locks.key });
  return rows.length === 1;
}

export async function releaseLease(db: Executor, key: string, owner: string): Promise<void> {
  await db.delete(locks).where(and(eq(locks.key, key), eq(locks.owner, owner)));
}

export async function purgeExpiredLeases(db: Executor, now = new Date()): Promise<void> {
  await db.delete(locks).where(lt(locks.expiresAt, now));
}

export async function leaseOwner(db: Executor, key: string): Promise<{ owner: string; expiresAt: Date } | null> {
  const [row] = await db
    .select({ owner: locks.owner, expiresAt: locks.expiresAt })
    .from(locks)
    .where(eq(locks.key, key));
  return row ?? null;
}

/** Takes over a lease from an owner known to be dead (same machine, process gone). */
export async function takeOverLease(
  db: Executor,
  key: string,
  deadOwner: string,
  owner: string,
  ttlMs: number,
  now = new Date(),
): Promise<boolean> {
  const rows = await db
    .update(locks)
    .set({ owner, acquiredAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
    .where(and(eq(locks.key, key), eq(locks.owner, deadOwner)))
    .returning({ key: locks.key });
  return rows.length === 1;
}
