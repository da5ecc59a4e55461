/**
 * Evidence packages (WACZ, signed, timestamped by a local `openssl ts` TSA): a genuine package verifies and is read
 * back record by record by warcio; every forgery of the issue is rejected with its reason — a record with the
 * same WARC-Record-ID as a genuine one, a genuine record with Target-URI and Date changed, an extra warcinfo,
 * re-signing with another key, one flipped byte anywhere — including when an insider re-seals the forgery with the
 * unit's own key (the record-level checks stand on their own).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WARCParser } from 'warcio';
import { encodeExchanges } from '../../../crawler/network-record.ts';
import { listAudit } from '../../../db/index.ts';
import { captures } from '../../../db/schema/index.ts';
import {
  createEvidenceStore,
  createUnitKeys,
  EvidenceIntegrityError,
  type EvidenceManifest,
  loadPrivateKey,
  loadPublicKey,
  MANIFEST_PATH,
  PAGES_PATH,
  readStoredZip,
  sealWacz,
  type VerifyOptions,
  verifyEvidencePackage,
  WARC_PATH,
} from '../../../evidence/index.ts';
import { encodeRecord, parseWarc } from '../../../lib/warc.ts';
import { buildEvidencePackage, createReviewServer } from '../../../review/index.ts';
import { type LocalTsa, startLocalTsa } from '../../helpers/local-tsa.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

let f: ReviewFixture;
let tsa: LocalTsa;
let otherTsa: LocalTsa;
let keyDir: string;
let trust: VerifyOptions;
let genuine: Awaited<ReturnType<typeof build>>;

const key = () => loadPrivateKey(join(keyDir, 'unit.pem'));
const build = (tsaUrl: string | null = tsa.url) =>
  buildEvidencePackage({
    db: f.t.handle.db,
    evidenceDir: f.evidenceDir,
    alertId: f.seeded.alerts.clone,
    createdBy: 'analyste.dupont',
    signingKey: key(),
    tsaUrl: tsaUrl ?? undefined,
  });

beforeAll(async () => {
  f = await createReviewFixture();
  tsa = await startLocalTsa();
  otherTsa = await startLocalTsa();
  keyDir = mkdtempSync(join(tmpdir(), 'phenix-keys-'));
  createUnitKeys(join(keyDir, 'unit.pem'));
  createUnitKeys(join(keyDir, 'intruder.pem'));
  trust = { publicKey: loadPublicKey(join(keyDir, 'unit.pem.pub.pem')), tsaCaPem: tsa.caPem };
  // The candidate's home page gets its network records, as the crawler stores them (page, stylesheet, redirect).
  const store = createEvidenceStore({ dir: f.evidenceDir });
  const rows = await f.t.handle.db.select().from(captures);
  const home = rows.find((r) => r.finalUrl === 'http://maison-services2.test/');
  if (!home) throw new Error('fixture capture missing');
  const at = home.capturedAt;
  const warc = encodeExchanges([
    {
      url: 'http://maison-services2.test/',
      method: 'GET',
      startedAt: at,
      requestHeaders: [['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156']],
      requestBody: null,
      status: 200,
      statusText: 'OK',
      protocol: null,
      responseHeaders: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Set-Cookie', 'a=1'],
        ['Set-Cookie', 'b=2'],
      ],
      body: Buffer.from('<html><title>Maison Services</title><p>Plombier disponible 06 39 98 00 17</p></html>'),
    },
    {
      url: 'http://maison-services2.test/style.css',
      method: 'GET',
      startedAt: at,
      requestHeaders: [],
      requestBody: null,
      status: 200,
      statusText: 'OK',
      protocol: null,
      responseHeaders: [['Content-Type', 'text/css']],
      body: Buffer.from('body { color: #123456 }'),
    },
  ]);
  const stored = await store.put(warc);
  await f.t.handle.db
    .update(captures)
    .set({
      artifacts: [
        ...home.artifacts,
        { kind: 'warc', sha256: stored.sha256, size: stored.size, path: stored.path, mediaType: 'application/warc' },
      ],
    })
    .where(eq(captures.id, home.id));
  genuine = await build();
}, 60_000);
afterAll(async () => {
  await f?.close();
  await tsa?.close();
  await otherTsa?.close();
  if (keyDir) rmSync(keyDir, { recursive: true, force: true });
});

/** Re-seals a package whose WARC (and optionally manifest) an insider changed, with the given key. */
async function reseal(
  bytes: Buffer,
  change: (records: Buffer[], manifest: EvidenceManifest) => Buffer[],
  signWith = key(),
): Promise<Buffer> {
  const entries = new Map(readStoredZip(bytes).map((e) => [e.name, e.data]));
  const warcBytes = entries.get(WARC_PATH) as Buffer;
  const manifest = JSON.parse((entries.get(MANIFEST_PATH) as Buffer).toString()) as EvidenceManifest;
  const raw = parseWarc(warcBytes).map((r) => warcBytes.subarray(r.offset, r.offset + r.length));
  const warc = Buffer.concat(change(raw, manifest));
  const pages = (entries.get(PAGES_PATH) as Buffer)
    .toString()
    .split('\n')
    .filter(Boolean)
    .slice(1)
    .map((l) => JSON.parse(l));
  const sealed = await sealWacz(
    { warc, records: parseWarc(warc), manifest, pages },
    { privateKey: signWith, tsaUrl: tsa.url, title: 'x' },
  );
  return sealed.bytes;
}

