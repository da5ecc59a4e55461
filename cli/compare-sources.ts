/**
 * What `phenix compare` compares: a saved HTML file, a folder of saved pages (one site: every .html
 * under it), or an http(s) URL crawled first (into a temporary evidence folder, nothing stored).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config/index.ts';
import { crawlSite } from '../crawler/index.ts';
import type { PageInput } from '../detector/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import { crawlOptionsFromConfig } from '../monitor/index.ts';
import { UsageError } from './errors.ts';

export interface SourcePages {
  label: string;
  pages: PageInput[];
}

const MAX_FILES = 5000;

export async function loadSource(
  source: string,
  config: Config,
  options: { maxPages?: number } = {},
): Promise<SourcePages> {
  if (/^https?:\/\//i.test(source)) return crawlSource(source, config, options.maxPages ?? 50);
  if (!existsSync(source))
    throw new UsageError(
      `${source}: no such file or folder (expected a saved .html file, a folder of them, or an http(s) URL)`,
    );
  const stat = statSync(source);
  const files = stat.isDirectory() ? htmlFilesUnder(source) : [source];
  if (files.length === 0) throw new UsageError(`${source}: the folder holds no .html file`);
  return {
    label: source,
    pages: files.map((file) => ({
      url: stat.isDirectory() ? `file:///${relative(source, file).split('\\').join('/')}` : pathToFileURL(file).href,
      html: readFileSync(file, 'utf8'),
    })),
  };
}

function htmlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_FILES) return;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.x?html?$/i.test(entry.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function crawlSource(url: string, config: Config, maxPages: number): Promise<SourcePages> {
  const work = mkdtempSync(join(tmpdir(), 'phenix-compare-'));
  const pages: PageInput[] = [];
  try {
    const base = crawlOptionsFromConfig(config, { label: url, siteId: null, domains: [], region: 'FR' });
    const summary = await crawlSite({
      ...base,
      maxPages,
      runId: randomUUID(),
      seeds: [url],
      chromiumPath: config.crawler.chromiumPath,
      storageDir: join(work, 'requests'),
      evidence: createEvidenceStore({ dir: join(work, 'evidence') }),
      onCapture: async (c) => {
        pages.push({
          url: c.finalUrl,
          html: c.html,
          text: c.text,
          faviconBase64: c.faviconBase64,
          scripts: c.scripts,
          stylesheets: c.stylesheets,
        });
      },
      onFailure: async () => {},
    });
    if (pages.length === 0) {
      const reasons = Object.entries(summary.failuresByReason)
        .map(([r, n]) => `${r}×${n}`)
        .join(', ');
      throw new UsageError(`${url}: no page could be captured${reasons ? ` (${reasons})` : ''}`);
    }
    return { label: url, pages };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A short name for a source in profiles and messages. */
export function compareSourcesLabel(source: string): string {
  return source.replace(/\/+$/, '').split('/').pop() || source;
}
