/**
 * The drop folder (`feeds.dropDir`): daily newly-registered-domain lists, zone files and zone-file diffs put there
 * are ingested by `phenix serve` as they appear. A file is known by its name, size and modification time, so a file
 * replaced by a newer one is read again and an interrupted one resumes after its last committed line. Files
 * still being written (changed in the last two seconds) or named `.part`/`.tmp`/dot-files wait for the next scan.
 * Only regular files are read, never through a link (safe-open.ts). One bad file never blocks the others: a file
 * past its caps is set aside with its good names kept, and any failure is logged (without input or query
 * parameters) before the scan moves on to the next file.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Executor } from '../db/index.ts';
import { recordFeedBatch } from '../db/index.ts';
import { excerpt, safeError } from '../lib/safe-text.ts';
import { createFormatReader, type FeedFormat, formatForFile } from './formats.ts';
import { type IngestReport, ingestFeed, type NameScorer } from './ingest.ts';
import type { FeedCaps } from './line-reader.ts';
import { NotRegularFileError, openRegularFile, regularFileInfo } from './safe-open.ts';

export interface DropFolderOptions {
  db: Executor;
  dir: string;
  pollMs: number;
  logger: Logger;
  score: () => Promise<NameScorer>;
  /** Files younger than this are left for the next scan (still being copied). */
  settleMs?: number;
  caps?: Partial<FeedCaps>;
  /** File-name patterns → format (`feeds.dropFormats`); the extension decides otherwise. */
  formats?: Readonly<Record<string, FeedFormat>>;
  onFile?: (file: string, report: IngestReport) => void;
}

export interface DropFolder {
  /** One scan now (tests call it; the timer calls it every pollMs). */
  scan(): Promise<number>;
  stop(): Promise<void>;
}

const SKIPPED = /^\.|\.(part|tmp|partial|crdownload)$/i;

/** The source name of a dropped file; file names are outside input too, so they are escaped. */
export function dropSource(file: string): string {
  return `drop:${excerpt(file, 200)}`;
}

export function startDropFolder(options: DropFolderOptions): DropFolder {
  const log = options.logger.child({ component: 'drop-folder', dir: options.dir });
  const settle = options.settleMs ?? 2000;
  // Entries refused (links, devices) are said once per entry, not at every poll.
  const refusedOnce = new Set<string>();
  let running: Promise<number> | null = null;
  let stopped = false;

  const refuse = async (file: string, key: string, reason: string) => {
    if (refusedOnce.has(key)) return;
    refusedOnce.add(key);
    const message = `${excerpt(file, 200)} is ${reason}`;
    log.warn({ file: excerpt(file, 200) }, `drop-folder entry skipped: ${message}`);
    await recordFeedBatch(options.db, {
      source: dropSource(file),
      detail: `drop folder file ${excerpt(file, 200)}`,
      names: [],
      errors: 1,
      lastError: message,
    }).catch((error) => log.error({ err: safeError(error) }, 'could not record a skipped drop-folder entry'));
  };

  const ingestOne = async (file: string): Promise<IngestReport | null> => {
    const path = join(options.dir, file);
    const checked = await regularFileInfo(path).catch(() => null);
    if (checked === null) return null;
    if ('refused' in checked) {
      await refuse(file, `${file}|refused`, checked.refused);
      return null;
    }
    const { info } = checked;
    if (Date.now() - info.mtimeMs < settle) return null;
    const fileKey = `${file}|${info.size}|${Math.round(info.mtimeMs)}`;
    const handle = await openRegularFile(path, info);
    const format = formatForFile(file, options.formats);
    try {
      return await ingestFeed(handle.createReadStream({ autoClose: false }), {
        db: options.db,
        source: dropSource(file),
        detail: `drop folder file ${excerpt(file, 200)}`,
        label: `drop folder file ${excerpt(file, 200)}`,
        fileKey,
        score: await options.score(),
        reader: createFormatReader(format),
        caps: options.caps,
      });
    } finally {
      // Also when the file was already done and its stream never read.
      await handle.close().catch(() => {});
    }
  };

  const scanOnce = async (): Promise<number> => {
    let files: string[];
    try {
      files = (await readdir(options.dir)).filter((f) => !SKIPPED.test(f)).sort();
    } catch (error) {
      log.error({ err: safeError(error) }, `cannot read the drop folder ${options.dir}`);
      return 0;
    }
    let ingested = 0;
    for (const file of files) {
      if (stopped) break;
      let report: IngestReport | null;
      try {
        report = await ingestOne(file);
      } catch (error) {
        if (error instanceof NotRegularFileError) await refuse(file, `${file}|${error.message}`, error.message);
        else
          log.error(
            { file: excerpt(file, 200), err: safeError(error) },
            'drop-folder file failed; next scan retries it',
          );
        continue;
      }
      if (report === null || report.alreadyDone) continue;
      ingested++;
      const { problems, ...counts } = report;
      const logged = { file: excerpt(file, 200), ...counts, problems: problems.slice(0, 5).map((p) => p.message) };
      if (report.setAside) log.warn(logged, 'drop-folder file set aside past a cap; its names before that kept');
      else log.info(logged, 'drop-folder file ingested');
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
    void scan().catch((error) => log.error({ err: safeError(error) }, 'drop-folder scan failed'));
  }, options.pollMs);
  timer.unref();
  void scan().catch((error) => log.error({ err: safeError(error) }, 'drop-folder scan failed'));
  return {
    scan,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => 0);
    },
  };
}
