/**
 * Opens the database: postgres.js when a URL is given, otherwise an embedded PGlite database in a
 * folder (created and migrated on first open; shared with other Phénix processes, see embedded.ts). Nothing outside
 * db/ knows which driver is in use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { DatabaseUnavailableError } from './errors.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take either the database or a transaction. */
export type Executor = Database | Transaction;

export interface DatabaseOptions {
  /** postgres:// URL; when absent the embedded database in `dataDir` is used. */
  url?: string;
  /** Folder of the embedded database (default data/db). */
  dataDir?: string;
  /** Apply pending migrations on open (always true for a new embedded database). */
  migrate?: boolean;
  /** Refuse a server database that is not migrated (default true; `phenix db migrate` turns it off). */
  requireMigrated?: boolean;
  /** Connection pool size for Postgres. */
  maxConnections?: number;
  /**
   * A long-running service: refuse an embedded database another process holds rather than go through it (the
   * service would lose its database when that process stops). See db/embedded.ts.
   */
  exclusive?: boolean;
  /** Embedded database shared on its socket: how long a client may hold a transaction open while silent. */
  idleInTransactionMs?: number;
}

export interface PhenixDatabase {
  db: Database;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, safe to print (password removed). */
  location: string;
  /** Embedded database: whether this process shares it on its socket, or reaches it through the process that does. */
  sharing?: string | null;
  migrate(): Promise<number>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions = {}): Promise<PhenixDatabase> {
  if (options.url) return openPostgres(options.url, options);
  // Loaded here, not at the top: PGlite (a WebAssembly Postgres) is not needed by a deployment on a server.
  const { openEmbedded } = await import('./embedded.ts');
  return openEmbedded(options.dataDir ?? 'data/db', options, {
    appliedMigrations,
    migrationsFolder: MIGRATIONS_FOLDER,
    connectSocket: (path, location, o) =>
      // One connection, unnamed statements: the owner's single backend is shared by every client, and named
      // prepared statements of two clients would collide there.
      openPostgres('', o, { path, location, kind: 'embedded', max: 1, prepare: false }),
  });
}

async function openPostgres(
  url: string,
  options: DatabaseOptions,
  socket?: { path: string; location: string; kind: 'embedded'; max: number; prepare: false },
): Promise<PhenixDatabase> {
  const client = socket
    ? postgres({
        path: socket.path,
        max: socket.max,
        prepare: socket.prepare,
        username: 'phenix',
        database: 'postgres',
        onnotice: () => {},
        connect_timeout: 10,
      })
    : postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {}, connect_timeout: 10 });
  const location = socket?.location ?? url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database at ${location}: ${(error as Error).message}`);
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  const handle: PhenixDatabase = {
    db,
    kind: socket?.kind ?? 'postgres',
    location,
    migrate: async () => {
      const before = await appliedMigrations(db);
      await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      return (await appliedMigrations(db)) - before;
    },
    close: () => client.end({ timeout: 5 }),
  };
  try {
    if (options.migrate) await handle.migrate();
    else if (options.requireMigrated !== false) await assertMigrated(db, location);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

async function appliedMigrations(db: Database): Promise<number> {
  try {
    const rows = (await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`)) as unknown as
      | { n: number }[]
      | { rows: { n: number }[] };
    const list = Array.isArray(rows) ? rows : rows.rows;
    return Number(list[0]?.n ?? 0);
  } catch {
    return 0;
  }
}

function journalLength(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

async function assertMigrated(db: Database, location: string): Promise<void> {
  const applied = await appliedMigrations(db);
  const expected = journalLength();
  if (applied < expected) {
    throw new DatabaseUnavailableError(
      `The database at ${location} is not up to date (${applied} of ${expected} migrations applied). Run: phenix db migrate`,
    );
  }
}
