/**
 * `phenix users add|list|disable|enable|role|token|db-role`: accounts of the review page and the CLI, with their
 * role and how the CLI proves them. Only a supervisor manages accounts, except the very first one (no account yet:
 * see cli/identity.ts), which is given its CLI token at once.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import {
  countUsers,
  createUser,
  listUsers,
  parseRole,
  setUserActive,
  setUserRole,
  USER_ROLES,
} from '../../db/index.ts';
import { terminalSafe } from '../../lib/terminal-safe.ts';
import { hashPassword, MIN_PASSWORD_LENGTH } from '../../review/index.ts';
import { type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { actAs, byOption } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';
import { issueCliToken, registerTokenCommands } from './users-token.ts';

const BY = byOption('the supervisor account you act as');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    let prompted = false;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (!prompted) {
        prompted = true;
        write.call(rl, s);
      }
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (!process.stdin.isTTY) {
    throw new UsageError('No terminal to ask the password on: pipe it in and add --password-stdin');
  }
  const first = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `);
  const second = await askHidden('Same password again: ');
  if (first !== second) throw new UsageError('The two passwords differ; nothing was changed');
  return first;
}

export function registerUsersCommands(program: Command): void {
  const users = program.command('users').description('analyst accounts of the review web page');
  users
    .command('add')
    .description('create an account (the password is asked on the terminal, or read with --password-stdin)')
    .argument('<name>', 'account name, as it will appear in the audit log')
    .option('--password-stdin', 'read the password from the standard input')
    .option('--role <role>', `${USER_ROLES.join(', ')} (default analyst)`, 'analyst')
    .option(...BY)
    .action(async (name: string, opts: { passwordStdin?: boolean; role: string; by?: string }, cmd: Command) => {
      const role = parseRole(opts.role);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const password = await readPassword(Boolean(opts.passwordStdin));
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`);
      }
      const passwordHash = await hashPassword(password);
      await withDatabase(loaded, async ({ db }) => {
        const first = (await countUsers(db)) === 0;
        const by = await actAs(db, opts.by, 'users.manage');
        const user = await createUser(db, { name, passwordHash, by, role });
        print(`Account ${user.name} (${user.role}) created. Log in at the review page (phenix review).`);
        // From now on the CLI acts only as a proven account: the first one gets its token, or nobody could act.
        if (first) await issueCliToken(db, user.name, user.name, {});
      });
    });
  users
    .command('list')
    .description('list accounts')
    .option('--json', 'print JSON')
    .option(...BY)
    .action(async (opts: { json?: boolean; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        await actAs(db, opts.by, 'users.manage');
        const rows = await listUsers(db);
        if (opts.json)
          return printJson(rows.map((u) => ({ name: u.name, role: u.role, active: u.active, createdAt: u.createdAt })));
        if (rows.length === 0) return print('No account yet. Create one with: phenix users add <name>');
        print(
          table(
            ['name', 'role', 'active', 'created'],
            rows.map((u) => [terminalSafe(u.name), u.role, u.active ? 'yes' : 'no', formatTime(u.createdAt)]),
          ),
        );
      });
    });
  for (const [verb, active] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    users
      .command(verb)
      .description(active ? 'allow an account to log in again' : 'stop an account from logging in (ends its sessions)')
      .argument('<name>', 'account name')
      .option(...BY)
      .action(async (name: string, opts: { by?: string }, cmd: Command) => {
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        await withDatabase(loaded, async ({ db }) => {
          await setUserActive(db, name, active, await actAs(db, opts.by, 'users.manage'));
          print(`Account ${terminalSafe(name)} ${active ? 'enabled' : 'disabled'}.`);
        });
      });
  }
  users
    .command('role')
    .description('change the role of an account (analyst, supervisor or auditor)')
    .argument('<name>', 'account name')
    .argument('<role>', USER_ROLES.join(', '))
    .option(...BY)
    .action(async (name: string, rawRole: string, opts: { by?: string }, cmd: Command) => {
      const role = parseRole(rawRole);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withDatabase(loaded, async ({ db }) => {
        await setUserRole(db, name, role, await actAs(db, opts.by, 'users.manage'));
        print(`Account ${terminalSafe(name)} is now ${role}.`);
      });
    });
  registerTokenCommands(users);
}
