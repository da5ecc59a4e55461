/**
 * `phenix purge [--dry-run] [--json]` applies the retention rules (config `retention`): captures of dismissed and
 * unrelated candidates past their period, a closed case's evidence past its period, old failed-page records, and
 * the evidence files nothing references any more. `--dry-run` lists what would go. Supervisors only; audited.
 * `phenix cases close <site> --note "…"` ends a case's legal hold.
 */
import type { Command } from 'commander';
import { closeCase } from '../../db/index.ts';
import { terminalSafe } from '../../lib/terminal-safe.ts';
import { type PurgeReport, runPurge } from '../../retention/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';

const BY = byOption('the supervisor account you act as');

export function printPurgeReport(report: PurgeReport): void {
  const { plan, removed } = report;
  const captures = plan.domains.reduce((n, d) => n + d.captureIds.length, 0);
  print(
    report.dryRun
      ? `Dry run: ${captures} capture(s) of ${plan.domains.length} domain(s) and ${plan.failures} failed-page record(s) would be removed. Nothing was changed.`
      : `Removed ${removed.captures} capture(s) of ${plan.domains.length} domain(s), ${removed.contacts} contact(s), ${removed.failures} failed-page record(s) and ${removed.files} evidence file(s). Recorded in the journal.`,
  );
  if (plan.domains.length) {
    print(
      table(
        ['rule', 'domain', 'captures', 'files', 'MB', 'oldest', 'newest'],
        plan.domains.map((d) => [
          d.rule,
          terminalSafe(d.hostname),
          d.captureIds.length,
          d.artifacts.length,
          (d.bytes / 1e6).toFixed(1),
          formatTime(d.oldest),
          formatTime(d.newest),
        ]),
      ),
    );
  }
  for (const h of plan.legalHold)
    print(`Kept (legal hold until the case is closed): ${terminalSafe(h.hostname)} — case ${h.sites.join(', ')}`);
  for (const e of removed.fileErrors) print(`Could not delete evidence file ${e}`);
}

export function registerPurgeCommands(program: Command): void {
  program
    .command('purge')
    .description('remove the data the retention rules make due (supervisors; audited)')
    .option('--dry-run', 'only list what would be removed')
    .option('--json', 'print JSON')
    .option(...BY)
    .action(async (opts: { dryRun?: boolean; json?: boolean; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const { schedule: _cron, ...rules } = loaded.config.retention;
      await withDatabase(loaded, async ({ db }) => {
        const actor = await actAs(db, opts.by, 'retention.manage');
        const report = await runPurge({
          db,
          evidenceDir: loaded.resolvePath(loaded.config.evidence.dir),
          rules,
          actor,
          dryRun: Boolean(opts.dryRun),
        });
        if (opts.json) return printJson(report);
        printPurgeReport(report);
      });
    });

  const cases = program.command('cases').description("the monitored sites' cases");
  cases
    .command('close')
    .description("close a site's case: its confirmed clones' evidence leaves legal hold (supervisors; audited)")
    .argument('<site>', 'monitored site name (see: phenix sites list)')
    .requiredOption('--note <text>', 'why (e.g. the judgment and its date)')
    .option(...BY)
    .action(async (site: string, opts: { note: string; by?: string }, cmd: Command) => {
      if (!opts.note.trim()) throw new UsageError('--note cannot be empty: say why the case is closed');
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        const by = await actAs(db, opts.by, 'cases.close');
        const at = await closeCase(db, site, by, opts.note.trim());
        print(
          `The case of ${terminalSafe(site)} is closed (${formatTime(at)}). Its evidence is kept ${loaded.config.retention.closedCaseDays} more day(s), then purged.`,
        );
      });
    });
}
