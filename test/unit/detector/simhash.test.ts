import { describe, expect, it } from 'vitest';
import { hash64, popcount32 } from '../../../detector/hash64.ts';
import { hammingDistance64, simhash64 } from '../../../detector/index.ts';
import { wordShingles } from '../../../detector/simhash.ts';
import { createRng } from '../../../sitegen/index.ts';

const shingles = (text: string) => wordShingles(text.split(' '), 3);

function randomText(seed: string, n = 80): string {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => `w${rng.int(0, 5000)}`).join(' ');
}

describe('hash64', () => {
  it('sets each of the 64 bits about half of the time', () => {
    const counts = new Array(64).fill(0);
    const out = { hi: 0, lo: 0 };
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      hash64(`feature ${i}`, out);
      for (let b = 0; b < 32; b++) {
        counts[b] += (out.lo >>> b) & 1;
        counts[b + 32] += (out.hi >>> b) & 1;
      }
    }
    for (const c of counts) expect(Math.abs(c / n - 0.5)).toBeLessThan(0.02);
  });

  it('differs in about half the bits for strings one character apart', () => {
    let total = 0;
    for (let i = 0; i < 500; i++) {
      const a = hash64(`plombier ${i}a`);
      const b = hash64(`plombier ${i}b`);
      total += popcount32(a.hi ^ b.hi) + popcount32(a.lo ^ b.lo);
    }
    expect(total / 500).toBeGreaterThan(28);
    expect(total / 500).toBeLessThan(36);
  });
});

describe('simhash64 and hammingDistance64', () => {
  it('counts differing bits of 64-bit values', () => {
    expect(hammingDistance64(0n, 0n)).toBe(0);
    expect(hammingDistance64(0n, 0xffffffffffffffffn)).toBe(64);
    expect(hammingDistance64(0b1011n, 0b0001n)).toBe(2);
    expect(hammingDistance64(1n << 63n, 0n)).toBe(1);
    expect(hammingDistance64(-1n, 0n)).toBe(64);
  });

  it('gives identical fingerprints for identical weighted sets, whatever the order', () => {
    const a = simhash64(
      new Map([
        ['x', 1],
        ['y', 2],
        ['z', 3],
      ]),
    );
    const b = simhash64([
      ['z', 3],
      ['x', 1],
      ['y', 2],
    ]);
    expect(a).toBe(b);
    expect(a).toBeLessThan(1n << 64n);
  });

  it('returns 0n for an empty feature set', () => {
    expect(simhash64(new Map())).toBe(0n);
  });

  it('keeps near-duplicate texts within a few bits and unrelated ones near 32', () => {
    // Two of 80 words changed: ~4 % of the shingles, a few bits on average (Charikar: 64·θ/π).
    let near = 0;
    for (let i = 0; i < 40; i++) {
      const base = randomText(`a${i}`);
      const edited = base.replace(/w\d+ w\d+$/, 'nouveau mot');
      near += hammingDistance64(simhash64(shingles(base)), simhash64(shingles(edited)));
    }
    expect(near / 40).toBeLessThanOrEqual(8);
    let far = 0;
    for (let i = 0; i < 40; i++) {
      far += hammingDistance64(simhash64(shingles(randomText(`r${i}`))), simhash64(shingles(randomText(`s${i}`))));
    }
    expect(far / 40).toBeGreaterThan(26);
    expect(far / 40).toBeLessThan(38);
  });

  it('lets heavy features dominate light ones', () => {
    const heavy = new Map([['template', 100]]);
    const withNoise = new Map([
      ['template', 100],
      ['widget', 1],
      ['tracker', 1],
    ]);
    expect(hammingDistance64(simhash64(heavy), simhash64(withNoise))).toBe(0);
  });

  it('uses overlapping shingles, so one inserted word changes only a few of them', () => {
    const a = shingles('a b c d e f g h');
    const b = shingles('a b c X d e f g h');
    const shared = [...a.keys()].filter((k) => b.has(k)).length;
    expect(a.size).toBe(6);
    expect(shared).toBe(4);
  });
});
