/** `phenix feeds ingest <file|->`, `phenix feeds diff OLD NEW` and `phenix feeds status`. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { type Command, Option } from 'commander';
import { listFeedSources } from '../../db/index.ts';
import {
  createFormatReader,
  diffZoneFiles,
  FEED_FORMATS,
  type FeedFormat,
  type IngestReport,
  ingestFeed,
  scorerFromDatabase,
} from '../../feeds/index.ts';
import { terminalSafe, terminalSafeRow } from '../../lib/terminal-safe.ts';
import { type GlobalOptions, type LoadedConfig, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';

/** The file's identity for resuming (path, size, mtime), or a usage error naming it. */
function fileKeyOf(file: string): string {
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new Error('not a regular file');
    return `${file}|${info.size}|${Math.round(info.mtimeMs)}`;
  } catch (error) {
    throw new UsageError(`Cannot read ${terminalSafe(file)}: ${terminalSafe((error as Error).message)}`);
  }
}

function capsOf(loaded: LoadedConfig) {
  const { maxLineBytes, maxFileBytes, maxNamesPerFile } = loaded.config.feeds;
  return { maxLineBytes, maxBytes: maxFileBytes, maxNames: maxNamesPerFile };
}

function printReport(label: string, report: IngestReport, seconds: number): void {
  const safe = terminalSafe(label);
  if (report.alreadyDone) {
    print(`${safe} was already ingested completely; nothing to do.`);
    return;
  }
  print(
    `${report.names} name(s) read from ${safe}, ${report.newNames} new, ${report.names - report.newNames} already known` +
      ` (${Math.round(report.lines / Math.max(seconds, 0.001))} lines/s).`,
  );
  if (report.resumedAfter > 0) print(`Resumed after line ${report.resumedAfter} (an earlier ingest was interrupted).`);
  for (const problem of report.problems)
    process.stderr.write(
      `${safe}: line ${problem.line}: ${terminalSafe(problem.message)} ("${terminalSafe(problem.text)}")\n`,
    );
  if (report.setAside) process.stderr.write(`${terminalSafe(report.setAside)}\n`);
  if (report.errors > 0) {
    const more = report.errors - report.problems.length - (report.setAside ? 1 : 0);
    if (more > 0) process.stderr.write(`… and ${more} more bad line(s) not shown.\n`);
    process.stderr.write(`${report.errors} problem(s); the good lines were kept.\n`);
    process.exitCode = 2;
  }
}

const progress = (r: IngestReport) => {
  if (process.stderr.isTTY) process.stderr.write(`\r${r.lines} line(s) read, ${r.newNames} new name(s)…`);
};

