/**
 * Opens the database: postgres.js when a URL is given, otherwise an embedded PGlite database in a
 * folder (created and migrated on first open). Nothing outside db/ knows which driver is in use.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { isProcessAlive as isAlive } from '../lib/process-alive.ts';
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
}

export interface PhenixDatabase {
  db: Database;
  kind: 'postgres' | 'embedded';
  /** Where the data lives, safe to print (password removed). */
  location: string;
  migrate(): Promise<number>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

export async function openDatabase(options: DatabaseOptions = {}): Promise<PhenixDatabase> {
  return options.url ? openPostgres(options.url, options) : openEmbedded(options.dataDir ?? 'data/db');
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<PhenixDatabase> {
  const client = postgres(url, { max: options.maxConnections ?? 10, onnotice: () => {}, connect_timeout: 10 });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database at ${location}: ${(error as Error).message}`);
  }
  const db = drizzlePostgres(client, { schema }) as unknown as Database;
  const handle: PhenixDatabase = {
    db,
    kind: 'postgres',
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

async function openEmbedded(dataDir: string): Promise<PhenixDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const release = lockDataDir(dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    release();
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  const handle: PhenixDatabase = {
    db,
    kind: 'embedded',
    location: dataDir,
    migrate: async () => {
      const before = await appliedMigrations(db);
      await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      return (await appliedMigrations(db)) - before;
    },
    close: async () => {
      await client.close();
      release();
    },
  };
  // The embedded database migrates itself: there is no administrator to run `phenix db migrate`.
  await handle.migrate();
  return handle;
}

/** PGlite is single-process: a second Phénix on the same folder would corrupt it, so refuse clearly. */
function lockDataDir(dataDir: string): () => void {
  const lockPath = join(dataDir, 'phenix.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseUnavailableError(
          `The embedded database in ${dataDir} is in use by another Phénix process (pid ${pid}). Stop it first, or use a PostgreSQL server (DATABASE_URL) to run several processes.`,
        );
      }
      rmSync(lockPath, { force: true }); // left by a process that died: take it over
    }
  }
  throw new DatabaseUnavailableError(`Cannot lock the embedded database in ${dataDir}`);
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
