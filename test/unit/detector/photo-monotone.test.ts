/**
 * Property tests (fast-check) of the photo rule (detector/images/photos.ts): one more picture shared by both sites
 * never lowers the photo score nor the comparison's score; pictures the candidate shows twice (a thumbnail beside its
 * full view) count once; a candidate's own pictures added beside the shared ones never make it more of a clone by
 * photos.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { photoRule, photoSignal, specificityOf } from '../../../detector/images/index.ts';
import { WINDOW_CLASS } from '../../../detector/images/windows.ts';
import { compareProfiles, defaultThresholds, type SiteProfile } from '../../../detector/index.ts';

const t = defaultThresholds;
/** A copy's re-encoding: up to 3 bits flipped (within photoMaxDistance). */
const noise = fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 3 });
const flip = (b: bigint, bits: number[]) => bits.reduce((x, i) => x ^ (1n << BigInt(i)), b);
const hex = (b: bigint) => b.toString(16).padStart(16, '0');
const M64 = (1n << 64n) - 1n;
/** splitmix64: distinct ids give unrelated 64-bit hashes (about 32 bits apart), however fast-check shrinks them. */
function mix(id: number): bigint {
  let z = (BigInt(id) * 0x9e3779b97f4a7c15n) & M64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M64;
  return z ^ (z >> 31n);
}

function profile(site: string, hashes: string[]): SiteProfile {
  return {
    version: 1,
    site,
    pageCount: hashes.length + 1,
    pageTypes: { listing: 1, ad: hashes.length, other: 0 },
    layout: { listing: null, ad: null, other: null },
    layoutAll: null,
    contacts: [],
    ads: [],
    textAll: null,
    pivots: [],
    photos: hashes.map((hash, i) => ({
      url: `http://${site}/p/${i}.jpg`,
      sha256: `${site}-${i}`.padEnd(64, '0'),
      hash,
      specificity: 1,
    })),
  };
}

/** How many pictures each side has of its own, and the shared ones (each copied with a few bits off). */
const sides = fc.record({
  salt: fc.integer({ min: 1, max: 1_000_000 }),
  refOwn: fc.nat({ max: 12 }),
  candOwn: fc.nat({ max: 12 }),
  shared: fc.array(noise, { maxLength: 14 }),
});
type Sides = typeof sides extends fc.Arbitrary<infer T> ? T : never;

/** Picture ids: the reference's own 0–99, the candidate's own 100–199, shared 200 on; all hashed apart by `mix`. */
function pair(s: Sides, extra: number[][] = [], candTwice = false) {
  const id = (k: number) => mix(s.salt * 1000 + k);
  const common = [...s.shared, ...extra].map((bits, i) => [id(200 + i), bits] as const);
  const ref = profile('ref.test', [
    ...Array.from({ length: s.refOwn }, (_, i) => hex(id(i))),
    ...common.map(([h]) => hex(h)),
  ]);
  const cand = profile('cand.test', [
    ...Array.from({ length: s.candOwn }, (_, i) => hex(id(100 + i))),
    ...common.map(([h, bits]) => hex(flip(h, bits))),
    ...(candTwice ? common.map(([h, bits]) => hex(flip(h, bits.slice(0, 1)))) : []),
  ]);
  return { ref, cand };
}

