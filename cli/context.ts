/**
 * What every command needs, built from the command line and the environment (the only place that
 * reads them): the config file, the logger, the database.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Logger } from 'pino';
import { type Config, ConfigError, parseConfig } from '../config/index.ts';
import { openDatabase, type PhenixDatabase } from '../db/index.ts';
import { createLogger } from './logger.ts';

export interface GlobalOptions {
  config?: string;
  logLevel?: string;
}

export interface LoadedConfig {
  path: string;
  config: Config;
  /** Resolves a path written in the config relative to the config file's folder. */
  resolvePath(p: string): string;
}

export function configPath(options: GlobalOptions): string {
  return resolve(options.config ?? process.env.PHENIX_CONFIG ?? 'phenix.yaml');
}

export function loadConfig(options: GlobalOptions): LoadedConfig {
  const path = configPath(options);
  if (!existsSync(path)) {
    throw new ConfigError(path, [
      `no config file here. Create one with "phenix init" (writes phenix.yaml), or name yours with --config FILE or PHENIX_CONFIG`,
    ]);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [`cannot be read: ${(error as Error).message}`]);
  }
  const config = parseConfig(text, { source: path, env: process.env });
  const base = dirname(path);
  return { path, config, resolvePath: (p) => (isAbsolute(p) ? p : resolve(base, p)) };
}

let rootLogger: Logger | undefined;

export function logger(options: GlobalOptions): Logger {
  rootLogger ??= createLogger({
    level: options.logLevel ?? process.env.LOG_LEVEL ?? 'info',
    pretty: Boolean(process.stderr.isTTY) && process.env.LOG_FORMAT !== 'json',
  });
  return rootLogger;
}

export interface OpenOptions {
  requireMigrated?: boolean;
  /**
   * A long-running service (serve, review): on the embedded database it must hold the database itself (it then
   * shares it with the other commands), never go through another process that holds it (db/embedded.ts).
   */
  service?: boolean;
}

/** Opens the database the config names (DATABASE_URL wins), runs `fn`, and always closes it. */
export async function withDatabase<T>(
  loaded: LoadedConfig,
  fn: (db: PhenixDatabase) => Promise<T>,
  options: OpenOptions = {},
): Promise<T> {
  const url = loaded.config.database.url;
  const handle = await openDatabase(
    url
      ? { url, requireMigrated: options.requireMigrated }
      : { dataDir: loaded.resolvePath('data/db'), exclusive: options.service },
  );
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
