/** `phenix config check` and `phenix init`. */
import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { exampleConfig } from '../../config/index.ts';
import { configPath, type GlobalOptions, loadConfig } from '../context.ts';
import { UsageError } from '../errors.ts';
import { print } from '../output.ts';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('check the configuration file');
  config
    .command('check')
    .description('validate the config file and print a short summary (exit 2 with every problem if it is wrong)')
    .action((_opts, cmd: Command) => {
      const loaded = loadConfig(cmd.optsWithGlobals<GlobalOptions>());
      const { config: c } = loaded;
      print(`${loaded.path}: OK`);
      print(`  ${c.sites.length} monitored site(s), ${c.sites.reduce((n, s) => n + s.domains.length, 0)} domain(s)`);
      for (const site of c.sites) {
        print(
          `  - ${site.name} [${site.status}, ${site.caseRef}] ${site.domains.join(', ')}${site.schedule ? ` (schedule ${site.schedule})` : ''}`,
        );
      }
      print(`  schedules: seeds "${c.schedules.seeds}", candidates "${c.schedules.candidates}"`);
      print(
        `  crawler: ${c.crawler.mode} mode, ${c.crawler.maxPages} pages max, depth ${c.crawler.maxDepth}${c.crawler.proxyUrl ? ', through a proxy' : ''}`,
      );
      print(
        `  database: ${c.database.url ? 'PostgreSQL server' : 'embedded (data/db beside the config)'}; evidence in ${loaded.resolvePath(c.evidence.dir)}`,
      );
      if (c.crawler.allowPrivateTargets)
        print('  WARNING: crawler.allowPrivateTargets is true: pages may reach private networks (tests and demo only)');
    });

  program
    .command('init')
    .description('write a commented example config (phenix.yaml, or --config FILE)')
    .option('--force', 'overwrite an existing file')
    .action((opts: { force?: boolean }, cmd: Command) => {
      const path = configPath(cmd.optsWithGlobals<GlobalOptions>());
      if (existsSync(path) && !opts.force) throw new UsageError(`${path} already exists; use --force to overwrite it`);
      writeFileSync(path, exampleConfig);
      print(`Wrote ${path}. Edit the sites, then run: phenix config check`);
    });
}
