/** `phenix compare <reference> <candidate...>`: check a lead by hand, site against site, with the verdict explained. */

import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { type Config, parseConfig } from '../../config/index.ts';
import { listSites } from '../../db/index.ts';
import {
  buildCorpusStats,
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  resolveThresholds,
  withPhotoSites,
} from '../../detector/index.ts';
import { photoSpecificities, storedReferences, thresholdsFromConfig } from '../../monitor/index.ts';
import { compareSourcesLabel, loadSource } from '../compare-sources.ts';
import { configPath, type GlobalOptions, loadConfig, withDatabase } from '../context.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator, unitDatabaseExists, withAccount } from '../identity.ts';
import { ensureBrowser, parseMode, parsePositiveInt } from '../monitor-context.ts';
import { print, printJson } from '../output.ts';

/** The name of the monitored site a command-line source stands for, if any. */
export function monitoredSiteOf(
  source: string,
  sites: { name: string; domains: { hostname: string }[] }[],
): string | null {
  const bare = (h: string) => h.toLowerCase().replace(/^www\./, '');
  const key = /^https?:\/\//i.test(source) ? bare(new URL(source).hostname) : compareSourcesLabel(source);
  const site = sites.find((s) => s.name === key || s.domains.some((d) => bare(d.hostname) === bare(key)));
  return site?.name ?? null;
}

export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('compare candidate sites with a reference site: saved .html files, folders of them, or http(s) URLs')
    .argument('<reference>', 'the monitored site: file, folder or URL')
    .argument('<candidate...>', 'sites to compare with it')
    .option('--json', 'print one JSON array, one object per candidate in argument order')
    .option('--region <CC>', 'default country for phone numbers without +, e.g. FR', 'FR')
    .option('--mode <mode>', 'crawl mode for URLs: browser | http | auto')
    .option('--max-pages <n>', 'pages to crawl per URL', '50')
    .option(...byOption())
    .action(
      async (
        reference: string,
        candidates: string[],
        opts: { json?: boolean; region: string; mode?: string; maxPages: string; by?: string },
        cmd: Command,
      ) => {
        if (!/^[A-Z]{2}$/.test(opts.region))
          throw new UsageError(`--region must be a two-letter country code in capitals, e.g. FR; got "${opts.region}"`);
        const maxPages = parsePositiveInt('--max-pages', opts.maxPages);
        const globals = cmd.optsWithGlobals<GlobalOptions>();
        // A config is optional here: it brings the crawler settings (proxy, host map) and the detector thresholds,
        // and the unit's database, whose accounts say who may compare. Without one nothing of the unit is used.
        const unit = existsSync(configPath(globals)) ? loadConfig(globals) : null;
        const unitDb = unit && unitDatabaseExists(unit) ? unit : null;
        if (unitDb) await withAccount(unitDb, operator(opts.by), async () => {});
        const config: Config = unit?.config ?? parseConfig('');
        const mode = parseMode(opts.mode);
        if (mode) config.crawler.mode = mode;
        const sources = [reference, ...candidates];
        if (sources.some((s) => /^https?:\/\//i.test(s)))
          ensureBrowser(config, 'http', (line) => process.stderr.write(`${line}\n`));
        const loaded = [];
        const warn = (error: unknown, where: string) =>
          process.stderr.write(`warning: a picture could not be analysed (${where}): ${(error as Error).message}\n`);
        for (const s of sources)
          loaded.push(await loadSource(s, config, { maxPages, region: opts.region, onPictureError: warn }));
        const idf = buildDocumentFrequencies(loaded.flatMap((src) => src.pages));
        const unweighed = loaded.map((src) => buildProfile(src.pages, { site: compareSourcesLabel(src.label), idf }));
        const thresholds = thresholdsFromConfig(config);
        // Photos are weighed as a cycle weighs them: over the unit's stored profiles too when it has a database
        // (a stock photo is stock there), else over the sites compared here.
        const t = resolveThresholds(thresholds);
        // With the unit's database, a candidate is also read against every site it monitors at once, as a cycle reads
        // it (boards merged into one site: detector/compare/merged.ts); the reference compared here is one of them.
        const { specificities, monitored, sites } = unitDb
          ? await withDatabase(unitDb, async (handle) => ({
              specificities: await photoSpecificities(handle.db, unweighed, undefined, t),
              monitored: await storedReferences(handle.db),
              sites: await listSites(handle.db),
            }))
          : { specificities: await photoSpecificities(null, unweighed, undefined, t), monitored: null, sites: [] };
        // A source that is a monitored site (a URL on one of its domains, a folder named like it or like a domain of
        // it) takes the site's name: its stored profile is then the same board, not another one it was built from.
        const profiles = unweighed.map((p, i) => {
          const name = monitoredSiteOf(sources[i], sites);
          return withPhotoSites(name ? { ...p, site: name } : p, specificities[i]);
        });
        const references = monitored ? [profiles[0], ...monitored] : undefined;
        // Contacts and templates are weighed over the sites compared here: nothing else is known in a one-off run.
        const stats = buildCorpusStats(profiles);
        const results = profiles.slice(1).map((p, i) => ({
          candidate: candidates[i],
          ...compareProfiles(profiles[0], p, thresholds, stats, references),
        }));
        if (opts.json) {
          printJson(
            results.map((r) => ({
              candidate: r.candidate,
              verdict: r.verdict,
              score: r.score,
              signals: r.signals,
              evidence: r.evidence,
            })),
          );
          return;
        }
        print(`Reference: ${reference} (${loaded[0].pages.length} page(s))`);
        for (const [i, r] of results.entries()) {
          print('');
          print(
            `${r.candidate} (${loaded[i + 1].pages.length} page(s)): ${r.verdict.toUpperCase()} — score ${r.score.toFixed(2)}`,
          );
          const s = r.signals;
          const f = (v: number | null) => (v === null ? 'n/a' : v.toFixed(2));
          const pictures = `${s.photos === undefined ? '' : `, photos ${f(s.photos)}`}${s.look === undefined ? '' : `, look ${f(s.look)}`}`;
          print(
            `  signals: layout ${f(s.layout)}, ad text ${f(s.text)}, contacts ${f(s.contacts)}, pivots ${f(s.pivots)}${pictures}`,
          );
          for (const line of r.explanation) print(`  - ${line}`);
        }
      },
    );
}
