/** `phenix queue status`: jobs per queue and state, and the latest failures with their reason. */
import type { Command } from 'commander';
import { terminalSafe as safe } from '../../lib/terminal-safe.ts';
import { queueStatus } from '../../queue/index.ts';
import { byOption, operator } from '../identity.ts';
import { parsePositiveInt, withMonitor } from '../monitor-context.ts';
import { formatTime, print, printJson } from '../output.ts';
import { withQueue } from '../queue-context.ts';

export function registerQueueCommands(program: Command): void {
  const queue = program.command('queue').description('the job queue of a several-machine deployment');
  queue
    .command('status')
    .description('jobs per queue and state, and the latest failed jobs with their reason')
    .option('--failed <n>', 'how many failed jobs to show', '10')
    .option('--json', 'print as JSON')
    .option(...byOption())
    .action(async (opts: { failed: string; json?: boolean; by?: string }, cmd: Command) => {
      const limit = parsePositiveInt('--failed', opts.failed) ?? 10;
      await withMonitor(
        cmd,
        { browserMissing: 'http', access: operator(opts.by), queue: 'phenix queue status' },
        async (ctx) =>
          withQueue(ctx, 'phenix queue status', {}, async (boss) => {
            const status = await queueStatus(boss, limit);
            if (opts.json) return printJson(status);
            const queues = [...new Set(status.counts.map((c) => c.name))];
            if (queues.length === 0) print('No job in the queue yet.');
            for (const name of queues) {
              const states = status.counts.filter((c) => c.name === name).map((c) => `${c.state} ${c.n}`);
              print(`${name.padEnd(28)} ${states.join(', ')}`);
            }
            if (status.failed.length) print('\nFailed jobs (latest first):');
            for (const f of status.failed) {
              const reason = (f.output as { message?: string } | null)?.message ?? JSON.stringify(f.output);
              print(
                `  ${formatTime(f.failedAt)}  ${f.name} ${safe(JSON.stringify(f.data))}  after ${f.retryCount} retries: ${safe(String(reason))}`,
              );
            }
          }),
      );
    });
}
