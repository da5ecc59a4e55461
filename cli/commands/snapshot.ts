/**
 * `phenix sites import-snapshot <site> <folder>`: stores pages saved earlier (an archive, a capture made
 * before the site was taken down) as an imported capture of a monitored site, so its clones are found
 * although the site is gone. Each page's SHA-256 and the stated capture time are kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { getSiteByName } from '../../db/index.ts';
import { UsageError } from '../errors.ts';
import { byOption, operator } from '../identity.ts';
import { print } from '../output.ts';

export function registerSnapshotCommand(sites: Command): void {
  sites
    .command('import-snapshot')
    .description('store saved pages of a monitored site (every .html under a folder) as an earlier capture of it')
    .argument('<site>', 'monitored site name')
    .argument('<folder>', 'folder of saved .html pages (a manifest.json with url/file/capturedAt is used when present)')
    .option('--captured-at <time>', 'when the pages were captured, ISO 8601 (e.g. 2026-09-14T08:30:00Z)')
    .option('--base-url <url>', 'the URL the folder stood for (default http://<first domain of the site>/)')
    .option(...byOption())
    .action(
      async (
        siteName: string,
        folder: string,
        opts: { capturedAt?: string; baseUrl?: string; by?: string },
        cmd: Command,
      ) => {
        const manifestPath = join(folder, 'manifest.json');
        const manifest = existsSync(manifestPath) ? readManifest(manifestPath) : null;
        const capturedAt = opts.capturedAt ?? manifest?.capturedAt;
        if (!capturedAt || Number.isNaN(Date.parse(capturedAt))) {
          throw new UsageError(
            '--captured-at must give the capture time as ISO 8601, e.g. 2026-09-14T08:30:00Z (or the folder needs a manifest.json with capturedAt)',
          );
        }
        // The monitor (crawler, pictures, OCR) loads only for this command, not for `sites list` or `sites sync`.
        const [{ importSnapshot }, { readSavedPages }, { withMonitor }] = await Promise.all([
          import('../../monitor/index.ts'),
          import('../compare-sources.ts'),
          import('../monitor-context.ts'),
        ]);
        await withMonitor(cmd, { mode: 'http', access: operator(opts.by) }, async (ctx) => {
          const site = await getSiteByName(ctx.db, siteName);
          const host = site.domains[0]?.hostname;
          if (!host) throw new UsageError(`Site ${siteName} has no domain`);
          const base = opts.baseUrl ?? `http://${host}/`;
          const pages = manifest
            ? manifest.pages.map((p) => ({ url: p.url, html: readFileSync(join(folder, p.file), 'utf8') }))
            : readSavedPages(folder).pages.map((p) => ({
                url: new URL(p.url.replace(/^file:\/\/\//, ''), base).href,
                html: p.html,
              }));
          const favicon = existsSync(join(folder, 'favicon.ico'))
            ? readFileSync(join(folder, 'favicon.ico')).toString('base64')
            : null;
          const r = await importSnapshot(ctx, {
            site: siteName,
            host: new URL(base).hostname,
            capturedAt: new Date(capturedAt).toISOString(),
            pages,
            faviconBase64: favicon,
            origin: folder,
          });
          print(
            `${r.pages} page(s) of ${siteName} captured ${new Date(capturedAt).toISOString()} stored (${r.newPages} new) as run ${r.runId}.`,
          );
        });
      },
    );
}

function readManifest(path: string): { capturedAt?: string; pages: { url: string; file: string }[] } {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as {
      capturedAt?: string;
      pages?: { url: string; file: string }[];
    };
    if (!Array.isArray(m.pages)) throw new Error('no "pages" list');
    return { capturedAt: m.capturedAt, pages: m.pages };
  } catch (error) {
    throw new UsageError(`${path} is not a usable manifest: ${(error as Error).message}`);
  }
}
