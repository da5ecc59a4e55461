/**
 * What runs beside the work of `serve` and `worker`: the notifications sender, the /metrics + /healthz endpoint and
 * the hourly seal of the journal's tail. All start with the service and stop before the database closes.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/index.ts';
import type { Database } from '../db/index.ts';
import { type Liveness, type QueueCount, startMetricsServer } from '../metrics/index.ts';
import { startJournalSealer } from '../monitor/index.ts';
import { createNotifier } from '../notify/index.ts';
import { type Boss, isCycleQueue, queueStatus } from '../queue/index.ts';
import { UsageError } from './errors.ts';
import { print } from './output.ts';

export interface ServiceExtrasOptions {
  db: Database;
  config: Config;
  logger: Logger;
  liveness: Liveness;
  boss?: Boss;
}

export async function withServiceExtras<T>(o: ServiceExtrasOptions, fn: () => Promise<T>): Promise<T> {
  const notifier = createNotifier({
    db: o.db,
    config: o.config.notify,
    publicUrl: o.config.review.publicUrl,
    logger: o.logger,
  });
  notifier.start();
  const m = o.config.metrics;
  const metrics = m.enabled
    ? await startMetricsServer({
        db: o.db,
        host: m.host,
        port: m.port,
        logger: o.logger,
        liveness: o.liveness,
        maxCycleAgeMs: m.maxCycleAgeHours * 3600_000,
        startedAt: new Date(),
        queueCounts: o.boss ? () => queueCounts(o.boss!) : undefined,
      }).catch(async (error) => {
        await notifier.stop();
        throw new UsageError(
          `Cannot serve /metrics on ${m.host}:${m.port}: ${(error as Error).message}. Change metrics.port (0 picks a free one) or set metrics.enabled: false.`,
        );
      })
    : null;
  if (metrics) print(`Metrics: ${metrics.url}/metrics · health: ${metrics.url}/healthz`);
  if (notifier.targets.length) print(`Notifications to: ${notifier.targets.join(', ')}`);
  const sealer = startJournalSealer({ db: o.db, logger: o.logger, tsaUrl: o.config.evidence.tsaUrl });
  try {
    return await fn();
  } finally {
    await sealer.stop();
    await metrics?.close();
    await notifier.stop();
  }
}

/** Per queue kind: the per-schedule cycle queues fold into "cycle" (their names hold site names). */
async function queueCounts(boss: Boss): Promise<QueueCount[]> {
  const { counts } = await queueStatus(boss, 0);
  return counts.map((c) => ({ queue: isCycleQueue(c.name) ? 'cycle' : c.name, state: c.state, n: c.n }));
}

/**
 * `run --once` ends by sending what its cycle put in the outbox (a few seconds at most); what a receiver refused
 * for now waits in the outbox for the next serve, worker or run.
 */
export async function drainNotifications(o: Omit<ServiceExtrasOptions, 'liveness' | 'boss'>, timeoutMs = 30_000) {
  const notifier = createNotifier({
    db: o.db,
    config: o.config.notify,
    publicUrl: o.config.review.publicUrl,
    logger: o.logger,
  });
  try {
    const { pending } = await notifier.drain(timeoutMs);
    if (pending > 0)
      print(`${pending} notification(s) not delivered yet; they are retried by the next phenix serve, worker or run.`);
  } finally {
    await notifier.stop();
  }
}
