/**
 * Property tests (fast-check) of the contact families (detector/compare/contact-families.ts): the same families as the
 * pairwise brute force they replaced (kept below as the reference, as it was), on random corpora whose ads, photos
 * and photo windows are near-duplicates of a few base hashes at distances around the thresholds
 * (test/helpers/near-hashes.ts), under random thresholds (fractional, negative, past 64, NaN included) and random band
 * plans (forced indexes of any band count, budgets that give up, no index at all: the site pair by site pair path). The band index alone:
 * hamming-join.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contactFamilyCounts, contactKey } from '../../../detector/compare/contact-families.ts';
import { bandPlan, planBands } from '../../../detector/compare/hamming-join.ts';
import { fromHex64, type Hash64, hamming64 } from '../../../detector/hash64.ts';
import { matchParsed, type ParsedPhoto, parsePhoto } from '../../../detector/images/photos.ts';
import { LADDER_STEPS, PHOTO_WINDOWS, WINDOW_CLASS } from '../../../detector/images/windows.ts';
import {
  type Contact,
  type DetectorThresholds,
  defaultThresholds,
  type PhotoFingerprint,
  type SiteProfile,
} from '../../../detector/index.ts';
import { testHash } from '../../fixtures/images/pictures.ts';
import { base, farHash, hexOf, nearHash, plannerArb } from '../../helpers/near-hashes.ts';

// ---------------------------------------------------------------------------------------------------------------
// The reference: contactFamilyCounts as it was before the band index (pairwise, every ad and photo compared).

function countShared<T>(a: T[], b: T[], same: (x: T, y: T) => boolean, enough: number): boolean {
  let n = 0;
  for (const x of a) {
    if (b.some((y) => same(x, y)) && ++n >= enough) return true;
  }
  return false;
}

function referenceFamilyCounts(profiles: SiteProfile[], t: DetectorThresholds): Record<string, number> {
  const carriers = new Map<string, number[]>();
  const own = new Set<string>();
  profiles.forEach((p, i) => {
    for (const c of p.contacts) {
      const key = contactKey(c);
      if (c.scope === 'site') own.add(key);
      const list = carriers.get(key) ?? [];
      if (list.at(-1) !== i) list.push(i);
      carriers.set(key, list);
    }
  });
  const content = (i: number): { ads: Hash64[]; photos: ParsedPhoto[] } => ({
    ads: profiles[i].ads.map((a) => fromHex64(a.fingerprint)),
    photos: (profiles[i].photos ?? []).map(parsePhoto),
  });
  const isLinked = (i: number, j: number): boolean => {
    const a = content(i);
    const b = content(j);
    return (
      countShared(a.ads, b.ads, (x, y) => hamming64(x, y) <= t.adMaxDistance, t.minSharedAds) ||
      countShared(
        a.photos,
        b.photos,
        (x, y) => matchParsed(x, y, t.photoMaxDistance, t.photoCropMaxDistance) !== null,
        t.minSharedPhotos,
      )
    );
  };
  const families: Record<string, number> = {};
  for (const key of own) {
    const sites = carriers.get(key)!;
    if (sites.length < 3 || sites.length > 64) continue;
    const parent = sites.map((_, n) => n);
    const find = (n: number): number => {
      while (parent[n] !== n) n = parent[n];
      return n;
    };
    for (let a = 0; a < sites.length; a++)
      for (let b = a + 1; b < sites.length; b++)
        if (find(a) !== find(b) && isLinked(sites[a], sites[b])) parent[find(a)] = find(b);
    const count = new Set(sites.map((_, n) => find(n))).size;
    if (count < sites.length) families[key] = count;
  }
  return families;
}

// ---------------------------------------------------------------------------------------------------------------
// Random corpora: ads, photos and windows a few bits off a few bases (test/helpers/near-hashes.ts).

const siteArb = fc.record({
  ads: fc.array(nearHash, { maxLength: 8 }),
  photos: fc.array(
    fc.record({
      hash: nearHash,
      // No windows, some of the first 15, or all 56 (the 48 crop windows and the ladder's 8: windows.ts).
      crops: fc.option(
        fc.oneof(
          fc.array(fc.oneof(nearHash, farHash), { maxLength: 15 }),
          fc.array(fc.oneof(nearHash, farHash), { minLength: PHOTO_WINDOWS.length, maxLength: PHOTO_WINDOWS.length }),
        ),
        { nil: undefined, freq: 2 },
      ),
    }),
    { maxLength: 6 },
  ),
  /** Contacts by number: which of the corpus's contacts the site carries. */
  contacts: fc.array(fc.nat({ max: 5 }), { maxLength: 4 }),
});

const distanceArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }) },
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: 21, max: 66 }) },
  { weight: 2, arbitrary: fc.constantFrom(-1, 0, 0.5, 1, 3.7, 12.5, 63.9, 64, Number.POSITIVE_INFINITY, Number.NaN) },
);
const enoughArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 0.5, 1.5, 2.25, -1) },
);
const thresholdsArb = fc.record({
  adMaxDistance: distanceArb,
  photoMaxDistance: distanceArb,
  photoCropMaxDistance: distanceArb,
  minSharedAds: enoughArb,
  minSharedPhotos: enoughArb,
});

const corpusArb = fc.record({
  bases: fc.array(base, { minLength: 1, maxLength: 4 }),
  sites: fc.array(siteArb, { minLength: 3, maxLength: 14 }),
  /** Scope of each contact number (site: an operator's own, ad: an advertiser's). */
  scopes: fc.array(fc.constantFrom<'site' | 'ad'>('site', 'ad'), { minLength: 6, maxLength: 6 }),
  everywhere: fc.boolean(),
  /** Some corpora link by photos alone (no ads) or by ads alone, so that neither rule hides the other. */
  only: fc.constantFrom('both', 'both', 'ads', 'photos'),
});
type Corpus = typeof corpusArb extends fc.Arbitrary<infer T> ? T : never;

function profiles(c: Corpus): SiteProfile[] {
  return c.sites.map((full, i) => {
    const s = { ...full, ads: c.only === 'photos' ? [] : full.ads, photos: c.only === 'ads' ? [] : full.photos };
    const site = `s${i}.test`;
    const contacts: Contact[] = [...s.contacts, ...(c.everywhere ? [0] : [])].map((n) => ({
      kind: 'email',
      value: `contact${n}@agence.example`,
      raw: `contact${n}@agence.example`,
      scope: c.scopes[n],
    }));
    const photos: PhotoFingerprint[] = s.photos.map((p, n) => ({
      url: `http://${site}/p/${n}.jpg`,
      sha256: `${site}-${n}`.padEnd(64, '0'),
      hash: hexOf(c.bases, p.hash),
      ...(p.crops ? { crops: p.crops.map((h) => hexOf(c.bases, h)) } : {}),
      specificity: 1,
    }));
    return {
      version: 1,
      site,
      pageCount: s.ads.length + 1,
      pageTypes: { listing: 1, ad: s.ads.length, other: 0 },
      layout: { listing: null, ad: null, other: null },
      layoutAll: null,
      contacts,
      ads: s.ads.map((h, n) => ({
        id: `/annonce/${n}.html`,
        url: `http://${site}/annonce/${n}.html`,
        fingerprint: hexOf(c.bases, h),
        text: `Petits travaux de jardinage ${n}.`,
      })),
      textAll: null,
      pivots: [],
      photos,
    };
  });
}

const KEY = 'phone:+33199000001';

/** Site n carrying the operator's phone, with these ad fingerprints and photo hashes (no windows). */
function site(n: number, ads: string[], photos: string[] = []): SiteProfile {
  return {
    version: 1,
    site: `s${n}.test`,
    pageCount: ads.length + 1,
    pageTypes: { listing: 1, ad: ads.length, other: 0 },
    layout: { listing: null, ad: null, other: null },
    layoutAll: null,
    contacts: [{ kind: 'phone', value: '+33199000001', raw: '01 99 00 00 01', scope: 'site' }],
    ads: ads.map((fingerprint, i) => ({ id: `${i}`, url: `http://s${n}.test/${i}`, fingerprint, text: '' })),
    textAll: null,
    pivots: [],
    photos: photos.map((hash, i) => ({
      url: `http://s${n}.test/${i}.jpg`,
      sha256: `s${n}-${i}`.padEnd(64, '0'),
      hash,
      specificity: 1,
    })),
  };
}

