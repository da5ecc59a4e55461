/**
 * The time of a package, against local `openssl ts` TSAs: a forged TSA (a well-known name, a CA of its own) is never
 * trusted with the unit's public key alone; the signer printed is the key that verified, not the package's claim;
 * a package without a timestamp is "not timestamped", not altered; and a package whose TSA certificate has since
 * expired still verifies after `renew` (archive timestamp chain), at a simulated later date.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPackageWarc,
  createEvidenceStore,
  createUnitKeys,
  EVIDENCE_RECORD_PATH,
  loadPrivateKey,
  loadPublicKey,
  publicKeyFingerprint,
  readStoredZip,
  renewPackage,
  sealWacz,
  verifyEvidencePackage,
  writeStoredZip,
} from '../../../evidence/index.ts';
import { runPhenixHere } from '../../helpers/cli.ts';
import { type LocalTsa, startLocalTsa } from '../../helpers/local-tsa.ts';

let dir: string;
let trusted: LocalTsa;
let forger: LocalTsa;
let shortLived: LocalTsa;
const DAY = 86_400_000;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'phenix-time-'));
  mkdirSync(join(dir, 'store'));
  createUnitKeys(join(dir, 'unit.pem'));
  trusted = await startLocalTsa();
  forger = await startLocalTsa({ subject: '/CN=DigiCert SHA256 RSA4096 Timestamp Responder 2025 1/O=DigiCert, Inc.' });
  shortLived = await startLocalTsa({ subject: '/CN=Short-lived TSA/O=Phenix tests', days: 1 });
}, 60_000);
afterAll(async () => {
  await Promise.all([trusted?.close(), forger?.close(), shortLived?.close()]);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const publicKey = () => loadPublicKey(join(dir, 'unit.pem.pub.pem'));

async function makePackage(tsaUrl?: string): Promise<Buffer> {
  const pkg = await buildPackageWarc(createEvidenceStore({ dir: join(dir, 'store') }), {
    description: 'alert 7 (plomberie-durand2.test against plomberie-durand)',
    createdBy: 'analyste.dupont',
    alert: { id: 7, explanation: ['same phone number 06 39 98 42 08'] },
    captures: [
      {
        side: 'candidate',
        domain: 'plomberie-durand2.test',
        id: 1,
        runId: 'run-1',
        requestedUrl: 'http://plomberie-durand2.test/',
        finalUrl: 'http://plomberie-durand2.test/',
        status: 200,
        redirectChain: [],
        headers: {},
        mode: 'http',
        title: 'Plomberie Durand',
        capturedAt: new Date(),
        imported: false,
        truncated: false,
        artifacts: [],
      },
    ],
  });
  const sealed = await sealWacz(pkg, { privateKey: loadPrivateKey(join(dir, 'unit.pem')), tsaUrl, title: 't' });
  return sealed.bytes;
}

function editDigest(bytes: Buffer, edit: (digest: Record<string, unknown>) => void): Buffer {
  return writeStoredZip(
    readStoredZip(bytes).map((e) => {
      if (e.name !== 'datapackage-digest.json') return e;
      const digest = JSON.parse(e.data.toString());
      edit(digest);
      return { name: e.name, data: Buffer.from(`${JSON.stringify(digest, null, 2)}\n`) };
    }),
  );
}

describe('a forged TSA', () => {
  it('is not trusted with the public key alone, nor against the trusted CA', async () => {
    const forged = await makePackage(forger.url);
    const alone = await verifyEvidencePackage(forged, { publicKey: publicKey() });
    expect(alone.ok).toBe(false);
    expect(alone.state).toBe('untrusted-time');
    expect(alone.problems).toEqual([]); // nothing altered: the time is what cannot be relied on
    expect(alone.timeProblems.join('\n')).toMatch(/no trusted TSA certificate given/);
    const against = await verifyEvidencePackage(forged, { publicKey: publicKey(), tsaCaPem: trusted.caPem });
    expect(against.state).toBe('untrusted-time');
    expect(against.timeProblems.join('\n')).toMatch(/does not chain|Validation of signer's certificate failed/);
    // Accepted only when the verifier says so explicitly.
    const accepted = await verifyEvidencePackage(forged, { publicKey: publicKey(), allowUntrustedTime: true });
    expect(accepted.ok).toBe(true);
  });

  it('a genuine token on a package whose signed digest it does not stamp is not trusted', async () => {
    const a = await makePackage(trusted.url);
    const b = await makePackage(trusted.url);
    const tokenOfA = JSON.parse(
      readStoredZip(a)
        .find((e) => e.name === 'datapackage-digest.json')
        ?.data.toString() ?? '{}',
    ).timestamp;
    const moved = editDigest(b, (d) => {
      d.timestamp = tokenOfA;
    });
    const report = await verifyEvidencePackage(moved, { publicKey: publicKey(), tsaCaPem: trusted.caPem });
    expect(report.state).toBe('untrusted-time');
    expect(report.timeProblems.join('\n')).toMatch(/does not stamp the digest the unit signed/);
  });
});

describe('what verify says', () => {
  it('prints the fingerprint of the key that verified, not the one the package claims', async () => {
    const bytes = editDigest(await makePackage(trusted.url), (d) => {
      (d.signedData as Record<string, unknown>).publicKeyFingerprint = 'f'.repeat(64);
    });
    const report = await verifyEvidencePackage(bytes, { publicKey: publicKey(), tsaCaPem: trusted.caPem });
    expect(report.state).toBe('verified');
    expect(report.signerFingerprint).toBe(publicKeyFingerprint(publicKey()));
  });

  it('an intact package made without a TSA is "not timestamped", never altered', async () => {
    const report = await verifyEvidencePackage(await makePackage(), { publicKey: publicKey() });
    expect(report).toMatchObject({ state: 'not-timestamped', ok: false, problems: [] });
    const allowed = await verifyEvidencePackage(await makePackage(), {
      publicKey: publicKey(),
      allowUntimestamped: true,
    });
    expect(allowed.ok).toBe(true);
  });
});

describe('renewal (archive timestamp chain)', () => {
  const bothCas = () => `${shortLived.caPem}\n${trusted.caPem}`;

  it('keeps a package verifiable after its TSA certificate expired', async () => {
    const original = await makePackage(shortLived.url);
    const later = new Date(Date.now() + 3 * DAY); // the short-lived TSA certificate has expired by then
    const trust = { publicKey: publicKey(), tsaCaPem: bothCas() };
    expect((await verifyEvidencePackage(original, trust)).state).toBe('verified');
    const lapsed = await verifyEvidencePackage(original, { ...trust, now: later });
    expect(lapsed.state).toBe('untrusted-time');
    expect(lapsed.timeProblems.join('\n')).toMatch(/expired on .* no later timestamp renews it/);

    const renewed = await renewPackage(original, { tsaUrl: trusted.url });
    expect(readStoredZip(renewed.bytes).map((e) => e.name)).toContain(EVIDENCE_RECORD_PATH);
    const report = await verifyEvidencePackage(renewed.bytes, { ...trust, now: later });
    expect(report.timeProblems).toEqual([]);
    expect(report.state).toBe('verified');
    expect(report.renewals).toHaveLength(1);
    expect(report.renewals[0]?.tsa).toContain('Test TSA');

    // A second renewal chains onto the first.
    const twice = await renewPackage(renewed.bytes, { tsaUrl: trusted.url });
    expect((await verifyEvidencePackage(twice.bytes, { ...trust, now: later })).renewals).toHaveLength(2);
  });

  it('a renewal that does not cover the token before it, or made after expiry, does not hold', async () => {
    const original = await makePackage(shortLived.url);
    const trust = { publicKey: publicKey(), tsaCaPem: bothCas() };
    const renewed = await renewPackage(original, { tsaUrl: trusted.url });
    // Swap the renewal's token for one that stamps something else (another package's renewal).
    const other = await renewPackage(await makePackage(shortLived.url), { tsaUrl: trusted.url });
    const swapped = writeStoredZip(
      readStoredZip(renewed.bytes).map((e) =>
        e.name === EVIDENCE_RECORD_PATH ? (readStoredZip(other.bytes).find((x) => x.name === e.name) ?? e) : e,
      ),
    );
    const report = await verifyEvidencePackage(swapped, { ...trust, now: new Date(Date.now() + 3 * DAY) });
    expect(report.state).toBe('untrusted-time');
    expect(report.timeProblems.join('\n')).toMatch(/renews the timestamp of another package|previousToken/);
    // The renewal only proves the old token was valid when it was made: verified a year after a renewal made
    // when the old certificate had already expired (simulated: the renewal's CA is not trusted), nothing holds.
    const untrustedRenewal = await verifyEvidencePackage(renewed.bytes, {
      publicKey: publicKey(),
      tsaCaPem: shortLived.caPem,
      now: new Date(Date.now() + 3 * DAY),
    });
    expect(untrustedRenewal.state).toBe('untrusted-time');
  });
});

describe('phenix evidence verify and renew (CLI)', () => {
  it('exits 4 for the forged TSA with --public-key only, taking the CA from the config; 0 once renewed', async () => {
    const forged = join(dir, 'forged.wacz');
    writeFileSync(forged, await makePackage(forger.url));
    const pub = join(dir, 'unit.pem.pub.pem');
    const noConfig = await runPhenixHere([
      '--config',
      join(dir, 'absent.yaml'),
      'evidence',
      'verify',
      forged,
      '--public-key',
      pub,
    ]);
    expect(noConfig.code).toBe(4);
    expect(noConfig.out).toMatch(/^INTACT, TIME NOT TRUSTED: /);
    expect(noConfig.out).toMatch(/no trusted TSA certificate given/);

    writeFileSync(join(dir, 'tsa-ca.pem'), trusted.caPem);
    const config = join(dir, 'phenix.yaml');
    writeFileSync(config, `evidence:\n  tsaCaCert: tsa-ca.pem\n  tsaUrl: ${trusted.url}\n`);
    const withConfig = await runPhenixHere(['--config', config, 'evidence', 'verify', forged, '--public-key', pub]);
    expect(withConfig.code).toBe(4);
    expect(withConfig.out).toMatch(/does not chain|Validation of signer's certificate failed/);

    const genuine = join(dir, 'genuine.wacz');
    writeFileSync(genuine, await makePackage(trusted.url));
    const ok = await runPhenixHere(['--config', config, 'evidence', 'verify', genuine, '--public-key', pub]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(ok.out).toMatch(/^VERIFIED: /);
    const renewedFile = join(dir, 'renewed.wacz');
    const renewed = await runPhenixHere([
      '--config',
      config,
      'evidence',
      'renew',
      genuine,
      '--out',
      renewedFile,
      '--public-key',
      pub,
    ]);
    expect(renewed.code, renewed.out + renewed.err).toBe(0);
    const again = await runPhenixHere(['--config', config, 'evidence', 'verify', renewedFile, '--public-key', pub]);
    expect(again.code, again.out + again.err).toBe(0);
    expect(again.out).toMatch(/Renewed \(1\) /);
  });
});
