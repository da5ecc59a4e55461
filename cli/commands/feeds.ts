/** `phenix feeds ingest <file|->` and `phenix feeds status`. */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { listFeedSources } from '../../db/index.ts';
import { ingestFeed, scorerFromDatabase } from '../../feeds/index.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';
import { terminalSafe, terminalSafeRow } from '../terminal-safe.ts';

export function registerFeedsCommands(program: Command): void {
  const feeds = program.command('feeds').description('feeds of new domain names, screened before any crawl');
  feeds
    .command('ingest')
    .description('record the names of a feed (one name or URL a line, plain or gzip); "-" reads stdin')
    .argument('<file>', 'file path, or - for standard input')
    .option('--source <name>', 'name of the source in "phenix feeds status" (default: the file name)')
    .option(...byOption())
    .action(async (file: string, opts: { source?: string; by?: string }, cmd: Command) => {
      let fileKey: string | undefined;
      if (file !== '-') {
        try {
          const info = statSync(file);
          if (!info.isFile()) throw new Error('not a file');
          fileKey = `${file}|${info.size}|${Math.round(info.mtimeMs)}`;
        } catch (error) {
          throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
        }
      }
      const label = file === '-' ? 'standard input' : file;
      const source = `file:${opts.source ?? (file === '-' ? 'stdin' : basename(file))}`;
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const started = performance.now();
      const report = await withAccount(loaded, operator(opts.by), async ({ db }) =>
        ingestFeed(file === '-' ? process.stdin : createReadStream(file), {
          db,
          source,
          detail: `feed ${label}`,
          fileKey,
          score: await scorerFromDatabase(db),
          onBatch: (r) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${r.lines} line(s) read, ${r.newNames} new name(s)…`);
          },
        }),
      );
      if (process.stderr.isTTY) process.stderr.write('\n');
      if (report.alreadyDone) {
        print(`${label} was already ingested completely; nothing to do.`);
        return;
      }
      const seconds = (performance.now() - started) / 1000;
      print(
        `${report.names} name(s) read from ${label}, ${report.newNames} new, ${report.names - report.newNames} already known` +
          ` (${Math.round(report.lines / Math.max(seconds, 0.001))} lines/s).`,
      );
      if (report.resumedAfter > 0)
        print(`Resumed after line ${report.resumedAfter} (an earlier ingest was interrupted).`);
      for (const problem of report.problems)
        process.stderr.write(
          `${terminalSafe(file)}: line ${problem.line}: ${terminalSafe(problem.message)} ("${terminalSafe(problem.text)}")\n`,
        );
      if (report.errors > 0) {
        const more = report.errors - report.problems.length;
        if (more > 0) process.stderr.write(`… and ${more} more bad line(s) not shown.\n`);
        process.stderr.write(`${report.errors} line(s) skipped; the good lines were kept.\n`);
        process.exitCode = 2;
      }
    });
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
