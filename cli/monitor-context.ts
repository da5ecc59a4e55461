/**
 * Builds the monitor's context for a command: config, database, evidence store, crawl storage, logger,
 * and the browser check (a clear message, or HTTP mode with a notice where the command allows it).
 */

import type { Command } from 'commander';
import { BrowserNotFoundError, findChromium } from '../chromium/index.ts';
import { type Config, CRAWL_MODES } from '../config/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import { type MonitorContext, processOwner } from '../monitor/index.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig, logger, withDatabase } from './context.ts';
import { UsageError } from './errors.ts';
import { actAs, type CommandAccess } from './identity.ts';
import { requireQueueUrl } from './queue-context.ts';

export interface MonitorCommandOptions {
  signal?: AbortSignal;
  onProgress?: (line: string) => void;
  /** When no browser is found: fail with the install instructions (default) or crawl in HTTP mode with a notice. */
  browserMissing?: 'fail' | 'http';
  /** Crawl mode for this command (--mode), applied before the browser check. */
  mode?: Config['crawler']['mode'];
  /** The permission the command needs, checked as soon as the database is open, before any work. */
  access: CommandAccess;
  /** A long-running service: holds the embedded database itself and shares it (see cli/context.ts OpenOptions). */
  service?: boolean;
  /**
   * The command needs the job queue (its name, for the message), or does when the config enables it: refused on
   * the embedded database before any database is opened.
   */
  queue?: string | ((config: Config) => string | undefined);
}

export async function withMonitor<T>(
  cmd: Command,
  options: MonitorCommandOptions,
  fn: (ctx: MonitorContext, loaded: LoadedConfig) => Promise<T>,
  loadedConfig?: LoadedConfig,
): Promise<T> {
  const globals = cmd.optsWithGlobals<GlobalOptions>();
  const loaded = loadedConfig ?? loadConfig(globals);
  const log = logger(globals);
  if (options.mode) {
    loaded.config.crawler.mode = options.mode;
    for (const site of loaded.config.sites) if (site.crawl?.mode) site.crawl.mode = options.mode;
  }
  // Said at once, before opening (and perhaps creating) an embedded database the command cannot use.
  const queueCommand = typeof options.queue === 'function' ? options.queue(loaded.config) : options.queue;
  if (queueCommand) requireQueueUrl(loaded.config, queueCommand);
  ensureBrowser(loaded.config, options.browserMissing ?? 'fail', (line) => log.warn(line));
  return withDatabase(
    loaded,
    async (handle) => {
      const { access } = options;
      if (options.service && handle.sharing)
        log.info({ database: handle.location }, `embedded database ${handle.sharing}`);
      if ('permission' in access) await actAs(handle.db, access.by, access.permission);
      return fn(
        {
          config: loaded.config,
          db: handle.db,
          evidence: createEvidenceStore({ dir: loaded.resolvePath(loaded.config.evidence.dir) }),
          logger: log,
          storageRoot: loaded.resolvePath('data/crawls'),
          owner: processOwner(),
          chromiumPathFromEnv: process.env.CHROMIUM_PATH,
          signal: options.signal,
          onProgress: options.onProgress,
        },
        loaded,
      );
    },
    { service: options.service },
  );
}

/** Browser and auto modes need Chromium: say how to install it, or switch to HTTP mode with a notice. */
export function ensureBrowser(config: Config, whenMissing: 'fail' | 'http', notice: (line: string) => void): void {
  const needs = config.crawler.mode !== 'http' || config.sites.some((s) => s.crawl?.mode && s.crawl.mode !== 'http');
  if (!needs) return;
  try {
    const found = findChromium(config.crawler.chromiumPath, process.env.CHROMIUM_PATH);
    config.crawler.chromiumPath = found.path;
  } catch (error) {
    if (!(error instanceof BrowserNotFoundError) || whenMissing === 'fail') throw error;
    notice(
      `${error.message} Crawling in HTTP mode instead: pages are fetched without JavaScript and without screenshots.`,
    );
    config.crawler.mode = 'http';
    for (const site of config.sites) if (site.crawl?.mode) site.crawl.mode = 'http';
  }
}

export function parseMode(value: string | undefined): Config['crawler']['mode'] | undefined {
  if (value === undefined) return undefined;
  if (!(CRAWL_MODES as readonly string[]).includes(value))
    throw new UsageError(`--mode must be one of ${CRAWL_MODES.join(', ')}; got "${value}"`);
  return value as Config['crawler']['mode'];
}

export function parsePositiveInt(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a whole number of 1 or more; got "${value}"`);
  return Number(value);
}

/** Progress on a terminal: one line rewritten in place; nothing when stderr is not a terminal. */
export function terminalProgress(): ((line: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (line) => {
    const width = process.stderr.columns ?? 100;
    process.stderr.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
  };
}

export function endProgress(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}

/** SIGINT/SIGTERM stop the work gracefully (pages in flight finish); a second signal ends at once. */
export function gracefulSignal(onFirst?: (signal: string) => void): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const handler = (sig: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    onFirst?.(sig);
    controller.abort(sig);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