const problemsOf = async (bytes: Buffer, options: Partial<VerifyOptions> = {}) => {
  const report = await verifyEvidencePackage(bytes, { ...trust, ...options });
  expect(report.ok).toBe(false);
  return [...report.problems, ...report.timeProblems].join('\n');
};

describe('a genuine package', () => {
  it('verifies: signature, timestamp, records, files; both sides and the network records are in it', async () => {
    const report = await verifyEvidencePackage(genuine.bytes, trust);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      alertId: f.seeded.alerts.clone,
      filesChecked: genuine.manifest.files.length,
    });
    expect(report.timestamp?.tsa).toContain('Test TSA');
    expect(genuine.timestamped).toBe(true);
    const m = genuine.manifest;
    expect(m.alert).toMatchObject({
      site: 'maison-services',
      candidate: 'maison-services2.test',
      caseRef: 'PJ-2026-017',
    });
    for (const side of ['monitored-site', 'candidate']) {
      const kinds = new Set(m.files.filter((x) => x.side === side).map((x) => x.kind));
      expect([...kinds].sort()).toEqual(['capture-record', 'headers', 'html', 'screenshot', 'text']);
    }
    expect(readStoredZip(genuine.bytes).map((e) => e.name)).toEqual([
      'archive/data.warc',
      'indexes/index.cdxj',
      'pages/pages.jsonl',
      'phenix/manifest.json',
      'datapackage.json',
      'datapackage-digest.json',
    ]);
  });

  it('is read back record by record by warcio, with the HTTP heads as received', async () => {
    const warc = readStoredZip(genuine.bytes).find((e) => e.name === WARC_PATH)?.data as Buffer;
    const parser = new WARCParser(
      (async function* () {
        yield new Uint8Array(warc);
      })(),
    );
    const seen: { type: string; id: string; status?: number; cookies?: string | null }[] = [];
    for await (const record of parser) {
      await record.readFully();
      seen.push({
        type: record.warcType ?? '',
        id: record.warcHeader('WARC-Record-ID') ?? '',
        status: record.httpHeaders ? Number(record.httpHeaders.statusCode) : undefined,
        cookies: record.warcType === 'response' ? (record.httpHeaders?.headers.get('set-cookie') ?? null) : undefined,
      });
    }
    expect(seen.map((r) => r.id)).toEqual(genuine.manifest.records.map((h) => h['WARC-Record-ID']));
    expect(seen[0].type).toBe('warcinfo');
    const responses = seen.filter((r) => r.type === 'response');
    expect(responses).toHaveLength(2);
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(responses[0].cookies).toContain('a=1'); // both Set-Cookie lines kept
    expect(seen.filter((r) => r.type === 'request')).toHaveLength(2);
    const cdxj =
      readStoredZip(genuine.bytes)
        .find((e) => e.name === 'indexes/index.cdxj')
        ?.data.toString() ?? '';
    expect(cdxj).toMatch(
      /^test,maison-services2\)\/style\.css \d{14} \{"url":"http:\/\/maison-services2\.test\/style\.css","mime":"text\/css","status":"200"/m,
    );
  });

  it.runIf(Boolean(spawnable('unzip')))('opens in an independent ZIP reader (unzip -t)', () => {
    const file = join(keyDir, 'genuine.wacz');
    writeFileSync(file, genuine.bytes);
    expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
  });
});

