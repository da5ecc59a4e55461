/**
 * `phenix evidence <alert-id> --out FILE` writes the alert's court package (WARC/1.1, gzip per record when FILE
 * ends in .gz); `phenix evidence verify FILE` re-checks every hash: exit 0 when intact, 1 on any mismatch.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { appendAudit } from '../../db/index.ts';
import { sha256Hex } from '../../evidence/index.ts';
import { buildEvidencePackage, verifyEvidencePackage } from '../../review/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs } from '../identity.ts';
import { print } from '../output.ts';
import { parseAlertId } from './alerts.ts';

export function registerEvidenceCommands(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('court evidence packages (WARC/1.1 with a SHA-256 manifest) and their verification')
    .argument('[alert-id]', 'the alert to package')
    .option('--out <file>', 'the package to write (.warc, or .warc.gz to compress each record)')
    .option(
      '--by <name>',
      'the account you act as, recorded in the package and the audit log (default: $PHENIX_USER, else your system user name)',
    )
    .option('--force', 'replace FILE if it exists')
    .action(async (raw: string | undefined, opts: { out?: string; by?: string; force?: boolean }, cmd: Command) => {
      if (!raw)
        throw new UsageError('Name the alert: phenix evidence <alert-id> --out FILE (or: phenix evidence verify FILE)');
      const alertId = parseAlertId(raw);
      if (!opts.out) throw new UsageError('Say where to write the package: --out FILE (e.g. alert-12.warc.gz)');
      if (existsSync(opts.out) && !opts.force) {
        throw new UsageError(`${opts.out} already exists; choose another name or add --force to replace it`);
      }
      const out = opts.out;
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        const by = await actAs(db, opts.by, 'alerts.export');
        const pkg = await buildEvidencePackage({
          db,
          evidenceDir: loaded.resolvePath(loaded.config.evidence.dir),
          alertId,
          createdBy: by,
          gzip: out.endsWith('.gz'),
        });
        const temp = `${out}.${randomBytes(4).toString('hex')}.part`;
        writeFileSync(temp, pkg.bytes);
        renameSync(temp, out);
        await appendAudit(db, {
          actor: by,
          action: 'evidence.packaged',
          subjectType: 'alert',
          subjectId: alertId,
          details: { file: basename(out), sha256: pkg.sha256, files: pkg.manifest.files.length },
        });
        print(`Wrote ${out}: ${pkg.manifest.files.length} file(s) of alert ${alertId}, with the manifest.`);
        print(`SHA-256 of the package: ${pkg.sha256}`);
        print(`(recorded in the audit log; check it later with: phenix evidence verify ${out})`);
      });
    });

  evidence
    .command('verify')
    .description('re-check every hash of an evidence package; exit 1 on any mismatch')
    .argument('<file>', 'the package (.warc or .warc.gz)')
    .action((file: string) => {
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
      const bytes = readFileSync(file);
      const report = verifyEvidencePackage(bytes);
      if (report.ok) {
        print(
          `OK: ${file} is intact — ${report.records} records, ${report.filesChecked} files match the manifest of alert ${report.alertId}.`,
        );
      } else {
        print(`MISMATCH: ${file} does not match its hashes (${report.problems.length} problem(s)):`);
        for (const p of report.problems) print(`  - ${p}`);
      }
      print(`SHA-256 of the file: ${sha256Hex(bytes)}`);
      if (!report.ok) throw new PackageMismatchError(`${file} failed verification: do not use it as evidence as is`);
    });
}

/** A package does not match its hashes (exit 1): it was altered or damaged after it was written. */
export class PackageMismatchError extends Error {
  override readonly name = 'PackageMismatchError';
}
