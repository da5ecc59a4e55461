/**
 * After a detector upgrade, page features are recomputed from the HTML kept in the evidence store, so a profile is
 * never built from features of two versions and profiles of two versions are never compared. Runs by itself on the
 * captures a cycle builds profiles from, and for every subject with `phenix reprocess`.
 */
import type { CaptureRow, Database } from '../db/index.ts';
import { recordContacts, updateCaptureFeatures } from '../db/index.ts';
import { DETECTOR_VERSION, type PageFeatures } from '../detector/index.ts';
import type { EvidenceStore } from '../evidence/index.ts';
import { featuresOf } from './store-capture.ts';

/**
 * What the HTML does not give back: the pictures' hashes, the screenshot's look and the numbers read in pictures were
 * computed from image artifacts when the page was stored. Recomputing from the HTML alone would drop them (a photo-only
 * gallery would lose every photo at each upgrade), so they are carried over to the new features. Hashes stay those
 * of the version that stored them (photos hashed with 15 windows keep 15; the comparison reads both).
 */
function keepPictures(features: PageFeatures, old: Partial<PageFeatures> | null): void {
  if (!old) return;
  if (old.images?.length) features.images = old.images;
  if (old.look) features.look = old.look;
  const known = new Set(features.contacts.map((c) => `${c.kind}:${c.value}`));
  const read = (old.contacts ?? []).filter((c) => c.source === 'image' && !known.has(`${c.kind}:${c.value}`));
  if (read.length > 0) features.contacts = [...features.contacts, ...read];
}

/** Captures stored before versions were recorded carry no version: they were extracted by version 1. */
export const versionOf = (row: Pick<CaptureRow, 'featuresVersion'>) => row.featuresVersion ?? 1;

export interface RefreshReport {
  /** Captures whose features were recomputed from their stored HTML. */
  recomputed: number;
  /** Stale captures left out because their HTML is no longer in the evidence store. */
  missing: number;
}

export function emptyRefreshReport(): RefreshReport {
  return { recomputed: 0, missing: 0 };
}

/**
 * Brings `rows` to the current detector version: stale features are recomputed from the stored HTML (the rows are
 * updated in the database and in memory). Returns the rows that are current; a stale capture whose HTML is gone is
 * left out (counted in `report.missing`) rather than mixed in with another version's features.
 */
export async function refreshCaptures(
  db: Database,
  evidence: EvidenceStore,
  rows: CaptureRow[],
  region: string,
  report: RefreshReport = emptyRefreshReport(),
): Promise<CaptureRow[]> {
  const current: CaptureRow[] = [];
  for (const row of rows) {
    if (versionOf(row) === DETECTOR_VERSION) {
      current.push(row);
      continue;
    }
    const read = async (kind: string) => {
      const artifact = row.artifacts.find((a) => a.kind === kind);
      return artifact && (await evidence.has(artifact.sha256)) ? evidence.read(artifact.sha256) : null;
    };
    const html = await read('html');
    if (!html) {
      report.missing++;
      continue;
    }
    const favicon = await read('favicon');
    const features = featuresOf(
      {
        finalUrl: row.finalUrl,
        html: html.toString('utf8'),
        text: (await read('text'))?.toString('utf8') ?? '',
        faviconBase64: favicon ? favicon.toString('base64') : null,
        scripts: row.scripts,
        stylesheets: row.stylesheets,
      },
      region,
    );
    keepPictures(features, row.features as unknown as Partial<PageFeatures> | null);
    const stored = features as unknown as Record<string, unknown>;
    await updateCaptureFeatures(db, row.id, stored, DETECTOR_VERSION);
    // The contacts index follows what the new extraction finds (it only ever adds: contacts seen stay seen).
    await recordContacts(db, row.domainId, row.id, features.contacts, row.capturedAt);
    current.push({ ...row, features: stored, featuresVersion: DETECTOR_VERSION });
    report.recomputed++;
  }
  return current;
}
