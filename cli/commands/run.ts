/** `phenix run --once`: one monitoring cycle now, with a summary. */
import type { Command } from 'commander';
import { runCycle } from '../../monitor/index.ts';
import { printCycleSummary } from '../cycle-report.ts';
import { UsageError } from '../errors.ts';
import { endProgress, gracefulSignal, parseMode, terminalProgress, withMonitor } from '../monitor-context.ts';
import { printJson } from '../output.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run one monitoring cycle now: candidates, DNS, crawls, profiles, comparisons, alerts')
    .option('--once', 'run a single cycle and exit (for scheduled cycles use: phenix serve)')
    .option('--scope <scope>', 'all | seeds (monitored sites only) | candidates', 'all')
    .option('--site <name...>', 'only these monitored sites')
    .option('--mode <mode>', 'crawl mode for this cycle: browser | http | auto')
    .option('--json', 'print the cycle summary as JSON')
    .action(
      async (opts: { once?: boolean; scope: string; site?: string[]; mode?: string; json?: boolean }, cmd: Command) => {
        if (!opts.once)
          throw new UsageError('phenix run needs --once (one cycle now); for cycles on a schedule use: phenix serve');
        if (!['all', 'seeds', 'candidates'].includes(opts.scope))
          throw new UsageError(`--scope must be all, seeds or candidates; got "${opts.scope}"`);
        const mode = parseMode(opts.mode);
        const stop = gracefulSignal(() => process.stderr.write('\nStopping after the pages in flight…\n'));
        try {
          await withMonitor(cmd, { signal: stop.signal, onProgress: terminalProgress(), mode }, async (ctx) => {
            const summary = await runCycle(ctx, { scope: opts.scope as 'all', sites: opts.site });
            endProgress();
            if (opts.json) printJson(summary);
            else printCycleSummary(summary);
          });
        } finally {
          stop.dispose();
        }
      },
    );
}
