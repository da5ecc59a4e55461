/**
 * The drop folder (`feeds.dropDir`): daily newly-registered-domain lists and zone-file diffs put there are
 * ingested by `phenix serve` as they appear. A file is known by its name, size and modification time, so a file
 * replaced by a newer one is read again and an interrupted one resumes after its last committed line. Files
 * still being written (changed in the last two seconds) or named `.part`/`.tmp`/dot-files wait for the next scan.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Executor } from '../db/index.ts';
import { type IngestReport, ingestFeed, type NameScorer } from './ingest.ts';

export interface DropFolderOptions {
  db: Executor;
  dir: string;
  pollMs: number;
  logger: Logger;
  score: () => Promise<NameScorer>;
  /** Files younger than this are left for the next scan (still being copied). */
  settleMs?: number;
  onFile?: (file: string, report: IngestReport) => void;
}

export interface DropFolder {
  /** One scan now (tests call it; the timer calls it every pollMs). */
  scan(): Promise<number>;
  stop(): Promise<void>;
}

const SKIPPED = /^\.|\.(part|tmp|partial|crdownload)$/i;

export function dropSource(file: string): string {
  return `drop:${file}`;
}

export function startDropFolder(options: DropFolderOptions): DropFolder {
  const log = options.logger.child({ component: 'drop-folder', dir: options.dir });
  const settle = options.settleMs ?? 2000;
  let running: Promise<number> | null = null;
  let stopped = false;

  const scanOnce = async (): Promise<number> => {
    let files: string[];
    try {
      files = (await readdir(options.dir)).filter((f) => !SKIPPED.test(f)).sort();
    } catch (error) {
      log.error({ err: error }, `cannot read the drop folder ${options.dir}`);
      return 0;
    }
    let ingested = 0;
    for (const file of files) {
      if (stopped) break;
      const path = join(options.dir, file);
      const info = await stat(path).catch(() => null);
      if (!info?.isFile() || Date.now() - info.mtimeMs < settle) continue;
      const report = await ingestFeed(createReadStream(path), {
        db: options.db,
        source: dropSource(file),
        detail: `drop folder file ${file}`,
        fileKey: `${file}|${info.size}|${Math.round(info.mtimeMs)}`,
        score: await options.score(),
      });
      if (report.alreadyDone) continue;
      ingested++;
      log.info({ file, ...report, problems: report.problems.slice(0, 5) }, 'drop-folder file ingested');
      options.onFile?.(file, report);
    }
    return ingested;
  };
  const scan = () => {
    running ??= scanOnce().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => {
    void scan().catch((error) => log.error({ err: error }, 'drop-folder scan failed'));
  }, options.pollMs);
  timer.unref();
  void scan().catch((error) => log.error({ err: error }, 'drop-folder scan failed'));
  return {
    scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
