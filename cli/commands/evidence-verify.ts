/**
 * `phenix evidence verify FILE` (offline check, one exit code per state) and `phenix evidence renew FILE --out NEW`
 * (one more archive timestamp before the TSA certificate expires). Exit codes, also in evidence/README.md:
 *   0  intact, signed with the trusted key, timestamped by the trusted TSA (renewals included)
 *   1  altered: what changed is listed (or the signature is not the unit's key)
 *   2  bad input (file missing, key unreadable)
 *   3  intact and signed, NOT timestamped (made without a TSA): trusted time is missing, nothing was altered
 *   4  intact and signed, timestamp present but its time is not trusted (no TSA CA given, chain fails, expired)
 */

import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  loadPublicKey,
  RenewalError,
  renewPackage,
  sha256Hex,
  type VerifyReport,
  verifyEvidencePackage,
} from '../../evidence/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig } from '../context.ts';
import { EXIT_FAILURE, EXIT_NOT_TIMESTAMPED, EXIT_UNTRUSTED_TIME, UsageError, VerdictError } from '../errors.ts';
import { print } from '../output.ts';

interface VerifyFlags {
  publicKey?: string;
  tsaCa?: string;
  allowUntimestamped?: boolean;
  allowUntrustedTime?: boolean;
}

export const VERIFY_EXIT_CODES = `
Exit codes:
  0  intact, signed with the trusted key, timestamped by the trusted TSA
  1  altered: the output says what changed
  2  bad input (file missing, key unreadable)
  3  intact and signed, but NOT timestamped (no trusted time; nothing altered)
  4  intact and signed, but the timestamp's time is not trusted (no TSA CA given, chain fails, certificate expired)`;

const LEGACY_KEY = 'data/keys/unit-ed25519.pem';
const DEFAULT_KEY = 'data/keys/unit-signing.pem';

/** The unit's key file; a unit set up before ECDSA keys keeps its Ed25519 key at the old default place. */
export function signingKeyFile(loaded: LoadedConfig): string {
  const configured = loaded.resolvePath(loaded.config.evidence.signingKey);
  if (loaded.config.evidence.signingKey !== DEFAULT_KEY || existsSync(configured)) return configured;
  const legacy = loaded.resolvePath(LEGACY_KEY);
  return existsSync(legacy) ? legacy : configured;
}

function tryLoadConfig(global: GlobalOptions): LoadedConfig | null {
  try {
    return loadConfig(global);
  } catch {
    return null;
  }
}

/** The key and TSA certificate to trust: from the flags (a court's copy), else from the unit's config. */
export function trustAnchors(opts: VerifyFlags, global: GlobalOptions) {
  const loaded = opts.publicKey && opts.tsaCa ? null : tryLoadConfig(global);
  const keyFile = opts.publicKey ?? (loaded ? signingKeyFile(loaded) : undefined);
  if (!keyFile) throw new UsageError("Say which key to trust: --public-key FILE (the unit's public key, PEM)");
  const configCa = loaded?.config.evidence.tsaCaCert;
  const caFile = opts.tsaCa ?? (configCa ? loaded?.resolvePath(configCa) : undefined);
  if (caFile && !existsSync(caFile)) throw new UsageError(`The TSA certificate ${caFile} does not exist`);
  return { publicKey: loadPublicKey(keyFile), tsaCaPem: caFile ? readFileSync(caFile, 'utf8') : undefined };
}

function printTime(report: VerifyReport): void {
  const t = report.timestamp;
  if (!t) return;
  print(`Timestamped ${t.genTime} by ${t.tsa ?? 'an unnamed TSA'}.`);
  for (const [i, r] of report.renewals.entries()) print(`Renewed (${i + 1}) ${r.genTime} by ${r.tsa ?? '?'}.`);
  const newest = report.renewals.at(-1) ?? t;
  if (newest.certificateNotAfter) {
    print(
      `The newest TSA certificate is valid until ${newest.certificateNotAfter}: renew before then (${phenixCommand('evidence renew FILE --out NEW.wacz')}).`,
    );
  }
}

/** Prints the verdict in words and returns the exit code it calls for. */
function report(file: string, r: VerifyReport, flags: VerifyFlags): number {
  const summary = `${r.records} records, ${r.filesChecked} files match the manifest of alert ${r.alertId}`;
  switch (r.state) {
    case 'verified':
      print(`VERIFIED: ${file} is intact — ${summary}.`);
      print(`Signed by the key ${r.signerFingerprint}.`);
      printTime(r);
      return 0;
    case 'not-timestamped':
      print(`INTACT, NOT TIMESTAMPED: ${file} is intact — ${summary}.`);
      print(`Signed by the key ${r.signerFingerprint}.`);
      print(
        'Missing: a trusted timestamp. The package was made without a TSA (evidence.tsaUrl), so nothing independent says when it existed. Nothing in it was altered.',
      );
      return flags.allowUntimestamped ? 0 : EXIT_NOT_TIMESTAMPED;
    case 'untrusted-time':
      print(`INTACT, TIME NOT TRUSTED: ${file} is intact — ${summary}.`);
      print(`Signed by the key ${r.signerFingerprint}.`);
      printTime(r);
      print('Its timestamp cannot be relied on:');
      for (const p of r.timeProblems) print(`  - ${p}`);
      return flags.allowUntrustedTime ? 0 : EXIT_UNTRUSTED_TIME;
    default:
      print(`ALTERED: ${file} differs from what was signed (${r.problems.length} problem(s)):`);
      for (const p of r.problems) print(`  - ${p}`);
      return EXIT_FAILURE;
  }
}

