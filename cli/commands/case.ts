/** `phenix case export <site> --out FILE`: the case of a monitored site as one PDF report (Chromium print). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { renderCaseReport } from '../../review/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { print } from '../output.ts';

export function registerCaseCommands(program: Command): void {
  const cases = program.command('case').description('cases: one monitored site and every place it came back');
  cases
    .command('export <site>')
    .description('write the case (status, timeline, family graph, alerts, decisions) as one PDF')
    .requiredOption('--out <file>', 'the PDF to write')
    .option('--by <name>', 'who produces the report (printed on it)', process.env.USER ?? 'phenix')
    .action(async (site: string, opts: { out: string; by: string }, cmd: Command) => {
      if (!opts.out.toLowerCase().endsWith('.pdf'))
        throw new UsageError(`--out must name a .pdf file; got "${opts.out}"`);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async (handle) => {
        const { pdf, caseRef } = await renderCaseReport({
          db: handle.db,
          site,
          by: opts.by,
          chromiumPath: loaded.config.crawler.chromiumPath,
          chromiumPathFromEnv: process.env.CHROMIUM_PATH,
        });
        writeFileSync(opts.out, pdf);
        print(`Case ${caseRef} (${site}) written to ${opts.out} (${pdf.length} bytes).`);
      });
    });
}
