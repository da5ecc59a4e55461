/**
 * Never two cycles on one site: work on a site or a candidate runs under a lease. A lease left by a
 * process killed on this machine is taken over at once; one held by a live process is respected; any
 * other expires after its time to live.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { leaseOwner, releaseLease, renewLease, takeOverLease, tryAcquireLease } from '../db/index.ts';
import { isProcessAlive } from '../lib/process-alive.ts';
import type { MonitorContext } from './context.ts';

const TTL_MS = 10 * 60_000;
const RENEW_EVERY_MS = 2 * 60_000;

/** host:pid:nonce — unique per monitor context, so two cycles in one process exclude each other too. */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function deadLocalOwner(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !pid) return false;
  const n = Number(pid);
  return n !== process.pid && !isProcessAlive(n);
}

export type LeaseResult<T> = { ran: true; value: T } | { ran: false; heldBy: string };

export async function withLease<T>(ctx: MonitorContext, key: string, fn: () => Promise<T>): Promise<LeaseResult<T>> {
  let acquired = await tryAcquireLease(ctx.db, key, ctx.owner, TTL_MS);
  if (!acquired) {
    const holder = await leaseOwner(ctx.db, key);
    if (holder && deadLocalOwner(holder.owner))
      acquired = await takeOverLease(ctx.db, key, holder.owner, ctx.owner, TTL_MS);
    if (!acquired) return { ran: false, heldBy: holder?.owner ?? 'unknown' };
  }
  const timer = setInterval(() => {
    renewLease(ctx.db, key, ctx.owner, TTL_MS).catch((err) => ctx.logger.warn({ err, key }, 'could not renew lease'));
  }, RENEW_EVERY_MS);
  timer.unref();
  try {
    return { ran: true, value: await fn() };
  } finally {
    clearInterval(timer);
    await releaseLease(ctx.db, key, ctx.owner);
  }
}
