/**
 * Renewal of a package's trusted time, in the manner of RFC 4998 (Evidence Record Syntax): before the TSA
 * certificate of the newest timestamp expires (or its algorithms weaken), a new timestamp is asked over the
 * package's digest and the previous timestamp token. Each link of this archive timestamp chain thus covers the
 * one before it, down to the original token over datapackage.json. The chain lives in one more file,
 * `phenix/evidence-record.json`, added after datapackage-digest.json: datapackage.json is signed and cannot list
 * it, and needs not: every link is bound to the signed digest and checked by `phenix evidence verify`.
 *
 * Not the ASN.1 EvidenceRecord of RFC 4998 itself (no reduced hash trees: one package, one leaf); the text each
 * renewal stamps is given below so that anyone can recompute it with `sha256sum` and check it with `openssl ts`.
 */
import { createHash } from 'node:crypto';
import { requestTimestamp } from '../timestamp.ts';
import type { DatapackageDigest } from './wacz.ts';
import { readStoredZip, writeStoredZip, type ZipEntry } from './zip.ts';

export const EVIDENCE_RECORD_PATH = 'phenix/evidence-record.json';
export const EVIDENCE_RECORD_FORMAT = 'phenix-evidence-record/1';

export interface Renewal {
  /** When renewal was asked (the unit's clock); the trusted time is the token's own genTime. */
  renewedAt: string;
  tsaUrl: string;
  /** `sha256:<hex>` of the previous token (DER): the original one for the first renewal. */
  previousToken: string;
  /** RFC 3161 token (CMS, DER, base64) over `renewalText(packageHash, previousToken)`. */
  token: string;
}

export interface EvidenceRecord {
  format: typeof EVIDENCE_RECORD_FORMAT;
  about: string;
  /** `sha256:<hex>` of datapackage.json: the digest the unit signed and the first timestamp stamps. */
  packageHash: string;
  renewals: Renewal[];
}

/** A package cannot be renewed as it is (not a package, no timestamp to extend). */
export class RenewalError extends Error {
  override readonly name = 'RenewalError';
}

const ABOUT =
  'Archive timestamp chain (RFC 4998 style). Renewal n stamps the UTF-8 text ' +
  '"phenix-archive-timestamp/1\\npackage <packageHash>\\nprevious-timestamp <previousToken>\\n", where previousToken ' +
  'is the SHA-256 of the DER token before it (renewal 1: the token of datapackage-digest.json). Each link covers the ' +
  'one before; the newest must be valid today, each older one was valid when the next was made.';

export function renewalText(packageHash: string, previousToken: string): Buffer {
  return Buffer.from(`phenix-archive-timestamp/1\npackage ${packageHash}\nprevious-timestamp ${previousToken}\n`);
}

export const tokenDigest = (token: Uint8Array) => `sha256:${createHash('sha256').update(token).digest('hex')}`;

export interface RenewOptions {
  tsaUrl: string;
  tsaTimeoutMs?: number;
  fetch?: typeof fetch;
  now?: Date;
}

/** The package with one more link in its archive timestamp chain; every other byte of its entries unchanged. */
export async function renewPackage(
  file: Buffer,
  options: RenewOptions,
): Promise<{ bytes: Buffer; record: EvidenceRecord }> {
  let entries: ZipEntry[];
  try {
    entries = readStoredZip(file);
  } catch (error) {
    throw new RenewalError(`This is not a Phénix package as written: ${(error as Error).message}`);
  }
  const digestEntry = entries.find((e) => e.name === 'datapackage-digest.json');
  let digest: DatapackageDigest;
  try {
    digest = JSON.parse(digestEntry?.data.toString('utf8') ?? '') as DatapackageDigest;
  } catch {
    throw new RenewalError('The package has no readable datapackage-digest.json');
  }
  if (!digest.timestamp?.token) {
    throw new RenewalError(
      'The package carries no timestamp to renew (it was made without a TSA); make a new package with evidence.tsaUrl set',
    );
  }
  const existing = entries.find((e) => e.name === EVIDENCE_RECORD_PATH);
  const record: EvidenceRecord = existing
    ? (JSON.parse(existing.data.toString('utf8')) as EvidenceRecord)
    : { format: EVIDENCE_RECORD_FORMAT, about: ABOUT, packageHash: digest.hash, renewals: [] };
  const last = record.renewals.at(-1)?.token ?? digest.timestamp.token;
  const previousToken = tokenDigest(Buffer.from(last, 'base64'));
  const token = await requestTimestamp(renewalText(record.packageHash, previousToken), {
    tsaUrl: options.tsaUrl,
    timeoutMs: options.tsaTimeoutMs,
    fetch: options.fetch,
  });
  record.renewals.push({
    renewedAt: (options.now ?? new Date()).toISOString(),
    tsaUrl: options.tsaUrl,
    previousToken,
    token: token.toString('base64'),
  });
  const data = Buffer.from(`${JSON.stringify(record, null, 2)}\n`);
  const kept = entries.filter((e) => e.name !== EVIDENCE_RECORD_PATH);
  return { bytes: writeStoredZip([...kept, { name: EVIDENCE_RECORD_PATH, data }]), record };
}
