/**
 * A worker's screening tools per cycle: the monitored sites' screening profiles, the guard proxy, the index and the
 * DNS cache are set up by the cycle's first batch this worker takes and shared by its next ones (setting them up
 * per batch cost more than screening 2,000 mostly-NXDOMAIN names). Tools of an older cycle are closed once no
 * batch uses them; all are closed when the worker stops (those in use when their batch ends).
 */
import { monitoredForScreening } from '../monitor/index.ts';
import { createScreener, type Screener } from '../screen/index.ts';
import type { JobContext } from './job-context.ts';

interface Entry {
  screener: Promise<Screener>;
  users: number;
}

export interface ScreenerPool {
  /** Runs `fn` with the screener of `cycleId` (set up on first use). */
  use<T>(cycleId: string, fn: (screener: Screener) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export function createScreenerPool(jc: JobContext): ScreenerPool {
  const entries = new Map<string, Entry>();
  let closing = false;
  const closeIdle = async (keep: string | null) => {
    for (const [cycleId, entry] of entries) {
      if (cycleId === keep || entry.users > 0) continue;
      entries.delete(cycleId);
      await (await entry.screener.catch(() => null))?.close();
    }
  };
  return {
    async use(cycleId, fn) {
      let entry = entries.get(cycleId);
      if (!entry) {
        const { ctx } = jc;
        const screener = monitoredForScreening(ctx.db).then((set) =>
          createScreener({ config: ctx.config, db: ctx.db, logger: jc.log, signal: ctx.signal }, set),
        );
        entry = { screener, users: 0 };
        entries.set(cycleId, entry);
        // A failed set-up is not kept: the batch fails, its retry sets up again.
        screener.catch(() => entries.delete(cycleId));
      }
      entry.users++;
      try {
        return await fn(await entry.screener);
      } finally {
        entry.users--;
        await closeIdle(closing ? null : cycleId);
      }
    },
    /** Closes the idle tools now, the ones a batch still uses when it ends. */
    async close() {
      closing = true;
      await closeIdle(null);
    },
  };
}
