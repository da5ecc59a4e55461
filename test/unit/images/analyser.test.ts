import { describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { createImageAnalyser, phash } from '../../../images/index.ts';
import { PHOTO_WINDOWS } from '../../../images/perceptual-hash.ts';

describe('hashing a capture’s pictures', () => {
  it('gives an ad photo its windows, an icon and the screenshot their whole-picture hash only', async () => {
    const files = new Map([
      ['photo', await syntheticPhoto(31)],
      ['icon', await syntheticPhoto(32, { width: 64, height: 64 })],
      ['shot', await syntheticPhoto(33, { width: 1280, height: 800 })],
    ]);
    const analyser = createImageAnalyser({ read: async (s) => files.get(s)!, ocrPerCrawl: 0, ocrTimeoutMs: 1000 });
    const { images, look } = await analyser.pictures([
      { kind: 'image', sha256: 'photo', url: 'http://x.test/p.jpg' },
      { kind: 'image', sha256: 'icon', url: 'http://x.test/i.jpg' },
      { kind: 'screenshot', sha256: 'shot' },
    ]);
    const [photo, icon] = images;
    expect(photo).toMatchObject({
      url: 'http://x.test/p.jpg',
      width: 640,
      height: 480,
      hash: await phash(files.get('photo')!),
    });
    expect(photo.crops).toHaveLength(PHOTO_WINDOWS.length);
    expect(new Set(photo.crops).size).toBeGreaterThan(1);
    expect(icon).toMatchObject({ width: 64, height: 64 });
    expect(icon.crops).toBeUndefined();
    expect(look).toBe(await phash(files.get('shot')!));
    await analyser.close();
  });
});