describe('contactFamilyCounts', () => {
  it('gives the pairwise brute force its families, on any corpus, thresholds and band plans', () => {
    fc.assert(
      fc.property(corpusArb, thresholdsArb, plannerArb, (c, th, [, planner]) => {
        const ps = profiles(c);
        const t = { ...defaultThresholds, ...th };
        const got = contactFamilyCounts(ps, t, planner);
        const expected = referenceFamilyCounts(ps, t);
        expect(got).toEqual(expected);
        expect(Object.keys(got)).toEqual(Object.keys(expected));
      }),
      { numRuns: 600 },
    );
  });

  it('under the default thresholds and plans', () => {
    fc.assert(
      fc.property(corpusArb, (c) => {
        const ps = profiles(c);
        expect(contactFamilyCounts(ps, defaultThresholds)).toEqual(referenceFamilyCounts(ps, defaultThresholds));
      }),
      { numRuns: 200 },
    );
  });

  it('past 64 bits for windows, every two photos match, windows or not (a missing window counts 65)', () => {
    // Three sites of unrelated photos, none with windows (and one without photos): linked only when a missing
    // window is near enough.
    const ps = [
      site(0, [], ['0000000000000000', '1000000000000000', '2000000000000000']),
      site(1, [], ['ffffffffffff0fff', 'ffffffffffff1fff', 'ffffffffffff2fff']),
      site(2, [], ['0f0f0f0f0f0f0f00', '0f0f0f0f0f0f0f01', '0f0f0f0f0f0f0f02']),
      site(3, []),
    ];
    for (const photoCropMaxDistance of [64, 64.5, 65, 100, Number.POSITIVE_INFINITY]) {
      const t = { ...defaultThresholds, photoCropMaxDistance };
      const expected = referenceFamilyCounts(ps, t);
      expect(expected).toEqual(photoCropMaxDistance >= 65 ? { [KEY]: 2 } : {});
      for (const planner of [planBands, () => null]) expect(contactFamilyCounts(ps, t, planner)).toEqual(expected);
    }
  });

  it('links two copies cropped each its own way: a window near a window of the same size, not of another size', () => {
    // Sites 0 and 1 show three pictures each whose whole hashes are far apart and far from every window; window 0 of
    // each of site 0's pictures is 3 bits from window 0 of site 1's (window 0 and window 3 are of other sizes).
    const windows = (n: number, at: number, w: string) =>
      Array.from({ length: 15 }, (_, i) => (i === at ? w : testHash(n * 100 + i + 50_000)));
    const shared = [1, 2, 3].map((i) => testHash(i + 900));
    const photo = (s: number, i: number, at: number, flip: number) => ({
      hash: testHash(s * 10 + i + 7000),
      crops: windows(s * 10 + i, at, testHash(i + 900, flip)),
    });
    const make = (at1: number) => {
      const ps = [site(0, []), site(1, []), site(2, [], [testHash(5)])];
      ps[0].photos = [0, 1, 2].map((i) => ({ ...photo(0, i, 0, 0), url: `u0${i}`, sha256: `a${i}`, specificity: 1 }));
      ps[1].photos = [0, 1, 2].map((i) => ({ ...photo(1, i, at1, 3), url: `u1${i}`, sha256: `b${i}`, specificity: 1 }));
      return ps;
    };
    expect(WINDOW_CLASS[0]).not.toBe(WINDOW_CLASS[3]);
    expect(shared).toHaveLength(3);
    // Small sets make planBands decline the index (the pairwise code then decides): the forced plan takes the index.
    const indexed = (_i: number, _q: number, d: number) => bandPlan(Math.max(4, Math.floor(d / 3) + 1), d);
    const sameSize = make(0);
    const otherSize = make(3);
    expect(referenceFamilyCounts(sameSize, defaultThresholds)).toEqual({ [KEY]: 2 });
    expect(referenceFamilyCounts(otherSize, defaultThresholds)).toEqual({});
    for (const planner of [planBands, indexed]) {
      expect(contactFamilyCounts(sameSize, defaultThresholds, planner)).toEqual({ [KEY]: 2 });
      expect(contactFamilyCounts(otherSize, defaultThresholds, planner)).toEqual({});
    }
  });

  it('links a copy re-cropped deeper through the ladders 1 to 4 steps apart, never through a deeper ladder step', () => {
    // Site 1's pictures are site 0's seen deeper: site 0's whole picture is 3 bits from site 1's ladder step `step` (within both bounds).
    // Every other view of each is far from everything.
    const ladderPhoto = (n: number, step: number, whole: string) => ({
      hash: testHash(n + 7000),
      crops: [
        ...Array.from({ length: WINDOW_CLASS.length }, (_, i) => testHash(n * 100 + i + 50_000)),
        ...Array.from({ length: LADDER_STEPS }, (_, k) => (k + 1 === step ? whole : testHash(n * 100 + k + 80_000))),
      ],
    });
    const make = (step: number) => {
      const ps = [site(0, []), site(1, []), site(2, [], [testHash(5)])];
      ps[0].photos = [0, 1, 2].map((i) => ({
        hash: testHash(i + 900),
        url: `u0${i}`,
        sha256: `a${i}`,
        specificity: 1,
      }));
      ps[1].photos = [0, 1, 2].map((i) => ({
        ...ladderPhoto(10 + i, step, testHash(i + 900, 3)),
        url: `u1${i}`,
        sha256: `b${i}`,
        specificity: 1,
      }));
      return ps;
    };
    const indexed = (_i: number, _q: number, d: number) => bandPlan(Math.max(4, Math.floor(d / 3) + 1), d);
    for (const [step, linked] of [
      [1, true],
      [4, true],
      [5, false],
      [8, false],
    ] as const) {
      const ps = make(step);
      const expected = linked ? { [KEY]: 2 } : {};
      expect(referenceFamilyCounts(ps, defaultThresholds), `step ${step}`).toEqual(expected);
      for (const planner of [planBands, indexed])
        expect(contactFamilyCounts(ps, defaultThresholds, planner), `step ${step}`).toEqual(expected);
    }
  });

  it('at distance 0, equal ads or equal photos on three sites make one family', () => {
    const ad = '0123456789abcdef';
    const ads = [site(0, [ad, ad]), site(1, [ad, ad]), site(2, [ad]), site(3, ['0123456789abcdee'])];
    const photos = [site(0, [], [ad]), site(1, [], [ad]), site(2, [], [ad]), site(3, [], ['0123456789abcdee'])];
    const t = { ...defaultThresholds, adMaxDistance: 0, photoMaxDistance: 0, photoCropMaxDistance: -1 };
    for (const minShared of [1, 2]) {
      const th = { ...t, minSharedAds: minShared, minSharedPhotos: minShared };
      expect(contactFamilyCounts(ads, th)).toEqual(referenceFamilyCounts(ads, th));
      expect(contactFamilyCounts(photos, th)).toEqual(referenceFamilyCounts(photos, th));
    }
    expect(contactFamilyCounts(ads, { ...t, minSharedAds: 1 })).toEqual({ [KEY]: 2 });
    expect(contactFamilyCounts(photos, { ...t, minSharedPhotos: 1 })).toEqual({ [KEY]: 2 });
  });

  it('reads hashes as fromHex64 does, malformed ones included', () => {
    const odd = [
      '0123456789ABCDEF',
      '0x23456789abcdef',
      ' 123456789abcdef',
      '0123456789abcd',
      '',
      'zz',
      '0123456789abcdef01',
    ];
    const ads = [site(0, odd), site(1, odd.slice(1).reverse()), site(2, odd.slice(0, 4)), site(3, odd.slice(3))];
    const photos = [
      site(0, [], odd),
      site(1, [], odd.slice(2)),
      site(2, [], odd.slice(4)),
      site(3, [], ['0123456789abcdef']),
    ];
    for (const minShared of [1, 2, 3, 4]) {
      const t = {
        ...defaultThresholds,
        adMaxDistance: 0,
        photoMaxDistance: 0,
        minSharedAds: minShared,
        minSharedPhotos: minShared,
      };
      expect(contactFamilyCounts(ads, t)).toEqual(referenceFamilyCounts(ads, t));
      expect(contactFamilyCounts(photos, t)).toEqual(referenceFamilyCounts(photos, t));
    }
  });

  it('counts the ads of the lower site that match, not a matching: three copies of one ad against one', () => {
    const ad = '0123456789abcdef';
    const other = 'fedcba9876543210';
    const t = defaultThresholds;
    // s0 (lower) carries the ad three times, s1 once: s0's three copies each have a match on s1.
    const ps = [site(0, [ad, ad, ad]), site(1, [ad]), site(2, [other])];
    expect(referenceFamilyCounts(ps, t)).toEqual({ [KEY]: 2 });
    expect(contactFamilyCounts(ps, t)).toEqual({ [KEY]: 2 });
    // The other way round (s0 once, s1 three times): s0's one ad is not enough.
    const swapped = [site(0, [ad]), site(1, [ad, ad, ad]), site(2, [other])];
    expect(referenceFamilyCounts(swapped, t)).toEqual({});
    expect(contactFamilyCounts(swapped, t)).toEqual({});
  });
});
