/**
 * Property tests (fast-check) of the pruned view comparison (detector/images/views.ts closestViews): whatever the
 * photos, `matchParsed` decides exactly as every comparison of `distancesParsed` would, with the same distance.
 * Photos are drawn as real ones are: the windows of one size class a few bits from each other, and the second photo
 * either unrelated or a copy whose views are a few bits from the first's, so distances near the bounds are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchParsed, parsePhoto, photoMatchOfDistances } from '../../../detector/images/photos.ts';
import { distancesParsed } from '../../../detector/images/views.ts';
import { CROP_WINDOWS, WINDOW_CLASS } from '../../../detector/images/windows.ts';

const hex = (x: bigint) => BigInt.asUintN(64, x).toString(16).padStart(16, '0');

/** `base` with the bits of `mask` list flipped. */
const flipped = (base: bigint, bits: number[]) => bits.reduce((x, b) => x ^ (1n << BigInt(b % 64)), base);

const bits = (max: number) => fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: max });

/** A photo: a base hash per size class, each window its class's base a few bits off; 15 or 48 windows, or none. */
const photo = fc
  .record({
    full: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    bases: fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 9, maxLength: 9 }),
    offs: fc.array(bits(6), { minLength: CROP_WINDOWS.length, maxLength: CROP_WINDOWS.length }),
    windows: fc.constantFrom(0, 15, 48),
  })
  .map(({ full, bases, offs, windows }) => ({
    hash: hex(full),
    crops: offs.slice(0, windows).map((o, i) => hex(flipped(bases[WINDOW_CLASS[i]], o))),
  }));

/** A copy of `p`: each view a few bits off (or the whole picture swapped for one of p's windows, a crop). */
const copyOf = (p: { hash: string; crops: string[] }) =>
  fc
    .record({
      offs: fc.array(bits(7), { minLength: p.crops.length + 1, maxLength: p.crops.length + 1 }),
      wholeFrom: fc.integer({ min: -1, max: Math.max(0, p.crops.length - 1) }),
    })
    .map(({ offs, wholeFrom }) => {
      const from = wholeFrom >= 0 && p.crops.length > 0 ? p.crops[wholeFrom] : p.hash;
      return {
        hash: hex(flipped(BigInt(`0x${from}`), offs[0])),
        crops: p.crops.map((c, i) => hex(flipped(BigInt(`0x${c}`), offs[i + 1]))),
      };
    });

const pair = photo.chain((a) => fc.oneof(photo, copyOf(a)).map((b) => [a, b] as const));

describe('pruned view comparison', () => {
  it('decides every pair exactly as comparing every view would, at any bounds', () => {
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), ([a, b], full, crop) => {
        const pa = parsePhoto(a);
        const pb = parsePhoto(b);
        const all = photoMatchOfDistances(distancesParsed(pa, pb), full, crop);
        expect(matchParsed(pa, pb, full, crop)).toEqual(all);
        expect(matchParsed(pb, pa, full, crop)).toEqual(photoMatchOfDistances(distancesParsed(pb, pa), full, crop));
      }),
      { numRuns: 400 },
    );
  });

  it('finds copies near the bound often enough for the property to mean something', () => {
    // A run in which no pair came within the window bound would prove nothing about the pruning.
    const samples = fc.sample(pair, { numRuns: 400, seed: 7 });
    const near = samples.filter(([a, b]) => {
      const d = distancesParsed(parsePhoto(a), parsePhoto(b));
      return d.full > 6 && d.crop <= 4;
    });
    expect(near.length).toBeGreaterThan(20);
  });
});
