/** `phenix candidates list` and `phenix candidates import <file|->`. */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseDomainFeed } from '../../crawler/discovery/index.ts';
import { DOMAIN_SOURCES, type DomainSource, getSiteByName, listCandidates, upsertCandidates } from '../../db/index.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';

export function registerCandidatesCommands(program: Command): void {
  const candidates = program.command('candidates').description('domains that may be a monitored site come back');
  candidates
    .command('list')
    .description('list candidate domains with their source, DNS state and first-seen time')
    .option('--source <source>', `only this source: ${DOMAIN_SOURCES.join(', ')}`)
    .option('--json', 'print JSON')
    .option(...byOption())
    .action(async (opts: { source?: string; json?: boolean; by?: string }, cmd: Command) => {
      if (opts.source && !(DOMAIN_SOURCES as readonly string[]).includes(opts.source)) {
        throw new UsageError(`--source must be one of ${DOMAIN_SOURCES.join(', ')}; got "${opts.source}"`);
      }
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'alerts.read', by: opts.by }, async ({ db }) => {
        const rows = await listCandidates(db, { source: opts.source as DomainSource | undefined });
        if (opts.json) {
          printJson(
            rows.map((r) => ({
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
            })),
          );
          return;
        }
        if (rows.length === 0)
          return print('No candidate yet. They come from: phenix run --once, or phenix candidates import FILE');
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
        print(`${rows.length} candidate(s)`);
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
        process.stderr.write(`${file}: line ${problem.line}: ${problem.message} ("${problem.text}")\n`);
      if (feed.errors.length > 0) {
        process.stderr.write(`${feed.errors.length} line(s) skipped; the good lines were kept.\n`);
        process.exitCode = 2;
      }
    });
}
