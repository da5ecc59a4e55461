/**
 * `phenix reprocess [--json]`: after a detector upgrade, recompute page features from the stored HTML, rebuild every
 * profile and compare again, now rather than at the next cycle. Nothing is crawled.
 */
import type { Command } from 'commander';
import { DETECTOR_VERSION } from '../../detector/index.ts';
import { rebuildAndCompare } from '../../monitor/index.ts';
import { byOption, operator } from '../identity.ts';
import { withMonitor } from '../monitor-context.ts';
import { print, printJson } from '../output.ts';

export function registerReprocessCommand(program: Command): void {
  program
    .command('reprocess')
    .description(
      `recompute page features from the stored HTML with this detector (version ${DETECTOR_VERSION}), rebuild the profiles and compare again`,
    )
    .option('--json', 'print JSON')
    .option(...byOption())
    .action(async (opts: { json?: boolean; by?: string }, cmd: Command) => {
      // Nothing is crawled: HTTP mode spares the browser check.
      await withMonitor(cmd, { mode: 'http', access: operator(opts.by) }, async (ctx) => {
        const report = await rebuildAndCompare(ctx);
        const { refresh, profiles, comparisons } = report;
        if (opts.json) {
          printJson({ detectorVersion: DETECTOR_VERSION, ...report });
          return;
        }
        print(
          `Detector version ${DETECTOR_VERSION}: ${refresh.recomputed} page(s) recomputed from their stored HTML, ${profiles} profile(s) rebuilt, ${comparisons.compared} comparison(s).`,
        );
        if (refresh.missing)
          print(
            `${refresh.missing} page(s) left out: their HTML is no longer in the evidence store, so they cannot be described by this version.`,
          );
        const o = comparisons.outcomes;
        print(
          `Alerts: ${o.created} created, ${o.updated} updated, ${o.reopened} reopened, ${o['kept-dismissed']} kept dismissed, ${o.unchanged} unchanged.`,
        );
      });
    });
}
