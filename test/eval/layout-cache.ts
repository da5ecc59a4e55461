/**
 * Layout features of the real-page set, precomputed (issue 18): parsing the 1,000-odd saved pages takes 40–60 s, so
 * the unit test reads each page's layout tokens from a committed cache (test/fixtures/real-pages/layout-cache.json.gz)
 * instead. The cache records the SHA-256 of the manifest and of every page file it was built from; `loadCachedPages`
 * refuses a cache that no longer matches the pages, and `cacheDrift` re-extracts a fixed sample of pages so a change
 * of the token extractor (detector/extract) is caught too. Rebuild with `npm run real-pages:cache`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { extractPage, type PageFeatures } from '../../detector/index.ts';
import type { KindedPage } from './layout-splits.ts';
import { loadRealPages } from './real-pages.ts';

const DIR = join(import.meta.dirname, '../fixtures/real-pages');
export const CACHE = join(DIR, 'layout-cache.json.gz');

interface CachedPage {
  site: string;
  kind: string;
  file: string;
  pageType: PageFeatures['pageType'];
  path: string;
  layout: Record<string, number>;
}

interface CacheFile {
  pagesHash: string;
  pages: CachedPage[];
}

/** SHA-256 over the manifest and every page file it lists, in manifest order. */
export function pagesHash(): string {
  const manifest = readFileSync(join(DIR, 'manifest.json'));
  const h = createHash('sha256').update(manifest);
  for (const e of JSON.parse(manifest.toString('utf8')) as { file: string }[])
    h.update(e.file).update(readFileSync(join(DIR, 'pages', e.file)));
  return h.digest('hex');
}

const kindsOf = () =>
  new Map(
    (JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as { file: string; kind: string }[]).map((e) => [
      e.file,
      e.kind,
    ]),
  );

const featuresOf = (c: CachedPage): PageFeatures => ({
  url: `https://${c.file}`,
  path: c.path,
  pageType: c.pageType,
  layout: c.layout,
  textBlocks: [],
  ads: [],
  contacts: [],
  pivots: [],
});

/** Parses every page (slow) and writes the cache. */
export function buildLayoutCache(): number {
  const kinds = kindsOf();
  const pages: CachedPage[] = loadRealPages().map((p) => {
    const f = extractPage({ url: `https://${p.file}`, html: p.html });
    return {
      site: p.site,
      kind: kinds.get(p.file) ?? 'unknown',
      file: p.file,
      pageType: f.pageType,
      path: f.path,
      layout: f.layout,
    };
  });
  const body: CacheFile = { pagesHash: pagesHash(), pages };
  writeFileSync(CACHE, gzipSync(JSON.stringify(body), { level: 9 }));
  return pages.length;
}

function readCache(): CacheFile {
  return JSON.parse(gunzipSync(readFileSync(CACHE)).toString('utf8')) as CacheFile;
}

/** The real-page set's layout features from the cache; throws when the pages changed since it was built. */
export function loadCachedPages(): KindedPage[] {
  const cache = readCache();
  if (cache.pagesHash !== pagesHash())
    throw new Error(
      `${CACHE} was built from other pages than test/fixtures/real-pages holds now: run npm run real-pages:cache`,
    );
  return cache.pages.map((c) => ({ site: c.site, kind: c.kind, features: featuresOf(c) }));
}

/**
 * Re-extracts `n` pages spread over the set (every k-th of the manifest) and returns the files whose layout tokens,
 * page type or path differ from the cache: empty when the extractor still produces what the cache holds.
 */
export function cacheDrift(n = 12): string[] {
  const cached = readCache().pages;
  const step = Math.max(1, Math.floor(cached.length / n));
  const out: string[] = [];
  for (let i = 0; i < cached.length; i += step) {
    const c = cached[i];
    const html = gunzipSync(readFileSync(join(DIR, 'pages', c.file))).toString('utf8');
    const f = extractPage({ url: `https://${c.file}`, html });
    if (c.pageType !== f.pageType || c.path !== f.path || JSON.stringify(c.layout) !== JSON.stringify(f.layout))
      out.push(c.file);
  }
  return out;
}
