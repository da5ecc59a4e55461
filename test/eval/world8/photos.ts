/**
 * World 8's picture model: one synthetic photograph per original id (a piece of gear on a wall-and-floor scene:
 * gradients, wheels, bars and panels, grain), drawn in memory from the id alone, then served by each site its own
 * way (crop, tone, resize, square thumbnails, watermark band, JPEG/WebP/PNG) and hashed as a crawl hashes it.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { imageInfo, photoHashes } from '../../../images/index.ts';
import type { PhotoStyle } from './model.ts';
import { Rng } from './rng.ts';

const W = 320;
const H = 240;

type Rgb = [number, number, number];

function colour(rng: Rng, vivid: boolean): Rgb {
  if (!vivid) {
    const g = rng.int(120, 230);
    return [g + rng.int(-20, 20), g + rng.int(-20, 20), g + rng.int(-25, 15)];
  }
  const c: Rgb = [rng.int(0, 255), rng.int(0, 255), rng.int(0, 255)];
  c[rng.int(0, 2)] = rng.int(0, 60);
  c[rng.int(0, 2)] = rng.int(180, 255);
  return c;
}

const clamp = (v: number) => Math.max(0, Math.min(255, v));

const recent = new Map<string, Buffer>();

/** The original photograph of an id, as raw RGB (the last few hundred kept: a board's restarts follow it). */
export function originalPixels(id: string): Buffer {
  const hit = recent.get(id);
  if (hit) return hit;
  const px = drawOriginal(id);
  recent.set(id, px);
  if (recent.size > 300) recent.delete(recent.keys().next().value!);
  return px;
}

function drawOriginal(id: string): Buffer {
  const rng = new Rng(`photo:${id}`);
  const px = Buffer.alloc(W * H * 3);
  const wallTop = colour(rng, false);
  const wallBottom = colour(rng, false);
  const floor = colour(rng, rng.chance(0.3));
  const horizon = Math.round(H * (0.55 + rng.next() * 0.2));
  for (let y = 0; y < H; y++) {
    const t = y / H;
    const f = 1 - (y - horizon) / (H * 2);
    const c = y < horizon ? [0, 1, 2].map((k) => wallTop[k] * (1 - t) + wallBottom[k] * t) : floor.map((v) => v * f);
    for (let x = 0; x < W; x++) {
      const o = (y * W + x) * 3;
      px[o] = c[0];
      px[o + 1] = c[1];
      px[o + 2] = c[2];
    }
  }
  const paint = (inside: (x: number, y: number) => number, box: [number, number, number, number], c: Rgb) => {
    const [x0, y0, x1, y1] = box.map(Math.round);
    for (let y = Math.max(0, y0); y < Math.min(H, y1); y++)
      for (let x = Math.max(0, x0); x < Math.min(W, x1); x++) {
        const shade = inside(x, y);
        if (shade <= 0) continue;
        const o = (y * W + x) * 3;
        for (let k = 0; k < 3; k++) px[o + k] = clamp(c[k] * shade);
      }
  };
  const shapes = rng.int(3, 7);
  const cx = W * (0.35 + rng.next() * 0.3);
  const cy = horizon - H * (0.05 + rng.next() * 0.2);
  for (let s = 0; s < shapes; s++) {
    const c = colour(rng, true);
    const kind = rng.pick(['ring', 'bar', 'panel', 'blob'] as const);
    const ox = cx + (rng.next() - 0.5) * W * 0.5;
    const oy = cy + (rng.next() - 0.5) * H * 0.4;
    if (kind === 'ring') {
      const r = 20 + rng.next() * 48;
      const w = 4 + rng.next() * 8;
      paint(
        (x, y) => {
          const d = Math.hypot(x - ox, y - oy);
          return Math.abs(d - r) < w ? 0.7 + 0.3 * Math.cos((x - ox) / r) : 0;
        },
        [ox - r - w, oy - r - w, ox + r + w, oy + r + w],
        c,
      );
    } else if (kind === 'bar') {
      const a = rng.next() * Math.PI;
      const len = 48 + rng.next() * 112;
      const th = 4 + rng.next() * 10;
      const dx = Math.cos(a);
      const dy = Math.sin(a);
      paint(
        (x, y) => {
          const u = (x - ox) * dx + (y - oy) * dy;
          const v = -(x - ox) * dy + (y - oy) * dx;
          return Math.abs(u) < len / 2 && Math.abs(v) < th / 2 ? 0.8 + 0.2 * (v / th) : 0;
        },
        [ox - len, oy - len, ox + len, oy + len],
        c,
      );
    } else if (kind === 'panel') {
      const w = 32 + rng.next() * 96;
      const h = 24 + rng.next() * 80;
      paint((x) => 0.75 + 0.25 * ((x - ox) / w), [ox - w / 2, oy - h / 2, ox + w / 2, oy + h / 2], c);
    } else {
      const rx = 16 + rng.next() * 56;
      const ry = 12 + rng.next() * 40;
      paint(
        (x, y) => {
          const d = ((x - ox) / rx) ** 2 + ((y - oy) / ry) ** 2;
          return d < 1 ? 1 - 0.4 * d : 0;
        },
        [ox - rx, oy - ry, ox + rx, oy + ry],
        c,
      );
    }
  }
  // Grain from a cheap integer generator seeded by the picture's own draws (Rng.next per sample is too slow).
  let g = (rng.next() * 4294967296) >>> 0 || 1;
  for (let i = 0; i < px.length; i++) {
    g ^= g << 13;
    g ^= g >>> 17;
    g ^= g << 5;
    px[i] = clamp(px[i] + (((g >>> 0) & 31) - 15));
  }
  return px;
}

