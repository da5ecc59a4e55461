/**
 * Strict, offline check of a WACZ evidence package. It fails on any single changed byte and says why:
 *  - the ZIP is exactly what Phénix writes of its entries, and holds exactly the expected files;
 *  - datapackage.json has the digest that was signed with the key the court trusts, and timestamped (RFC 3161:
 *    imprint, CMS signature, TSA certificate usage and validity, chain when the TSA's CA is given);
 *  - every file has the SHA-256 and size datapackage.json lists;
 *  - in the WARC: exactly one warcinfo (first), no repeated record id, every block and payload digest right, every
 *    record header equal to the one in the manifest, no record added or removed;
 *  - the CDXJ index is the one the WARC makes, pages and listed files point at records that exist.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { digestToHex, parseWarc, splitHttpBlock, type WarcRecord } from '../../lib/warc.ts';
import { publicKeyFingerprint, publicKeyFromText, verifyDigestSignature } from '../sign.ts';
import type { EvidenceManifest } from './build.ts';
import { buildCdxj } from './cdxj.ts';
import { EVIDENCE_RECORD_PATH, type EvidenceRecord } from './renew.ts';
import { checkTrustedTime, type TimeReport } from './trusted-time.ts';
import { CDXJ_PATH, type DataPackage, type DatapackageDigest, MANIFEST_PATH, PAGES_PATH, WARC_PATH } from './wacz.ts';
import { readStoredZipLoosely, type ZipEntry } from './zip.ts';

export interface VerifyOptions {
  /** The unit's public key as the court holds it: the only key whose signature is accepted. */
  publicKey: KeyObject;
  /** The TSA's CA certificate(s) (PEM) as the court holds them; without it the time is not trusted. */
  tsaCaPem?: string;
  /** Accept a package without a timestamp (one made where no TSA was configured). */
  allowUntimestamped?: boolean;
  /** Accept a timestamp whose TSA could not be checked (no CA given, or its chain fails). */
  allowUntrustedTime?: boolean;
  /** The verifier's clock: the newest timestamp must be valid then. Default: now. */
  now?: Date;
}

/**
 * What the package is, in four words an analyst and a court read the same way:
 *  - verified: intact, signed with the trusted key, time trusted (chained to the given TSA CA);
 *  - not-timestamped: intact and signed, but it carries no timestamp (a missing element, not an alteration);
 *  - untrusted-time: intact and signed, but its timestamp could not be tied to a trusted TSA, or no longer holds;
 *  - altered: something differs from what was signed (or the signature is not the unit's): `problems` says what.
 */
export type PackageState = 'verified' | 'not-timestamped' | 'untrusted-time' | 'altered';

export interface VerifyReport {
  state: PackageState;
  /** The state is verified, or one the caller accepted (allowUntimestamped, allowUntrustedTime). */
  ok: boolean;
  /** What was altered (empty unless the state is altered). */
  problems: string[];
  /** Why the time is not trusted. */
  timeProblems: string[];
  records: number;
  filesChecked: number;
  alertId: number | null;
  /** Fingerprint of the key whose signature verified (the trusted key); null when it did not verify. */
  signerFingerprint: string | null;
  timestamp: { genTime: string; tsa: string | null; certificateNotAfter: string | null } | null;
  /** Renewals of the timestamp (phenix evidence renew), oldest first. */
  renewals: { genTime: string; tsa: string | null; certificateNotAfter: string | null }[];
}

const EXPECTED_FILES = [WARC_PATH, CDXJ_PATH, PAGES_PATH, MANIFEST_PATH, 'datapackage.json', 'datapackage-digest.json'];
const RENEWED_FILES = [...EXPECTED_FILES, EVIDENCE_RECORD_PATH];
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function parseJson<T>(entry: ZipEntry | undefined, problems: string[]): T | null {
  if (!entry) return null;
  try {
    return JSON.parse(entry.data.toString('utf8')) as T;
  } catch {
    problems.push(`${entry.name} is not valid JSON`);
    return null;
  }
}

