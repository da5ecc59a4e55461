/**
 * A photo's specificity counts a clone's family once: a clone and its mirror carry the same photos, which must not
 * make those photos look like stock. A stock set shared by more sites than a family holds stays stock, and so do
 * stock photos the reference carries beside its own.
 */
import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  compareProfiles,
  defaultThresholds,
  type PageImage,
  photoSiteFrequencies,
} from '../../../detector/index.ts';
import { picturePage, testHash } from '../../fixtures/images/pictures.ts';

const photo = (n: number, flip = 0): PageImage => ({
  url: `http://x.test/p/${n}-${flip}.jpg`,
  sha256: `${n}-${flip}`.padEnd(64, '0'),
  hash: testHash(n, flip, 7),
  width: 400,
  height: 400,
});
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const family = {
  minShared: defaultThresholds.minSharedPhotos,
  share: defaultThresholds.clonePhotoShare,
  maxSites: defaultThresholds.photoFamilySites,
};

/** Each site one page per photo; specificities over all of them, with or without the family rule. */
function compare(sites: PageImage[][], a: number, b: number, withFamilies = true) {
  const freq = photoSiteFrequencies(sites, 6, 4, withFamilies ? family : undefined);
  const profile = (i: number) =>
    buildProfile(
      sites[i].map((p, k) => picturePage(`/ad/${k}`, [p])),
      { site: `s${i}`, photoSites: freq[i] },
    );
  return { freq, result: compareProfiles(profile(a), profile(b)) };
}

const stock = range(900, 3).map((n) => photo(n));
const own = range(0, 7);
const reference = [...own.map((n) => photo(n)), ...stock];
const copy = (flip: number) => [...own.map((n) => photo(n, flip)), ...stock];
const stockOnly = () => stock.map((p) => ({ ...p }));

describe('photo families in the specificity', () => {
  it('a clone with a mirror online stays a clone; without the family rule it fell to unrelated', () => {
    const sites = [reference, copy(1), copy(2), stockOnly(), stockOnly(), stockOnly(), stockOnly()];
    const { freq, result } = compare(sites, 0, 1);
    expect(freq[0].get(reference[0].hash)).toBe(1);
    // The stock photos: the reference and the four stock-only sites; the clone and its mirror are its family.
    expect(freq[0].get(stock[0].hash)).toBe(5);
    expect(result.verdict).toBe('clone');
    expect(compare(sites, 0, 1, false).result.verdict).not.toBe('clone');
  });

  it('a stock-only site is no clone of a site that carries the same stock photos beside its own', () => {
    const sites = [reference, copy(1), stockOnly(), stockOnly(), stockOnly(), stockOnly()];
    expect(compare(sites, 0, 2).result.verdict).not.toBe('clone');
  });

  it('the same photos on more sites than a family holds are stock, whatever their share', () => {
    const shared = range(500, 6).map((n) => photo(n));
    const sites = range(0, defaultThresholds.photoFamilySites + 2).map((s) => [...shared, photo(1000 + s)]);
    const { freq, result } = compare(sites, 0, 1);
    expect(freq[0].get(shared[0].hash)).toBe(sites.length);
    expect(result.verdict).not.toBe('clone');
  });

  it('sites sharing a minority of their photos are no family', () => {
    const sites = [reference, [...own.slice(0, 3).map((n) => photo(n, 1)), ...range(100, 10).map((n) => photo(n))]];
    const { freq } = compare(sites, 0, 1);
    expect(freq[0].get(reference[0].hash)).toBe(2);
    expect(freq[0].get(reference[5].hash)).toBe(1);
  });
});