const VERDICTS: Record<number, string> = {
  [EXIT_FAILURE]: 'failed verification: do not use it as evidence as is; keep this output',
  [EXIT_NOT_TIMESTAMPED]: 'is intact but not timestamped (accept it with --allow-untimestamped)',
  [EXIT_UNTRUSTED_TIME]:
    "is intact but its time is not trusted: give the TSA's CA with --tsa-ca (or accept with --allow-untrusted-time)",
};

export function registerVerifyCommands(evidence: Command): void {
  evidence
    .command('verify')
    .description('check a package offline: signature, timestamp, every record and file (exit codes below)')
    .argument('<file>', 'the package (.wacz)')
    .option(
      '--public-key <pem>',
      "the unit's public key as the court holds it (default: the key of evidence.signingKey)",
    )
    .option('--tsa-ca <pem>', "the TSA's CA certificate(s), to trust the timestamp (default: evidence.tsaCaCert)")
    .option('--allow-untimestamped', 'exit 0 for an intact package made without a TSA')
    .option('--allow-untrusted-time', 'exit 0 for an intact package whose timestamp cannot be tied to a trusted TSA')
    .addHelpText('after', VERIFY_EXIT_CODES)
    .action(async (file: string, opts: VerifyFlags, cmd: Command) => {
      if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
      const { publicKey, tsaCaPem } = trustAnchors(opts, cmd.optsWithGlobals<GlobalOptions>());
      const bytes = readFileSync(file);
      const result = await verifyEvidencePackage(bytes, {
        publicKey,
        tsaCaPem,
        allowUntimestamped: opts.allowUntimestamped,
        allowUntrustedTime: opts.allowUntrustedTime,
      });
      const code = report(file, result, opts);
      print(`SHA-256 of the file: ${sha256Hex(bytes)}`);
      if (code !== 0) throw new VerdictError(`${file} ${VERDICTS[code]}`, code);
    });

  evidence
    .command('renew')
    .description('add an archive timestamp (RFC 4998 style) before the TSA certificate expires; writes a new file')
    .argument('<file>', 'the package (.wacz)')
    .option('--out <file>', 'the renewed package to write (e.g. alert-12-renewed.wacz)')
    .option('--tsa-url <url>', 'the TSA to ask (default: evidence.tsaUrl)')
    .option('--public-key <pem>', "the unit's public key (default: the key of evidence.signingKey)")
    .option('--tsa-ca <pem>', "the TSA's CA certificate(s) (default: evidence.tsaCaCert)")
    .option('--force', 'replace --out if it exists')
    .action(
      async (
        file: string,
        local: { out?: string; tsaUrl?: string; publicKey?: string; tsaCa?: string; force?: boolean },
        cmd: Command,
      ) => {
        // `evidence` itself takes --out and --force: commander hands them to the parent when both could take them.
        const global = cmd.optsWithGlobals<GlobalOptions & { out?: string; force?: boolean }>();
        const opts = { ...local, out: local.out ?? global.out, force: local.force ?? global.force };
        if (!existsSync(file)) throw new UsageError(`${file} does not exist`);
        if (!opts.out) throw new UsageError('Say where to write the renewed package: --out FILE.wacz');
        if (existsSync(opts.out) && !opts.force) {
          throw new UsageError(`${opts.out} already exists; choose another name or add --force to replace it`);
        }
        const tsaUrl = opts.tsaUrl ?? tryLoadConfig(global)?.config.evidence.tsaUrl;
        if (!tsaUrl) throw new UsageError('Say which TSA to ask: --tsa-url URL (or set evidence.tsaUrl)');
        const bytes = readFileSync(file);
        const before = await verifyEvidencePackage(bytes, trustAnchors(opts, global));
        if (before.state === 'altered') {
          for (const p of before.problems) print(`  - ${p}`);
          throw new VerdictError(`${file} was altered: renewing would timestamp an altered package`, EXIT_FAILURE);
        }
        if (before.state === 'untrusted-time') {
          print('Warning: the current timestamp is already not trusted; a renewal cannot restore what has lapsed:');
          for (const p of before.timeProblems) print(`  - ${p}`);
        }
        let renewed: Awaited<ReturnType<typeof renewPackage>>;
        try {
          renewed = await renewPackage(bytes, { tsaUrl });
        } catch (error) {
          if (error instanceof RenewalError) throw new UsageError(error.message);
          throw error;
        }
        const out = opts.out;
        const temp = `${out}.${randomBytes(4).toString('hex')}.part`;
        writeFileSync(temp, renewed.bytes);
        renameSync(temp, out);
        print(`Wrote ${out}: renewal ${renewed.record.renewals.length} by ${tsaUrl}.`);
        print(`SHA-256 of the renewed package: ${sha256Hex(renewed.bytes)}`);
        print(`Check it with: ${phenixCommand(`evidence verify ${out}`)}`);
      },
    );
}
