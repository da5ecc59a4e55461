/**
 * The court package of one alert, as WARC records and a manifest (then wrapped as a signed, timestamped WACZ by
 * wacz.ts). Per capture: a metadata record (URLs, status, redirects, mode, time), the network records taken at
 * capture time (request/response for every resource of the page, copied verbatim from the evidence store), and
 * resource records for what Phénix derived (rendered HTML, visible text, screenshots, favicon, header summary).
 * Each run's capture environment goes in once. Challenge pages (a WAF/CDN interstitial instead of the site) are
 * named in the manifest, never packaged as the site's content. Every stored file is re-hashed first: a file altered
 * in the evidence store stops the package instead of entering it.
 */
import { readFileSync } from 'node:fs';
import { encodeRecord, newRecordId, parseWarc, UnreadableWarcError, type WarcRecord } from '../../lib/warc.ts';
import { type EvidenceStore, sha256Hex } from '../store.ts';

export const PACKAGE_FORMAT = 'phenix-evidence/2';

/** A file of the evidence store is missing or no longer matches its hash: the package would not be faithful. */
export class EvidenceIntegrityError extends Error {
  override readonly name = 'EvidenceIntegrityError';
}

export interface PackagedArtifact {
  kind: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export type PackageSide = 'monitored-site' | 'candidate';

/** One capture as the package needs it (the review side maps database rows onto this). */
export interface PackagedCapture {
  side: PackageSide;
  domain: string;
  id: number;
  runId: string;
  requestedUrl: string;
  finalUrl: string;
  status: number | null;
  redirectChain: unknown[];
  headers: Record<string, string>;
  mode: string;
  title: string | null;
  capturedAt: Date;
  imported: boolean;
  truncated: boolean;
  /** Vendor of the challenge page met instead of the site (cloudflare, hcaptcha, ...); null for real content. */
  challenge?: string | null;
  artifacts: PackagedArtifact[];
}

export interface ManifestFile {
  recordId: string;
  side: PackageSide;
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
  /** The capture environment of every run that took a packaged capture (versions, proxy, resolver, egress, clock). */
  environments: unknown[];
  /** Challenge pages met instead of a site's content: recorded, not packaged as content. */
  challenges: {
    side: PackageSide;
    domain: string;
    captureId: number;
    url: string;
    vendor: string;
    capturedAt: string;
  }[];
  files: ManifestFile[];
  /** The WARC header of every record of archive/data.warc, in order: verify demands exactly these. */
  records: Record<string, string>[];
}

export interface PackageContent {
  alert: EvidenceManifest['alert'];
  /** One line for the warcinfo record, e.g. "alert 12 (clone.test against maison-services)". */
  description: string;
  captures: PackagedCapture[];
  createdBy: string;
  now?: Date;
}

export interface PackagedWarc {
  warc: Buffer;
  records: WarcRecord[];
  manifest: EvidenceManifest;
  pages: { id: string; url: string; ts: string; title: string | null }[];
}

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function readVerified(store: EvidenceStore, a: PackagedArtifact, url: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await store.read(a.sha256);
  } catch {
    throw new EvidenceIntegrityError(
      `The ${a.kind} of ${url} (SHA-256 ${a.sha256}) is missing from the evidence store ${store.dir}`,
    );
  }
  if (sha256Hex(bytes) !== a.sha256) {
    throw new EvidenceIntegrityError(
      `The ${a.kind} of ${url} in the evidence store no longer matches its recorded SHA-256 ${a.sha256}: it may have been altered`,
    );
  }
  return bytes;
}

/** The network records of one capture, as stored at capture time; only request/response records belong there. */
function networkRecords(bytes: Buffer, url: string): Buffer[] {
  let records: WarcRecord[];
  try {
    records = parseWarc(bytes);
  } catch (error) {
    if (error instanceof UnreadableWarcError) {
      throw new EvidenceIntegrityError(`The network records of ${url} cannot be read: ${error.message}`);
    }
    throw error;
  }
  return records.map((r) => {
    if (r.headers['WARC-Type'] !== 'request' && r.headers['WARC-Type'] !== 'response') {
      throw new EvidenceIntegrityError(`The network records of ${url} hold a ${r.headers['WARC-Type']} record`);
    }
    return bytes.subarray(r.offset, r.offset + r.length);
  });
}

export async function buildPackageWarc(store: EvidenceStore, content: PackageContent): Promise<PackagedWarc> {
  const now = content.now ?? new Date();
  const version = toolVersion();
  const chunks: Buffer[] = [];
  const files: ManifestFile[] = [];
  const environments = new Map<string, unknown>();
  const challenges: EvidenceManifest['challenges'] = [];
  const pages: PackagedWarc['pages'] = [];
  const info = [
    'software: Phénix site-resurgence monitor',
    `phenix-version: ${version}`,
    'format: WARC File Format 1.1',
    `description: Evidence package of ${content.description}`,
    `created-by: ${content.createdBy}`,
  ].join('\r\n');
  chunks.push(encodeRecord('warcinfo', { 'Content-Type': 'application/warc-fields' }, Buffer.from(`${info}\r\n`), now));

  for (const capture of content.captures) {
    if (capture.challenge) {
      challenges.push({
        side: capture.side,
        domain: capture.domain,
        captureId: capture.id,
        url: capture.finalUrl,
        vendor: capture.challenge,
        capturedAt: capture.capturedAt.toISOString(),
      });
      continue;
    }
    const fileOf = (kind: string, mediaType: string, sha256: string, size: number, recordId: string): ManifestFile => ({
      recordId,
      side: capture.side,
      domain: capture.domain,
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
    chunks.push(
      encodeRecord(
        'metadata',
        { 'WARC-Record-ID': recordId, 'WARC-Target-URI': capture.finalUrl, 'Content-Type': 'application/json' },
        record,
        capture.capturedAt,
      ),
    );
    files.push(fileOf('capture-record', 'application/json', sha256Hex(record), record.length, recordId));
    pages.push({ id: recordId, url: capture.finalUrl, ts: capture.capturedAt.toISOString(), title: capture.title });
    for (const artifact of capture.artifacts) {
      const bytes = await readVerified(store, artifact, capture.finalUrl);
      if (artifact.kind === 'warc') {
        chunks.push(...networkRecords(bytes, capture.finalUrl));
        continue;
      }
      if (artifact.kind === 'environment') {
        if (environments.has(artifact.sha256)) continue;
        environments.set(artifact.sha256, JSON.parse(bytes.toString('utf8')));
      }
      const id = newRecordId();
      const isPage = artifact.kind === 'html';
      chunks.push(
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
  const warc = Buffer.concat(chunks);
  const records = parseWarc(warc);
  const manifest: EvidenceManifest = {
    format: PACKAGE_FORMAT,
    tool: { name: 'phenix', version },
    createdAt: now.toISOString(),
    createdBy: content.createdBy,
    alert: content.alert,
    environments: [...environments.values()],
    challenges,
    files,
    records: records.map((r) => r.headers),
  };
  return { warc, records, manifest, pages };
}

/** What the crawler saw besides the files: asked and final URL, status, redirects, headers, mode, time. */
function captureRecord(c: PackagedCapture): Buffer {
  const record = {
    captureId: c.id,
    runId: c.runId,
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
