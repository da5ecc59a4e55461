/**
 * Delivers the outbox: fans each new event out to the targets that want it, then sends what is due, retrying
 * failures with a doubling delay and recording every attempt. It runs beside the cycles (serve, worker) on its own
 * timer, so a slow or dead receiver never holds a cycle; `run --once` drains it before exiting.
 */
import type { Logger } from 'pino';
import type { NotifyConfig } from '../config/index.ts';
import {
  claimDueDeliveries,
  type Database,
  enqueueNotification,
  fanOutNotifications,
  pendingNotificationCount,
  recordDeliveryAttempt,
} from '../db/index.ts';
import { type Target, targetsFromConfig } from './targets.ts';

export interface NotifierOptions {
  db: Database;
  config: NotifyConfig;
  /** review.publicUrl: links in messages. */
  publicUrl?: string;
  logger: Logger;
  /** How often the outbox is looked at (default 5 s). */
  pollMs?: number;
  /** Replaced in tests to make retries immediate. */
  now?: () => Date;
}

export interface TickReport {
  fannedOut: number;
  attempted: number;
  delivered: number;
  failed: number;
}

export interface Notifier {
  targets: string[];
  /** One pass: fan out new events, send what is due. */
  tick(): Promise<TickReport>;
  /** Starts the timer (serve, worker). */
  start(): void;
  /**
   * Passes until nothing is due or `timeoutMs` passed. What waits for a later retry stays in the outbox for the
   * service; `pending` counts everything not delivered yet.
   */
  drain(timeoutMs: number): Promise<{ pending: number }>;
  stop(): Promise<void>;
}

/** Delay before attempt n+1 (n ≥ 1): retrySeconds · 2^(n-1), ±20 % so processes do not retry in step, ≤ 6 h. */
export function retryDelayMs(config: Pick<NotifyConfig, 'retrySeconds'>, attemptsSoFar: number, random = Math.random) {
  const base = config.retrySeconds * 1000 * 2 ** Math.max(0, attemptsSoFar - 1);
  return Math.min(6 * 3600_000, Math.round(base * (0.8 + 0.4 * random())));
}

export function createNotifier(options: NotifierOptions): Notifier {
  const log = options.logger.child({ component: 'notify' });
  const now = options.now ?? (() => new Date());
  const targets: Target[] = targetsFromConfig(options.config, {
    publicUrl: options.publicUrl,
    timeoutMs: options.config.timeoutSeconds * 1000,
  });
  const byKey = new Map(targets.map((t) => [t.key, t]));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const tick = async (): Promise<TickReport> => {
    const report: TickReport = { fannedOut: 0, attempted: 0, delivered: 0, failed: 0 };
    report.fannedOut = await fanOutNotifications(options.db, (event) =>
      targets.filter((t) => t.wants(event)).map((t) => t.key),
    );
    for (;;) {
      const due = await claimDueDeliveries(options.db, { now: now(), limit: 20 });
      if (due.length === 0) break;
      for (const d of due) {
        const target = byKey.get(d.delivery.target);
        const started = Date.now();
        const result = target
          ? await target.send(
              { id: d.delivery.outboxId, event: d.event, createdAt: d.createdAt, payload: d.payload },
              d.delivery.id,
            )
          : { ok: false, detail: 'this target is no longer in the config', retryable: false };
        const attempts = d.delivery.attempts + 1;
        const giveUp = !result.ok && (!result.retryable || attempts >= options.config.maxAttempts);
        const retryAt = result.ok || giveUp ? null : new Date(now().getTime() + retryDelayMs(options.config, attempts));
        await recordDeliveryAttempt(
          options.db,
          d.delivery.id,
          { ok: result.ok, detail: result.detail, durationMs: Date.now() - started, retryAt },
          now(),
        );
        report.attempted++;
        if (result.ok) report.delivered++;
        else {
          report.failed++;
          const fields = { target: d.delivery.target, event: d.event, attempt: attempts, detail: result.detail };
          if (giveUp) log.error(fields, 'notification given up');
          else log.warn({ ...fields, retryAt }, 'notification failed; will retry');
        }
      }
    }
    if (report.attempted) log.info(report, 'notifications sent');
    return report;
  };

  // One pass at a time: the timer, drain() and stop() queue behind each other.
  const pass = (): Promise<TickReport | null> => {
    const p = running.then(() =>
      tick().catch((error) => {
        log.warn({ err: error }, 'notifications could not be processed now (database unreachable?); next pass retries');
        return null;
      }),
    );
    running = p;
    return p;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void pass().then(schedule);
    }, options.pollMs ?? 5000);
    timer.unref();
  };

  return {
    targets: targets.map((t) => t.key),
    tick,
    start: () => {
      if (targets.length === 0) log.debug('no notification target configured');
      schedule();
    },
    drain: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await pass();
        const due = await pendingNotificationCount(options.db, now());
        if (due === 0 || Date.now() >= deadline) return { pending: await pendingNotificationCount(options.db) };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
      for (const t of targets) t.close();
    },
  };
}

/** `phenix notify test`: one test event in the outbox, which every target receives. */
export async function enqueueTestNotification(db: Database, by: string): Promise<number> {
  return enqueueNotification(db, 'test', { by });
}
