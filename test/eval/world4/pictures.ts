/**
 * World 4's model of the ad photos a crawl fetches: one synthetic photograph per photo id (a smooth random colour
 * field with a few shapes, drawn from the id alone), re-encoded by each site its own way (width, JPEG quality, crop,
 * brightness), then hashed as the product hashes pictures (images/ photoHashes and imageInfo) into PageImages.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PageImage } from '../../../detector/index.ts';
import { imageInfo, photoHashes } from '../../../images/index.ts';
import type { PhotoStyle } from './model.ts';
import { createRng } from './prng.ts';

const W = 480;
const H = 360;

/** The original photograph of an ad, as the advertiser uploaded it (raw RGB, W×H). */
async function original(id: string): Promise<Buffer> {
  const rng = createRng(`photo:${id}`);
  const gw = 12;
  const gh = 9;
  const grid = Buffer.alloc(gw * gh * 3);
  const base = [rng.int(40, 215), rng.int(40, 215), rng.int(40, 215)];
  for (let i = 0; i < gw * gh; i++)
    for (let c = 0; c < 3; c++) grid[i * 3 + c] = Math.max(0, Math.min(255, base[c] + rng.int(-90, 90)));
  const field = await sharp(grid, { raw: { width: gw, height: gh, channels: 3 } })
    .resize(W, H, { kernel: 'cubic', fit: 'fill' })
    .raw()
    .toBuffer();
  // A few solid shapes: the object the ad shows.
  const shapes = Array.from({ length: rng.int(2, 4) }, () => {
    const x = rng.int(0, W - 60);
    const y = rng.int(0, H - 60);
    const w = rng.int(40, 200);
    const h = rng.int(40, 160);
    const colour = `rgb(${rng.int(0, 255)},${rng.int(0, 255)},${rng.int(0, 255)})`;
    return rng.chance(0.5)
      ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${colour}"/>`
      : `<ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="${colour}"/>`;
  }).join('');
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${shapes}</svg>`);
  return sharp(field, { raw: { width: W, height: H, channels: 3 } })
    .composite([{ input: svg }])
    .raw()
    .toBuffer();
}

/** The bytes a crawl fetches for one photo on one site. */
export async function sitePhotoBytes(id: string, style: PhotoStyle, width: number): Promise<Buffer> {
  let img = sharp(await original(id), { raw: { width: W, height: H, channels: 3 } });
  if (style.crop > 0) {
    const dx = Math.round(W * style.crop);
    const dy = Math.round(H * style.crop);
    img = sharp(
      await img
        .extract({ left: dx, top: dy, width: W - 2 * dx, height: H - 2 * dy })
        .raw()
        .toBuffer(),
      {
        raw: { width: W - 2 * dx, height: H - 2 * dy, channels: 3 },
      },
    );
  }
  if (style.brightness !== 1) img = img.modulate({ brightness: style.brightness });
  return img.resize({ width }).jpeg({ quality: style.quality }).toBuffer();
}

/** Photo ids and widths in a page's img tags (every world-4 photo URL carries `ph<8 hex>_w<width>`). */
export function pagePhotos(html: string, pageUrl: string): { url: string; id: string; width: number }[] {
  const out: { url: string; id: string; width: number }[] = [];
  const seen = new Set<string>();
  for (const [, src] of html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) {
    const m = /(ph[0-9a-f]{8})_w(\d+)/.exec(src);
    if (!m || seen.has(src)) continue;
    seen.add(src);
    out.push({ url: new URL(src, pageUrl).href, id: m[1], width: Number(m[2]) });
  }
  return out;
}

export type PictureCache = (id: string, style: PhotoStyle, width: number) => Promise<Omit<PageImage, 'url'>>;

/** Hashes each (photo, site style, width) once: a site serves the same bytes on every page. */
export function createPictureCache(): PictureCache {
  const cache = new Map<string, Promise<Omit<PageImage, 'url'>>>();
  return (id, style, width) => {
    const key = `${id}|${style.width}|${style.quality}|${style.crop}|${style.brightness}|${width}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const bytes = await sitePhotoBytes(id, style, width);
        const [hashes, info] = await Promise.all([photoHashes(bytes), imageInfo(bytes)]);
        return {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          hash: hashes.hash,
          crops: hashes.crops,
          width: info.width,
          height: info.height,
        };
      })();
      cache.set(key, hit);
    }
    return hit;
  };
}
