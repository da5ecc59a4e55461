/** `phenix export alerts --format json|csv|stix [--status S] [--site NAME] [--out FILE]`. */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, type ExportFormat, exportAlerts } from '../../review/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { parseStatus, parseVerdict } from './alerts.ts';

export function registerExportCommands(program: Command): void {
  const exp = program.command('export').description('export data for other tools');
  exp
    .command('alerts')
    .description('export alerts as JSON, CSV (spreadsheet-safe) or a STIX 2.1 bundle (MISP, OpenCTI)')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .option('--status <status>', 'only alerts with this status')
    .option('--verdict <verdict>', 'only alerts with this verdict (clone, related); clones come first')
    .option('--site <name>', 'only alerts against this monitored site')
    .option('--out <file>', 'write to this file instead of the standard output')
    .option(...byOption())
    .action(
      async (
        opts: { format: string; status?: string; verdict?: string; site?: string; out?: string; by?: string },
        cmd: Command,
      ) => {
        const format = EXPORT_FORMATS.find((f) => f === opts.format);
        if (!format) throw new UsageError(`"${opts.format}" is not an export format; use ${EXPORT_FORMATS.join(', ')}`);
        const status = parseStatus(opts.status);
        const verdict = parseVerdict(opts.verdict);
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        await withDatabase(loaded, async ({ db }) => {
          const result = await exportAlerts(db, {
            format: format as ExportFormat,
            filter: { status, verdict, site: opts.site },
            by: await actAs(db, opts.by, 'alerts.export'),
          });
          if (opts.out) {
            writeFileSync(opts.out, result.body);
            process.stderr.write(`Wrote ${result.count} alert(s) to ${opts.out}\n`);
          } else process.stdout.write(result.body);
        });
      },
    );
}
