/** The deterministic ZIP of a WACZ, the CDXJ keys and the Ed25519 signature helpers. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  readStoredZip,
  readStoredZipLoosely,
  signDigest,
  surt,
  verifyDigestSignature,
  writeStoredZip,
} from '../../../evidence/index.ts';

const entries = [
  { name: 'archive/data.warc', data: Buffer.from('WARC/1.1\r\n') },
  { name: 'datapackage.json', data: Buffer.from('{}\n') },
];

describe('stored ZIP', () => {
  it('reads back what it wrote, byte for byte the same on every write', () => {
    const zip = writeStoredZip(entries);
    expect(writeStoredZip(entries).equals(zip)).toBe(true);
    expect(readStoredZip(zip).map((e) => [e.name, e.data.toString()])).toEqual(
      entries.map((e) => [e.name, e.data.toString()]),
    );
  });

  it('finds an appended byte, a changed CRC and a changed date, and still lists the entries', () => {
    const zip = writeStoredZip(entries);
    expect(() => readStoredZip(Buffer.concat([zip, Buffer.from([0])]))).toThrow(/not a WACZ written by Phénix/);
    for (const at of [10, 14]) {
      const bad = Buffer.from(zip);
      bad[at] ^= 0x01;
      const read = readStoredZipLoosely(bad);
      expect(read.problem).toMatch(new RegExp(`byte ${at} differs`));
      expect(read.entries).toHaveLength(2);
    }
  });
});

describe('CDXJ keys and signatures', () => {
  it('SURT reverses the host and drops www', () => {
    expect(surt('http://www.Maison-Services.test/annonce/1?x=2')).toBe('test,maison-services)/annonce/1?x=2');
    expect(surt('https://a.b.example:8443/')).toBe('example,b,a:8443)/');
  });

  it('a signature verifies only with its key and its digest', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const other = generateKeyPairSync('ed25519').publicKey;
    const sig = signDigest(privateKey, `sha256:${'ab'.repeat(32)}`);
    expect(verifyDigestSignature(publicKey, `sha256:${'ab'.repeat(32)}`, sig)).toBe(true);
    expect(verifyDigestSignature(publicKey, `sha256:${'ac'.repeat(32)}`, sig)).toBe(false);
    expect(verifyDigestSignature(other, `sha256:${'ab'.repeat(32)}`, sig)).toBe(false);
    expect(verifyDigestSignature(publicKey, `sha256:${'ab'.repeat(32)}`, 'not base64!')).toBe(false);
  });
});
