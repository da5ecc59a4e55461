/**
 * fast-check arbitraries of 64-bit hashes for the property tests of the contact families and their band index
 * (test/unit/detector/contact-families.test.ts, hamming-join.test.ts): a few random bases per case and hashes a few
 * bits off them, so that distances fall on both sides of every threshold; band plans of every kind.
 */
import fc from 'fast-check';
import { bandPlan, type Hashes, type Planner, planBands } from '../../detector/compare/hamming-join.ts';
import { fromHex64 } from '../../detector/hash64.ts';

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
export const word = fc.integer({ min: 0, max: 0xffffffff });
export const base = fc.tuple(word, word);
/** Bits at the edges of the bands that plans of 4 to 13 bands cut (where an index would slip first). */
const edges = [0, 4, 5, 9, 10, 12, 13, 15, 16, 19, 20, 25, 26, 27, 31, 32, 33, 38, 39, 47, 48, 51, 52, 58, 59, 63];
const bit = fc.oneof(fc.integer({ min: 0, max: 63 }), fc.constantFrom(...edges));
/**
 * A hash near a base: which base, and the bits flipped (0–20 of them, repeats cancel out): at random, at band edges,
 * or spread evenly over the 64 bits (one in each band: the worst case of a band index).
 */
export const nearHash = fc.record({
  base: fc.nat({ max: 7 }),
  flips: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 3, arbitrary: fc.array(bit, { minLength: 1, maxLength: 4 }) },
    { weight: 2, arbitrary: fc.array(bit, { maxLength: 20 }) },
    {
      weight: 2,
      arbitrary: fc
        .record({ n: fc.integer({ min: 1, max: 20 }), offset: fc.nat({ max: 63 }) })
        .map(({ n, offset }) => Array.from({ length: n }, (_, i) => (offset + Math.round((i * 64) / n)) % 64)),
    },
  ),
});
/** A window far from its base (14–30 bits flipped): near nothing unless the crop bound is loose. */
export const farHash = fc.record({ base: fc.nat({ max: 7 }), flips: fc.array(bit, { minLength: 14, maxLength: 30 }) });
export type Near = typeof nearHash extends fc.Arbitrary<infer T> ? T : never;

export function hexOf(bases: [number, number][], h: Near): string {
  let [hi, lo] = bases[h.base % bases.length];
  for (const b of h.flips) {
    if (b < 32) lo ^= 1 << b;
    else hi ^= 1 << (b - 32);
  }
  return hex32(hi) + hex32(lo);
}

/** How the joins are planned: as in the product, none (the join declines), or a forced index (any band count, any budget). */
export const plannerArb: fc.Arbitrary<[string, Planner]> = fc.oneof(
  fc.constant<[string, Planner]>(['planBands', planBands]),
  fc.constant<[string, Planner]>(['none', () => null]),
  fc
    .record({ m: fc.integer({ min: 4, max: 64 }), budget: fc.constantFrom(0, 3, 50, Number.POSITIVE_INFINITY) })
    .map(({ m, budget }): [string, Planner] => [
      `index m≥${m} budget ${budget}`,
      // At most 2 bits probed per band (enough bands), so the test stays fast at any distance.
      (_i, _q, d) => bandPlan(Math.max(m, Math.min(64, Math.floor(d / 3) + 1)), d, budget),
    ]),
);

/** The hashes of a list, as the band index takes them. */
export function hashesOf(bases: [number, number][], list: Near[]): Hashes {
  const parsed = list.map((h) => fromHex64(hexOf(bases, h)));
  return { hi: Int32Array.from(parsed, (p) => p.hi), lo: Int32Array.from(parsed, (p) => p.lo) };
}
