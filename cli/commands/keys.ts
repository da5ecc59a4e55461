/** `phenix keys init`: the unit's Ed25519 signing key (private, mode 0600) and its public key for the court. */
import type { Command } from 'commander';
import { createUnitKeys } from '../../evidence/index.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { byOption, withAccount } from '../identity.ts';
import { print } from '../output.ts';

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description("the unit's evidence signing key");
  keys
    .command('init')
    .description('create the signing key pair at evidence.signingKey and export the public key (PEM)')
    .option('--public-out <file>', 'where to write the public key (default: <signingKey>.pub.pem)')
    .option(...byOption('the supervisor account you act as'))
    .action(async (opts: { publicOut?: string; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'keys.manage', by: opts.by }, async () => {});
      const privatePath = loaded.resolvePath(loaded.config.evidence.signingKey);
      const made = createUnitKeys(privatePath, opts.publicOut ?? `${privatePath}.pub.pem`);
      print(`Private key: ${made.privateKeyPath} (mode 0600; keep it on this machine, back it up offline)`);
      print(`Public key:  ${made.publicKeyPath} (give it to the court and the defence with every package)`);
      print(`Fingerprint (SHA-256 of the public key): ${made.fingerprint}`);
    });
}
