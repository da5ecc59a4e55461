/**
 * Maps a crawler Capture onto database rows: the capture itself (with its artifacts and the detector's
 * page features, extracted once here) and the contacts it shows. Challenge pages get neither.
 */
import type { Capture } from '../crawler/index.ts';
import type { Database } from '../db/index.ts';
import { insertCapture, recordContacts, updateCaptureFeatures } from '../db/index.ts';
import { type Contact, DETECTOR_VERSION, extractPage, type PageFeatures } from '../detector/index.ts';
import type { ImageAnalyser, PictureArtifact } from '../images/index.ts';

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

/**
 * Stores a capture. With an image analyser, its pictures and screenshot are hashed into the features first, and its
 * pictures queued for OCR: numbers read in them are added to the capture's contacts when the queue reaches them.
 */
export async function storeCapture(
  db: Database,
  capture: Capture,
  target: { domainId: number; region: string; imported?: boolean },
  images?: ImageAnalyser,
): Promise<StoredCapture> {
  const features = await analyseCapture(capture, target.region, images);
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
  if (inserted && images && features)
    readNumbersInPictures(images, features, target.region, async (added) => {
      await updateCaptureFeatures(db, id, features as unknown as Record<string, unknown>);
      await recordContacts(db, target.domainId, id, added, new Date(capture.capturedAt));
    });
  return { id, inserted, features };
}

/**
 * A capture's page features as a cycle reads them: extracted from its HTML, with its pictures' perceptual hashes and
 * its screenshot's look when an analyser is given. A WAF/CDN challenge page is kept as evidence of the block but
 * never read as the site's content: null (profiles only read captures that have features, and it has no contacts).
 * `phenix compare` on URLs reads its crawls through this too, so a lead checked by hand is seen as a cycle sees it.
 */
export async function analyseCapture(
  capture: Pick<
    Capture,
    'finalUrl' | 'html' | 'text' | 'faviconBase64' | 'scripts' | 'stylesheets' | 'challenge' | 'artifacts'
  >,
  region: string,
  images?: ImageAnalyser,
): Promise<PageFeatures | null> {
  const features = capture.challenge ? null : featuresOf(capture, region);
  if (features && images) await addPictures(features, capture.artifacts, images);
  return features;
}

/** The page's pictures' perceptual hashes and its screenshot's look, added to its features. */
export async function addPictures(
  features: PageFeatures,
  artifacts: PictureArtifact[],
  images: ImageAnalyser,
): Promise<void> {
  const pictures = await images.pictures(artifacts);
  if (pictures.images.length > 0) features.images = pictures.images;
  if (pictures.look) features.look = pictures.look;
}

/**
 * Queues the OCR of the page's pictures: numbers read there that the page does not show yet are added to
 * `features.contacts` (marked `source: 'image'`), then passed to `added` (a cycle stores them). Returns at once; the
 * analyser's `close()` waits for the reading.
 */
export function readNumbersInPictures(
  images: ImageAnalyser,
  features: PageFeatures,
  region: string,
  added: (contacts: Contact[]) => Promise<void> = async () => {},
): void {
  if (!features.images) return;
  images.queueOcr(features.images, region, async (found) => {
    const known = new Set(features.contacts.map((c) => `${c.kind}:${c.value}`));
    const fresh = found.filter((c) => !known.has(`${c.kind}:${c.value}`));
    if (fresh.length === 0) return;
    features.contacts = [...features.contacts, ...fresh];
    await added(fresh);
  });
}
