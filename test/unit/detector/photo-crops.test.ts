import { describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { CROP_WINDOWS, LADDER_WINDOWS, PHOTO_WINDOWS, WINDOW_CLASS } from '../../../detector/images/windows.ts';
import {
  buildProfile,
  compareProfiles,
  fingerprintsOf,
  type PageImage,
  photoMatch,
  photoSiteFrequencies,
} from '../../../detector/index.ts';
import { photoHashes } from '../../../images/index.ts';
import { picturePage, testHash } from '../../fixtures/images/pictures.ts';

const h = (n: number, flip = 0) => testHash(n, flip, 5);

/** An original photo n: its hash and 15 windows (as photos were hashed before the 90 % windows) (unrelated hashes standing for the windows' own pHashes). */
function original(n: number): PageImage {
  const crops = Array.from({ length: 15 }, (_, w) => h(10_000 + n * 100 + w));
  return { url: `http://a.test/${n}.jpg`, sha256: `a${n}`.padEnd(64, '0'), hash: h(n), crops, width: 400, height: 400 };
}

/** A cropped copy: its whole-picture hash is `flip` bits from window 7 of the original, far from its full hash. */
function croppedCopy(n: number, flip = 2): PageImage {
  return {
    url: `http://b.test/${n}.jpg`,
    sha256: `b${n}`.padEnd(64, '0'),
    hash: h(10_000 + n * 100 + 7, flip),
    crops: Array.from({ length: 15 }, (_, w) => h(50_000 + n * 100 + w)),
    width: 360,
    height: 380,
  };
}

const page = picturePage;

describe('cropped copies of ad photos', () => {
  it('match a window of the original within the crop distance, and only within it', () => {
    expect(photoMatch(original(1), croppedCopy(1, 4), 6, 4)).toEqual({ distance: 4, crop: true });
    expect(photoMatch(croppedCopy(1, 4), original(1), 6, 4)).toEqual({ distance: 4, crop: true });
    // A window 5 bits off is not enough, although 5 would pass as a whole-picture distance.
    expect(photoMatch(original(1), croppedCopy(1, 5), 6, 4)).toBeNull();
    expect(photoMatch(original(1), { hash: h(1, 6) }, 6, 4)).toEqual({ distance: 6, crop: false });
    // Windows are compared with windows of their own size only: two copies cropped each its own way.
    const shareWindows = { ...croppedCopy(2), crops: original(1).crops };
    expect(photoMatch(original(1), shareWindows, 6, 4)).toEqual({ distance: 0, crop: true });
    // Window 1 (95 % × whole) against window 4 (whole × 95 %): the same hash, other sizes, no match.
    const onlyWindow = (n: number, at: number) => ({
      hash: h(90_000 + n),
      crops: Array.from({ length: 15 }, (_, w) => (w === at ? h(77) : h(80_000 + n * 100 + w))),
    });
    expect(WINDOW_CLASS[0]).not.toBe(WINDOW_CLASS[3]);
    expect(photoMatch(onlyWindow(1, 0), onlyWindow(2, 3), 6, 4)).toBeNull();
    expect(photoMatch(onlyWindow(1, 0), onlyWindow(2, 0), 6, 4)).toEqual({ distance: 0, crop: true });
    expect(photoMatch(h(3), h(4), 6, 4)).toBeNull();
  });

  it('a site that kept only its photos, cropped, is a clone with the pairs marked as crops', () => {
    const ids = Array.from({ length: 8 }, (_, i) => i);
    const ref = buildProfile(
      ids.map((n) => page(`/ad/${n}`, [original(n)])),
      { site: 'ref' },
    );
    const cand = buildProfile(
      ids.map((n) => page(`/annonce/${n}`, [croppedCopy(n)])),
      { site: 'cand' },
    );
    const c = compareProfiles(ref, cand);
    expect(c.verdict).toBe('clone');
    const pairs = c.evidence.filter((e) => e.kind === 'shared-photo');
    expect(pairs).toHaveLength(8);
    expect(pairs.every((p) => p.kind === 'shared-photo' && p.crop === true && p.distance === 2)).toBe(true);
    expect(c.explanation.join('\n')).toContain('8 of them cropped (a window within 4 of 64)');
    // Without the windows, nothing matches: the whole-picture hashes are far apart.
    const bare = (p: typeof ref) => ({ ...p, photos: p.photos?.map(({ crops: _, ...x }) => x) });
    expect(compareProfiles(bare(ref), bare(cand)).evidence.some((e) => e.kind === 'shared-photo')).toBe(false);
  });

  it('specificity counts a cropped copy on another site as the same photo', () => {
    const sites = [[original(1), original(2)], [croppedCopy(1)], [{ hash: h(99) }]];
    const freq = photoSiteFrequencies(sites, 6, 4);
    expect(freq[0].get(original(1).hash)).toBe(2);
    expect(freq[1].get(croppedCopy(1).hash)).toBe(2);
    expect(freq[0].get(original(2).hash)).toBe(1);
    expect(freq[2].get(h(99))).toBe(1);
  });

  it('indexes the windows as photo-crop fingerprints beside the photo', () => {
    const p = buildProfile([page('/', [original(1)])], { site: 's' });
    const prints = fingerprintsOf(p);
    expect(prints.filter((f) => f.kind === 'photo')).toHaveLength(1);
    const crops = prints.filter((f) => f.kind === 'photo-crop');
    expect(crops).toHaveLength(15);
    expect(crops.every((f) => f.ref === original(1).sha256)).toBe(true);
  });

  it('indexes every ladder step as photo-ladder, even one equal to a crop window (step 1 is the centred 95 % one)', async () => {
    const hashes = await photoHashes(await syntheticPhoto(31));
    expect(hashes.crops).toHaveLength(PHOTO_WINDOWS.length);
    const centred = CROP_WINDOWS.findIndex((w) => w.every((x, i) => Math.abs(x - LADDER_WINDOWS[0][i]) < 1e-9));
    expect(centred).toBeGreaterThanOrEqual(0);
    expect(hashes.crops[centred]).toBe(hashes.crops[CROP_WINDOWS.length]);
    const image: PageImage = { url: 'http://a.test/p.jpg', sha256: 'c'.repeat(64), ...hashes, width: 640, height: 480 };
    const prints = fingerprintsOf(buildProfile([page('/', [image])], { site: 's' }));
    const ladder = prints.filter((f) => f.kind === 'photo-ladder').map((f) => f.value.toString(16).padStart(16, '0'));
    expect(new Set(ladder)).toEqual(new Set(hashes.crops.slice(CROP_WINDOWS.length)));
    expect(ladder).toContain(hashes.crops[centred]);
  });
});
