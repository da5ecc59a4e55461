/** `phenix crawl <site-or-domain...>`: crawl now, store the captures, print what was captured and what failed. */
import type { Command } from 'commander';
import { getSiteByName, listDomains, upsertCandidates } from '../../db/index.ts';
import { normalizeHostname } from '../../lib/hostname.ts';
import { type CrawlTarget, crawlTarget, type MonitorContext, withLease } from '../../monitor/index.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator } from '../identity.ts';
import {
  endProgress,
  gracefulSignal,
  parseMode,
  parsePositiveInt,
  terminalProgress,
  withMonitor,
} from '../monitor-context.ts';
import { print, table } from '../output.ts';

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('crawl monitored sites (by name) or domains now and store the captures as evidence')
    .argument('<site-or-domain...>', 'monitored site names or hostnames')
    .option('--mode <mode>', 'browser | http | auto (default: the config)')
    .option('--max-pages <n>', 'at most this many pages per target')
    .option(...byOption())
    .action(async (targets: string[], opts: { mode?: string; maxPages?: string; by?: string }, cmd: Command) => {
      const mode = parseMode(opts.mode);
      const maxPages = parsePositiveInt('--max-pages', opts.maxPages);
      const stop = gracefulSignal(() => process.stderr.write('\nStopping after the pages in flight…\n'));
      let failed = 0;
      try {
        await withMonitor(
          cmd,
          { signal: stop.signal, onProgress: terminalProgress(), mode, access: operator(opts.by) },
          async (ctx) => {
            const resolved: CrawlTarget[] = [];
            for (const arg of targets) resolved.push(await resolveTarget(ctx, arg));
            const rows: (string | number)[][] = [];
            for (const target of resolved) {
              const started = Date.now();
              const key = target.siteId ? `site:${target.siteId}` : `domain:${target.domains[0].id}`;
              const lease = await withLease(ctx, key, () => crawlTarget(ctx, target, { maxPages }));
              endProgress();
              if (!lease.ran) {
                rows.push([target.label, 0, 0, 0, '0.0', `skipped: being crawled by ${lease.heldBy}`]);
                continue;
              }
              const s = lease.value.summary;
              if (s.pagesOk === 0) failed++;
              rows.push([
                target.label,
                s.pagesOk,
                s.pagesFailed,
                formatBytes(s.bytes),
                ((Date.now() - started) / 1000).toFixed(1),
                Object.entries(s.failuresByReason)
                  .map(([reason, n]) => `${reason}×${n}`)
                  .join(' ') + (s.stoppedEarly ? ' (stopped early)' : ''),
              ]);
            }
            print(table(['target', 'pages ok', 'failed', 'bytes', 'seconds', 'failures by reason'], rows));
            print(`Evidence stored under ${ctx.evidence.dir}`);
          },
        );
      } finally {
        stop.dispose();
      }
      if (failed > 0) process.exitCode = 1;
    });
}

async function resolveTarget(ctx: MonitorContext, arg: string): Promise<CrawlTarget> {
  const site = ctx.config.sites.find((s) => s.name === arg);
  if (site) {
    const row = await getSiteByName(ctx.db, arg).catch(() => null);
    if (!row)
      throw new UsageError(`Site "${arg}" is in the config but not in the database yet. Run: phenix sites sync`);
    return {
      label: row.name,
      siteId: row.id,
      domains: row.domains.filter((d) => d.active),
      region: row.region,
      overrides: (row.crawl ?? undefined) as CrawlTarget['overrides'],
    };
  }
  const host = normalizeHostname(arg);
  if (!host.ok) throw new UsageError(`"${arg}" is neither a monitored site name nor a hostname: ${host.reason}`);
  let [domain] = await listDomains(ctx.db, { hostnames: [host.hostname] });
  if (!domain) {
    await upsertCandidates(ctx.db, [{ hostname: host.hostname, source: 'manual', sourceDetail: 'phenix crawl' }]);
    [domain] = await listDomains(ctx.db, { hostnames: [host.hostname] });
  }
  return { label: domain.hostname, siteId: null, domains: [domain], region: 'FR' };
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 ** 2).toFixed(1)} MB`;
}
