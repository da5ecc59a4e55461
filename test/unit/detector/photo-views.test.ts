/**
 * Property tests (fast-check) of the pruned view comparison (detector/images/views.ts closestViews): whatever the
 * photos, `matchParsed` decides exactly as every comparison of `distancesParsed` would, with the same distance.
 * Photos are drawn as real ones are: the windows of one size class a few bits from each other, and the second photo
 * either unrelated or a copy whose views are a few bits from the first's, so distances near the bounds are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { photoSiteFrequencies } from '../../../detector/images/families.ts';
import { matchParsed, parsePhoto, photoMatchOfDistances } from '../../../detector/images/photos.ts';
import { distancesParsed } from '../../../detector/images/views.ts';
import { LADDER_STEPS, PHOTO_WINDOWS, WINDOW_CLASS } from '../../../detector/images/windows.ts';

const hex = (x: bigint) => BigInt.asUintN(64, x).toString(16).padStart(16, '0');

/** `base` with the bits of `mask` list flipped. */
const flipped = (base: bigint, bits: readonly number[]) => bits.reduce((x, b) => x ^ (1n << BigInt(b % 64)), base);

/** Bits to flip: a few anywhere, or one in each 16-bit band (4 bits apart, yet no band left equal: what an index by
 * bands must still find). */
const bits = (max: number) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: max }) },
    { weight: 1, arbitrary: fc.constant<number[]>([5, 21, 37, 53]) },
  );

/**
 * A photo: a base hash per size class, each window its class's base a few bits off, and its ladder's windows
 * (windows.ts) each a few bits off the step before; 15, 48 or 56 windows, or none.
 */
const photo = fc
  .record({
    full: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    bases: fc.array(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), { minLength: 9, maxLength: 9 }),
    offs: fc.array(bits(6), { minLength: PHOTO_WINDOWS.length, maxLength: PHOTO_WINDOWS.length }),
    windows: fc.constantFrom(0, 15, 48, 56),
  })
  .map(({ full, bases, offs, windows }) => {
    const crops: string[] = [];
    let step = full;
    for (let i = 0; i < windows; i++) {
      if (i < WINDOW_CLASS.length) crops.push(hex(flipped(bases[WINDOW_CLASS[i]], offs[i])));
      else {
        step = flipped(flipped(step, offs[i]), offs[i - WINDOW_CLASS.length]);
        crops.push(hex(step));
      }
    }
    return { hash: hex(full), crops };
  });

/** The views of a photo's ladder: the whole picture, then its ladder windows (none for fewer than 56 windows). */
const ladderOf = (p: { hash: string; crops: string[] }) => [p.hash, ...p.crops.slice(WINDOW_CLASS.length)];

/**
 * A copy of `p`: each view a few bits off (or the whole picture swapped for one of p's windows, a crop), or its ladder
 * shifted 1 to 4 steps (a copy re-cropped deeper: its whole picture is a step of p's ladder, and so on down).
 */
const copyOf = (p: { hash: string; crops: string[] }) =>
  fc
    .record({
      offs: fc.array(bits(7), { minLength: p.crops.length + 1, maxLength: p.crops.length + 1 }),
      wholeFrom: fc.integer({ min: -1, max: Math.max(0, p.crops.length - 1) }),
      shift: fc.integer({ min: 0, max: 4 }),
      fresh: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
    })
    .map(({ offs, wholeFrom, shift, fresh }) => {
      const ladder = ladderOf(p);
      const at = (k: number, own: string) => (shift > 0 && k + shift < ladder.length ? ladder[k + shift] : own);
      const from = wholeFrom >= 0 && p.crops.length > 0 ? p.crops[wholeFrom] : at(0, p.hash);
      return {
        hash: hex(flipped(BigInt(`0x${from}`), offs[0])),
        crops: p.crops.map((c, i) => {
          const k = i - WINDOW_CLASS.length + 1;
          // Re-cropped deeper, the copy's crop windows show other parts of the picture than p's.
          const own = k >= 1 && k <= LADDER_STEPS ? at(k, c) : shift > 0 ? hex(fresh ^ BigInt(i * 7919)) : c;
          return hex(flipped(BigInt(`0x${own}`), offs[i + 1]));
        }),
      };
    });

const pair = photo.chain((a) => fc.oneof(photo, copyOf(a)).map((b) => [a, b] as const));

/** A few sites, each a few photos: fresh ones or copies of photos of the sites before. */
const sites = fc
  .array(fc.tuple(photo, fc.boolean()), { minLength: 1, maxLength: 14 })
  .chain((drawn) =>
    fc.tuple(
      ...drawn.map(([p, copy], i) => (copy && i > 0 ? copyOf(drawn[i - 1][0]) : fc.constant(p))),
      fc.array(fc.integer({ min: 0, max: 3 }), { minLength: drawn.length, maxLength: drawn.length }),
    ),
  )
  .map((xs) => {
    const owners = xs.at(-1) as number[];
    const photos = xs.slice(0, -1) as { hash: string; crops: string[] }[];
    const out: { hash: string; crops: string[] }[][] = [[], [], [], []];
    for (const [i, p] of photos.entries()) out[owners[i]].push(p);
    return out;
  });

