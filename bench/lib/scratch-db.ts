/**
 * Scratch databases for the benchmarks: created beside an admin URL, always dropped, and those left by a run that
 * was killed (their name carries its pid) dropped at the next run when the server is on this machine.
 */
import postgres from 'postgres';
import { isProcessAlive } from '../../lib/process-alive.ts';

export function scratchDatabaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function withScratchDatabase<T>(
  admin: postgres.Sql,
  adminUrl: string,
  name: string,
  fn: (url: string) => Promise<T>,
  log: (line: string) => void = console.log,
): Promise<T> {
  await admin.unsafe(`create database ${name}`);
  try {
    return await fn(scratchDatabaseUrl(adminUrl, name));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch((error: Error) => {
      log(`  WARNING: could not drop ${name}: ${error.message}`);
    });
  }
}

export async function withSql<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Drops the databases named `<prefix><pid>` or `<prefix><pid>_…` whose process is gone (a run killed midway). */
export async function dropStaleScratchDatabases(
  admin: postgres.Sql,
  adminUrl: string,
  prefix: string,
  log: (line: string) => void = console.log,
): Promise<void> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname)) return;
  const rows = await admin<
    { datname: string }[]
  >`select datname from pg_database where starts_with(datname, ${prefix})`;
  for (const { datname } of rows) {
    const pid = Number(/^(\d+)(?:_|$)/.exec(datname.slice(prefix.length))?.[1]);
    if (!pid || pid === process.pid || isProcessAlive(pid)) continue;
    log(`  dropping ${datname}, left by an interrupted run`);
    await admin.unsafe(`drop database if exists ${datname} with (force)`);
  }
}
