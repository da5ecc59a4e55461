/**
 * Wraps a package's WARC as a WACZ 1.1.1 file (the web-archive format replayweb.page and py-wacz read):
 *   archive/data.warc      the records (uncompressed, stored, so readers can seek by the index's offsets)
 *   indexes/index.cdxj     one line per record with a URL
 *   pages/pages.jsonl      the captured pages
 *   phenix/manifest.json   alert, capture environments, challenge pages, files, and every record's WARC header
 *   datapackage.json       every file above with its SHA-256 and size
 *   datapackage-digest.json  SHA-256 of datapackage.json, the unit's signature over it (WACZ signing format) and
 *                          the RFC 3161 timestamp token over the same bytes
 *   phenix/evidence-record.json  (only after `phenix evidence renew`) the archive timestamp chain, renew.ts
 * One chain holds it together: record → data.warc hash → datapackage.json → signed and timestamped digest.
 */
import type { KeyObject } from 'node:crypto';
import { publicKeySpkiBase64, signatureAlgorithm, signDigest } from '../sign.ts';
import { sha256Hex } from '../store.ts';
import { requestTimestamp } from '../timestamp.ts';
import type { PackagedWarc } from './build.ts';
import { buildCdxj } from './cdxj.ts';
import { writeStoredZip, type ZipEntry } from './zip.ts';

export const WACZ_VERSION = '1.1.1';
export const WARC_PATH = 'archive/data.warc';
export const CDXJ_PATH = 'indexes/index.cdxj';
export const PAGES_PATH = 'pages/pages.jsonl';
export const MANIFEST_PATH = 'phenix/manifest.json';

export interface DataPackage {
  profile: 'data-package';
  wacz_version: string;
  title: string;
  created: string;
  software: string;
  mainPageUrl?: string;
  mainPageDate?: string;
  resources: { name: string; path: string; hash: string; bytes: number }[];
}

export interface DatapackageDigest {
  path: 'datapackage.json';
  hash: string;
  signedData: {
    hash: string;
    created: string;
    software: string;
    /** ECDSA-P384-SHA256 (the WACZ recommendation's, r‖s) or Ed25519 (keys of earlier versions). */
    signatureAlgorithm: 'ECDSA-P384-SHA256' | 'Ed25519';
    /** Base64 SPKI DER of the signing key (PEM in packages of earlier versions): for WACZ readers; Phénix's verify
     * trusts only the key the court is given. */
    publicKey: string;
    /** Written by earlier versions; unsigned, so never read as the signer's identity. */
    publicKeyFingerprint?: string;
    signature: string;
  };
  /** RFC 3161 token (CMS, DER, base64) over datapackage.json; absent when no TSA is configured. */
  timestamp?: { tsaUrl: string; token: string };
}

export interface SealOptions {
  privateKey: KeyObject;
  tsaUrl?: string;
  tsaTimeoutMs?: number;
  fetch?: typeof fetch;
  title: string;
  now?: Date;
}

export function pagesJsonl(pages: PackagedWarc['pages']): string {
  const lines = [JSON.stringify({ format: 'json-pages-1.0', id: 'pages', title: 'All Pages' })];
  for (const p of pages) lines.push(JSON.stringify({ id: p.id, url: p.url, ts: p.ts, title: p.title ?? '' }));
  return `${lines.join('\n')}\n`;
}

/** The files of the WACZ other than the two datapackage files, in the order they are written. */
export function contentEntries(pkg: PackagedWarc): ZipEntry[] {
  return [
    { name: WARC_PATH, data: pkg.warc },
    { name: CDXJ_PATH, data: Buffer.from(buildCdxj(pkg.records, 'data.warc')) },
    { name: PAGES_PATH, data: Buffer.from(pagesJsonl(pkg.pages)) },
    { name: MANIFEST_PATH, data: Buffer.from(`${JSON.stringify(pkg.manifest, null, 2)}\n`) },
  ];
}

export async function sealWacz(
  pkg: PackagedWarc,
  options: SealOptions,
): Promise<{ bytes: Buffer; sha256: string; digest: DatapackageDigest }> {
  const created = (options.now ?? new Date()).toISOString();
  const software = `Phénix ${pkg.manifest.tool.version}`;
  const entries = contentEntries(pkg);
  const first = pkg.pages[0];
  const datapackage: DataPackage = {
    profile: 'data-package',
    wacz_version: WACZ_VERSION,
    title: options.title,
    created,
    software,
    ...(first ? { mainPageUrl: first.url, mainPageDate: first.ts } : {}),
    resources: entries.map((e) => ({
      name: e.name.split('/').pop() ?? e.name,
      path: e.name,
      hash: `sha256:${sha256Hex(e.data)}`,
      bytes: e.data.length,
    })),
  };
  const datapackageBytes = Buffer.from(`${JSON.stringify(datapackage, null, 2)}\n`);
  const hash = `sha256:${sha256Hex(datapackageBytes)}`;
  const digest: DatapackageDigest = {
    path: 'datapackage.json',
    hash,
    signedData: {
      hash,
      created,
      software,
      signatureAlgorithm: signatureAlgorithm(options.privateKey),
      publicKey: publicKeySpkiBase64(options.privateKey),
      signature: signDigest(options.privateKey, hash),
    },
  };
  if (options.tsaUrl) {
    const token = await requestTimestamp(datapackageBytes, {
      tsaUrl: options.tsaUrl,
      timeoutMs: options.tsaTimeoutMs,
      fetch: options.fetch,
    });
    digest.timestamp = { tsaUrl: options.tsaUrl, token: token.toString('base64') };
  }
  const bytes = writeStoredZip([
    ...entries,
    { name: 'datapackage.json', data: datapackageBytes },
    { name: 'datapackage-digest.json', data: Buffer.from(`${JSON.stringify(digest, null, 2)}\n`) },
  ]);
  return { bytes, sha256: sha256Hex(bytes), digest };
}
