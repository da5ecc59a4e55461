/**
 * The embedded database (PGlite in a folder, by default data/db): one process opens it, and shares it.
 *
 * PGlite is one Postgres backend inside one process; two processes opening the same folder would corrupt it, hence
 * the lock file. The process that holds the lock serves the database on a Unix socket beside the folder
 * (`data/db.sock/`, 0700, see shared/socket-server.ts); any other Phénix command that finds the lock held connects
 * there with postgres.js instead, so `phenix alerts list` or `phenix users add` work while `phenix serve` runs.
 * Long-running services (`exclusive`) refuse to run through another process: when the owner stops, they would lose
 * their database. Why a socket rather than the service's HTTP API: see db/README.md.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { isProcessAlive as isAlive } from '../lib/process-alive.ts';
import type { Database, DatabaseOptions, PhenixDatabase } from './client.ts';
import { DatabaseUnavailableError } from './errors.ts';
import * as schema from './schema/index.ts';
import { createGate, type Gate } from './shared/gate.ts';
import { type EmbeddedServer, serveEmbeddedDatabase, socketPathIn, socketProblem } from './shared/socket-server.ts';

/** Folder of the socket through which the process holding `dataDir` shares it. */
export function sharedSocketDir(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.sock`;
}

export interface EmbeddedHooks {
  appliedMigrations: (db: Database) => Promise<number>;
  migrationsFolder: string;
  /** Opens a postgres.js database on the owner's socket (client.ts owns the driver set-up). */
  connectSocket: (socketPath: string, location: string, options: DatabaseOptions) => Promise<PhenixDatabase>;
}

export async function openEmbedded(
  dataDir: string,
  options: DatabaseOptions,
  hooks: EmbeddedHooks,
): Promise<PhenixDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const lock = lockDataDir(dataDir);
  if ('heldBy' in lock) return throughOwner(dataDir, lock.heldBy, options, hooks);
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir);
  } catch (error) {
    lock.release();
    throw new DatabaseUnavailableError(`Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`);
  }
  const gate = createGate();
  const db = drizzlePglite({ client: gated(client, gate), schema }) as unknown as Database;
  let server: EmbeddedServer | null = null;
  const handle: PhenixDatabase = {
    db,
    kind: 'embedded',
    location: dataDir,
    sharing: null,
    migrate: async () => {
      const before = await hooks.appliedMigrations(db);
      await migratePglite(db as never, { migrationsFolder: hooks.migrationsFolder });
      return (await hooks.appliedMigrations(db)) - before;
    },
    close: async () => {
      await server?.close();
      await client.close();
      lock.release();
    },
  };
  try {
    // The embedded database migrates itself: there is no administrator to run `phenix db migrate`.
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  const dir = sharedSocketDir(dataDir);
  const problem = socketProblem(dir);
  if (problem) handle.sharing = `not shared: ${problem}`;
  else {
    try {
      server = await serveEmbeddedDatabase({
        pglite: client,
        gate,
        dir,
        idleInTransactionMs: options.idleInTransactionMs,
      });
      handle.sharing = `shared with other Phénix commands on ${server.socketPath}`;
    } catch (error) {
      handle.sharing = `not shared: ${(error as Error).message}`;
    }
  }
  return handle;
}

/** PGlite as drizzle uses it, every query and whole transaction taken through the gate. */
function gated(client: PGlite, gate: Gate) {
  return {
    query: ((...args: Parameters<PGlite['query']>) => gate.run(() => client.query(...args))) as PGlite['query'],
    exec: ((...args: Parameters<PGlite['exec']>) => gate.run(() => client.exec(...args))) as PGlite['exec'],
    transaction: ((fn: Parameters<PGlite['transaction']>[0]) =>
      gate.run(() => client.transaction(fn))) as PGlite['transaction'],
  } as unknown as PGlite;
}

async function throughOwner(
  dataDir: string,
  pid: number,
  options: DatabaseOptions,
  hooks: EmbeddedHooks,
): Promise<PhenixDatabase> {
  const inUse = `The embedded database in ${dataDir} is in use by another Phénix process (pid ${pid})`;
  if (options.exclusive) {
    throw new DatabaseUnavailableError(
      `${inUse}. A service needs the embedded database to itself: stop that process first, or use a PostgreSQL server (DATABASE_URL) to run several services.`,
    );
  }
  const socketPath = socketPathIn(sharedSocketDir(dataDir));
  if (!existsSync(socketPath)) {
    throw new DatabaseUnavailableError(
      `${inUse}, which does not share it (no ${socketPath}; an older Phénix, or its path is too long). Stop it first, or use a PostgreSQL server (DATABASE_URL).`,
    );
  }
  try {
    const handle = await hooks.connectSocket(socketPath, `${dataDir} (through pid ${pid})`, options);
    handle.sharing = `through the Phénix process ${pid}`;
    return handle;
  } catch (error) {
    if (error instanceof DatabaseUnavailableError && !/Cannot reach/.test(error.message)) throw error;
    throw new DatabaseUnavailableError(
      `${inUse}, and its socket ${socketPath} does not answer: ${(error as Error).message}`,
    );
  }
}

/** PGlite is single-process: a second Phénix on the same folder would corrupt it. */
function lockDataDir(dataDir: string): { release: () => void } | { heldBy: number } {
  const lockPath = `${dataDir}/phenix.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(lockPath, 'utf8'));
      if (pid > 0 && pid !== process.pid && isAlive(pid)) return { heldBy: pid };
      rmSync(lockPath, { force: true }); // left by a process that died: take it over
    }
  }
  throw new DatabaseUnavailableError(`Cannot lock the embedded database in ${dataDir}`);
}
