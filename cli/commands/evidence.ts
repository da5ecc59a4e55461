/**
 * `phenix evidence <alert-id> --out FILE.wacz` writes the alert's court package (WACZ, signed with the unit's key,
 * timestamped when `evidence.tsaUrl` is set); `verify` and `renew` live in evidence-verify.ts (exit codes there).
 */
import { type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { appendAudit } from '../../db/index.ts';
import { loadPrivateKey } from '../../evidence/index.ts';
import { checkCycleSeal } from '../../monitor/index.ts';
import { buildEvidencePackage } from '../../review/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { print } from '../output.ts';
import { parseAlertId } from './alerts.ts';
import { registerVerifyCommands, signingKeyFile } from './evidence-verify.ts';

export function registerEvidenceCommands(program: Command): void {
  const evidence = program
    .command('evidence')
    .description('court evidence packages (WACZ: network WARC, signed, timestamped) and their verification')
    .argument('[alert-id]', 'the alert to package')
    .option('--out <file>', 'the package to write (e.g. alert-12.wacz)')
    .option(...byOption('the account you act as, recorded in the package and the audit log'))
    .option('--force', 'replace FILE if it exists')
    .action(async (raw: string | undefined, opts: { out?: string; by?: string; force?: boolean }, cmd: Command) => {
      if (!raw)
        throw new UsageError(
          `Name the alert: ${phenixCommand('evidence <alert-id> --out FILE.wacz')} (or: ${phenixCommand('evidence verify FILE.wacz')})`,
        );
      const alertId = parseAlertId(raw);
      if (!opts.out) throw new UsageError(`Say where to write the package: --out FILE (e.g. alert-${alertId}.wacz)`);
      if (existsSync(opts.out) && !opts.force) {
        throw new UsageError(`${opts.out} already exists; choose another name or add --force to replace it`);
      }
      const out = opts.out;
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const { evidence: e } = loaded.config;
      await withAccount(loaded, { permission: 'alerts.export', by: opts.by }, async ({ db }, by) => {
        const signingKey = loadPrivateKey(signingKeyFile(loaded));
        const pkg = await buildEvidencePackage({
          db,
          evidenceDir: loaded.resolvePath(e.dir),
          alertId,
          createdBy: by,
          signingKey,
          tsaUrl: e.tsaUrl,
        });
        const temp = `${out}.${randomBytes(4).toString('hex')}.part`;
        writeFileSync(temp, pkg.bytes);
        renameSync(temp, out);
        await appendAudit(db, {
          actor: by,
          action: 'evidence.packaged',
          subjectType: 'alert',
          subjectId: alertId,
          details: {
            file: basename(out),
            sha256: pkg.sha256,
            files: pkg.manifest.files.length,
            records: pkg.manifest.records.length,
            timestamped: pkg.timestamped,
          },
        });
        print(
          `Wrote ${out}: ${pkg.manifest.files.length} file(s) and ${pkg.manifest.records.length} WARC records of alert ${alertId}.`,
        );
        print(
          pkg.timestamped
            ? `Signed and timestamped by ${e.tsaUrl}.`
            : 'Signed; NOT timestamped: set evidence.tsaUrl for trusted time. verify will say "not timestamped" (exit 3).',
        );
        if (pkg.manifest.challenges.length) {
          print(
            `${pkg.manifest.challenges.length} challenge page(s) met instead of site content are named in it, not packaged as content.`,
          );
        }
        print(`SHA-256 of the package: ${pkg.sha256}`);
        const accept = pkg.timestamped ? '' : ' --allow-untimestamped';
        print(`(recorded in the audit log; check it later with: ${phenixCommand(`evidence verify ${out}${accept}`)})`);
      });
    });

  registerVerifyCommands(evidence);
  registerCycleSealCheck(evidence);
}

export function registerCycleSealCheck(evidence: Command): void {
  evidence
    .command('check-cycle')
    .description(
      "recompute a cycle's Merkle root from the database and check it against the sealed one and its timestamp",
    )
    .argument('<cycle-id>', 'the cycle (its id is in the audit log and the run reports)')
    .option('--tsa-ca <pem>', "the TSA's CA certificate (default: evidence.tsaCaCert)")
    .option(...byOption())
    .action(async (cycleId: string, opts: { tsaCa?: string; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const caFile =
        opts.tsaCa ?? (loaded.config.evidence.tsaCaCert && loaded.resolvePath(loaded.config.evidence.tsaCaCert));
      if (caFile && !existsSync(caFile)) throw new UsageError(`The TSA certificate ${caFile} does not exist`);
      // `evidence` itself takes --by too: commander gives it to the parent when written after the subcommand.
      const by = opts.by ?? cmd.optsWithGlobals<{ by?: string }>().by;
      await withAccount(loaded, operator(by), async ({ db }) => {
        const check = await checkCycleSeal(db, cycleId, caFile ? readFileSync(caFile, 'utf8') : undefined);
        if (check.ok) {
          print(`OK: the ${check.captures} capture(s) of cycle ${cycleId} still give the sealed root ${check.root}.`);
          print(
            !check.genTime
              ? 'Not timestamped (no TSA was configured or reachable).'
              : caFile
                ? `Timestamped ${check.genTime} by the trusted TSA.`
                : `Timestamped ${check.genTime}, but by whom is NOT checked: no TSA CA given (--tsa-ca or evidence.tsaCaCert).`,
          );
          return;
        }
        print(`MISMATCH: cycle ${cycleId}:`);
        for (const p of check.problems) print(`  - ${p}`);
        throw new PackageMismatchError(`cycle ${cycleId} no longer matches its seal`);
      });
    });
}

/** The signing set-up the review page needs to offer package downloads; none until `phenix keys init` made the key. */
export function reviewSigning(loaded: LoadedConfig): { signingKey: KeyObject; tsaUrl?: string } | undefined {
  const file = signingKeyFile(loaded);
  if (!existsSync(file)) return undefined;
  return { signingKey: loadPrivateKey(file), tsaUrl: loaded.config.evidence.tsaUrl };
}

/** A package does not match its hashes (exit 1): it was altered or damaged after it was written. */
export class PackageMismatchError extends Error {
  override readonly name = 'PackageMismatchError';
}
