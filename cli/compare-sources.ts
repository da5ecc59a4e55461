/**
 * What `phenix compare` compares: a saved HTML file, a folder of saved pages (one site: every .html under it), or an
 * http(s) URL crawled first (into a temporary evidence folder, nothing stored). Each source becomes page features as
 * a cycle reads them: pictures hashed and read by OCR through the monitor's own steps (analyseCapture, addPictures,
 * readNumbersInPictures): a crawl's pictures from its evidence, saved pages' from the files beside them (no
 * screenshot, so no look: that needs a browser's rendering).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from '../config/index.ts';
import { crawlSite, imageUrlsFromHtml } from '../crawler/index.ts';
import { extractPage, type PageFeatures } from '../detector/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import type { ImageAnalyser } from '../images/index.ts';
import {
  addPictures,
  analyseCapture,
  crawlOptionsFromConfig,
  pictureAnalyser,
  readNumbersInPictures,
} from '../monitor/index.ts';
import { UsageError } from './errors.ts';

export interface SourcePages {
  label: string;
  pages: PageFeatures[];
}

export interface LoadSourceOptions {
  maxPages?: number;
  /** Default country of phone numbers without + (as a cycle reads a site's pages in its region). */
  region?: string;
  /** Told about a picture that could not be analysed (a warning, the comparison goes on). */
  onPictureError?: (error: unknown, where: string) => void;
}

const MAX_FILES = 5000;
/** The base URL saved pages are read under, to resolve their relative picture paths (never fetched). */
const SAVED_BASE = 'http://saved-pages.invalid/';

export async function loadSource(
  source: string,
  config: Config,
  options: LoadSourceOptions = {},
): Promise<SourcePages> {
  const region = options.region ?? 'FR';
  if (/^https?:\/\//i.test(source)) return crawlSource(source, config, options.maxPages ?? 50, region, options);
  const saved = readSavedPages(source);
  const pictures = savedPictures(saved.root, config, options);
  const pages: PageFeatures[] = [];
  try {
    for (const page of saved.pages) {
      const features = extractPage({ url: page.url, html: page.html }, { region });
      await addPictures(features, pictures.artifactsOf(page.html, page.path), pictures.images);
      readNumbersInPictures(pictures.images, features, region);
      pages.push(features);
    }
    // The numbers still being read in the pages' pictures belong to them.
    await pictures.images.close();
  } finally {
    await pictures.images.close().catch(() => {});
  }
  return { label: source, pages };
}

/**
 * The pages of a saved .html file or of a folder of them (every .html under it): their URL (file:///path under the
 * folder), their HTML, their path under `root` (the folder, or the file's folder).
 */
export function readSavedPages(source: string): { root: string; pages: { url: string; html: string; path: string }[] } {
  if (!existsSync(source))
    throw new UsageError(
      `${source}: no such file or folder (expected a saved .html file, a folder of them, or an http(s) URL)`,
    );
  const stat = statSync(source);
  const root = stat.isDirectory() ? resolve(source) : dirname(resolve(source));
  const files = stat.isDirectory() ? htmlFilesUnder(source) : [source];
  if (files.length === 0) throw new UsageError(`${source}: the folder holds no .html file`);
  return {
    root,
    pages: files.map((file) => {
      const path = relative(root, resolve(file)).split(sep).join('/');
      return {
        url: stat.isDirectory() ? `file:///${path}` : pathToFileURL(file).href,
        html: readFileSync(file, 'utf8'),
        path,
      };
    }),
  };
}

/**
 * The pictures of saved pages: each <img> whose path stays inside the saved folder, read from disk, within the
 * crawler's per-page and per-crawl budgets and size cap. A path leaving the folder or a missing file is skipped.
 */
function savedPictures(root: string, config: Config, options: LoadSourceOptions) {
  const bytesOf = new Map<string, Uint8Array>();
  let used = 0;
  const images: ImageAnalyser = pictureAnalyser(
    config,
    async (sha256) => bytesOf.get(sha256) ?? new Uint8Array(),
    (error, sha256) => options.onPictureError?.(error, sha256),
  );
  const maxBytes = config.crawler.imageMaxMB * 1024 * 1024;
  return {
    images,
    artifactsOf(html: string, path: string) {
      const out: { kind: 'image'; sha256: string; url: string }[] = [];
      for (const url of imageUrlsFromHtml(html, new URL(path, SAVED_BASE).href, config.crawler.imagesPerPage)) {
        if (used >= config.crawler.imagesPerCrawl) break;
        const u = new URL(url);
        if (u.origin !== new URL(SAVED_BASE).origin) continue;
        const file = resolve(root, decodeURIComponent(u.pathname.slice(1)));
        if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) continue;
        if (statSync(file).size > maxBytes) continue;
        const bytes = readFileSync(file);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        bytesOf.set(sha256, bytes);
        used++;
        out.push({ kind: 'image', sha256, url: relative(root, file).split(sep).join('/') });
      }
      return out;
    },
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

async function crawlSource(
  url: string,
  config: Config,
  maxPages: number,
  region: string,
  options: LoadSourceOptions,
): Promise<SourcePages> {
  const work = mkdtempSync(join(tmpdir(), 'phenix-compare-'));
  const pages: PageFeatures[] = [];
  const evidence = createEvidenceStore({ dir: join(work, 'evidence') });
  // One analyser per crawled source, as a cycle has one per crawl run: the same hashes, OCR budget and time limit.
  const images = pictureAnalyser(
    config,
    (sha256) => evidence.read(sha256),
    (error, sha256) => options.onPictureError?.(error, `${url} ${sha256}`),
  );
  try {
    const base = crawlOptionsFromConfig(config, { label: url, siteId: null, domains: [], region });
    const summary = await crawlSite({
      ...base,
      maxPages,
      runId: randomUUID(),
      seeds: [url],
      chromiumPath: config.crawler.chromiumPath,
      storageDir: join(work, 'requests'),
      evidence,
      onCapture: async (c) => {
        const features = await analyseCapture(c, region, images);
        if (!features) return;
        readNumbersInPictures(images, features, region);
        pages.push(features);
      },
      onFailure: async () => {},
    });
    // The numbers still being read in the crawl's pictures belong to its pages.
    await images.close();
    if (pages.length === 0) {
      const reasons = Object.entries(summary.failuresByReason)
        .map(([r, n]) => `${r}×${n}`)
        .join(', ');
      throw new UsageError(`${url}: no page could be captured${reasons ? ` (${reasons})` : ''}`);
    }
    return { label: url, pages };
  } finally {
    await images.close().catch(() => {});
    rmSync(work, { recursive: true, force: true });
  }
}

/** A short name for a source in profiles and messages. */
export function compareSourcesLabel(source: string): string {
  return source.replace(/\/+$/, '').split('/').pop() || source;
}
