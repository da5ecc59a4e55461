import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { dhash, hashDistance, imageInfo, phash, UnreadableImageError } from '../../../images/index.ts';
import { createRng } from '../../../sitegen/prng.ts';
import { PHOTO_TRANSFORMS, transformPhoto } from '../../fixtures/images/transforms.ts';

describe('perceptual hashes', () => {
  it('keeps re-encoded, resized and watermarked copies within 6 bits, and every copy nearer its original than others', async () => {
    const rng = createRng('phash-unit');
    const originals = await Promise.all([1, 2, 3, 4].map((seed) => syntheticPhoto(seed)));
    const hashes = await Promise.all(originals.map(phash));
    for (let i = 0; i < originals.length; i++) {
      for (const kind of PHOTO_TRANSFORMS) {
        const copy = await phash(await transformPhoto(originals[i], kind, rng.fork(`${i}${kind}`)));
        const own = hashDistance(hashes[i], copy);
        if (kind === 'reencode' || kind === 'resize' || kind === 'watermark') expect(own, kind).toBeLessThanOrEqual(6);
        for (let j = 0; j < hashes.length; j++)
          if (j !== i) expect(hashDistance(hashes[j], copy), `${kind} of ${i} vs ${j}`).toBeGreaterThan(own);
      }
    }
  });

  it('gives 16 hex digits for both hashes and reads the size with EXIF orientation applied', async () => {
    const photo = await syntheticPhoto(9, { width: 300, height: 200 });
    expect(await phash(photo)).toMatch(/^[0-9a-f]{16}$/);
    expect(await dhash(photo)).toMatch(/^[0-9a-f]{16}$/);
    const rotated = await sharp(photo).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    expect(await imageInfo(rotated)).toMatchObject({ width: 200, height: 300 });
  });

  it('refuses bytes that are not a picture with a plain error', async () => {
    await expect(phash(Buffer.from('<html>not a picture</html>'))).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