export async function verifyEvidencePackage(file: Buffer, options: VerifyOptions): Promise<VerifyReport> {
  const report: VerifyReport = {
    state: 'altered',
    ok: false,
    problems: [],
    timeProblems: [],
    records: 0,
    filesChecked: 0,
    alertId: null,
    signerFingerprint: null,
    timestamp: null,
    renewals: [],
  };
  const problems = report.problems;
  let entries: ZipEntry[];
  try {
    const read = readStoredZipLoosely(file);
    entries = read.entries;
    if (read.problem) problems.push(read.problem);
  } catch (error) {
    problems.push((error as Error).message);
    return report;
  }
  const names = entries.map((e) => e.name);
  if (!isDeepStrictEqual(names, EXPECTED_FILES) && !isDeepStrictEqual(names, RENEWED_FILES)) {
    const added = names.filter((n) => !EXPECTED_FILES.includes(n));
    const missing = EXPECTED_FILES.filter((n) => !names.includes(n));
    problems.push(
      `the package does not hold exactly the expected files${added.length ? `; added: ${added.join(', ')}` : ''}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${!added.length && !missing.length ? ' (repeated or reordered)' : ''}`,
    );
    return report;
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const datapackageBytes = byName.get('datapackage.json')?.data ?? Buffer.alloc(0);
  const digest = parseJson<DatapackageDigest>(byName.get('datapackage-digest.json'), problems);
  checkSeal(datapackageBytes, digest, options, report);
  const record = parseJson<EvidenceRecord>(byName.get(EVIDENCE_RECORD_PATH), problems);
  const time = digest
    ? await checkTrustedTime(digest, datapackageBytes, record, { tsaCaPem: options.tsaCaPem, now: options.now })
    : null;

  const datapackage = parseJson<DataPackage>(byName.get('datapackage.json'), problems);
  const listed = new Map((datapackage?.resources ?? []).map((r) => [r.path, r]));
  if (datapackage && listed.size !== datapackage.resources.length) problems.push('datapackage.json lists a file twice');
  for (const name of EXPECTED_FILES.slice(0, 4)) {
    const entry = byName.get(name) as ZipEntry;
    const resource = listed.get(name);
    if (!resource) problems.push(`${name} is not listed in datapackage.json`);
    else if (resource.hash !== `sha256:${sha256(entry.data)}` || resource.bytes !== entry.data.length) {
      problems.push(`${name} does not match the SHA-256 and size listed in datapackage.json`);
    }
  }
  for (const path of listed.keys()) {
    if (!EXPECTED_FILES.slice(0, 4).includes(path))
      problems.push(`datapackage.json lists ${path}, which is not in the package`);
  }

  const manifest = parseJson<EvidenceManifest>(byName.get(MANIFEST_PATH), problems);
  report.alertId = typeof manifest?.alert?.id === 'number' ? manifest.alert.id : null;
  let records: WarcRecord[];
  try {
    records = parseWarc((byName.get(WARC_PATH) as ZipEntry).data);
  } catch (error) {
    problems.push(`${WARC_PATH}: ${(error as Error).message}`);
    report.ok = false;
    return report;
  }
  report.records = records.length;
  checkRecords(records, manifest, problems);
  const cdxj = (byName.get(CDXJ_PATH) as ZipEntry).data.toString('utf8');
  if (buildCdxj(records, 'data.warc') !== cdxj && buildCdxj(records, 'data.warc', true) !== cdxj) {
    problems.push(`${CDXJ_PATH} is not the index of ${WARC_PATH}`);
  }
  checkPages((byName.get(PAGES_PATH) as ZipEntry).data.toString('utf8'), records, problems);
  report.filesChecked = checkFiles(records, manifest, problems);
  return settle(report, time, options);
}

function settle(report: VerifyReport, time: TimeReport | null, options: VerifyOptions): VerifyReport {
  const [first, ...renewals] = time?.links ?? [];
  report.timestamp = first ?? null;
  report.renewals = renewals;
  report.timeProblems = time?.problems ?? [];
  if (report.problems.length) report.state = 'altered';
  else if (!time || time.state === 'none') report.state = 'not-timestamped';
  else report.state = time.state === 'trusted' ? 'verified' : 'untrusted-time';
  report.ok =
    report.state === 'verified' ||
    (report.state === 'not-timestamped' && Boolean(options.allowUntimestamped)) ||
    (report.state === 'untrusted-time' && Boolean(options.allowUntrustedTime));
  return report;
}

/** The signature: the digest is datapackage.json's, and the trusted key (and only it) signed it. */
function checkSeal(
  datapackage: Buffer,
  digest: DatapackageDigest | null,
  options: VerifyOptions,
  report: VerifyReport,
): void {
  const problems = report.problems;
  if (!digest) {
    problems.push('datapackage-digest.json is missing or unreadable: the package carries no signature');
    return;
  }
  const hash = `sha256:${sha256(datapackage)}`;
  if (digest.hash !== hash || digest.signedData?.hash !== hash) {
    problems.push('datapackage.json does not match the digest that was signed (datapackage-digest.json)');
  }
  const trusted = publicKeyFingerprint(options.publicKey);
  const signedHash = digest.signedData?.hash ?? '';
  const signature = digest.signedData?.signature ?? '';
  if (verifyDigestSignature(options.publicKey, signedHash, signature)) {
    // The key that verified, never the package's own (unsigned) claim of who signed it.
    report.signerFingerprint = trusted;
    return;
  }
  const carried = publicKeyFromText(digest.signedData?.publicKey ?? '');
  problems.push(
    carried && verifyDigestSignature(carried, signedHash, signature)
      ? `the package was signed with another key (${publicKeyFingerprint(carried)}), not the unit's key (${trusted})`
      : `the signature does not verify with the unit's key (${trusted})`,
  );
}

function checkRecords(records: WarcRecord[], manifest: EvidenceManifest | null, problems: string[]): void {
  const ids = new Map<string, number>();
  const warcinfo = records.filter((r) => r.headers['WARC-Type'] === 'warcinfo').length;
  if (warcinfo !== 1) problems.push(`${WARC_PATH} holds ${warcinfo} warcinfo records; exactly one is expected`);
  else if (records[0]?.headers['WARC-Type'] !== 'warcinfo')
    problems.push('the warcinfo record is not the first record');
  records.forEach((r, i) => {
    const id = r.headers['WARC-Record-ID'] ?? '';
    const where = `record ${i + 1} ${id}`;
    if (!id) problems.push(`record ${i + 1} has no WARC-Record-ID`);
    else if (ids.has(id))
      problems.push(`${where}: the same WARC-Record-ID as record ${ids.get(id)} (a forged record?)`);
    else ids.set(id, i + 1);
    if (r.repeatedFields.length) problems.push(`${where}: header field(s) repeated: ${r.repeatedFields.join(', ')}`);
    const block = digestToHex(r.headers['WARC-Block-Digest']);
    if (!block) problems.push(`${where}: no SHA-256 block digest`);
    else if (block !== sha256(r.block)) problems.push(`${where}: content does not match its block digest`);
    if (r.headers['WARC-Payload-Digest']) {
      const payload =
        r.headers['WARC-Type'] === 'response' || r.headers['WARC-Type'] === 'request'
          ? splitHttpBlock(r.block)?.payload
          : r.block;
      if (!payload || digestToHex(r.headers['WARC-Payload-Digest']) !== sha256(payload)) {
        problems.push(`${where}: content does not match its payload digest`);
      }
    }
  });
  if (!manifest) return;
  const expected = manifest.records ?? [];
  if (expected.length !== records.length) {
    problems.push(
      `${WARC_PATH} holds ${records.length} records; the manifest lists ${expected.length} (records added or removed)`,
    );
  }
  records.forEach((r, i) => {
    if (i < expected.length && !isDeepStrictEqual(r.headers, expected[i])) {
      const changed = [...new Set([...Object.keys(r.headers), ...Object.keys(expected[i] ?? {})])].filter(
        (k) => r.headers[k] !== expected[i]?.[k],
      );
      problems.push(
        `record ${i + 1} ${r.headers['WARC-Record-ID'] ?? ''}: header differs from the manifest (${changed.join(', ') || 'field order'})`,
      );
    }
  });
}

function checkPages(text: string, records: WarcRecord[], problems: string[]): void {
  const byId = new Map(records.map((r) => [r.headers['WARC-Record-ID'], r]));
  const lines = text.split('\n').filter(Boolean);
  lines.slice(1).forEach((line, i) => {
    let page: { id?: string; url?: string };
    try {
      page = JSON.parse(line);
    } catch {
      problems.push(`${PAGES_PATH} line ${i + 2} is not valid JSON`);
      return;
    }
    if (byId.get(page.id ?? '')?.headers['WARC-Target-URI'] !== page.url) {
      problems.push(`${PAGES_PATH} line ${i + 2}: ${page.url} is not a captured page of the package`);
    }
  });
}

function checkFiles(records: WarcRecord[], manifest: EvidenceManifest | null, problems: string[]): number {
  const byId = new Map(records.map((r) => [r.headers['WARC-Record-ID'], r]));
  for (const f of manifest?.files ?? []) {
    const found = byId.get(f.recordId);
    if (!found) problems.push(`${f.kind} of ${f.url}: listed in the manifest but missing from the package`);
    else if (sha256(found.block) !== f.sha256)
      problems.push(`${f.kind} of ${f.url}: SHA-256 differs from the manifest (${f.sha256})`);
    else if (found.block.length !== f.size) problems.push(`${f.kind} of ${f.url}: size differs from the manifest`);
  }
  return manifest?.files?.length ?? 0;
}
