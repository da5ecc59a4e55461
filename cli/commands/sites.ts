/** `phenix sites sync`, `phenix sites list` and `phenix sites takedown`. */
import type { Command } from 'commander';
import { listSites, recordTakedown, syncSites } from '../../db/index.ts';
import { siteSpecsFromConfig } from '../../monitor/site-specs.ts';
import { type GlobalOptions, loadConfig } from '../context.ts';
import { byOption, operator, withAccount } from '../identity.ts';
import { formatTime, print, printJson, table } from '../output.ts';
import { registerSnapshotCommand } from './snapshot.ts';

export function registerSitesCommands(program: Command): void {
  const sites = program.command('sites').description('monitored sites');
  registerSnapshotCommand(sites);
  sites
    .command('sync')
    .description('bring the database in line with the config (idempotent; removed sites become inactive)')
    .option(...byOption())
    .action(async (opts: { by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, operator(opts.by), async ({ db }) => {
        const r = await syncSites(db, siteSpecsFromConfig(loaded.config));
        const lines = [
          ['sites added', r.sitesAdded],
          ['sites updated', r.sitesUpdated],
          ['sites reactivated', r.sitesReactivated],
          ['sites deactivated', r.sitesDeactivated],
          ['domains added', r.domainsAdded],
          ['domains now seeds', r.domainsPromotedToSeed],
          ['domains deactivated', r.domainsDeactivated],
        ] as const;
        const changes = lines.filter(([, list]) => list.length > 0);
        if (changes.length === 0) print('Already in sync: nothing changed.');
        for (const [label, list] of changes) print(`${label}: ${list.length} (${list.join(', ')})`);
      });
    });
  sites
    .command('list')
    .description('show monitored sites, their domains, status and last crawl')
    .option('--json', 'print JSON')
    .option('--all', 'include inactive sites')
    .option(...byOption())
    .action(async (opts: { json?: boolean; all?: boolean; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'alerts.read', by: opts.by }, async ({ db }) => {
        const rows = await listSites(db, { includeInactive: opts.all });
        if (opts.json) {
          printJson(
            rows.map((s) => ({
              name: s.name,
              status: s.status,
              caseRef: s.caseRef,
              active: s.active,
              origin: s.origin,
              liveState: s.liveState,
              domains: s.domains.map((d) => ({ hostname: d.hostname, active: d.active, dns: d.dnsState })),
              lastCrawledAt: s.lastCrawledAt,
            })),
          );
          return;
        }
        if (rows.length === 0)
          return print('No monitored site yet. Add sites to the config, then run: phenix sites sync');
        print(
          table(
            ['site', 'status', 'case', 'state', 'domains', 'last crawl'],
            rows.map((s) => [
              `${s.name}${s.active ? '' : ' (inactive)'}`,
              s.status,
              s.caseRef,
              s.liveState,
              s.domains.map((d) => `${d.hostname}${d.active ? '' : ' (inactive)'}`).join(', '),
              formatTime(s.lastCrawledAt),
            ]),
          ),
        );
      });
    });
  sites
    .command('takedown <site>')
    .description("record the day the site was actually taken down, from the unit's records (journaled)")
    .requiredOption('--date <YYYY-MM-DD>', "the takedown day (seizure, host's answer), not when Phénix noticed")
    .option('--note <text>', "where the date comes from (e.g. the seizure order's reference)", '')
    .option(...byOption())
    .action(async (site: string, opts: { date: string; note: string; by?: string }, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      await withAccount(loaded, { permission: 'alerts.decide', by: opts.by }, async ({ db }, by) => {
        await recordTakedown(db, site, { date: opts.date, note: opts.note, by });
        print(`Takedown of ${site} recorded: ${opts.date}${opts.note ? ` (${opts.note})` : ''}. It shows on the case.`);
      });
    });
}
