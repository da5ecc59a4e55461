/**
 * Who runs a command, and whether their role allows it. Once accounts exist, a command acts only as an account it
 * can PROVE: its CLI token (`PHENIX_TOKEN`, or a token file readable by its owner only: cli-token.ts), made by
 * `phenix users token NAME` and stored hashed; or the PostgreSQL role the connection logged in as, when a
 * supervisor mapped it to the account (`phenix users db-role NAME ROLE`). A name given with `--by` or
 * `PHENIX_USER` is a declaration: it must match the proven account, and without proof it acts as nobody. A
 * database with no account yet is a one-person set-up (the demo, a first install): commands then run unchecked
 * under the declared name, and the first `phenix users add` creates the first account and prints its token.
 * Every journal entry the command writes carries the operating-system user and host next to the account.
 */
import { existsSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import {
  countUsers,
  type Executor,
  findUserByCliToken,
  findUserByDatabaseRole,
  findUserForLogin,
  type PhenixDatabase,
  setAuditOrigin,
} from '../db/index.ts';
import { type Permission, roleAllows, rolesFor, tokenHash } from '../review/index.ts';
import { defaultTokenFile, readGivenToken, TOKEN_ENV } from './cli-token.ts';
import { phenixCommand } from './command-hint.ts';
import { type LoadedConfig, type OpenOptions, withDatabase } from './context.ts';

export const IDENTITY_ENV = 'PHENIX_USER';

/** The role does not allow the command, or the account is not proven (exit 2). */
export class AccessDeniedError extends Error {
  override readonly name = 'AccessDeniedError';
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}

/** From now on, every journal entry of this process names the OS user and host beside the account. */
export function recordOrigin(proof: string): void {
  setAuditOrigin({ osUser: osUser(), host: hostname(), proof });
}

const howToProve = () =>
  `get a CLI token: a supervisor runs "${phenixCommand('users token NAME')}" (or you do, with your password), then set ${TOKEN_ENV}=<token> or save it in ${defaultTokenFile()} (chmod 600)`;

export interface ProvenIdentity {
  name: string;
  proof: 'token' | 'db-role' | 'bootstrap';
}

/** The account this command can prove, or the declared name when no account exists yet. */
export async function proveIdentity(db: Executor, by: string | undefined): Promise<ProvenIdentity> {
  const declared = (by ?? process.env[IDENTITY_ENV])?.trim() || undefined;
  if ((await countUsers(db)) === 0) return { name: declared ?? osUser(), proof: 'bootstrap' };
  const given = readGivenToken();
  let proven: ProvenIdentity | null = null;
  if (given) {
    const user = await findUserByCliToken(db, tokenHash(given.token));
    if (!user) {
      throw new AccessDeniedError(
        `The CLI token from ${given.from} belongs to no account (replaced, or never made): ${howToProve()}`,
      );
    }
    proven = { name: user.name, proof: 'token' };
  } else {
    const user = await findUserByDatabaseRole(db);
    if (user) proven = { name: user.name, proof: 'db-role' };
  }
  if (!proven) {
    const who = declared
      ? `"${declared}" (from ${by ? '--by' : IDENTITY_ENV}) is a name, not a proof`
      : 'Who runs this?';
    throw new AccessDeniedError(
      `${who}: commands act only as an account they can prove. To act as your account, ${howToProve()}`,
    );
  }
  if (declared && declared !== proven.name) {
    throw new AccessDeniedError(
      `${by ? '--by' : IDENTITY_ENV} says "${declared}", but your ${proven.proof === 'token' ? 'CLI token' : 'database role'} proves the account ${proven.name}: nothing was done`,
    );
  }
  return proven;
}

/** Proves the account, checks its role for `permission`, and returns its name (for the audit log). */
export async function actAs(db: Executor, by: string | undefined, permission: Permission): Promise<string> {
  const identity = await proveIdentity(db, by);
  recordOrigin(identity.proof);
  if (identity.proof === 'bootstrap') return identity.name;
  const { name } = identity;
  const user = await findUserForLogin(db, name);
  if (!user?.active) throw new AccessDeniedError(`The account ${name} is disabled: a supervisor can enable it`);
  if (!roleAllows(user.role, permission)) {
    throw new AccessDeniedError(
      `${name} is ${user.role === 'auditor' ? 'an' : 'a'} ${user.role}: this command needs the role ${rolesFor(permission).join(' or ')}`,
    );
  }
  return name;
}

/** The `--by` option every role-checked command takes. */
export function byOption(who = 'the account you act as'): [string, string] {
  return ['--by <name>', `${who}: must be the account your CLI token (or database role) proves`];
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
