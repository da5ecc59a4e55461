/**
 * pg-boss on the shared PostgreSQL: started with the config's timeouts and retries, its queues created,
 * and an index on the cycle id of queued work so "is this cycle's stage done?" stays cheap with
 * millions of jobs.
 */
import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import { QUEUE } from './names.ts';

export type Boss = PgBoss;
export const BOSS_SCHEMA = 'pgboss';

export interface OpenBossOptions {
  url: string;
  queue: Config['queue'];
  logger: Logger;
  /** Evaluate the cron schedules (the `serve` processes); workers leave it off. */
  schedule?: boolean;
  /** Connection pool size. */
  maxConnections?: number;
}

export async function openBoss(options: OpenBossOptions): Promise<Boss> {
  const q = options.queue;
  const log = options.logger.child({ component: 'queue' });
  const boss = new PgBoss({
    connectionString: options.url,
    schema: BOSS_SCHEMA,
    application_name: 'phenix',
    max: options.maxConnections ?? 4,
    schedule: options.schedule ?? false,
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: q.maintenanceSeconds,
    cronMonitorIntervalSeconds: Math.min(30, q.maintenanceSeconds),
    // Completed jobs stay (and keep their ids, so re-sent work is not done twice) for three days.
    archiveCompletedAfterSeconds: 3 * 86_400,
    ...retryOptions(q),
  });
  boss.on('error', (err) => log.error({ err }, 'queue error'));
  await boss.start();
  try {
    // Several workers started together on a new database race to create the same queues: Postgres resolves the
    // race with a deadlock or a duplicate key error for all but one, and those try again.
    await retryOnConflict(async () => {
      for (const name of Object.values(QUEUE)) await ensureQueue(boss, name, q);
      for (const name of [QUEUE.crawl, QUEUE.screen, QUEUE.profile, QUEUE.compare]) await indexCycleIds(boss, name);
    });
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  }
  log.debug({ schedule: options.schedule ?? false }, 'queue started');
  return boss;
}

/** Deadlock (40P01), serialization failure (40001) or duplicate key (23505): another process did the same thing. */
const CONFLICT_CODES = new Set(['40P01', '40001', '23505']);

async function retryOnConflict(fn: () => Promise<void>, attempts = 8): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (error) {
      if (i >= attempts || !CONFLICT_CODES.has((error as { code?: string }).code ?? '')) throw error;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * i));
    }
  }
}

export function retryOptions(q: Config['queue']) {
  return {
    expireInSeconds: q.jobTimeoutSeconds,
    retryLimit: q.retryLimit,
    retryDelay: q.retryDelaySeconds,
    retryBackoff: true,
  };
}

export async function ensureQueue(boss: Boss, name: string, q: Config['queue']): Promise<void> {
  const existing = await boss.getQueue(name);
  if (existing) await boss.updateQueue(name, { name, ...retryOptions(q) });
  else await boss.createQueue(name, { name, policy: 'standard', ...retryOptions(q) });
}

async function indexCycleIds(boss: Boss, name: string): Promise<void> {
  const db = boss.getDb();
  const { rows } = await db.executeSql(`select partition_name from ${BOSS_SCHEMA}.queue where name = $1`, [name]);
  const partition = rows[0]?.partition_name as string | undefined;
  if (!partition || !/^\w+$/.test(partition)) return;
  await db.executeSql(
    `create index if not exists ${partition}_phenix_cycle_idx on ${BOSS_SCHEMA}.${partition} ((data->>'cycleId')) where state < 'completed'`,
    [],
  );
}

/**
 * Jobs of a cycle in these queues not yet finished (created, retry or active), counted in one statement: a job
 * sends its follow-ups (crawls of escalated names, of revealed ones) before it completes, so one snapshot never
 * sees a finished job without the work it sent.
 */
export async function unfinishedJobs(boss: Boss, queues: string | string[], cycleId: string): Promise<number> {
  const { rows } = await boss
    .getDb()
    .executeSql(
      `select count(*)::int as n from ${BOSS_SCHEMA}.job where name = any($1::text[]) and data->>'cycleId' = $2 and state < 'completed'`,
      [Array.isArray(queues) ? queues : [queues], cycleId],
    );
  return rows[0].n as number;
}

/** Counts per queue and state, and the most recent failures with their reason. */
export async function queueStatus(boss: Boss, failedLimit = 20) {
  const db = boss.getDb();
  const counts = await db.executeSql(
    `select name, state::text as state, count(*)::int as n from ${BOSS_SCHEMA}.job group by name, state order by name, state`,
    [],
  );
  const failed = await db.executeSql(
    `select id, name, data, output, retry_count as "retryCount", completed_on as "failedAt"
       from ${BOSS_SCHEMA}.job where state = 'failed' order by completed_on desc limit $1`,
    [failedLimit],
  );
  return {
    counts: counts.rows as { name: string; state: string; n: number }[],
    failed: failed.rows as {
      id: string;
      name: string;
      data: Record<string, unknown>;
      output: unknown;
      retryCount: number;
      failedAt: Date;
    }[],
  };
}
