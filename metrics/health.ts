/**
 * The health verdict of a serve or worker process: the database answers, the process's own loop (scheduler or
 * worker) is alive, and a cycle completed recently enough. Unhealthy means a monitoring system should page someone.
 * The answer needs no login, so it says what is wrong in plain words and never echoes a driver's message (hosts,
 * addresses, role names): those go to the service log through `onError`.
 */
import { type Executor, latestCycles, pingDatabase } from '../db/index.ts';

export interface Liveness {
  /** "scheduler", "worker", "queue schedules". */
  name: string;
  alive(): boolean;
}

export interface HealthOptions {
  db: Executor;
  liveness: Liveness;
  maxCycleAgeMs: number;
  /** When the process started: a fresh install has no cycle yet and is healthy until maxCycleAge has passed. */
  startedAt: Date;
  now?: () => Date;
  /** The driver's error behind an unhealthy answer, for the service log (the answer itself never carries it). */
  onError?: (error: unknown, check: 'database' | 'lastCycle') => void;
}

export interface HealthReport {
  status: 'ok' | 'unhealthy';
  checks: {
    database: { ok: boolean; detail: string };
    loop: { ok: boolean; name: string };
    lastCycle: {
      ok: boolean;
      /** Seconds since the last completed cycle ended, or null when none ever did. */
      ageSeconds: number | null;
      lastStatus: string | null;
      lastEndedAt: string | null;
      detail: string;
    };
  };
}

export async function checkHealth(o: HealthOptions): Promise<HealthReport> {
  const now = (o.now ?? (() => new Date()))();
  const { error: pingError, ...database } = await pingDatabase(o.db);
  if (pingError !== undefined) o.onError?.(pingError, 'database');
  const loop = { ok: o.liveness.alive(), name: o.liveness.name };
  let lastCycle: HealthReport['checks']['lastCycle'] = {
    ok: false,
    ageSeconds: null,
    lastStatus: null,
    lastEndedAt: null,
    detail: 'unknown: the database does not answer',
  };
  if (database.ok) {
    try {
      const { ended, completed } = await latestCycles(o.db);
      const age = completed?.finishedAt ? (now.getTime() - completed.finishedAt.getTime()) / 1000 : null;
      const limit = o.maxCycleAgeMs / 1000;
      const young = now.getTime() - o.startedAt.getTime() < o.maxCycleAgeMs;
      const ok = age === null ? young : age <= limit;
      lastCycle = {
        ok,
        ageSeconds: age === null ? null : Math.round(age),
        lastStatus: ended?.status ?? null,
        lastEndedAt: ended?.finishedAt?.toISOString() ?? null,
        detail:
          age === null
            ? ok
              ? 'no cycle completed yet'
              : `no cycle completed in the ${limit / 3600} h since this process started`
            : ok
              ? 'recent enough'
              : `the last completed cycle ended ${Math.round(age / 60)} min ago (limit ${limit / 3600} h)`,
      };
    } catch (error) {
      o.onError?.(error, 'lastCycle');
      lastCycle.detail = 'could not be read (the reason is in the service log)';
    }
  }
  const status = database.ok && loop.ok && lastCycle.ok ? 'ok' : 'unhealthy';
  return { status, checks: { database, loop, lastCycle } };
}
