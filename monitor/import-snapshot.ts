/**
 * Stores an earlier capture of a monitored site made elsewhere (an archive, the demo's shipped snapshot)
 * as an imported crawl run: each page's HTML and text go to the evidence store with their SHA-256 and
 * the original capture time, so a site taken down before Phénix watched it can still be compared.
 * Importing the same snapshot twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { type Capture, extractFromHtml, type StoredArtifact } from '../crawler/index.ts';
import { finishRun, getSiteByName, startRun } from '../db/index.ts';
import type { MonitorContext } from './context.ts';
import { storeCapture } from './store-capture.ts';

export interface SnapshotInput {
  site: string;
  host: string;
  /** ISO-8601 time the pages were captured. */
  capturedAt: string;
  pages: { url: string; html: string }[];
  faviconBase64?: string | null;
  /** Where the snapshot comes from, kept in the run summary (file path, archive name). */
  origin: string;
}

export async function importSnapshot(
  ctx: MonitorContext,
  snapshot: SnapshotInput,
): Promise<{ runId: string; pages: number; newPages: number }> {
  const site = await getSiteByName(ctx.db, snapshot.site);
  const domain = site.domains.find((d) => d.hostname === snapshot.host) ?? site.domains[0];
  if (!domain) throw new Error(`Site ${snapshot.site} has no domain to attach the snapshot to`);
  const digest = createHash('sha256')
    .update(`${snapshot.host}|${snapshot.capturedAt}|${snapshot.pages.map((p) => p.url).join('|')}`)
    .digest('hex')
    .slice(0, 16);
  const runId = `import-${digest}`;
  const at = new Date(snapshot.capturedAt);
  await startRun(ctx.db, { id: runId, siteId: site.id, domainId: domain.id, mode: 'import', storageDir: null }, at);
  let newPages = 0;
  for (const page of snapshot.pages) {
    const extract = extractFromHtml(page.html, page.url);
    const html = await ctx.evidence.put(page.html, 'text/html; charset=utf-8');
    const text = await ctx.evidence.put(extract.text, 'text/plain; charset=utf-8');
    const artifacts: StoredArtifact[] = [
      { kind: 'html', sha256: html.sha256, size: html.size, path: html.path, mediaType: 'text/html; charset=utf-8' },
      { kind: 'text', sha256: text.sha256, size: text.size, path: text.path, mediaType: 'text/plain; charset=utf-8' },
    ];
    if (snapshot.faviconBase64) {
      const icon = await ctx.evidence.put(Buffer.from(snapshot.faviconBase64, 'base64'), 'image/x-icon');
      artifacts.push({
        kind: 'favicon',
        sha256: icon.sha256,
        size: icon.size,
        path: icon.path,
        mediaType: 'image/x-icon',
      });
    }
    const hostOf = (u: string) => new URL(u).hostname;
    const capture: Capture = {
      runId,
      requestedUrl: page.url,
      finalUrl: page.url,
      redirectChain: [],
      status: 200,
      headers: { 'x-phenix-imported-from': snapshot.origin },
      capturedAt: at.toISOString(),
      timings: { navigationMs: 0, totalMs: 0 },
      mode: 'http',
      depth: 0,
      title: extract.title,
      html: page.html,
      text: extract.text,
      htmlSha256: html.sha256,
      textSha256: text.sha256,
      outlinks: {
        internal: extract.links.filter((l) => hostOf(l) === snapshot.host),
        external: extract.links.filter((l) => hostOf(l) !== snapshot.host),
      },
      scripts: extract.scripts,
      stylesheets: extract.stylesheets,
      faviconUrl: extract.faviconUrl,
      faviconBase64: snapshot.faviconBase64 ?? null,
      artifacts,
      truncated: false,
    };
    const stored = await storeCapture(ctx.db, capture, { domainId: domain.id, region: site.region, imported: true });
    if (stored.inserted) newPages++;
  }
  await finishRun(
    ctx.db,
    runId,
    {
      status: 'done',
      pagesOk: snapshot.pages.length,
      pagesFailed: 0,
      bytes: 0,
      summary: { importedFrom: snapshot.origin },
    },
    at,
  );
  return { runId, pages: snapshot.pages.length, newPages };
}
