/**
 * `phenix evidence <alert-id> --out FILE.wacz` writes the alert's court package (WACZ, signed with the unit's key,
 * timestamped when `evidence.tsaUrl` is set); `phenix evidence verify FILE` checks it offline against the unit's
 * public key: exit 0 when intact, 1 with every reason when anything differs.
 */
import { type KeyObject, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { appendAudit } from '../../db/index.ts';
import { loadPrivateKey, loadPublicKey, sha256Hex, verifyEvidencePackage } from '../../evidence/index.ts';
import { checkCycleSeal } from '../../monitor/index.ts';
import { buildEvidencePackage } from '../../review/index.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { print } from '../output.ts';
import { parseAlertId } from './alerts.ts';

interface VerifyFlags {
  publicKey?: string;
  tsaCa?: string;
  allowUntimestamped?: boolean;
}

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
        throw new UsageError('Name the alert: phenix evidence <alert-id> --out FILE (or: phenix evidence verify FILE)');
      const alertId = parseAlertId(raw);
      if (!opts.out) throw new UsageError('Say where to write the package: --out FILE (e.g. alert-12.wacz)');
      if (existsSync(opts.out) && !opts.force) {
        throw new UsageError(`${opts.out} already exists; choose another name or add --force to replace it`);
      }
      const out = opts.out;
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const { evidence: e } = loaded.config;
      await withAccount(loaded, { permission: 'alerts.export', by: opts.by }, async ({ db }, by) => {
        const signingKey = loadPrivateKey(loaded.resolvePath(e.signingKey));
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
            : 'Signed; NOT timestamped (set evidence.tsaUrl for trusted time).',
        );
        if (pkg.manifest.challenges.length) {
          print(
            `${pkg.manifest.challenges.length} challenge page(s) met instead of site content are named in it, not packaged as content.`,
          );
        }
        print(`SHA-256 of the package: ${pkg.sha256}`);
        print(`(recorded in the audit log; check it later with: phenix evidence verify ${out})`);
      });
    });

  evidence
    .command('verify')
    .description('check a package offline: signature, timestamp, every record and file; exit 1 on any difference')
    .argument('<file>', 'the package (.wacz)')
    .option(
      '--public-key <pem>',
      "the unit's public key as the court holds it (default: the key of evidence.signingKey)",
    )
    .option('--tsa-ca <pem>', "the TSA's CA certificate, to check the timestamp's chain (default: evidence.tsaCaCert)")
    .option('--allow-untimestamped', 'accept a package made without a TSA')
    .action(async (file: string, opts: VerifyFlags, cmd: Command) => {
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
      const { publicKey, tsaCaPem } = trustAnchors(opts, cmd.optsWithGlobals<GlobalOptions>());
      const bytes = readFileSync(file);
      const report = await verifyEvidencePackage(bytes, {
        publicKey,
        tsaCaPem,
        allowUntimestamped: opts.allowUntimestamped,
      });
      if (report.ok) {
        print(
          `OK: ${file} is intact — ${report.records} records, ${report.filesChecked} files match the manifest of alert ${report.alertId}.`,
        );
        print(`Signed by the key ${report.signerFingerprint}.`);
        print(
          report.timestamp
            ? `Timestamped ${report.timestamp.genTime} by ${report.timestamp.tsa}${tsaCaPem ? '' : ' (chain not checked: give --tsa-ca)'}.`
            : 'No timestamp (accepted with --allow-untimestamped).',
        );
      } else {
        print(`MISMATCH: ${file} failed verification (${report.problems.length} problem(s)):`);
        for (const p of report.problems) print(`  - ${p}`);
      }
      print(`SHA-256 of the file: ${sha256Hex(bytes)}`);
      if (!report.ok) throw new PackageMismatchError(`${file} failed verification: do not use it as evidence as is`);
    });
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
            check.genTime ? `Timestamped ${check.genTime}.` : 'Not timestamped (no TSA was configured or reachable).',
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
  const file = loaded.resolvePath(loaded.config.evidence.signingKey);
  if (!existsSync(file)) return undefined;
  return { signingKey: loadPrivateKey(file), tsaUrl: loaded.config.evidence.tsaUrl };
}

/** The key and TSA certificate to trust: from the flags (a court's copy), else from the unit's config. */
function trustAnchors(opts: VerifyFlags, global: GlobalOptions) {
  let keyFile = opts.publicKey;
  let caFile = opts.tsaCa;
  if (!keyFile) {
    let loaded: ReturnType<typeof loadConfig>;
    try {
      loaded = loadConfig(global);
    } catch {
      throw new UsageError("Say which key to trust: --public-key FILE (the unit's public key, PEM)");
    }
    keyFile = loaded.resolvePath(loaded.config.evidence.signingKey);
    if (!caFile && loaded.config.evidence.tsaCaCert) caFile = loaded.resolvePath(loaded.config.evidence.tsaCaCert);
  }
  if (caFile && !existsSync(caFile)) throw new UsageError(`The TSA certificate ${caFile} does not exist`);
  return { publicKey: loadPublicKey(keyFile), tsaCaPem: caFile ? readFileSync(caFile, 'utf8') : undefined };
}

/** A package does not match its hashes (exit 1): it was altered or damaged after it was written. */
export class PackageMismatchError extends Error {
  override readonly name = 'PackageMismatchError';
}
