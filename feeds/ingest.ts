/**
 * Streaming ingest of a feed (plain or gzip; a format's reader turns lines into names): memory stays flat whatever
 * the size, bad lines are reported by number, and names are recorded in batches (one transaction per batch with the
 * file's progress, so an interrupted ingest resumes after the last committed line without losing or counting twice).
 * Feeds are hostile: lines are capped in length and refused when they hold control characters, a file past its caps
 * is set aside with what it gave so far kept, and a problem quotes at most a short, escaped excerpt of the line.
 */
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FeedLineProblem } from '../crawler/discovery/index.ts';
import { type Executor, feedFileProgress, recordFeedBatch } from '../db/index.ts';
import { excerpt, firstControl } from '../lib/safe-text.ts';
import type { FeedLineReader } from './feed-entry.ts';
import { createTextReader } from './feed-entry.ts';
import { DEFAULT_FEED_CAPS, FeedCapError, type FeedCaps, readFeedLines } from './line-reader.ts';

/** Orders screening (lexical closeness to the monitored names); never gates it. */
export type NameScorer = (hostname: string) => number;

export interface IngestOptions {
  db: Executor;
  /** `file:<name>`, `drop:<name>`, …: the line in `phenix feeds status`. */
  source: string;
  /** Stored on new names as how they were found. */
  detail: string;
  /** Set for files that can be resumed (path, size, mtime); a stream read once (stdin) has none. */
  fileKey?: string;
  score?: NameScorer;
  /** Lines per committed batch. */
  batchLines?: number;
  /** Bad lines kept for the report (all are counted; only the first ones are kept, to keep memory flat). */
  keepProblems?: number;
  /** The format's reader (default: one name or URL a line). */
  reader?: FeedLineReader;
  caps?: Partial<FeedCaps>;
  /** Names the file in cap errors (default: the source). */
  label?: string;
  onBatch?: (progress: IngestReport) => void;
}

export interface IngestReport {
  lines: number;
  /** Lines skipped because an earlier, interrupted ingest of the same file had committed them. */
  resumedAfter: number;
  names: number;
  newNames: number;
  errors: number;
  problems: FeedLineProblem[];
  notes: number;
  alreadyDone: boolean;
  /** Why the file was set aside before its end (a cap), or null: the names before that point are kept. */
  setAside: string | null;
}

const GZIP_MAGIC = [0x1f, 0x8b];

/** The input as text bytes: gunzipped when it starts with the gzip magic number, as is otherwise. */
export async function decodeFeed(input: Readable): Promise<Readable> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return Readable.from([]);
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(String(first.value));
  const all = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value as Buffer;
      }
    })(),
  );
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) return all;
  const gunzip = createGunzip();
  all.on('error', (error) => gunzip.destroy(error));
  return all.pipe(gunzip);
}

export async function ingestFeed(input: Readable, options: IngestOptions): Promise<IngestReport> {
  const batchLines = options.batchLines ?? 5000;
  const keep = options.keepProblems ?? 1000;
  const report: IngestReport = {
    lines: 0,
    resumedAfter: 0,
    names: 0,
    newNames: 0,
    errors: 0,
    problems: [],
    notes: 0,
    alreadyDone: false,
    setAside: null,
  };
  const caps = { ...DEFAULT_FEED_CAPS, ...options.caps };
  const label = options.label ?? options.source;
  const reader = options.reader ?? createTextReader();
  if (options.fileKey) {
    const progress = await feedFileProgress(options.db, options.source, options.fileKey);
    if (progress.finished) return { ...report, alreadyDone: true };
    report.resumedAfter = progress.linesDone;
  }
  const lines = readFeedLines(await decodeFeed(input), caps, label);
  let names: { hostname: string; lexicalScore: number }[] = [];
  let batchErrors = 0;
  let lastError: string | null = null;
  let inBatch = 0;
  // One batch is committed while the next one is read and parsed (the database and the parsing overlap);
  // batches still commit in order, so the file's progress only ever moves past committed lines.
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async (finished: boolean) => {
    const batch = {
      source: options.source,
      detail: options.detail,
      names,
      errors: batchErrors,
      lastError,
      file: options.fileKey ? { key: options.fileKey, linesDone: report.lines, finished } : undefined,
    };
    names = [];
    batchErrors = 0;
    lastError = null;
    inBatch = 0;
    await inFlight;
    inFlight = recordFeedBatch(options.db, batch).then((added) => {
      report.newNames += added;
      options.onBatch?.(report);
    });
    // Awaited at the next flush or at the end; this only keeps Node from calling it unhandled meanwhile.
    inFlight.catch(() => {});
  };
  const refuse = (text: string, message: string) => {
    report.errors++;
    batchErrors++;
    lastError = `line ${report.lines}: ${message}`;
    if (report.problems.length < keep)
      report.problems.push({ line: report.lines, text: excerpt(text.trim()), message });
  };
  try {
    for await (const raw of lines) {
      report.lines++;
      // Zone and AFNIC readers keep state (origin, columns) from earlier lines, so resumed lines are still read.
      const resumed = report.lines <= report.resumedAfter;
      if (!resumed) inBatch++;
      if ('tooLong' in raw) {
        if (!resumed) refuse('', `longer than ${caps.maxLineBytes} bytes (feeds.maxLineBytes); skipped unread`);
        continue;
      }
      const text = report.lines === 1 ? raw.text.replace(/^\uFEFF/, '') : raw.text;
      const control = firstControl(text);
      if (control !== null) {
        if (!resumed)
          refuse(
            text,
            `holds a control character ${control.escaped} at column ${control.column}: "${excerpt(text.trim())}"`,
          );
        continue;
      }
      const parsed = reader(text);
      if (resumed) continue;
      if (parsed?.kind === 'error') refuse(text, parsed.message);
      else if (parsed?.kind === 'name') {
        if (parsed.note) report.notes++;
        report.names++;
        if (report.names > caps.maxNames)
          throw new FeedCapError(
            `${label} gives more than ${caps.maxNames} names (feeds.maxNamesPerFile); set aside after line ${report.lines - 1}`,
          );
        names.push({ hostname: parsed.hostname, lexicalScore: options.score?.(parsed.hostname) ?? 0 });
      }
      if (inBatch >= batchLines) await flush(false);
    }
  } catch (error) {
    if (error instanceof FeedCapError) {
      // Set aside for good: what was read before the cap is committed and the file is marked done, so the next scan
      // neither retries it nor loses its good names.
      report.setAside = error.message;
      report.errors++;
      batchErrors++;
      lastError = error.message;
      if (report.names > caps.maxNames) report.names = caps.maxNames;
    } else {
      // The input broke (a lost connection, a corrupt gzip): the batch being committed still lands before the error
      // is reported, so the file's progress says exactly how far the next attempt resumes.
      await inFlight.catch(() => {});
      throw error;
    }
  }
  await flush(true);
  await inFlight;
  return report;
}
