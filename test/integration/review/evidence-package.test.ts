/**
 * Evidence packages: a WARC/1.1 file with both sides' captures and a SHA-256 manifest; verify passes on the
 * file as written (plain and gzip per record) and reports any altered, removed or added record.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../../../evidence/index.ts';
import { buildEvidencePackage, EvidenceIntegrityError, verifyEvidencePackage } from '../../../review/index.ts';
import { encodeRecord, parseWarc } from '../../../review/warc/records.ts';
import { createReviewFixture, type ReviewFixture } from './review-fixture.ts';

let f: ReviewFixture;
beforeAll(async () => {
  f = await createReviewFixture();
});
afterAll(async () => {
  await f?.close();
});

const build = (gzip = false) =>
  buildEvidencePackage({
    db: f.t.handle.db,
    evidenceDir: f.evidenceDir,
    alertId: f.seeded.alerts.clone,
    createdBy: 'analyste.dupont',
    gzip,
  });

describe('evidence package', () => {
  it('holds both sides’ HTML, text, headers and screenshots, a capture record each, and the manifest', async () => {
    const pkg = await build();
    const records = parseWarc(pkg.bytes);
    expect(records[0].headers['WARC-Type']).toBe('warcinfo');
    expect(pkg.bytes.subarray(0, 10).toString()).toBe('WARC/1.1\r\n');
    const m = pkg.manifest;
    expect(m.tool).toEqual({ name: 'phenix', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(m.alert.explanation.length).toBeGreaterThan(0);
    expect(m.alert).toMatchObject({
      site: 'maison-services',
      candidate: 'maison-services2.test',
      caseRef: 'PJ-2026-017',
    });
    for (const side of ['monitored-site', 'candidate']) {
      const kinds = new Set(m.files.filter((x) => x.side === side).map((x) => x.kind));
      expect([...kinds].sort()).toEqual(['capture-record', 'headers', 'html', 'screenshot', 'text']);
    }
    expect(m.files.every((x) => /^[0-9a-f]{64}$/.test(x.sha256) && !Number.isNaN(Date.parse(x.capturedAt)))).toBe(true);
    const html = records.find(
      (r) => r.headers['WARC-Type'] === 'resource' && r.headers['Content-Type'] === 'text/html',
    );
    expect(html?.headers['WARC-Target-URI']).toMatch(/^http:\/\//);
    expect(html?.headers['WARC-Payload-Digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(html?.headers['WARC-Block-Digest']).toMatch(/^sha256:[A-Z2-7]{52}$/);
    // the redirect that led to the clone is in its capture record
    const captureRecords = records.filter(
      (r) => r.headers['WARC-Type'] === 'metadata' && r.headers['WARC-Concurrent-To'] === undefined,
    );
    expect(captureRecords.some((r) => r.block.toString().includes('"status": 301'))).toBe(true);
    const report = verifyEvidencePackage(pkg.bytes);
    expect(report).toMatchObject({
      ok: true,
      problems: [],
      alertId: f.seeded.alerts.clone,
      filesChecked: m.files.length,
    });
  });

  it('verifies a gzip-per-record package, whose members each hold one record', async () => {
    const pkg = await build(true);
    expect(pkg.bytes[0]).toBe(0x1f);
    expect(verifyEvidencePackage(pkg.bytes).ok).toBe(true);
    const first = gunzipSync(pkg.bytes); // all members
    expect(first.subarray(0, 8).toString()).toBe('WARC/1.1');
  });

  it('reports a single altered byte in a captured file', async () => {
    const pkg = await build();
    const bytes = Buffer.from(pkg.bytes);
    const at = bytes.indexOf('Plombier disponible');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'p'.charCodeAt(0);
    const report = verifyEvidencePackage(bytes);
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toMatch(/does not match its block digest/);
    expect(report.problems.join('\n')).toMatch(/SHA-256 differs from the manifest/);
  });

  it('reports a file whose record was rewritten with a fresh digest (the manifest still disagrees)', async () => {
    const pkg = await build();
    const records = parseWarc(pkg.bytes);
    const i = records.findIndex((r) => r.headers['Content-Type'] === 'text/plain');
    const forged = records.map((r, j) => {
      const block = j === i ? Buffer.from('a different text') : r.block;
      const {
        'WARC-Type': type,
        'WARC-Date': _d,
        'WARC-Block-Digest': _b,
        'Content-Length': _l,
        'WARC-Payload-Digest': _p,
        ...rest
      } = r.headers;
      return encodeRecord(type, rest, block, new Date());
    });
    const report = verifyEvidencePackage(Buffer.concat(forged));
    expect(report.ok).toBe(false);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/^text of http:\/\/.*SHA-256 differs from the manifest/);
  });

  it('reports a removed record, an added record, a truncated file and a damaged gzip', async () => {
    const pkg = await build();
    const records = parseWarc(pkg.bytes);
    const encoded = records.map((r) => {
      const { 'WARC-Type': type, 'WARC-Date': _d, 'WARC-Block-Digest': _b, 'Content-Length': _l, ...rest } = r.headers;
      return encodeRecord(type, rest, r.block, new Date());
    });
    const removed = verifyEvidencePackage(Buffer.concat(encoded.filter((_, i) => i !== 2)));
    expect(removed.problems.join('\n')).toMatch(/missing from the package/);
    const added = verifyEvidencePackage(
      Buffer.concat([
        ...encoded,
        encodeRecord('resource', { 'WARC-Target-URI': 'http://x.test/' }, Buffer.from('extra'), new Date()),
      ]),
    );
    expect(added.problems.join('\n')).toMatch(/is not listed in the manifest/);
    expect(verifyEvidencePackage(pkg.bytes.subarray(0, pkg.bytes.length - 100)).ok).toBe(false);
    const gz = Buffer.from((await build(true)).bytes);
    gz[Math.floor(gz.length / 2)] ^= 0xff;
    const damaged = verifyEvidencePackage(gz);
    expect(damaged.ok).toBe(false);
  });

  it('refuses to package a file that was altered in the evidence store', async () => {
    const store = createEvidenceStore({ dir: f.evidenceDir });
    const pkg = await build();
    const text = pkg.manifest.files.find((x) => x.kind === 'text' && x.side === 'candidate');
    if (!text) throw new Error('no text file');
    const file = store.absolutePath(text.sha256);
    chmodSync(file, 0o644);
    writeFileSync(file, 'altered');
    await expect(build()).rejects.toBeInstanceOf(EvidenceIntegrityError);
  });
});
