/**
 * Opens the job queue for a command: only on a shared PostgreSQL server (the embedded database is one
 * process by design), with a message that says what to change when it is not.
 */
import type { Config } from '../config/index.ts';
import type { MonitorContext } from '../monitor/index.ts';
import { type Boss, openBoss, QueueSetupError } from '../queue/index.ts';

export function requireQueueUrl(config: Config, command: string): string {
  const url = config.database.url;
  if (!url)
    throw new QueueSetupError(
      `${command} needs a shared PostgreSQL database: set database.url in the config or DATABASE_URL. ` +
        'With the embedded database, everything runs in one process: use "phenix serve" (or "phenix run --once") ' +
        'and leave queue.enabled off.',
    );
  return url;
}

export async function withQueue<T>(
  ctx: MonitorContext,
  command: string,
  options: { schedule?: boolean },
  fn: (boss: Boss) => Promise<T>,
): Promise<T> {
  const url = requireQueueUrl(ctx.config, command);
  const boss = await openBoss({ url, queue: ctx.config.queue, logger: ctx.logger, schedule: options.schedule });
  try {
    return await fn(boss);
  } finally {
    await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  }
}
