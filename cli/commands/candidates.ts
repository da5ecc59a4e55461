/** `phenix candidates list` and `phenix candidates import <file|->`. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDomainFeed } from '../../crawler/discovery/index.ts';
import {
  type CandidateListing,
  countCandidates,
  DNS_STATES,
  DOMAIN_SOURCES,
  getSiteByName,
  listCandidates,
  SCREEN_STATES,
  upsertCandidates,
} from '../../db/index.ts';
import { terminalSafe as safe } from '../../lib/terminal-safe.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { parsePositiveInt } from '../monitor-context.ts';
import { formatTime, print, printJson, table } from '../output.ts';

const DEFAULT_LIMIT = 100;

interface ListOptions {
  source?: string;
  dns?: string;
  screening?: string;
  limit: string;
  offset: string;
  json?: boolean;
  by?: string;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${allowed.join(', ')}; got "${value}"`);
  return value as T;
}

function candidateJson(r: CandidateListing) {
  return {
    domain: r.hostname,
    source: r.source,
    detail: r.sourceDetail,
    originSite: r.originSite,
    dns: r.dnsState,
    addresses: r.dnsAddresses,
    firstSeenAt: r.firstSeenAt,
    lastCrawledAt: r.lastCrawledAt,
    screening: r.screenState,
    screeningReason: r.screenReason,
    screenedAt: r.screenedAt,
    nextScreening: r.nextScreenAt,
  };
}

export function registerCandidatesCommands(program: Command): void {
  const candidates = program.command('candidates').description('domains that may be a monitored site come back');
  candidates
    .command('list')
    .description('list candidate domains with their source, DNS state, screening result and first-seen time')
    .option('--source <source>', `only this source: ${DOMAIN_SOURCES.join(', ')}`)
    .option('--dns <state>', `only this DNS state: ${DNS_STATES.join(', ')}`)
    .option('--screening <state>', `only this screening result: ${SCREEN_STATES.join(', ')}`)
    .option('--limit <n>', 'how many, the most recently seen first', String(DEFAULT_LIMIT))
    .option('--offset <n>', 'skip that many first (the next page)', '0')
    .option('--json', 'print JSON')
    .option(...byOption())
    .action(async (opts: ListOptions, cmd: Command) => {
      const filter = {
        source: oneOf('--source', opts.source, DOMAIN_SOURCES),
        dnsState: oneOf('--dns', opts.dns, DNS_STATES),
        screenState: oneOf('--screening', opts.screening, SCREEN_STATES),
      };
      const limit = parsePositiveInt('--limit', opts.limit) ?? DEFAULT_LIMIT;
      if (!/^\d+$/.test(opts.offset))
        throw new UsageError(`--offset must be a whole number of 0 or more; got "${opts.offset}"`);
      const offset = Number(opts.offset);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'alerts.read', by: opts.by }, async ({ db }) => {
        const rows = await listCandidates(db, { ...filter, limit, offset });
        const total = await countCandidates(db, filter);
        const more = Math.max(0, total - offset - rows.length);
        const next = more > 0 ? `${more} more: add --offset ${offset + rows.length}` : '';
        if (opts.json) {
          printJson(rows.map(candidateJson));
          // The page stays a plain JSON array on stdout; how many more exist goes to stderr.
          if (next) process.stderr.write(`${offset + 1}–${offset + rows.length} of ${total} candidate(s); ${next}\n`);
          return;
        }
        if (rows.length === 0) {
          if (total > 0) return print(`No candidate after the first ${total}: --offset is past the end.`);
          const filtered = filter.source || filter.dnsState || filter.screenState;
          return print(
            filtered
              ? 'No candidate matches these filters.'
              : 'No candidate yet. They come from: phenix run --once, phenix candidates import FILE, phenix feeds ingest FILE',
          );
        }
        print(
          table(
            ['domain', 'source', 'how it was found', 'site', 'DNS', 'first seen', 'screening'],
            rows.map((r) => [
              r.hostname,
              r.source,
              r.sourceDetail.slice(0, 60),
              r.originSite,
              r.dnsState,
              formatTime(r.firstSeenAt),
              r.screenState ? `${r.screenState}: ${(r.screenReason ?? 'not screened yet').slice(0, 70)}` : '',
            ]),
          ),
        );
        print(
          rows.length === total
            ? `${total} candidate(s)`
            : `${offset + 1}–${offset + rows.length} of ${total} candidate(s)${next ? `; ${next}` : ''}`,
        );
      });
    });
  candidates
    .command('import')
    .description(
      'import candidate domains, one per line (e.g. a certificate-transparency or new-domain feed); "-" reads stdin',
    )
    .argument('<file>', 'file path, or - for standard input')
    .option('--site <name>', 'the monitored site these candidates relate to')
    .option(...byOption())
    .action(async (file: string, opts: { site?: string; by?: string }, cmd: Command) => {
      let text: string;
      try {
        text = readFileSync(file === '-' ? 0 : file, 'utf8');
      } catch (error) {
        throw new UsageError(`Cannot read ${file}: ${(error as Error).message}`);
      }
      const feed = parseDomainFeed(text);
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, operator(opts.by), async ({ db }) => {
        const site = opts.site ? await getSiteByName(db, opts.site) : null;
        const label = file === '-' ? 'standard input' : file;
        const added = await upsertCandidates(
          db,
          feed.domains.map((d) => ({
            hostname: d,
            source: 'import' as const,
            sourceDetail: `imported from ${label}`,
            originSiteId: site?.id ?? null,
          })),
        );
        print(
          `${feed.domains.length} domain(s) read, ${added.length} new, ${feed.domains.length - added.length} already known.`,
        );
      });
      for (const problem of feed.errors)
        process.stderr.write(`${file}: line ${problem.line}: ${safe(problem.message)} ("${safe(problem.text)}")\n`);
      if (feed.errors.length > 0) {
        process.stderr.write(`${feed.errors.length} line(s) skipped; the good lines were kept.\n`);
        process.exitCode = 2;
      }
    });
}
