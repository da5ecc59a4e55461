/**
 * `phenix users token NAME` and `phenix users db-role NAME ROLE`: how the CLI proves an account (cli/identity.ts).
 * A token is printed once and stored only as its SHA-256; a new one replaces the old at once. A supervisor makes
 * one for any account; an account makes its own by giving its password (`--password-stdin`).
 */
import { chmodSync, closeSync, constants, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { type Executor, findUserForLogin, setCliToken, setDatabaseRole } from '../../db/index.ts';
import { terminalSafe } from '../../lib/terminal-safe.ts';
import { newToken, tokenHash, verifyPassword } from '../../review/index.ts';
import { defaultTokenFile, TOKEN_ENV } from '../cli-token.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { AccessDeniedError, actAs, byOption, recordOrigin } from '../identity.ts';
import { print } from '../output.ts';

/** Writes the token readable by its owner only (created 0600, and chmod'ed in case the file existed). */
function saveToken(path: string, token: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o600);
  try {
    chmodSync(path, 0o600);
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
}

/** Makes a new token for `name` (replacing any old one), then prints it once or saves it to `out`. */
export async function issueCliToken(db: Executor, name: string, by: string, opts: { out?: string }): Promise<void> {
  const token = `phx_${newToken()}`;
  await setCliToken(db, name, tokenHash(token), by);
  if (opts.out) {
    saveToken(opts.out, token);
    print(`CLI token of ${terminalSafe(name)} saved in ${opts.out} (readable by you only).`);
    return;
  }
  print(
    `CLI token of ${terminalSafe(name)} (shown once; any earlier token of this account no longer works). Keep it in ${defaultTokenFile()} (chmod 600) or give it as ${TOKEN_ENV}:`,
  );
  print(token);
}

async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export function registerTokenCommands(users: Command): void {
  users
    .command('token')
    .description('make a new CLI token for an account (printed once; the old one stops working)')
    .argument('<name>', 'account name')
    .option('--password-stdin', 'prove the account itself with its password, read from the standard input')
    .option('--out <file>', 'save the token in this file, readable by you only, instead of printing it')
    .option(...byOption('the supervisor account you act as'))
    .action(async (name: string, opts: { passwordStdin?: boolean; out?: string; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const password = opts.passwordStdin ? await readStdinLine() : undefined;
      await withDatabase(loaded, async ({ db }) => {
        if (password === undefined) {
          const by = await actAs(db, opts.by, 'users.manage');
          return issueCliToken(db, name, by, opts);
        }
        const user = await findUserForLogin(db, name);
        if (!user?.active || !(await verifyPassword(password, user.passwordHash))) {
          throw new AccessDeniedError(`Wrong account name or password, or the account is disabled; no token was made`);
        }
        recordOrigin('password');
        return issueCliToken(db, user.name, user.name, opts);
      });
    });
  users
    .command('db-role')
    .description('let a PostgreSQL login role prove an account (the CLI connected as that role acts as it)')
    .argument('<name>', 'account name')
    .argument('[role]', 'PostgreSQL role name (leave out with --clear)')
    .option('--clear', 'remove the mapping')
    .option(...byOption('the supervisor account you act as'))
    .action(async (name: string, role: string | undefined, opts: { clear?: boolean; by?: string }, cmd: Command) => {
      if (!role === !opts.clear) throw new UsageError('Give a role name, or --clear to remove the mapping');
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        await setDatabaseRole(db, name, role ?? null, await actAs(db, opts.by, 'users.manage'));
        print(
          role
            ? `The database role ${terminalSafe(role)} now proves the account ${terminalSafe(name)}.`
            : `No database role proves ${terminalSafe(name)} any more.`,
        );
      });
    });
}