describe('the photo rule', () => {
  it('one more shared picture never lowers the photo score nor the comparison', () => {
    fc.assert(
      fc.property(sides, noise, (s, one) => {
        const before = pair(s);
        const after = pair(s, [one]);
        const sb = photoSignal(before.ref, before.cand, t);
        const sa = photoSignal(after.ref, after.cand, t);
        expect(photoRule(sa, t)).toBeGreaterThanOrEqual(photoRule(sb, t));
        // The copied shares (the photo-copy rule's) rise with it, on both sides.
        expect(sa.candidateCopied).toBeGreaterThanOrEqual(sb.candidateCopied - 1e-12);
        expect(sa.referenceCopied).toBeGreaterThanOrEqual(sb.referenceCopied - 1e-12);
        expect(compareProfiles(after.ref, after.cand).score).toBeGreaterThanOrEqual(
          compareProfiles(before.ref, before.cand).score,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('one more way for two photos to match never pairs fewer photos (a maximum pairing, not the nearest first)', () => {
    // c0 is r0's copy (3 bits off) and, through its ladder, also near r1 (1 bit): taking its nearest, r1, would leave
    // c1 (r1's copy, 6 bits off: 7 from c0's ladder, so not one picture with c0 on the candidate) unpaired.
    const far = (k: number) => hex(mix(4242 + k));
    const [r0, r1] = [mix(1), mix(2)];
    const ref = profile('ref.test', [hex(r0), hex(r1)]);
    const c0 = flip(r0, [1, 2, 3]);
    const ladder = (withEdge: boolean) => ({
      hash: hex(c0),
      crops: [
        ...Array.from({ length: WINDOW_CLASS.length }, (_, i) => far(i)),
        withEdge ? hex(flip(r1, [5])) : far(99),
      ],
    });
    const cand = (withEdge: boolean): SiteProfile => ({
      ...profile('cand.test', [hex(c0), hex(flip(r1, [7, 9, 11, 13, 15, 17]))]),
      photos: [
        { url: 'http://cand.test/0.jpg', sha256: 'c0'.padEnd(64, '0'), ...ladder(withEdge), specificity: 1 },
        {
          url: 'http://cand.test/1.jpg',
          sha256: 'c1'.padEnd(64, '0'),
          hash: hex(flip(r1, [7, 9, 11, 13, 15, 17])),
          specificity: 1,
        },
      ],
    });
    const without = photoSignal(ref, cand(false), t);
    const withEdge = photoSignal(ref, cand(true), t);
    expect(without.pairs).toHaveLength(2);
    expect(withEdge.pairs).toHaveLength(2);
    expect(withEdge.weighted).toBeGreaterThanOrEqual(without.weighted);
  });

  it('a picture the candidate shows twice counts once', () => {
    fc.assert(
      fc.property(sides, (s) => {
        const once = pair(s);
        const twice = pair(s, [], true);
        const a = photoSignal(once.ref, once.cand, t);
        const b = photoSignal(twice.ref, twice.cand, t);
        expect(b.candidateShare).toBeCloseTo(a.candidateShare, 9);
        expect(b.referenceShare).toBeCloseTo(a.referenceShare, 9);
        expect(b.candidateCopied).toBeCloseTo(a.candidateCopied, 9);
        expect(b.referenceCopied).toBeCloseTo(a.referenceCopied, 9);
        expect(photoRule(b, t)).toBeCloseTo(photoRule(a, t), 9);
      }),
      { numRuns: 200 },
    );
  });

  it("the candidate's own pictures beside the shared ones never raise the photo score", () => {
    fc.assert(
      fc.property(sides, (s) => {
        const before = pair(s);
        const after = pair({ ...s, candOwn: Math.min(99, s.candOwn + 1) });
        expect(photoSignal(after.ref, after.cand, t).candidateCopied).toBeLessThanOrEqual(
          photoSignal(before.ref, before.cand, t).candidateCopied + 1e-12,
        );
        expect(photoRule(photoSignal(after.ref, after.cand, t), t)).toBeLessThanOrEqual(
          photoRule(photoSignal(before.ref, before.cand, t), t) + 1e-12,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('the copied shares (photo-copy rule)', () => {
  it('count a picture on exactly photoFamilySites families, and leave out one on more', () => {
    // Every bound, including those where inverting 1/(k − 1) in floating point lands just past k (50, 99, …).
    for (const families of [3, 30, 50, 99, 104, 197]) {
      const th = { ...t, photoFamilySites: families };
      const hashes = [1, 2, 3, 4].map((k) => hex(mix(k)));
      const on =
        (k: number) =>
        (p: SiteProfile): SiteProfile => ({
          ...p,
          photos: p.photos!.map((x, i) => ({ ...x, specificity: i === 0 ? specificityOf(k) : 1 })),
        });
      for (const [k, counted] of [
        [families, 4],
        [families + 1, 3],
      ]) {
        const s = photoSignal(on(k)(profile('r.test', hashes)), on(k)(profile('c.test', hashes)), th);
        expect(s.candidateCopied * 4).toBeCloseTo(counted, 9);
        expect(s.referenceCopied * 4).toBeCloseTo(counted, 9);
      }
    }
  });
});
