/**
 * Streaming ingest of a feed (plain or gzip, one name or URL a line): memory stays flat whatever the size, bad
 * lines are reported by number, and names are recorded in batches (one transaction per batch with the file's
 * progress, so an interrupted ingest resumes after the last committed line without losing or counting twice).
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { type FeedLineProblem, parseFeedLine } from '../crawler/discovery/index.ts';
import { type Executor, feedFileProgress, recordFeedBatch } from '../db/index.ts';

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
  };
  if (options.fileKey) {
    const progress = await feedFileProgress(options.db, options.source, options.fileKey);
    if (progress.finished) return { ...report, alreadyDone: true };
    report.resumedAfter = progress.linesDone;
  }
  const lines = createInterface({ input: await decodeFeed(input), crlfDelay: Number.POSITIVE_INFINITY });
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
  try {
    for await (const raw of lines) {
      report.lines++;
      if (report.lines <= report.resumedAfter) continue;
      inBatch++;
      const text = report.lines === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      const parsed = parseFeedLine(text);
      if (parsed?.kind === 'error') {
        report.errors++;
        batchErrors++;
        lastError = `line ${report.lines}: ${parsed.message}`;
        if (report.problems.length < keep)
          report.problems.push({ line: report.lines, text: text.trim().slice(0, 200), message: parsed.message });
      } else if (parsed?.kind === 'name') {
        if (parsed.note) report.notes++;
        report.names++;
        names.push({ hostname: parsed.hostname, lexicalScore: options.score?.(parsed.hostname) ?? 0 });
      }
      if (inBatch >= batchLines) await flush(false);
    }
  } catch (error) {
    // The input broke (a lost connection, a corrupt gzip): the batch being committed still lands before the error
    // is reported, so the file's progress says exactly how far the next attempt resumes.
    await inFlight.catch(() => {});
    throw error;
  }
  await flush(true);
  await inFlight;
  return report;
}
