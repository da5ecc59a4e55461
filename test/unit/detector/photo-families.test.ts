/**
 * A photo's specificity counts families, not sites (detector/images/families.ts): a clone and its copies carry the
 * same photos, which must not make those photos look like stock, however many copies are online. Stock photos are
 * pictures spread over unrelated sites, sites that show their own numbers and texts beside them: they stay stock.
 */
import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  type Contact,
  compareProfiles,
  defaultThresholds,
  type PageImage,
  photoFamilyContent,
  photoFamilyRule,
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
const phone = (n: number): Contact => ({
  kind: 'phone',
  value: `+3363998${String(n).padStart(4, '0')}`,
  raw: `06 39 98 ${String(n).padStart(4, '0')}`,
});

/** A site: its photos, one page each, and the contacts it shows (none: a photo-only gallery). */
interface TestSite {
  photos: PageImage[];
  contacts?: Contact[];
}

/** Specificities over all the sites, with or without the family rule; the comparison of sites a and b. */
function compare(sites: TestSite[], a: number, b: number, withFamilies = true) {
  const unweighed = sites.map((s, i) =>
    buildProfile(
      s.photos.map((p, k) => picturePage(`/ad/${k}`, [p], k === 0 ? { contacts: s.contacts ?? [] } : {})),
      { site: `s${i}` },
    ),
  );
  const freq = photoSiteFrequencies(
    unweighed.map((p) => p.photos ?? []),
    defaultThresholds.photoMaxDistance,
    defaultThresholds.photoCropMaxDistance,
    withFamilies ? photoFamilyRule(defaultThresholds) : undefined,
    unweighed.map(photoFamilyContent),
  );
  const profile = (i: number) =>
    buildProfile(
      sites[i].photos.map((p, k) => picturePage(`/ad/${k}`, [p], k === 0 ? { contacts: sites[i].contacts ?? [] } : {})),
      { site: `s${i}`, photoSites: freq[i] },
    );
  return { freq, result: compareProfiles(profile(a), profile(b)) };
}

const stock = range(900, 3).map((n) => photo(n));
const own = range(0, 10);
/** The reference: its own ten photos and three stock ones, and its operator's number. */
const reference: TestSite = { photos: [...own.map((n) => photo(n)), ...stock], contacts: [phone(1)] };
/** A photo-only gallery copy: the reference's own photos re-encoded (a few bits off), no text, no number. */
const gallery = (copy: number): TestSite => ({ photos: own.map((n) => photo(n, 1 + (copy % 3))) });
/** An unrelated site that uses the stock photos beside its own, with its own number. */
const stockUser = (k: number): TestSite => ({
  photos: [...stock, ...range(2000 + 10 * k, 2).map((n) => photo(n))],
  contacts: [phone(100 + k)],
});

describe('photo families in the specificity', () => {
  it.each([1, 3, 5, 10])('a photo-only gallery with %i copies online is a clone; stock photos stay stock', (copies) => {
    const stockUsers = range(0, 6).map(stockUser);
    const sites = [reference, ...range(0, copies).map(gallery), ...stockUsers];
    const { freq, result } = compare(sites, 0, 1);
    // The reference's own photos: the reference and its copies, one family.
    expect(freq[0].get(reference.photos[0].hash)).toBe(1);
    expect(freq[1].get(sites[1].photos[0].hash)).toBe(1);
    // The stock photos: the reference's family and six unrelated sites.
    expect(freq[0].get(stock[0].hash)).toBe(7);
    expect(result.verdict).toBe('clone');
    // A stock user is no clone of the reference, nor of another stock user.
    expect(compare(sites, 0, copies + 1).result.verdict).not.toBe('clone');
    expect(compare(sites, copies + 1, copies + 2).result.verdict).not.toBe('clone');
  });

  it('counted site by site (no family rule), three copies online weigh the gallery down; the copy rule still reads it', () => {
    const sites = [reference, ...range(0, 3).map(gallery), ...range(0, 6).map(stockUser)];
    const { result } = compare(sites, 0, 1, false);
    // Each of the reference's photos on four sites weighs 1/3: the weighed shares fall under the photo rule's line
    // (this once made the gallery unrelated)…
    const c = result.families.content;
    expect(Math.sqrt(c.photoCandidateShare * c.photoReferenceShare)).toBeLessThan(defaultThresholds.clonePhotoShare);
    // …while counted as ad texts are, every picture of the gallery is the reference's, and 10 of its 13 are on it.
    expect(c.photoCopyCandidateShare).toBe(1);
    expect(c.photoCopyReferenceShare).toBeCloseTo(10 / 13, 2);
    expect(result.verdict).toBe('clone');
    expect(result.explanation.at(-1)).toContain("the reference's ad pictures both ways");
  });

  it('the same photos on many sites that show their own numbers are stock, whatever their share', () => {
    const shared = range(500, 6).map((n) => photo(n));
    const sites = range(0, 8).map((s) => ({ photos: [...shared, photo(1000 + s)], contacts: [phone(200 + s)] }));
    const { freq, result } = compare(sites, 0, 1);
    expect(freq[0].get(shared[0].hash)).toBe(sites.length);
    expect(result.verdict).not.toBe('clone');
  });

  it('sites that share photos and a number are one family, however many they are', () => {
    const shared = range(500, 6).map((n) => photo(n));
    const sites = range(0, 8).map((s) => ({ photos: [...shared, photo(1000 + s)], contacts: [phone(7)] }));
    expect(compare(sites, 0, 1).freq[0].get(shared[0].hash)).toBe(1);
  });

  it('sites sharing a minority of their photos are no family', () => {
    const sites = [
      reference,
      { photos: [...own.slice(0, 3).map((n) => photo(n, 1)), ...range(100, 10).map((n) => photo(n))] },
    ];
    const { freq } = compare(sites, 0, 1);
    expect(freq[0].get(reference.photos[0].hash)).toBe(2);
    expect(freq[0].get(reference.photos[5].hash)).toBe(1);
  });

  it('copies of a stock user do not make the stock photos specific to the reference', () => {
    // Three mirrors of one stock user (same number): one family, counted once beside five other stock users.
    const sites = [reference, stockUser(0), stockUser(0), stockUser(0), ...range(1, 5).map(stockUser)];
    const { freq } = compare(sites, 0, 1);
    expect(freq[0].get(stock[0].hash)).toBe(1 + 1 + 5);
  });
});
