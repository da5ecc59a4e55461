/**
 * Re-checks an evidence package: every record's block digest, every payload digest, and every file the
 * manifest lists (present, same SHA-256, same size); records the manifest does not list are reported too.
 */
import { createHash } from 'node:crypto';
import { type EvidenceManifest, MANIFEST_URI_PREFIX } from './evidence-package.ts';
import { digestToHex, parseWarc, UnreadableWarcError } from './records.ts';

export interface VerifyReport {
  ok: boolean;
  records: number;
  filesChecked: number;
  alertId: number | null;
  problems: string[];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function verifyEvidencePackage(file: Buffer): VerifyReport {
  const problems: string[] = [];
  let records: ReturnType<typeof parseWarc>;
  try {
    records = parseWarc(file);
  } catch (error) {
    if (error instanceof UnreadableWarcError) {
      return { ok: false, records: 0, filesChecked: 0, alertId: null, problems: [error.message] };
    }
    throw error;
  }
  const byId = new Map<string, { index: number; hex: string; size: number }>();
  records.forEach((r, i) => {
    const id = r.headers['WARC-Record-ID'] ?? `(record ${i + 1})`;
    const hex = sha256(r.block);
    byId.set(id, { index: i, hex, size: r.block.length });
    const block = digestToHex(r.headers['WARC-Block-Digest']);
    if (!block) problems.push(`record ${i + 1} ${id}: no SHA-256 block digest`);
    else if (block !== hex) problems.push(`record ${i + 1} ${id}: content does not match its block digest`);
    if (r.headers['WARC-Payload-Digest']) {
      const payload = digestToHex(r.headers['WARC-Payload-Digest']);
      if (payload !== hex) problems.push(`record ${i + 1} ${id}: content does not match its payload digest`);
    }
  });
  const manifests = records.filter((r) => r.headers['WARC-Target-URI']?.startsWith(MANIFEST_URI_PREFIX));
  if (manifests.length !== 1) {
    problems.push(manifests.length ? 'the package holds more than one manifest' : 'the package has no manifest');
    return { ok: false, records: records.length, filesChecked: 0, alertId: null, problems };
  }
  let manifest: EvidenceManifest;
  try {
    manifest = JSON.parse(manifests[0].block.toString('utf8')) as EvidenceManifest;
  } catch {
    problems.push('the manifest is not valid JSON');
    return { ok: false, records: records.length, filesChecked: 0, alertId: null, problems };
  }
  const listed = new Set<string>();
  for (const f of manifest.files ?? []) {
    listed.add(f.recordId);
    const found = byId.get(f.recordId);
    if (!found) problems.push(`${f.kind} of ${f.url}: listed in the manifest but missing from the package`);
    else if (found.hex !== f.sha256)
      problems.push(`${f.kind} of ${f.url}: SHA-256 differs from the manifest (${f.sha256})`);
    else if (found.size !== f.size) problems.push(`${f.kind} of ${f.url}: size differs from the manifest`);
  }
  records.forEach((r, i) => {
    const id = r.headers['WARC-Record-ID'] ?? '';
    const type = r.headers['WARC-Type'];
    if (type === 'warcinfo' || r === manifests[0] || listed.has(id)) return;
    problems.push(`record ${i + 1} ${id} (${type}) is not listed in the manifest`);
  });
  return {
    ok: problems.length === 0,
    records: records.length,
    filesChecked: manifest.files?.length ?? 0,
    alertId: typeof manifest.alert?.id === 'number' ? manifest.alert.id : null,
    problems,
  };
}
