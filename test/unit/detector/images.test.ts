import { describe, expect, it } from 'vitest';
import {
  buildProfile,
  compareProfiles,
  fingerprintsOf,
  type PageImage,
  photoSiteFrequencies,
} from '../../../detector/index.ts';
import { picturePage, testHash } from '../../fixtures/images/pictures.ts';

/** A deterministic 64-bit hash per photo number, and a copy with `flip` bits changed (a re-encoded copy). */
const photoHash = (n: number, flip = 0) => testHash(n, flip, 7);

function photo(n: number, flip = 0, side = 400): PageImage {
  return {
    url: `http://x.test/p/${n}-${flip}.jpg`,
    sha256: `${n}-${flip}`.padEnd(64, '0'),
    hash: photoHash(n, flip),
    width: side,
    height: side,
  };
}

const page = picturePage;

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe('ad photos in the detector', () => {
  it('a site that kept only its photos (re-encoded: a few bits off) is a clone, with the pairs as evidence', () => {
    const ref = buildProfile(
      range(0, 9).map((n) => page(`/ad/${n}`, [photo(n)])),
      { site: 'ref' },
    );
    const cand = buildProfile(
      range(0, 9).map((n) => page(`/annonce/${n}`, [photo(n, n % 4)])),
      { site: 'cand' },
    );
    const c = compareProfiles(ref, cand);
    expect(c.verdict).toBe('clone');
    expect(c.signals.photos).toBe(1);
    const pairs = c.evidence.filter((e) => e.kind === 'shared-photo');
    expect(pairs).toHaveLength(9);
    expect(c.explanation.join('\n')).toContain('9 ad photos identical or near-identical (distance ≤ 6 of 64');
  });

  it("an advertiser's own small site sharing its few ads' photos is no clone; a partial copy of most pictures is", () => {
    // The reference shows 30 ads' photos, each twice (a thumbnail and its full view: one picture, a few bits apart).
    const ref = buildProfile(
      range(0, 30).map((n) => page(`/ad/${n}`, [photo(n), photo(n, 2)])),
      { site: 'ref' },
    );
    // The advertiser's site: 6 ads, 4 of them also on the reference, with the same photos.
    const own = buildProfile(
      [...range(0, 4), ...range(200, 2)].map((n) => page(`/mes-annonces/${n}`, [photo(n, 1), photo(n, 3)])),
      { site: 'own' },
    );
    const small = compareProfiles(ref, own);
    expect(small.verdict).not.toBe('clone');
    expect(small.explanation.join('\n')).toContain("67 % of the candidate's photos, 13 % of the reference's");
    // A copy of 18 of the 30 ads' pictures (each once): both ways √(1 × 0.6) ≈ 0.77, a clone by its photos.
    const copy = buildProfile(
      range(0, 18).map((n) => page(`/galerie/${n}`, [photo(n, 1)])),
      { site: 'copy' },
    );
    const c = compareProfiles(ref, copy);
    expect(c.verdict).toBe('clone');
    expect(c.explanation.join('\n')).toContain("100 % of the candidate's photos, 60 % of the reference's");
  });

  it('unrelated photos stay unrelated, and icons under 100 px are not ad photos', () => {
    const ref = buildProfile(
      range(0, 9).map((n) => page(`/ad/${n}`, [photo(n), photo(500, 0, 32)])),
      { site: 'ref' },
    );
    const cand = buildProfile(
      range(100, 9).map((n) => page(`/ad/${n}`, [photo(n), photo(500, 0, 32)])),
      { site: 'c' },
    );
    const c = compareProfiles(ref, cand);
    expect(c.verdict).toBe('unrelated');
    expect(c.evidence.some((e) => e.kind === 'shared-photo')).toBe(false);
  });

  it('stock photos seen on many sites are weighed down by their specificity', () => {
    const stock = range(900, 6);
    const sites = range(0, 6).map((s) => [...stock.map((n) => photoHash(n)), photoHash(1000 + s)]);
    const photoSites = photoSiteFrequencies(sites, 6);
    expect(photoSites[0].get(photoHash(900))).toBe(6);
    const build = (s: number) =>
      buildProfile([page('/', [...stock.map((n) => photo(n)), photo(1000 + s)])], {
        site: `s${s}`,
        photoSites: photoSites[s],
      });
    const c = compareProfiles(build(0), build(1));
    expect(c.evidence.filter((e) => e.kind === 'shared-photo')).toHaveLength(6);
    expect(c.verdict).not.toBe('clone');
    expect(c.explanation.join('\n')).toMatch(/6 of them also on other sites, weighed down/);
  });

  it('photos and the look are band-indexed fingerprints', () => {
    const p = buildProfile([page('/', [photo(1)], { look: photoHash(7) })], { site: 's' });
    const kinds = fingerprintsOf(p).map((f) => f.kind);
    expect(kinds).toContain('photo');
    expect(kinds).toContain('look');
  });

  it('the look of the home page counts as layout when the DOM was rebuilt', () => {
    const base = { pageType: 'listing' as const };
    const ref = buildProfile([page('/', [], { ...base, layout: { 'html>body>div': 3 }, look: photoHash(3) })], {
      site: 'r',
    });
    const cand = buildProfile(
      [page('/', [], { ...base, layout: { 'html>body>main>section': 4 }, look: photoHash(3, 2) })],
      {
        site: 'c',
      },
    );
    const c = compareProfiles(ref, cand);
    expect(c.signals.look).toBeGreaterThan(0.9);
    expect(c.explanation.join('\n')).toMatch(/home page screenshot distance 2\/64 \(same look\)/);
  });

  it('a number read in a picture is shared as such and says so', () => {
    const phone = { kind: 'phone' as const, value: '+33639981234', raw: '06 39 98 12 34' };
    const ref = buildProfile([page('/', [], { contacts: [phone] })], { site: 'r' });
    const cand = buildProfile([page('/', [], { contacts: [{ ...phone, source: 'image' }] })], { site: 'c' });
    const c = compareProfiles(ref, cand);
    const shared = c.evidence.find((e) => e.kind === 'shared-contact');
    expect(shared).toMatchObject({ values: ['+33639981234'], fromImages: ['+33639981234'] });
    expect(c.explanation[0]).toBe('1 of 1 phone numbers shared: +33 6 39 98 12 34 (in a picture)');
  });
});