export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('feeds of new domain names, screened before any crawl');
  feeds
    .command('ingest')
    .description('record the names of a feed (plain or gzip); "-" reads stdin')
    .argument('<file>', 'file path, or - for standard input')
    .option('--source <name>', 'name of the source in "phenix feeds status" (default: the file name)')
    .addOption(
      new Option(
        '--format <format>',
        'text: one name or URL a line; nrd: a newly-registered-domain list (extra columns ignored); zone: a zone file (NS delegations); afnic: AFNIC .fr open data',
      )
        .choices([...FEED_FORMATS])
        .default('text'),
    )
    .option('--origin <zone>', 'zone files: the zone name when the file has no $ORIGIN or SOA (e.g. com)')
    .option('--since <YYYY-MM-DD>', 'AFNIC open data: only names created on or after this day')
    .option(...byOption())
    .action(
      async (
        file: string,
        opts: { source?: string; format: FeedFormat; origin?: string; since?: string; by?: string },
        cmd: Command,
      ) => {
        if (opts.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.since))
          throw new UsageError(`--since takes a day as YYYY-MM-DD, e.g. 2026-12-01 (got ${terminalSafe(opts.since)})`);
        const fileKey = file === '-' ? undefined : fileKeyOf(file);
        const label = file === '-' ? 'standard input' : file;
        const source = `file:${opts.source ?? (file === '-' ? 'stdin' : basename(file))}`;
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        const started = performance.now();
        const report = await withAccount(loaded, operator(opts.by), async ({ db }) =>
          ingestFeed(file === '-' ? process.stdin : createReadStream(file), {
            db,
            source,
            detail: `feed ${label}`,
            label,
            fileKey,
            score: await scorerFromDatabase(db),
            reader: createFormatReader(opts.format, { origin: opts.origin, since: opts.since }),
            caps: capsOf(loaded),
            onBatch: progress,
          }),
        );
        if (process.stderr.isTTY) process.stderr.write('\n');
        printReport(label, report, (performance.now() - started) / 1000);
      },
    );
  feeds
    .command('diff')
    .description(
      'the names delegated in the NEW zone file and not in the OLD one (plain or gzip), streamed with bounded memory; printed one a line, or recorded with --ingest',
    )
    .argument('<old>', 'yesterday’s zone file')
    .argument('<new>', 'today’s zone file')
    .option('--ingest', 'record the new names as a feed (screened like any feed) instead of printing them')
    .option('--source <name>', 'with --ingest: name of the source in "phenix feeds status" (default: NEW’s file name)')
    .option('--origin <zone>', 'the zone name when a file has no $ORIGIN or SOA (e.g. com)')
    .option('--tmp-dir <dir>', 'where temporary files go when a file must be sorted (default: the system’s)')
    .option(...byOption())
    .action(
      async (
        oldFile: string,
        newFile: string,
        opts: { ingest?: boolean; source?: string; origin?: string; tmpDir?: string; by?: string },
        cmd: Command,
      ) => {
        const key = `${fileKeyOf(oldFile)}→${fileKeyOf(newFile)}`;
        const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
        const started = performance.now();
        const diff = await diffZoneFiles(oldFile, newFile, {
          origin: opts.origin,
          caps: capsOf(loaded),
          tmpDir: opts.tmpDir,
        });
        try {
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          const sorted = diff.sorted.length > 0 ? `; sorted first: ${diff.sorted.join(', ')}` : '';
          process.stderr.write(
            `${diff.added} new name(s): ${diff.oldNames} delegation(s) before, ${diff.newNames} now (${diff.order} order${sorted}; ${seconds} s).\n`,
          );
          if (diff.badLines > 0) process.stderr.write(`${diff.badLines} zone line(s) not understood were skipped.\n`);
          if (!opts.ingest) {
            for await (const chunk of createReadStream(diff.file))
              if (!process.stdout.write(chunk)) await new Promise((r) => process.stdout.once('drain', r));
            return;
          }
          const label = `new names of ${newFile} since ${oldFile}`;
          const report = await withAccount(loaded, operator(opts.by), async ({ db }) =>
            ingestFeed(createReadStream(diff.file), {
              db,
              source: `zone-diff:${opts.source ?? basename(newFile)}`,
              detail: `zone diff ${basename(oldFile)} → ${basename(newFile)}`,
              label,
              fileKey: key,
              score: await scorerFromDatabase(db),
              caps: capsOf(loaded),
              onBatch: progress,
            }),
          );
          if (process.stderr.isTTY) process.stderr.write('\n');
          printReport(label, report, (performance.now() - started) / 1000);
        } finally {
          await diff.cleanup();
        }
      },
    );
  feeds
    .command('status')
    .description('per feed source: names in, names new, the last one seen, errors')
    .option('--json', 'print JSON')
    .option(...byOption())
    .action(async (opts: { json?: boolean; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, operator(opts.by), async ({ db }) => {
        const rows = await listFeedSources(db);
        if (opts.json) return printJson(rows);
        if (rows.length === 0)
          return print('No feed yet. Feed names with: phenix feeds ingest FILE, feeds.dropDir or feeds.certstream.url');
        print(
          table(
            ['source', 'names in', 'new', 'errors', 'last name', 'last seen', 'last error'],
            rows.map((r) =>
              // Names and errors came from feeds (outside input): printed escaped, never as they were written.
              terminalSafeRow([
                r.name,
                r.namesIn,
                r.namesNew,
                r.errors,
                r.lastName ?? '',
                formatTime(r.lastSeenAt),
                (r.lastError ?? '').slice(0, 60),
              ]),
            ),
          ),
        );
      });
    });
}