describe('pruned view comparison', () => {
  it('finds, through the view index, every site a photo is on, as comparing every pair would', () => {
    fc.assert(
      fc.property(sites, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (list, full, crop) => {
        const got = photoSiteFrequencies(list, full, crop);
        // Photos are counted by hash: the first photo of a hash (in site order) stands for it on every site, as the
        // photo counted and as the photo met (a dry run drew two photos of one whole hash on one site, the second with
        // a window equal to another site's photo: the product meets the first one's windows only).
        const byHash = new Map<string, { hash: string; crops: string[] }>();
        for (const ps of list) for (const p of ps) if (!byHash.has(p.hash)) byHash.set(p.hash, p);
        const parsed = list.map((ps) => ps.map((p) => parsePhoto(byHash.get(p.hash)!)));
        const first = new Map<string, number>();
        list.forEach((ps, s) => {
          for (const [i, p] of ps.entries()) {
            if (first.has(p.hash)) continue;
            first.set(
              p.hash,
              parsed.filter((other) => other.some((o) => matchParsed(parsed[s][i], o, full, crop))).length,
            );
          }
        });
        list.forEach((ps, s) => {
          for (const p of ps) expect(got[s].get(p.hash)).toBe(Math.max(first.get(p.hash)!, 1));
        });
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('finds through the index pairs that differ by one bit in every band, whole to whole and window to window', () => {
    const spread = (x: bigint) => hex(flipped(x, [5, 21, 37, 53]));
    const a = 0x0123_4567_89ab_cdefn;
    const w = 0x7777_1111_2222_9999n;
    // Whole pictures 4 bits apart, none of their 16-bit bands equal.
    expect(photoSiteFrequencies([[{ hash: hex(a) }], [{ hash: spread(a) }]], 4, 4)[0].get(hex(a))).toBe(2);
    // Wholes far apart; a window of each (window 0, the same size) 4 bits apart.
    const withWindow = (full: bigint, win: string) => ({
      hash: hex(full),
      crops: Array.from({ length: 15 }, (_, i) => (i === 0 ? win : hex(full ^ BigInt(i * 977)))),
    });
    const x = withWindow(0x1111_2222_3333_4444n, hex(w));
    const y = withWindow(0x9999_aaaa_bbbb_ccccn, spread(w));
    expect(matchParsed(parsePhoto(x), parsePhoto(y), 6, 4)).toEqual({ distance: 4, crop: true });
    expect(photoSiteFrequencies([[x], [y]], 6, 4)[0].get(x.hash)).toBe(2);
    // A whole picture 4 bits from a window of the other, no band equal.
    const z = { hash: spread(w) };
    expect(photoSiteFrequencies([[x], [z]], 6, 4)[1].get(z.hash)).toBe(2);
  });

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
    // And pairs that only their ladders bring within the whole picture's bound (a copy re-cropped deeper).
    const deeper = samples.filter(([a, b]) => {
      const d = distancesParsed(parsePhoto(a), parsePhoto(b));
      return d.full > 6 && d.crop > 4 && d.ladder <= 6;
    });
    expect(deeper.length).toBeGreaterThan(5);
  });

  it('matches a copy re-cropped deeper through the ladders, steps 1 to 4 apart only, and finds it through the index', () => {
    const spread = (x: bigint) => hex(flipped(x, [5, 21, 37, 53]));
    // A photo with its 48 windows far from anything, and a ladder whose step k is `steps[k]`.
    const far = (i: number) => hex(BigInt(i) * 0x9e37_79b9_7f4a_7c15n);
    const withLadder = (steps: string[], salt: number) => ({
      hash: steps[0],
      crops: [...Array.from({ length: WINDOW_CLASS.length }, (_, i) => far(i + 1000 * salt)), ...steps.slice(1)],
    });
    const ladder = Array.from({ length: LADDER_STEPS + 1 }, (_, k) => far(k + 7));
    const original = withLadder(ladder, 1);
    for (const shift of [1, 4, 5]) {
      // The copy's step k is the original's step k + shift, 4 bits off with no 16-bit band equal.
      const copy = withLadder(
        Array.from({ length: LADDER_STEPS + 1 }, (_, k) =>
          k + shift <= LADDER_STEPS ? spread(BigInt(`0x${ladder[k + shift]}`)) : far(k + 50),
        ),
        2,
      );
      const match = matchParsed(parsePhoto(original), parsePhoto(copy), 6, 4);
      expect(match).toEqual(shift <= 4 ? { distance: 4, crop: true, ladder: true } : null);
      expect(photoSiteFrequencies([[original], [copy]], 6, 4)[0].get(original.hash)).toBe(shift <= 4 ? 2 : 1);
      // A photo hashed before the ladder (its whole picture alone) meets the copy's ladder the same way.
      const old = { hash: original.hash, crops: original.crops.slice(0, WINDOW_CLASS.length) };
      const deep = withLadder(
        [far(99), ...ladder.slice(1).map((_, k) => (k + 1 === shift ? spread(BigInt(`0x${ladder[0]}`)) : far(k + 60)))],
        3,
      );
      expect(matchParsed(parsePhoto(old), parsePhoto(deep), 6, 4)?.crop ?? null).toBe(shift <= 4 ? true : null);
    }
  });
});
