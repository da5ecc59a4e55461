/**
 * `phenix worker [--concurrency N]`: processes the queue's jobs (cycle planning, crawls, comparisons)
 * until SIGINT/SIGTERM; run it on as many machines as the work needs, all pointed at one Postgres.
 */
import type { Command } from 'commander';
import { startWorker } from '../../queue/index.ts';
import { type GlobalOptions, logger } from '../context.ts';
import { byOption, operator } from '../identity.ts';
import { gracefulSignal, parsePositiveInt, withMonitor } from '../monitor-context.ts';
import { print } from '../output.ts';
import { withQueue } from '../queue-context.ts';
import { withServiceExtras } from '../service-extras.ts';

export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('process queued jobs (crawls, comparisons, cycle planning) from the shared Postgres, until SIGTERM')
    .option(
      '--concurrency <n>',
      'crawl and compare jobs run at once in this process (default: config crawler.parallelSites)',
    )
    .option(...byOption('the account the worker answers as'))
    .action(async (opts: { concurrency?: string; by?: string }, cmd: Command) => {
      const concurrency = parsePositiveInt('--concurrency', opts.concurrency);
      const log = logger(cmd.optsWithGlobals<GlobalOptions>()).child({ component: 'worker-cli' });
      const stop = gracefulSignal((sig) => log.info({ signal: sig }, 'stopping: finishing the jobs in flight'));
      try {
        await withMonitor(
          cmd,
          { signal: stop.signal, access: operator(opts.by), service: true, queue: 'phenix worker' },
          async (ctx) =>
            withQueue(ctx, 'phenix worker', { schedule: false }, async (boss) => {
              const n = concurrency ?? ctx.config.crawler.parallelSites;
              const worker = await startWorker(ctx, boss, { concurrency: n });
              const liveness = { name: 'worker', alive: () => !stop.signal.aborted };
              await withServiceExtras(
                { db: ctx.db, config: ctx.config, logger: ctx.logger, liveness, boss },
                async () => {
                  print(
                    `Phénix worker running (pid ${process.pid}, ${n} job(s) at once). Stop with Ctrl-C or SIGTERM.`,
                  );
                  await new Promise<void>((resolve) =>
                    stop.signal.addEventListener('abort', () => resolve(), { once: true }),
                  );
                  await worker.stop();
                },
              );
            }),
        );
        print('Phénix worker stopped cleanly.');
      } finally {
        stop.dispose();
      }
    });
}
