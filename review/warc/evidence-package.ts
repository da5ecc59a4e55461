/**
 * The court package of one alert: a WARC/1.1 file holding both sides' captures (HTML, visible text, screenshots,
 * favicons, response headers, and a capture record with URLs, status and redirects) and a manifest listing
 * the SHA-256 of every file, capture times, the tool version and the explanation. Every stored file is
 * re-hashed before it goes in: a file altered in the evidence store stops the package instead of entering it.
 */
import { readFileSync } from 'node:fs';
import { type Executor, getAlertReview } from '../../db/index.ts';
import type { CaptureRow } from '../../db/schema/index.ts';
import { createEvidenceStore, sha256Hex } from '../../evidence/index.ts';
import { encodeRecord, newRecordId, serializeWarc } from './records.ts';

export const MANIFEST_URI_PREFIX = 'urn:phenix:manifest:alert:';
export const PACKAGE_FORMAT = 'phenix-evidence/1';

/** A file of the evidence store is missing or no longer matches its hash: the package would not be faithful. */
export class EvidenceIntegrityError extends Error {
  override readonly name = 'EvidenceIntegrityError';
}

export interface ManifestFile {
  recordId: string;
  side: 'monitored-site' | 'candidate';
  domain: string;
  captureId: number;
  requestedUrl: string;
  url: string;
  kind: string;
  mediaType: string;
  sha256: string;
  size: number;
  capturedAt: string;
}

export interface EvidenceManifest {
  format: typeof PACKAGE_FORMAT;
  tool: { name: 'phenix'; version: string };
  createdAt: string;
  createdBy: string;
  alert: Record<string, unknown> & { id: number; explanation: string[] };
  files: ManifestFile[];
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export interface BuildPackageOptions {
  db: Executor;
  evidenceDir: string;
  alertId: number;
  createdBy: string;
  gzip?: boolean;
  now?: Date;
}

export async function buildEvidencePackage(
  options: BuildPackageOptions,
): Promise<{ bytes: Buffer; manifest: EvidenceManifest; sha256: string }> {
  const now = options.now ?? new Date();
  const store = createEvidenceStore({ dir: options.evidenceDir });
  const review = await getAlertReview(options.db, options.alertId);
  const a = review.alert;
  const version = toolVersion();
  const records: Buffer[] = [];
  const files: ManifestFile[] = [];
  const info = [
    'software: Phénix site-resurgence monitor',
    `phenix-version: ${version}`,
    'format: WARC File Format 1.1',
    `description: Evidence package of alert ${a.id} (${a.candidate} against ${a.site})`,
    `created-by: ${options.createdBy}`,
  ].join('\r\n');
  records.push(
    encodeRecord('warcinfo', { 'Content-Type': 'application/warc-fields' }, Buffer.from(`${info}\r\n`), now),
  );

  const sides = [
    ['monitored-site', review.reference.captures] as const,
    ['candidate', review.candidate.captures] as const,
  ];
  const domainName = new Map([...review.reference.domains, review.candidate.domain].map((d) => [d.id, d.hostname]));
  for (const [side, captures] of sides) {
    for (const capture of captures) {
      const fileOf = (
        kind: string,
        mediaType: string,
        sha256: string,
        size: number,
        recordId: string,
      ): ManifestFile => ({
        recordId,
        side,
        domain: domainName.get(capture.domainId) ?? '',
        captureId: capture.id,
        requestedUrl: capture.requestedUrl,
        url: capture.finalUrl,
        kind,
        mediaType,
        sha256,
        size,
        capturedAt: capture.capturedAt.toISOString(),
      });
      const record = captureRecord(capture);
      const recordId = newRecordId();
      records.push(
        encodeRecord(
          'metadata',
          {
            'WARC-Record-ID': recordId,
            'WARC-Target-URI': capture.finalUrl,
            'Content-Type': 'application/json',
          },
          record,
          capture.capturedAt,
        ),
      );
      files.push(fileOf('capture-record', 'application/json', sha256Hex(record), record.length, recordId));
      for (const artifact of capture.artifacts) {
        let bytes: Buffer;
        try {
          bytes = await store.read(artifact.sha256);
        } catch {
          throw new EvidenceIntegrityError(
            `The ${artifact.kind} of ${capture.finalUrl} (SHA-256 ${artifact.sha256}) is missing from the evidence store ${store.dir}`,
          );
        }
        if (sha256Hex(bytes) !== artifact.sha256) {
          throw new EvidenceIntegrityError(
            `The ${artifact.kind} of ${capture.finalUrl} in the evidence store no longer matches its recorded SHA-256 ${artifact.sha256}: it may have been altered`,
          );
        }
        const id = newRecordId();
        const isPage = artifact.kind === 'html';
        records.push(
          encodeRecord(
            'resource',
            {
              'WARC-Record-ID': id,
              'WARC-Target-URI': isPage ? capture.finalUrl : `urn:phenix:${artifact.kind}:${capture.finalUrl}`,
              'WARC-Concurrent-To': recordId,
              'WARC-Payload-Digest': `sha256:${artifact.sha256}`,
              'Content-Type': artifact.mediaType || 'application/octet-stream',
            },
            bytes,
            capture.capturedAt,
          ),
        );
        files.push(fileOf(artifact.kind, artifact.mediaType, artifact.sha256, bytes.length, id));
      }
    }
  }
  const manifest: EvidenceManifest = {
    format: PACKAGE_FORMAT,
    tool: { name: 'phenix', version },
    createdAt: now.toISOString(),
    createdBy: options.createdBy,
    alert: {
      id: a.id,
      site: a.site,
      caseRef: review.site.caseRef,
      seedDomains: review.reference.domains.map((d) => d.hostname),
      candidate: a.candidate,
      candidateFirstSeenAt: review.candidate.domain.firstSeenAt.toISOString(),
      candidateSource: review.candidate.domain.source,
      verdict: a.verdict,
      score: a.score,
      status: a.status,
      reviewer: a.reviewer,
      note: a.note,
      decidedAt: a.decidedAt?.toISOString() ?? null,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
      signals: a.signals,
      explanation: a.explanation,
      evidence: a.evidence,
    },
    files,
  };
  records.push(
    encodeRecord(
      'metadata',
      { 'WARC-Target-URI': `${MANIFEST_URI_PREFIX}${a.id}`, 'Content-Type': 'application/json' },
      Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`),
      now,
    ),
  );
  const bytes = serializeWarc(records, Boolean(options.gzip));
  return { bytes, manifest, sha256: sha256Hex(bytes) };
}

/** What the crawler saw besides the files: asked and final URL, status, redirects, headers, mode, time. */
function captureRecord(c: CaptureRow): Buffer {
  const record = {
    captureId: c.id,
    requestedUrl: c.requestedUrl,
    finalUrl: c.finalUrl,
    status: c.status,
    redirectChain: c.redirectChain,
    headers: c.headers,
    mode: c.mode,
    title: c.title,
    capturedAt: c.capturedAt.toISOString(),
    imported: c.imported,
    truncated: c.truncated,
  };
  return Buffer.from(`${JSON.stringify(record, null, 2)}\n`);
}
