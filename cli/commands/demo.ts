/**
 * `phenix demo`: starts the local fixture universe (a seized convicted site, its clones under lookalike
 * and unrelated names, decoys), imports the seized site's earlier capture, runs one monitoring cycle on
 * the embedded database and prints the alerts with their explanations.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { getAlert, listAlerts, syncSites } from '../../db/index.ts';
import { demoConfigYaml, loadSnapshot, startUniverse } from '../../demo/index.ts';
import { importSnapshot, runCycle, siteSpecsFromConfig } from '../../monitor/index.ts';
import { phenixCommand } from '../command-hint.ts';
import { loadConfig } from '../context.ts';
import { printCycleSummary } from '../cycle-report.ts';
import { UsageError } from '../errors.ts';
import { endProgress, gracefulSignal, parseMode, terminalProgress, withMonitor } from '../monitor-context.ts';
import { print, table } from '../output.ts';

const DEMO_MARKER = '.phenix-demo';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('run one monitoring cycle on a local demo universe (nothing leaves this machine) and print the alerts')
    .option('--dir <dir>', 'where the demo keeps its config, database and evidence (emptied first)', 'data/demo')
    .option('--mode <mode>', 'crawl mode: browser | http | auto', 'browser')
    .option('--keep-running', 'keep the demo universe up after the cycle (Ctrl-C to stop)')
    .action(async (opts: { dir: string; mode: string; keepRunning?: boolean }, cmd: Command) => {
      const mode = parseMode(opts.mode);
      const dir = resolve(opts.dir);
      // The demo starts from an empty folder; it only ever empties a folder it made itself (marker file).
      if (existsSync(dir) && readdirSync(dir).length > 0 && !existsSync(join(dir, DEMO_MARKER))) {
        throw new UsageError(`${dir} is not empty and was not made by phenix demo; choose a new folder with --dir`);
      }
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, DEMO_MARKER), 'Made by phenix demo: emptied on every demo run.\n');
      const universe = await startUniverse();
      const stop = gracefulSignal(() => process.stderr.write('\nStopping after the pages in flight…\n'));
      try {
        const configFile = join(dir, 'phenix.yaml');
        writeFileSync(configFile, demoConfigYaml(universe, { mode, evidenceDir: 'evidence' }));
        const loaded = loadConfig({ config: configFile });
        delete loaded.config.database.url; // the demo always runs on the embedded database
        print(
          `Demo universe: ${universe.liveHosts.length} sites on 127.0.0.1:${universe.port}, DNS on ${universe.dnsServer}`,
        );
        print(`Config, database and evidence: ${dir}`);
        await withMonitor(
          cmd,
          {
            signal: stop.signal,
            onProgress: terminalProgress(),
            browserMissing: 'http',
            access: { exempt: 'a new embedded database of its own, with no account' },
          },
          async (ctx) => {
            if (ctx.config.crawler.mode !== mode)
              print(`NOTICE: no Chromium browser found; the demo crawls in HTTP mode.`);
            await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
            for (const host of universe.universe.hosts.filter((h) => h.content.kind === 'seized')) {
              const snapshot = await loadSnapshot(host.host);
              const imported = await importSnapshot(ctx, { ...snapshot, origin: `demo/snapshot/${host.host}` });
              print(
                `Imported the earlier capture of ${host.host} (${imported.pages} pages, captured ${snapshot.capturedAt})`,
              );
            }
            const summary = await runCycle(ctx, {});
            endProgress();
            printCycleSummary(summary);
            const alerts = await listAlerts(ctx.db);
            print('');
            print(`ALERTS (${alerts.length})`);
            if (alerts.length) {
              print(
                table(
                  ['id', 'monitored site', 'candidate', 'verdict', 'score', 'status'],
                  alerts.map((a) => [a.id, a.site, a.candidate, a.verdict, a.score.toFixed(2), a.status]),
                ),
              );
              for (const a of alerts) {
                const full = await getAlert(ctx.db, a.id);
                print('');
                const what = a.verdict === 'clone' ? 'clone of' : 'related to (not a clone)';
                print(`#${a.id} ${a.candidate} → ${what} ${a.site} (score ${a.score.toFixed(2)})`);
                for (const line of full.explanation) print(`  - ${line}`);
              }
            }
            const expected = universe.universe.expectedAlerts.map((e) => `${e.site}|${e.candidate}`).sort();
            // Related alerts (a decoy sharing some advertisers, say) are for review; only clones are checked here.
            const got = alerts
              .filter((a) => a.verdict === 'clone')
              .map((a) => `${a.site}|${a.candidate}`)
              .sort();
            print('');
            print(
              JSON.stringify(expected) === JSON.stringify(got)
                ? `Exactly the ${expected.length} expected clones were found, and no decoy was called a clone.`
                : `Expected ${expected.join(', ')}; got ${got.join(', ') || 'nothing'}.`,
            );
            print(
              `Next: ${phenixCommand(`--config ${configFile} alerts list`)}   |   ${phenixCommand(`--config ${configFile} review`)}`,
            );
          },
          loaded,
        );
        if (opts.keepRunning && !stop.signal.aborted) {
          print(`The universe stays up at 127.0.0.1:${universe.port}; Ctrl-C to stop.`);
          await new Promise((r) => stop.signal.addEventListener('abort', r, { once: true }));
        }
      } finally {
        stop.dispose();
        await universe.close();
      }
    });
}
