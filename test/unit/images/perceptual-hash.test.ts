import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import { photoMatch } from '../../../detector/index.ts';
import { dhash, hashDistance, imageInfo, phash, photoHashes, UnreadableImageError } from '../../../images/index.ts';
import { CROP_WINDOWS, PHOTO_WINDOWS, RASTER_SIDE, windowPixels } from '../../../images/perceptual-hash.ts';
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

  it('matches cropped copies through a window, which the whole-picture hash alone mostly misses', async () => {
    let matched = 0;
    let wholeOnly = 0;
    // 10 % of each side split between both ends, and 6 % off the left and the top only (640×480 originals).
    const crops = [
      { left: 32, top: 24, width: 576, height: 432 },
      { left: 38, top: 29, width: 602, height: 451 },
    ];
    for (const [seed, crop] of [11, 12, 13, 14, 15, 16].flatMap((s) => crops.map((c) => [s, c] as const))) {
      const photo = await syntheticPhoto(seed);
      const copy = await sharp(photo).extract(crop).jpeg().toBuffer();
      const [a, b] = await Promise.all([photoHashes(photo), photoHashes(copy)]);
      expect(a.hash).toBe(await phash(photo));
      expect(a.crops).toHaveLength(56);
      if (photoMatch(a, b, 6, 4)) matched++;
      if (photoMatch({ hash: a.hash }, { hash: b.hash }, 6, 4)) wholeOnly++;
      // Unrelated scenes stay apart, windows included.
      expect(photoMatch(a, await photoHashes(await syntheticPhoto(seed + 100)), 6, 4)).toBeNull();
    }
    // 12 copies: the windows match all but at most one; the whole pictures alone, half at most.
    expect(matched).toBeGreaterThanOrEqual(11);
    expect(wholeOnly).toBeLessThanOrEqual(6);
  });

  it('matches copies re-cropped deeper and stamped along the bottom through the ladder, which the 48 windows often miss', async () => {
    let matched = 0;
    let windowsOnly = 0;
    // 8–9 % off each side (a sixth of each dimension) and a dark band with a domain over the bottom tenth; WebP.
    const [left, top, width, height] = [58, 38, 640 - 58 - 51, 480 - 38 - 46];
    const band = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0" y="${height - 48}" width="${width}" height="48" fill="#000" fill-opacity="0.5"/><text x="${width - 12}" y="${height - 14}" font-family="sans-serif" font-size="26" fill="#fff" text-anchor="end">troc-ouest.test</text></svg>`;
    for (const seed of [11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) {
      const photo = await syntheticPhoto(seed);
      const cut = await sharp(photo).extract({ left, top, width, height }).png().toBuffer();
      const marked = await sharp(cut)
        .composite([{ input: Buffer.from(band), top: 0, left: 0 }])
        .png()
        .toBuffer();
      const copy = await sharp(marked).resize(480).webp({ quality: 75 }).toBuffer();
      const [a, b] = await Promise.all([photoHashes(photo), photoHashes(copy)]);
      if (photoMatch(a, b, 6, 4)) matched++;
      const first48 = (h: typeof a) => ({ hash: h.hash, crops: h.crops.slice(0, 48) });
      if (photoMatch(first48(a), first48(b), 6, 4)) windowsOnly++;
      // Unrelated scenes stay apart, ladders included.
      expect(photoMatch(a, await photoHashes(await syntheticPhoto(seed + 100)), 6, 4)).toBeNull();
    }
    // Measured when written: 10 of 10 with the ladder, 5 with the 48 windows alone.
    expect(matched).toBeGreaterThanOrEqual(9);
    expect(windowsOnly).toBeLessThanOrEqual(7);
  });

  it('stops the ladder at its first flat step: unrelated pictures with a plain middle do not meet there', async () => {
    // Five unrelated pictures: a textured frame (12 % of each side, its own noise) around a plain white middle.
    const framed = async (seed: number) => {
      const rng = createRng(`frame-${seed}`);
      const [w, h] = [400, 300];
      const px = Buffer.alloc(w * h * 3, 255);
      // Blocks of 25 px, each its own grey: a frame a pHash sees (pixel noise would average out).
      const blocks = Array.from({ length: 16 * 12 }, () => rng.int(0, 255));
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          if (x > w * 0.12 && x < w * 0.88 && y > h * 0.12 && y < h * 0.88) continue;
          px.fill(blocks[Math.floor(y / 25) * 16 + Math.floor(x / 25)], (y * w + x) * 3, (y * w + x) * 3 + 3);
        }
      return sharp(px, { raw: { width: w, height: h, channels: 3 } })
        .png()
        .toBuffer();
    };
    const hashes = await Promise.all([1, 2, 3, 4, 5].map(async (s) => photoHashes(await framed(s))));
    for (const x of hashes) {
      expect(x.crops.length).toBeGreaterThanOrEqual(CROP_WINDOWS.length);
      expect(x.crops.length).toBeLessThan(PHOTO_WINDOWS.length);
    }
    // What the ladder adds between them: nothing (the crop windows decide as they did before it).
    const first48 = (x: (typeof hashes)[number]) => ({ hash: x.hash, crops: x.crops.slice(0, CROP_WINDOWS.length) });
    for (let i = 0; i < hashes.length; i++)
      for (let j = i + 1; j < hashes.length; j++)
        expect(photoMatch(hashes[i], hashes[j], 6, 4)).toEqual(
          photoMatch(first48(hashes[i]), first48(hashes[j]), 6, 4),
        );
  });

  it('samples a window as the mean of its area', () => {
    // The raster hashes are sampled from: left half black, right half white.
    const R = RASTER_SIDE;
    const raster = new Uint8Array(R * R).map((_, i) => (i % R < R / 2 ? 0 : 255));
    const whole = windowPixels(raster, 0, 0, 1, 1);
    expect(whole[0]).toBe(0);
    expect(whole[31]).toBe(255);
    // A window inside the right half is all white.
    expect(windowPixels(raster, 0.52, 0, 1, 1).every((v) => v === 255)).toBe(true);
    expect(CROP_WINDOWS).toHaveLength(48);
    expect(CROP_WINDOWS.every(([x0, y0, x1, y1]) => x1 - x0 > 0.9 - 1e-9 && y1 - y0 > 0.9 - 1e-9)).toBe(true);
    // The first 15 are the windows of the 95 % spans, as photos hashed before the 90 % spans stored them.
    expect(CROP_WINDOWS.slice(0, 15).every(([x0, y0, x1, y1]) => x1 - x0 > 0.95 - 1e-9 && y1 - y0 > 0.95 - 1e-9)).toBe(
      true,
    );
    expect(CROP_WINDOWS.slice(15).every(([x0, y0, x1, y1]) => x1 - x0 < 0.95 - 1e-9 || y1 - y0 < 0.95 - 1e-9)).toBe(
      true,
    );
    expect(new Set(CROP_WINDOWS.map((w) => w.join())).size).toBe(48);
  });

  it('gives a flat picture no windows, and a photograph all of them', async () => {
    const gradient = await sharp(
      Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><defs><linearGradient id="g"><stop offset="0" stop-color="#cde"/><stop offset="1" stop-color="#89a"/></linearGradient></defs><rect width="400" height="300" fill="url(#g)"/></svg>',
      ),
    )
      .jpeg()
      .toBuffer();
    const plain = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer();
    for (const flat of [gradient, plain]) {
      const h = await photoHashes(flat);
      expect(h.hash).toBe(await phash(flat));
      expect(h.crops).toEqual([]);
    }
    expect((await photoHashes(await syntheticPhoto(21))).crops).toHaveLength(56);
  });

  it('matches two copies cropped each its own way, window to window', async () => {
    // Two sites serve one original, each with its own crop (3–5 % off other sides): neither is the whole picture.
    let matched = 0;
    let wholeToWindow = 0;
    for (const seed of [31, 32, 33, 34, 35, 36]) {
      const photo = await syntheticPhoto(seed);
      const a = await photoHashes(
        await sharp(photo).extract({ left: 0, top: 0, width: 608, height: 456 }).jpeg().toBuffer(),
      );
      const b = await photoHashes(
        await sharp(photo).extract({ left: 32, top: 24, width: 608, height: 456 }).jpeg().toBuffer(),
      );
      if (photoMatch(a, b, 6, 4)) matched++;
      if (photoMatch({ hash: a.hash, crops: a.crops }, { hash: b.hash }, 6, 4) || photoMatch({ hash: a.hash }, b, 6, 4))
        wholeToWindow++;
      expect(photoMatch(a, await photoHashes(await syntheticPhoto(seed + 200)), 6, 4)).toBeNull();
    }
    expect(matched).toBeGreaterThanOrEqual(5);
    expect(wholeToWindow).toBeLessThan(matched);
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
