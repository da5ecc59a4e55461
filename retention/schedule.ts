/**
 * The daily purge of `phenix serve` (config `retention.schedule`), as the account `retention`. A failed purge is
 * logged and tried again at the next run; a run still going when the next is due is skipped.
 */
import { createTask } from 'node-cron';
import type { Logger } from 'pino';
import { type PurgeOptions, runPurge } from './purge.ts';

export function startDailyPurge(cron: string, options: Omit<PurgeOptions, 'actor' | 'dryRun'>, log: Logger) {
  const task = createTask(
    cron,
    async () => {
      try {
        const report = await runPurge({ ...options, actor: 'retention' });
        log.info({ ...report.removed, legalHold: report.plan.legalHold.length }, 'retention purge done');
      } catch (error) {
        log.error({ err: error }, 'retention purge failed; it runs again at the next schedule');
      }
    },
    { name: 'retention', noOverlap: true },
  );
  task.start();
  return { stop: () => task.destroy() };
}
