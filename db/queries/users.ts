/**
 * Analyst accounts and their login sessions (the review web page). Passwords arrive already hashed and
 * sessions are stored by the SHA-256 of their token: this module never sees a secret it could leak.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../client.ts';
import { InvalidRequestError, NotFoundError } from '../errors.ts';
import { type SessionRow, sessions, USER_ROLES, type UserRole, type UserRow, users } from '../schema/index.ts';
import { appendAudit } from './audit.ts';

/** Names analysts are known by in the audit log: short, printable, no spaces. */
export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

export function parseRole(raw: string): UserRole {
  if (!(USER_ROLES as readonly string[]).includes(raw)) {
    throw new InvalidRequestError(`"${raw}" is not a role; use ${USER_ROLES.join(', ')}`);
  }
  return raw as UserRole;
}

export async function createUser(
  db: Executor,
  input: { name: string; passwordHash: string; by: string; role?: UserRole },
) {
  if (!USER_NAME_PATTERN.test(input.name)) {
    throw new InvalidRequestError(
      `"${input.name}" is not a usable account name: use 1 to 64 letters, digits, dots, dashes, @ or underscores`,
    );
  }
  const [row] = await db
    .insert(users)
    .values({ name: input.name, passwordHash: input.passwordHash, role: input.role ?? 'analyst' })
    .onConflictDoNothing({ target: users.name })
    .returning();
  if (!row) throw new InvalidRequestError(`An account named "${input.name}" already exists`);
  await appendAudit(db, {
    actor: input.by,
    action: 'user.added',
    subjectType: 'user',
    subjectId: input.name,
    details: { role: row.role },
  });
  return publicUser(row);
}

export type PublicUser = Omit<UserRow, 'passwordHash' | 'cliTokenHash'>;

function publicUser(row: UserRow): PublicUser {
  const { passwordHash: _hidden, cliTokenHash: _token, ...rest } = row;
  return rest;
}

/** The row with its password hash, for the login check only. */
export async function findUserForLogin(db: Executor, name: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.name, name));
  return row ?? null;
}

export async function countUsers(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return Number(row?.n ?? 0);
}

export async function setUserRole(db: Executor, name: string, role: UserRole, by: string): Promise<void> {
  const [before] = await db.select({ role: users.role }).from(users).where(eq(users.name, name));
  if (!before) throw new NotFoundError(`No account named "${name}". See: phenix users list`);
  await db.update(users).set({ role }).where(eq(users.name, name));
  await appendAudit(db, {
    actor: by,
    action: 'user.role-changed',
    subjectType: 'user',
    subjectId: name,
    details: { from: before.role, to: role },
  });
}

export async function listUsers(db: Executor): Promise<PublicUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.name));
  return rows.map(publicUser);
}

export async function setUserActive(db: Executor, name: string, active: boolean, by: string): Promise<void> {
  const [row] = await db.update(users).set({ active }).where(eq(users.name, name)).returning({ id: users.id });
  if (!row) throw new NotFoundError(`No account named "${name}". See: phenix users list`);
  if (!active) await db.delete(sessions).where(eq(sessions.userId, row.id));
  await appendAudit(db, {
    actor: by,
    action: active ? 'user.enabled' : 'user.disabled',
    subjectType: 'user',
    subjectId: name,
  });
}

export async function insertSession(
  db: Executor,
  session: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values(session);
}

export interface ActiveSession {
  session: SessionRow;
  user: PublicUser;
}

/** A session that exists, has not expired, and whose account is still active. */
export async function findActiveSession(
  db: Executor,
  tokenHash: string,
  now = new Date(),
): Promise<ActiveSession | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.active, true)));
  return row ? { session: row.session, user: publicUser(row.user) } : null;
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: Executor, now = new Date()): Promise<number> {
  const gone = await db.delete(sessions).where(lte(sessions.expiresAt, now)).returning({ t: sessions.tokenHash });
  return gone.length;
}

/** The account whose CLI token has this SHA-256 (the token itself is never stored). */
export async function findUserByCliToken(db: Executor, tokenHash: string): Promise<PublicUser | null> {
  const [row] = await db.select().from(users).where(eq(users.cliTokenHash, tokenHash));
  return row ? publicUser(row) : null;
}

/** The account mapped to the PostgreSQL role this connection logged in as (`session_user`), if any. */
export async function findUserByDatabaseRole(db: Executor): Promise<PublicUser | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`${users.dbRole} is not null and ${users.dbRole} = session_user`);
  return row ? publicUser(row) : null;
}

/** Replaces the account's CLI token (the old one stops working at once); journaled without the token. */
export async function setCliToken(db: Executor, name: string, tokenHash: string, by: string): Promise<void> {
  const [row] = await db.update(users).set({ cliTokenHash: tokenHash }).where(eq(users.name, name)).returning({
    id: users.id,
  });
  if (!row) throw new NotFoundError(`No account named "${name}". See: phenix users list`);
  await appendAudit(db, { actor: by, action: 'user.cli-token', subjectType: 'user', subjectId: name });
}

/** Maps a PostgreSQL login role to the account (null removes the mapping). */
export async function setDatabaseRole(db: Executor, name: string, role: string | null, by: string): Promise<void> {
  const [taken] = role ? await db.select({ name: users.name }).from(users).where(eq(users.dbRole, role)) : [];
  if (taken && taken.name !== name) {
    throw new InvalidRequestError(`The database role "${role}" already proves the account ${taken.name}`);
  }
  const [row] = await db.update(users).set({ dbRole: role }).where(eq(users.name, name)).returning({ id: users.id });
  if (!row) throw new NotFoundError(`No account named "${name}". See: phenix users list`);
  await appendAudit(db, {
    actor: by,
    action: 'user.db-role',
    subjectType: 'user',
    subjectId: name,
    details: { role },
  });
}