export interface HashedPicture {
  sha256: string;
  hash: string;
  crops: string[];
  width: number;
  height: number;
}

/** The bytes a site serves for a picture. */
export async function servedBytes(id: string, style: PhotoStyle, thumb: boolean): Promise<Buffer> {
  const [l, t, r, b] = style.crop;
  const left = Math.round(W * l);
  const top = Math.round(H * t);
  let img = sharp(originalPixels(id), { raw: { width: W, height: H, channels: 3 } }).extract({
    left,
    top,
    width: W - left - Math.round(W * r),
    height: H - top - Math.round(H * b),
  });
  if (style.tone !== 1) img = img.modulate({ brightness: style.tone });
  img = thumb
    ? img.resize(style.thumbWidth, style.thumbWidth, { fit: 'cover' })
    : img.resize(style.width, Math.round((style.width * 3) / 4), { fit: 'fill' });
  if (style.stamp && !thumb) {
    const w = style.width;
    const h = Math.round((w * 3) / 4);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect x="0" y="${h - 34}" width="${w}" height="34" fill="#000" fill-opacity="0.45"/><text x="${w - 12}" y="${h - 11}" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="end">${style.stamp}</text></svg>`;
    img = img.composite([{ input: Buffer.from(svg), top: 0, left: 0 }]);
  }
  if (style.format === 'webp') return img.webp({ quality: style.quality }).toBuffer();
  if (style.format === 'png') return img.png({ compressionLevel: 6 }).toBuffer();
  return img.jpeg({ quality: style.quality }).toBuffer();
}

/** Served pictures hashed once per (picture, site style, thumbnail or not). */
export function createPictureCache() {
  const cache = new Map<string, Promise<HashedPicture>>();
  return {
    picture(id: string, style: PhotoStyle, thumb: boolean): Promise<HashedPicture> {
      const key = `${id}|${style.key}|${thumb ? 't' : 'f'}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = (async () => {
          const bytes = await servedBytes(id, style, thumb);
          const meta = await imageInfo(bytes);
          const h = await photoHashes(bytes);
          return {
            sha256: createHash('sha256').update(bytes).digest('hex'),
            hash: h.hash,
            crops: h.crops,
            width: meta.width,
            height: meta.height,
          };
        })();
        cache.set(key, hit);
      }
      return hit;
    },
    size: () => cache.size,
  };
}
