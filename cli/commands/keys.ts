/**
 * `phenix keys init`: the unit's signing key (private, mode 0600) and its public key for the court. ECDSA P-384 by
 * default, the WACZ signing recommendation's algorithm, so that WACZ readers (ReplayWeb.page) check the signature
 * too; `--type ed25519` keeps the key type of earlier versions.
 */
import type { Command } from 'commander';
import { createUnitKeys, KEY_TYPES, type UnitKeyType } from '../../evidence/index.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, withAccount } from '../identity.ts';
import { print } from '../output.ts';
import { signingKeyFile } from './evidence-verify.ts';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description("the unit's evidence signing key");
  keys
    .command('init')
    .description('create the signing key pair at evidence.signingKey and export the public key (PEM)')
    .option('--public-out <file>', 'where to write the public key (default: <signingKey>.pub.pem)')
    .option('--type <type>', `key type: ${KEY_TYPES.join(' or ')}`, KEY_TYPES[0])
    .option(...byOption('the supervisor account you act as'))
    .action(async (opts: { publicOut?: string; type: string; by?: string }, cmd: Command) => {
      if (!KEY_TYPES.includes(opts.type as UnitKeyType)) {
        throw new UsageError(`--type ${opts.type} is not a key type Phénix signs with: ${KEY_TYPES.join(' or ')}`);
      }
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'keys.manage', by: opts.by }, async () => {});
      const privatePath = signingKeyFile(loaded);
      const made = createUnitKeys(privatePath, opts.publicOut ?? `${privatePath}.pub.pem`, opts.type as UnitKeyType);
      print(`Private key: ${made.privateKeyPath} (mode 0600; keep it on this machine, back it up offline)`);
      print(`Public key:  ${made.publicKeyPath} (give it to the court and the defence with every package)`);
      print(`Fingerprint (SHA-256 of the public key): ${made.fingerprint}`);
    });
}
