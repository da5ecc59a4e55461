/**
 * Fresh databases for tests: a new database on the Postgres server (dropped after) or a new embedded
 * PGlite folder. The same suites run on both (drizzle-orm's own habit).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type PhenixDatabase } from '../../db/index.ts';

export const DB_KINDS = ['postgres', 'embedded'] as const;
export type DbKind = (typeof DB_KINDS)[number];

/** The server the tests use; CI starts it. Override with TEST_DATABASE_URL. */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  handle: PhenixDatabase;
  kind: DbKind;
  /** postgres:// URL of the fresh database (postgres kind), for child processes. */
  url?: string;
  /** Folder of the embedded database (embedded kind). */
  dataDir?: string;
  /** Closes and removes the database. */
  drop(): Promise<void>;
}

export async function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `phenix_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = TEST_SERVER_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const cleaner = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
      await cleaner.unsafe(`drop database if exists ${name} with (force)`);
      await cleaner.end();
    },
  };
}

export async function createTestDatabase(kind: DbKind): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const server = await createServerDatabase();
    const handle = await openDatabase({ url: server.url, migrate: true, maxConnections: 4 });
    return {
      handle,
      kind,
      url: server.url,
      drop: async () => {
        await handle.close();
        await server.drop();
      },
    };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'phenix-pglite-'));
  const handle = await openDatabase({ dataDir });
  return {
    handle,
    kind,
    dataDir,
    drop: async () => {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
