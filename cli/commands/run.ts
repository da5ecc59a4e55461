/** `phenix run --once`: one monitoring cycle now, with a summary. */
import type { Command } from 'commander';
import { type MonitorContext, runCycle } from '../../monitor/index.ts';
import { type CycleJobData, enqueueCycle, waitForCycle } from '../../queue/index.ts';
import { printCycleSummary, printQueuedCycle } from '../cycle-report.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator } from '../identity.ts';
import { endProgress, gracefulSignal, parseMode, terminalProgress, withMonitor } from '../monitor-context.ts';
import { print, printJson } from '../output.ts';
import { withQueue } from '../queue-context.ts';
import { drainNotifications } from '../service-extras.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run one monitoring cycle now: candidates, DNS, crawls, profiles, comparisons, alerts')
    .option('--once', 'run a single cycle and exit (for scheduled cycles use: phenix serve)')
    .option('--scope <scope>', 'all | seeds (monitored sites only) | candidates', 'all')
    .option('--site <name...>', 'only these monitored sites')
    .option('--mode <mode>', 'crawl mode for this cycle: browser | http | auto')
    .option('--json', 'print the cycle summary as JSON')
    .option(...byOption())
    .action(
      async (
        opts: { once?: boolean; scope: string; site?: string[]; mode?: string; json?: boolean; by?: string },
        cmd: Command,
      ) => {
        if (!opts.once)
          throw new UsageError('phenix run needs --once (one cycle now); for cycles on a schedule use: phenix serve');
        if (!['all', 'seeds', 'candidates'].includes(opts.scope))
          throw new UsageError(`--scope must be all, seeds or candidates; got "${opts.scope}"`);
        const mode = parseMode(opts.mode);
        const stop = gracefulSignal(() => process.stderr.write('\nStopping after the pages in flight…\n'));
        try {
          await withMonitor(
            cmd,
            {
              signal: stop.signal,
              onProgress: terminalProgress(),
              mode,
              access: operator(opts.by),
              queue: (config) => (config.queue.enabled ? 'phenix run --once with queue.enabled' : undefined),
            },
            async (ctx) => {
              if (ctx.config.queue.enabled) {
                if (mode)
                  throw new UsageError(
                    '--mode applies to one process; with queue.enabled set crawler.mode in the config the workers read',
                  );
                await runOnQueue(
                  ctx,
                  { scope: opts.scope as 'all', sites: opts.site, origin: 'phenix run --once' },
                  opts.json,
                );
                await drainNotifications(ctx);
                return;
              }
              try {
                const summary = await runCycle(ctx, {
                  scope: opts.scope as 'all',
                  sites: opts.site,
                  origin: 'phenix run --once',
                });
                endProgress();
                if (opts.json) printJson(summary);
                else printCycleSummary(summary);
              } finally {
                // A failed cycle is notified too.
                await drainNotifications(ctx).catch((error) =>
                  ctx.logger.warn({ err: error }, 'notifications could not be sent; the next run or serve sends them'),
                );
              }
            },
          );
        } finally {
          stop.dispose();
        }
      },
    );
}

/** With queue.enabled: the cycle is sent to the workers, and this command follows it to its end. */
async function runOnQueue(ctx: MonitorContext, data: CycleJobData, json?: boolean): Promise<void> {
  await withQueue(ctx, 'phenix run --once with queue.enabled', {}, async (boss) => {
    const cycleId = await enqueueCycle(boss, data);
    const progress = ctx.onProgress ?? ((line: string) => ctx.logger.info(line));
    const details = await waitForCycle(ctx.db, boss, cycleId, {
      signal: ctx.signal,
      onProgress: progress,
      pollMs: 2000,
    });
    endProgress();
    if (!details) {
      print(`Stopped waiting; cycle ${cycleId} goes on on the workers.`);
      return;
    }
    if (json) return printJson({ cycleId, ...details });
    print(`Cycle ${cycleId} done on the workers (${data.scope}).`);
    printQueuedCycle(details);
  });
}
