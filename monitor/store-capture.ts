/**
 * Maps a crawler Capture onto database rows: the capture itself (with its artifacts and the detector's
 * page features, extracted once here) and the contacts it shows. Challenge pages get neither.
 */
import type { Capture } from '../crawler/index.ts';
import type { Database } from '../db/index.ts';
import { insertCapture, recordContacts } from '../db/index.ts';
import { DETECTOR_VERSION, extractPage, type PageFeatures } from '../detector/index.ts';

export interface StoredCapture {
  id: number;
  inserted: boolean;
  /** null for a challenge page: it is not the site, so nothing is extracted from it (profiles skip it). */
  features: PageFeatures | null;
}

export function featuresOf(
  capture: Pick<Capture, 'finalUrl' | 'html' | 'text' | 'faviconBase64' | 'scripts' | 'stylesheets'>,
  region: string,
): PageFeatures {
  return extractPage(
    {
      url: capture.finalUrl,
      html: capture.html,
      text: capture.text,
      faviconBase64: capture.faviconBase64,
      scripts: capture.scripts,
      stylesheets: capture.stylesheets,
    },
    { region },
  );
}

export async function storeCapture(
  db: Database,
  capture: Capture,
  target: { domainId: number; region: string; imported?: boolean },
): Promise<StoredCapture> {
  // A WAF/CDN challenge page is kept as evidence of the block but never read as the site's content: no features
  // (profiles only read captures that have them), no contacts.
  const features = capture.challenge ? null : featuresOf(capture, target.region);
  const favicon = capture.artifacts.find((a) => a.kind === 'favicon');
  const { id, inserted } = await insertCapture(db, {
    runId: capture.runId,
    domainId: target.domainId,
    requestedUrl: capture.requestedUrl,
    finalUrl: capture.finalUrl,
    redirectChain: capture.redirectChain,
    status: capture.status,
    headers: capture.headers,
    timings: capture.timings,
    mode: capture.mode,
    depth: capture.depth,
    title: capture.title,
    htmlSha256: capture.htmlSha256,
    textSha256: capture.textSha256,
    artifacts: capture.artifacts,
    outlinks: capture.outlinks,
    scripts: capture.scripts,
    stylesheets: capture.stylesheets,
    faviconUrl: capture.faviconUrl,
    faviconSha256: favicon?.sha256 ?? null,
    truncated: capture.truncated,
    imported: target.imported ?? false,
    features: features as unknown as Record<string, unknown> | null,
    featuresVersion: DETECTOR_VERSION,
    challenge: capture.challenge ?? null,
    capturedAt: new Date(capture.capturedAt),
  });
  if (inserted && features)
    await recordContacts(db, target.domainId, id, features.contacts, new Date(capture.capturedAt));
  return { id, inserted, features };
}
