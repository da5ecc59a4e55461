/**
 * Crawlee plumbing for one crawl run: its own Configuration and request storage (a fresh directory per run, so a
 * re-crawl revisits every page; the same directory after a crash resumes where the run stopped), and Crawlee's logs
 * routed into the caller's pino-like logger instead of stdout.
 */

import {
  Configuration,
  log as crawleeGlobalLog,
  Log,
  Logger,
  LogLevel,
  MemoryStorage,
  type RequestQueue,
  RequestQueueV1,
} from 'crawlee';
import type { CrawlLogger } from './types.ts';

const silent: CrawlLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function crawlerLogger(logger: CrawlLogger | undefined): CrawlLogger {
  if (!logger) return silent;
  return logger.child ? logger.child({ component: 'crawler' }) : logger;
}

const EXPECTED_FAILURE = /^(Request failed and reached maximum retries|Reclaiming failed request)/;

/** Forwards Crawlee's log lines to pino levels (Crawlee's INFO chatter becomes debug). */
class PinoSink extends Logger {
  constructor(private readonly target: () => CrawlLogger) {
    super({});
  }
  override _log(level: LogLevel, message: string, data?: unknown, exception?: unknown): void {
    const fields = {
      source: 'crawlee',
      ...(data && typeof data === 'object' ? data : {}),
      ...(exception ? { err: String(exception) } : {}),
    };
    const out = this.target();
    // Failed pages are reported by the crawler itself, with their reason; Crawlee's stack traces are noise there.
    if (EXPECTED_FAILURE.test(message)) out.debug(fields, message);
    else if (level <= LogLevel.ERROR) out.error(fields, message);
    else if (level <= LogLevel.WARNING) out.warn(fields, message);
    else out.debug(fields, message);
  }
}

let globalTarget: CrawlLogger = silent;
let globalInstalled = false;

/**
 * A Log for one crawler. Crawlee's shared components (browser pool, autoscaler, storage) log through its global
 * `log`; that one is pointed at the most recently started crawl's logger (one process runs one crawl at a time).
 */
export function createCrawleeLog(logger: CrawlLogger): Log {
  globalTarget = logger;
  if (!globalInstalled) {
    crawleeGlobalLog.setOptions({ logger: new PinoSink(() => globalTarget), level: LogLevel.WARNING });
    globalInstalled = true;
  }
  return new Log({ logger: new PinoSink(() => logger), level: LogLevel.WARNING, prefix: 'crawlee' });
}

export interface RunStorage {
  config: Configuration;
  openQueue(name: string): Promise<RequestQueue>;
}

/** Request storage persisted under `storageDir` (JSON files), never purged on start: resume = same directory. */
export function createRunStorage(storageDir: string): RunStorage {
  const storageClient = new MemoryStorage({
    localDataDirectory: storageDir,
    persistStorage: true,
    writeMetadata: false,
  });
  const config = new Configuration({
    storageClient,
    persistStorage: true,
    purgeOnStart: false,
    // The crawler has its own budgets; Crawlee's memory-based autoscaling would only slow it down on small hosts.
    availableMemoryRatio: 0.5,
  });
  return {
    config,
    // V1 queue: the V2 queue persists 60-second locks on requests in flight, so a run resumed after a crash (or a
    // stop) would wait a minute for them; one crawl is the only consumer of its queue, so no lock is needed.
    openQueue: async (name) =>
      shrinkSeenCache((await RequestQueueV1.open(name, { config })) as unknown as RequestQueue),
  };
}

/** Slots of a queue's "request already seen" cache: far above any crawl budget, 1 MB instead of Crawlee's 16 MB. */
export const SEEN_CACHE_SLOTS = 65_536;

/**
 * Crawlee gives every request queue a deduplication cache of 1,000,000 preallocated slots (16 MB), and its file
 * storage keeps each queue alive for 60 s after the crawl through its sweep timers. A worker that crawls a domain
 * per second then holds a gigabyte for nothing (measured: +16 MB of heap per crawl). The cache is only a shortcut
 * before the storage's own check, so a smaller one of the same class changes no result.
 */
function shrinkSeenCache(queue: RequestQueue): RequestQueue {
  const holder = queue as unknown as { requestSeenCache?: object };
  const Cache = holder.requestSeenCache?.constructor as (new (size: number) => object) | undefined;
  if (Cache) holder.requestSeenCache = new Cache(SEEN_CACHE_SLOTS);
  return queue;
}