describe('the review page', () => {
  it('offers the signed package as a download, audited; without a unit key it says how to make one', async () => {
    const server = createReviewServer({
      db: f.t.handle.db,
      evidenceDir: f.evidenceDir,
      logger: pino({ level: 'silent' }),
      evidenceSigning: { signingKey: key(), tsaUrl: tsa.url },
    });
    const client = new TestClient(server);
    await client.loginAndGetCsrf();
    const page = await (await client.get(`/alerts/${f.seeded.alerts.clone}`)).text();
    expect(page).toContain(`/alerts/${f.seeded.alerts.clone}/evidence.wacz`);
    const res = await client.get(`/alerts/${f.seeded.alerts.clone}/evidence.wacz`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="phenix-alert-\d+\.wacz"/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect((await verifyEvidencePackage(bytes, trust)).problems).toEqual([]);
    const audit = await listAudit(f.t.handle.db, { subjectType: 'alert', subjectId: f.seeded.alerts.clone });
    expect(
      audit.some((a) => a.action === 'evidence.packaged' && (a.details as { via?: string }).via === 'review'),
    ).toBe(true);
    const unsigned = new TestClient(f.server);
    await unsigned.loginAndGetCsrf();
    const refused = await unsigned.get(`/alerts/${f.seeded.alerts.clone}/evidence.wacz`);
    expect(refused.status).toBe(503);
    expect(await refused.text()).toMatch(/phenix keys init/);
  });
});

describe('forgeries are rejected with their reason', () => {
  it('one flipped byte anywhere in the file', async () => {
    const n = 48;
    for (let i = 0; i < n; i++) {
      const at = Math.floor((i * (genuine.bytes.length - 1)) / (n - 1));
      const bytes = Buffer.from(genuine.bytes);
      bytes[at] ^= 0x01;
      const report = await verifyEvidencePackage(bytes, trust);
      expect(report.ok, `byte ${at} flipped`).toBe(false);
    }
  });

  it('a captured word changed, without and with the unit key re-sealing it', async () => {
    const bytes = Buffer.from(genuine.bytes);
    bytes[bytes.indexOf('Plombier disponible')] = 'p'.charCodeAt(0);
    expect(await problemsOf(bytes)).toMatch(/archive\/data\.warc does not match the SHA-256/);
    const resealed = await reseal(genuine.bytes, (records) =>
      records.map((r) => {
        const at = r.indexOf('Plombier disponible');
        if (at < 0) return r;
        const copy = Buffer.from(r);
        copy[at] = 'p'.charCodeAt(0);
        return copy;
      }),
    );
    expect(await problemsOf(resealed)).toMatch(/content does not match its (block|payload) digest/);
  });

  it('a forged record with the same WARC-Record-ID as a genuine one', async () => {
    const forge = (records: Buffer[]) => {
      const parsed = parseWarc(Buffer.concat(records));
      const i = parsed.findIndex((r) => r.headers['WARC-Type'] === 'response');
      const {
        'WARC-Type': type,
        'WARC-Date': _d,
        'WARC-Block-Digest': _b,
        'Content-Length': _l,
        'WARC-Payload-Digest': _p,
        ...rest
      } = parsed[i].headers;
      const fake = encodeRecord(
        type,
        rest,
        Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Autre texte</p>'),
        new Date(),
      );
      return [...records.slice(0, i + 1), fake, ...records.slice(i + 1)];
    };
    expect(await problemsOf(await reseal(genuine.bytes, forge))).toMatch(/the same WARC-Record-ID as record \d+/);
  });

  it('a genuine record whose Target-URI and Date were changed (its content digest still right)', async () => {
    const change = (records: Buffer[]) =>
      records.map((r) => {
        const head = r.subarray(0, r.indexOf('\r\n\r\n')).toString();
        if (!/WARC-Type: response/.test(head)) return r;
        return Buffer.from(
          r
            .toString('latin1')
            .replace(/WARC-Target-URI: http:\/\/maison-services2\.test\//, 'WARC-Target-URI: http://autre-site.test/')
            .replace(/WARC-Date: \d{4}/, 'WARC-Date: 2019'),
          'latin1',
        );
      });
    const problems = await problemsOf(await reseal(genuine.bytes, change));
    expect(problems).toMatch(
      /header differs from the manifest \((WARC-Date, WARC-Target-URI|WARC-Target-URI, WARC-Date)\)/,
    );
  });

  it('extra warcinfo records', async () => {
    const extra = encodeRecord(
      'warcinfo',
      { 'Content-Type': 'application/warc-fields' },
      Buffer.from('software: autre\r\n'),
      new Date(),
    );
    const problems = await problemsOf(await reseal(genuine.bytes, (records) => [...records, extra, extra]));
    expect(problems).toMatch(/holds 3 warcinfo records; exactly one is expected/);
    expect(problems).toMatch(/records added or removed/);
  });

  it('a removed record', async () => {
    const problems = await problemsOf(await reseal(genuine.bytes, (records) => records.filter((_, i) => i !== 3)));
    expect(problems).toMatch(/the manifest lists \d+ \(records added or removed\)/);
  });

  it('re-signing with another key (which the package then names)', async () => {
    const forged = await reseal(genuine.bytes, (records) => records, loadPrivateKey(join(keyDir, 'intruder.pem')));
    expect(await problemsOf(forged)).toMatch(/signed with another key \([0-9a-f]{64}\), not the unit's key/);
  });

  it('a timestamp from another TSA, a missing timestamp, and a timestamp of other content', async () => {
    expect(await problemsOf(genuine.bytes, { tsaCaPem: otherTsa.caPem })).toMatch(
      /does not chain to the TSA's CA|Validation of signer's certificate failed/,
    );
    const untimestamped = await build(null);
    expect((await verifyEvidencePackage(untimestamped.bytes, trust)).state).toBe('not-timestamped');
    expect((await verifyEvidencePackage(untimestamped.bytes, { ...trust, allowUntimestamped: true })).ok).toBe(true);
    // The token of one package moved onto another: its imprint names other bytes.
    const tokenOf = (b: Buffer) =>
      JSON.parse(
        readStoredZip(b)
          .find((e) => e.name === 'datapackage-digest.json')
          ?.data.toString() ?? '{}',
      ).timestamp;
    const other = await build();
    const entries = readStoredZip(other.bytes).map((e) => {
      if (e.name !== 'datapackage-digest.json') return e;
      const digest = JSON.parse(e.data.toString());
      digest.timestamp = tokenOf(genuine.bytes);
      return { name: e.name, data: Buffer.from(`${JSON.stringify(digest, null, 2)}\n`) };
    });
    const { writeStoredZip } = await import('../../../evidence/index.ts');
    expect(await problemsOf(writeStoredZip(entries))).toMatch(/imprint is not the digest of datapackage\.json/);
    expect(await problemsOf(writeStoredZip(entries))).toMatch(/does not stamp the digest the unit signed/);
  });

  it('refuses to package a file that was altered in the evidence store', async () => {
    const store = createEvidenceStore({ dir: f.evidenceDir });
    const text = genuine.manifest.files.find((x) => x.kind === 'text' && x.side === 'candidate');
    if (!text) throw new Error('no text file');
    const file = store.absolutePath(text.sha256);
    chmodSync(file, 0o644);
    writeFileSync(file, 'altered');
    await expect(build()).rejects.toBeInstanceOf(EvidenceIntegrityError);
  });
});

function spawnable(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}
