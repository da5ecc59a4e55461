/** `phenix cases export <site> --out FILE`: the case of a monitored site as one PDF report (Chromium print). */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { appendAudit } from '../../db/index.ts';
import { renderCaseReport } from '../../review/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { print } from '../output.ts';

export function registerCaseCommands(program: Command): void {
  // One `cases` group: `cases close` (retention, purge.ts) and `cases export` live side by side.
  const cases =
    program.commands.find((c) => c.name() === 'cases') ??
    program.command('cases').description("the monitored sites' cases");
  cases
    .command('export <site>')
    .description('write the case (status, timeline, family graph, alerts, decisions) as one PDF (audited)')
    .requiredOption('--out <file>', 'the PDF to write')
    .option(...byOption())
    .action(async (site: string, opts: { out: string; by?: string }, cmd: Command) => {
      if (!opts.out.toLowerCase().endsWith('.pdf'))
        throw new UsageError(`--out must name a .pdf file; got "${opts.out}"`);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async (handle) => {
        // The report leaves the system: an export, allowed to analysts and supervisors, and journaled.
        const by = await actAs(handle.db, opts.by, 'alerts.export');
        const { pdf, caseRef } = await renderCaseReport({
          db: handle.db,
          site,
          by,
          chromiumPath: loaded.config.crawler.chromiumPath,
          chromiumPathFromEnv: process.env.CHROMIUM_PATH,
          evidenceDir: loaded.resolvePath(loaded.config.evidence.dir),
        });
        writeFileSync(opts.out, pdf);
        await appendAudit(handle.db, {
          actor: by,
          action: 'case.exported',
          subjectType: 'case',
          subjectId: site,
          details: { via: 'cli', file: opts.out, bytes: pdf.length },
        });
        print(`Case ${caseRef} (${site}) written to ${opts.out} (${pdf.length} bytes).`);
      });
    });
}
