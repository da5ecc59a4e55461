/**
 * Login attempts counted in the database (schema/login-attempts.ts). `claimLoginAttempt` reads the recent
 * attempts of each key and, if the caller's policy allows one more, records it — all under one advisory lock, so
 * parallel requests (one process or several) are counted one after the other and none slips through before the
 * others are written. The policy itself (free attempts, doubling waits) belongs to the review page.
 */
import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { loginAttempts } from '../schema/index.ts';

/** Phénix's own advisory-lock key for logins (the audit chain uses ...512). */
const LOGIN_LOCK_KEY = 7262021604513;

export interface LoginAttemptClaim {
  /** 0 when the attempt was recorded; otherwise how long to wait (nothing recorded). */
  waitMs: number;
  /** Rows written for this attempt, to forget when the password turns out right. */
  ids: number[];
}

/**
 * `decide` receives, per key hash, the times (ms, ascending) of the attempts still inside the window and returns
 * the wait; when it is 0, one attempt is recorded under every key at `now`.
 */
export async function claimLoginAttempt(
  db: Executor,
  input: {
    keyHashes: readonly string[];
    windowMs: number;
    now: number;
    decide: (timesByKey: ReadonlyMap<string, number[]>) => number;
  },
): Promise<LoginAttemptClaim> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_LOCK_KEY})`);
    const cutoff = new Date(input.now - input.windowMs);
    await tx.delete(loginAttempts).where(lt(loginAttempts.at, cutoff));
    const rows = await tx
      .select({ keyHash: loginAttempts.keyHash, at: loginAttempts.at })
      .from(loginAttempts)
      .where(and(inArray(loginAttempts.keyHash, [...input.keyHashes]), gt(loginAttempts.at, cutoff)))
      .orderBy(loginAttempts.at);
    const times = new Map<string, number[]>(input.keyHashes.map((k) => [k, []]));
    for (const r of rows) times.get(r.keyHash)?.push(r.at.getTime());
    const waitMs = input.decide(times);
    if (waitMs > 0) return { waitMs, ids: [] };
    const at = new Date(input.now);
    const written = await tx
      .insert(loginAttempts)
      .values(input.keyHashes.map((keyHash) => ({ keyHash, at })))
      .returning({ id: loginAttempts.id });
    return { waitMs: 0, ids: written.map((w) => w.id) };
  });
}

/** The password was right: this attempt is no failure. */
export async function forgetLoginAttempt(db: Executor, ids: readonly number[]): Promise<void> {
  if (ids.length) await db.delete(loginAttempts).where(inArray(loginAttempts.id, [...ids]));
}
