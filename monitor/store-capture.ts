/**
 * Maps a crawler Capture onto database rows: the capture itself (with its artifacts and the detector's
 * page features, extracted once here) and the contacts it shows.
 */
import type { Capture } from '../crawler/index.ts';
import type { Database } from '../db/index.ts';
import { insertCapture, recordContacts } from '../db/index.ts';
import { DETECTOR_VERSION, extractPage, type PageFeatures } from '../detector/index.ts';

export interface StoredCapture {
  id: number;
  inserted: boolean;
  features: PageFeatures;
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
  const features = featuresOf(capture, target.region);
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
    features: features as unknown as Record<string, unknown>,
    featuresVersion: DETECTOR_VERSION,
    capturedAt: new Date(capture.capturedAt),
  });
  if (inserted) await recordContacts(db, target.domainId, id, features.contacts, new Date(capture.capturedAt));
  return { id, inserted, features };
}
