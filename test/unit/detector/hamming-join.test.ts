/**
 * Property tests (fast-check) of the band index behind the contact families (detector/compare/hamming-join.ts): every
 * pair within d bits found and no other, under any band plan (forced indexes of any band count, budgets that give up,
 * no index); plans that cut the 64 bits into bands, each bit in one; the worst case of a plan (the differing bits
 * spread over every band); equal hashes merged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  bandPlan,
  bandStarts,
  distinct,
  type Hashes,
  nearJoin,
  type Planner,
  planBands,
} from '../../../detector/compare/hamming-join.ts';
import { popcount32 } from '../../../detector/hash64.ts';
import { base, hashesOf, nearHash, plannerArb, word } from '../../helpers/near-hashes.ts';

function brutePairs(a: Hashes, b: Hashes | null, d: number): Set<string> {
  const out = new Set<string>();
  const other = b ?? a;
  for (let i = 0; i < a.hi.length; i++)
    for (let j = b ? 0 : i + 1; j < other.hi.length; j++)
      if (popcount32(a.hi[i] ^ other.hi[j]) + popcount32(a.lo[i] ^ other.lo[j]) <= d) out.add(`${i}:${j}`);
  return out;
}

/** The pairs a join found, or null when it declined or gave up. */
function joined(a: Hashes, b: Hashes | null, d: number, planner: Planner): Set<string> | null {
  const out = new Set<string>();
  return nearJoin(a, b, d, (i, j) => out.add(`${i}:${j}`), planner) ? out : null;
}

describe('nearJoin', () => {
  const setArb = fc.record({
    bases: fc.array(base, { minLength: 1, maxLength: 8 }),
    a: fc.array(nearHash, { minLength: 0, maxLength: 300 }),
    b: fc.option(fc.array(nearHash, { minLength: 0, maxLength: 300 }), { nil: null }),
    d: fc.oneof(fc.integer({ min: 0, max: 14 }), fc.integer({ min: -2, max: 66 })),
  });

  it('finds every pair within d and no other, whatever the plan, unless it gives up', () => {
    fc.assert(
      fc.property(setArb, plannerArb, (s, [name, planner]) => {
        const a = hashesOf(s.bases, s.a);
        const b = s.b && hashesOf(s.bases, s.b);
        const found = joined(a, b, s.d, planner);
        // Nothing to find below 0 bits; without a plan it declines; with an unbounded one it never gives up.
        if (s.d < 0 || name.endsWith('budget Infinity')) expect(found).not.toBeNull();
        if (name === 'none' && s.d >= 0) expect(found).toBeNull();
        if (found) expect(found).toEqual(brutePairs(a, b, s.d));
      }),
      { numRuns: 200 },
    );
  });

  it('gives up on hashes crowded near one another (then every pair is near: the caller stops early)', () => {
    // 2,000 hashes 0–3 bits off one: every pair within 6 bits, 2 million pairs for a plan made for random hashes.
    const near = fc.sample(fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 3 }), { numRuns: 2000, seed: 3 });
    const a = hashesOf(
      [[0x12345678, 0x9abcdef0]],
      near.map((flips) => ({ base: 0, flips })),
    );
    expect(planBands(2000, 2000, 6, true)).not.toBeNull();
    expect(nearJoin(a, null, 6, () => {})).toBe(false);
  });

  it('indexes large sets of random hashes at small distances, and finds their near pairs', () => {
    // Uniform words (fast-check's integers lean towards their bounds: hashes crowded near 0 and near all ones).
    let state = 7;
    const next = () => {
      state = (Math.imul(state, 1664525) + 1013904223) | 0;
      return (state ^ (state >>> 15)) >>> 0;
    };
    const rng = Array.from({ length: 2000 }, () => [next(), next()] as const);
    const a: Hashes = { hi: Int32Array.from(rng, ([h]) => h), lo: Int32Array.from(rng, ([, l]) => l) };
    // Near copies of the first 200, 0–12 bits off.
    const copies = rng.slice(0, 200).map(([h, l], i) => [h ^ ((1 << (i % 13)) - 1), l]);
    const b: Hashes = { hi: Int32Array.from(copies, ([h]) => h), lo: Int32Array.from(copies, ([, l]) => l) };
    for (const d of [0, 3, 6, 12]) {
      expect(joined(a, b, d, planBands)).toEqual(brutePairs(a, b, d));
      expect(joined(a, null, d, planBands)).toEqual(brutePairs(a, null, d));
    }
    expect(planBands(a.hi.length, b.hi.length, 64, false)).toBeNull();
  });
});

describe('band plans', () => {
  it('cut the 64 bits into bands: each bit in exactly one band, as one bit of it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 4, max: 64 }), word, word, (m, hi, lo) => {
        const plan = bandPlan(m, 0);
        const starts = bandStarts(plan);
        expect(plan.widths.reduce((a, b) => a + b, 0)).toBe(64);
        expect(Math.max(...plan.widths)).toBeLessThanOrEqual(16);
        const bands = (h: number, l: number) => plan.widths.map((w, b) => bandOf(h, l, starts[b], w));
        const before = bands(hi | 0, lo | 0);
        for (const [b, w] of plan.widths.entries()) expect(before[b]).toBeLessThan(2 ** w);
        for (let p = 0; p < 64; p++) {
          const after = bands(p < 32 ? hi | 0 : (hi ^ (1 << (p - 32))) | 0, p < 32 ? (lo ^ (1 << p)) | 0 : lo | 0);
          const changed = before.map((v, b) => popcount32(v ^ after[b]));
          expect(changed.filter((c) => c === 1).length).toBe(1);
          expect(changed.filter((c) => c > 1).length).toBe(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('find pairs at the worst: d = m(r + 1) − 1 bits apart, r + 1 in every band but one', () => {
    for (let m = 4; m <= 20; m++)
      for (let r = 0; r <= 2; r++) {
        const plan = bandPlan(m, m * (r + 1) - 1);
        expect(plan.radius).toBe(r);
        const starts = bandStarts(plan);
        const flips = plan.widths.flatMap((w, b) =>
          Array.from({ length: Math.min(w, b === m - 1 ? r : r + 1) }, (_, i) => starts[b] + i),
        );
        let hi = 0x12345678;
        let lo = 0x9abcdef0 | 0;
        for (const p of flips) {
          if (p < 32) lo ^= 1 << p;
          else hi ^= 1 << (p - 32);
        }
        const a: Hashes = { hi: Int32Array.of(0x12345678), lo: Int32Array.of(0x9abcdef0 | 0) };
        const b: Hashes = { hi: Int32Array.of(hi), lo: Int32Array.of(lo) };
        const d = flips.length;
        expect(joined(a, b, d, () => plan)).toEqual(new Set(['0:0']));
        expect(joined(a, b, d - 1, () => bandPlan(m, d - 1))).toEqual(new Set());
      }
  });
});

describe('distinct', () => {
  it('gives equal hashes one value and distinct ones their own', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 3 })), { maxLength: 80 }), (list) => {
        const h: Hashes = {
          hi: Int32Array.from(list, ([x]) => x * 0x10001),
          lo: Int32Array.from(list, ([, y]) => y * 0x9e3779b1),
        };
        const { of, values } = distinct(h);
        expect(values.hi.length).toBe(new Set(list.map(([x, y]) => `${x}:${y}`)).size);
        list.forEach((_, i) => {
          expect(values.hi[of[i]]).toBe(h.hi[i]);
          expect(values.lo[of[i]]).toBe(h.lo[i]);
        });
      }),
    );
  });
});
