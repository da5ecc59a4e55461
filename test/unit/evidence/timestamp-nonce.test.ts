/**
 * The nonce of an RFC 3161 query must be a positive, minimally encoded DER INTEGER: a strict TSA (`openssl ts`,
 * here asked to parse the query) refuses "illegal padding" otherwise. One CI run met it by chance (first byte 0x00).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { timestampNonce, timestampQuery } from '../../../evidence/timestamp.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'phenix-tsq-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What `openssl ts -query -text` reads back as the nonce, or throws when it refuses the query. */
function opensslNonce(query: Buffer): string {
  const file = path.join(dir, 'q.tsq');
  writeFileSync(file, query);
  const text = execFileSync('openssl', ['ts', '-query', '-in', file, '-text'], { stdio: ['pipe', 'pipe', 'pipe'] });
  return /Nonce: (\S+)/.exec(text.toString())?.[1] ?? '';
}

describe('timestampNonce', () => {
  const digest = Buffer.alloc(32, 7);
  it.each([
    ['all zero bytes', 0x00],
    ['all 0xff bytes', 0xff],
    ['a first byte of 0x80', 0x80],
  ])('gives a query openssl accepts from %s', (_, fill) => {
    const nonce = timestampNonce((size) => Buffer.alloc(size, fill));
    expect(nonce[0]).toBeGreaterThanOrEqual(0x01);
    expect(nonce[0]).toBeLessThanOrEqual(0x7f);
    expect(opensslNonce(timestampQuery(digest, nonce))).toBe(`0x${nonce.toString('hex').toUpperCase()}`);
  });

  it('is what openssl refuses when left to chance with a leading zero byte', () => {
    const padded = Buffer.from([0x00, 0x01, 2, 3, 4, 5, 6, 7]);
    expect(() => opensslNonce(timestampQuery(digest, padded))).toThrow(/illegal padding|nonce/i);
  });

  it('draws eight fresh random bytes each time', () => {
    const seen = new Set(Array.from({ length: 50 }, () => timestampNonce().toString('hex')));
    expect(seen.size).toBe(50);
    for (const hex of seen) expect(hex).toHaveLength(16);
  });
});
