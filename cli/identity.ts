/**
 * Who runs a command, and whether their role allows it. The CLI acts as `--by NAME`, else $PHENIX_USER, else the
 * operating-system user name, and that name must be an active account (phenix users list) whose role allows the
 * command (review/security/permissions.ts). A database with no account yet is a one-person set-up (the demo, a
 * first install): commands then run unchecked as that name, and the first `phenix users add` creates the first
 * account. The name is a declaration, not a login: what stops someone from using the data directly is the
 * database credential (see review/README.md, "Rules of police data"); what the CLI adds is that every sensitive
 * command is refused to the wrong role and journaled under the name given.
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { countUsers, type Executor, findUserForLogin, type PhenixDatabase } from '../db/index.ts';
import { type Permission, roleAllows, rolesFor } from '../review/index.ts';
import { phenixCommand } from './command-hint.ts';
import { type LoadedConfig, type OpenOptions, withDatabase } from './context.ts';

export const IDENTITY_ENV = 'PHENIX_USER';

/** The role does not allow the command, or the name is no active account (exit 2). */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
}

/** The name the command acts as when --by is not given. */
export function defaultActor(): string {
  const fromEnv = process.env[IDENTITY_ENV]?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** Checks the acting account's role for `permission` and returns its name (for the audit log). */
export async function actAs(db: Executor, by: string | undefined, permission: Permission): Promise<string> {
  const name = (by ?? defaultActor()).trim();
  if ((await countUsers(db)) === 0) return name;
  const how = by
    ? '--by'
    : process.env[IDENTITY_ENV]
      ? IDENTITY_ENV
      : `your system user name, as neither --by nor ${IDENTITY_ENV} is set`;
  const user = await findUserForLogin(db, name);
  if (!user?.active) {
    // Listing the accounts is itself a supervisor's command: point to the one who can, not to a command that fails too.
    throw new AccessDeniedError(
      `"${name}" (from ${how}) is not an active account. Say who you are with --by NAME or ${IDENTITY_ENV}=NAME, NAME being your Phénix account; a supervisor can list the accounts (${phenixCommand('users list --by SUPERVISOR')}).`,
    );
  }
  if (!roleAllows(user.role, permission)) {
    throw new AccessDeniedError(
      `${name} is ${user.role === 'auditor' ? 'an' : 'a'} ${user.role}: this command needs the role ${rolesFor(permission).join(' or ')}`,
    );
  }
  return name;
}

/** The `--by` option every role-checked command takes. */
export function byOption(who = 'the account you act as'): [string, string] {
  return ['--by <name>', `${who} (default: $${IDENTITY_ENV}, else your system user name)`];
}

/** Who runs a command and the permission it needs; `exempt` says why a command checks no role (see cli/README.md). */
export type CommandAccess = { permission: Permission; by: string | undefined } | { exempt: string };

/** The access of a command that runs the monitor or looks at its machinery (analysts and supervisors). */
export function operator(by: string | undefined): { permission: 'operations.run'; by: string | undefined } {
  return { permission: 'operations.run', by };
}

/**
 * Whether the config's database may hold accounts, for the commands that also run without it (compare, doctor): an
 * embedded database not created yet has none, and is not created just to find that out.
 */
export function unitDatabaseExists(loaded: LoadedConfig): boolean {
  return Boolean(loaded.config.database.url) || existsSync(loaded.resolvePath('data/db'));
}

/** Opens the config's database, checks the role before anything else, and runs `fn` as that account. */
export async function withAccount<T>(
  loaded: LoadedConfig,
  access: { permission: Permission; by: string | undefined },
  fn: (handle: PhenixDatabase, actor: string) => Promise<T>,
  open: OpenOptions = {},
): Promise<T> {
  return withDatabase(loaded, async (handle) => fn(handle, await actAs(handle.db, access.by, access.permission)), open);
}
