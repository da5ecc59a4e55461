/** Analyst accounts and login sessions for the review web page. */
import { boolean, index, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** analyst reviews; supervisor also manages accounts, retention and closes cases; auditor reads the journal only. */
export const USER_ROLES = ['analyst', 'supervisor', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** scrypt$N$r$p$salt$hash */
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    role: text('role', { enum: USER_ROLES }).notNull().default('analyst'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** SHA-256 of the account's CLI token (`phenix users token NAME`); the token itself is printed once, never stored. */
    cliTokenHash: text('cli_token_hash'),
    /** A PostgreSQL login role that proves this account by itself (`phenix users db-role NAME ROLE`). */
    dbRole: text('db_role'),
  },
  (t) => [
    uniqueIndex('users_name_uq').on(t.name),
    uniqueIndex('users_cli_token_hash_uq').on(t.cliTokenHash),
    uniqueIndex('users_db_role_uq').on(t.dbRole),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the session token (the token itself lives only in the cookie). */
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
