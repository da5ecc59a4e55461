/**
 * World 6's picture model. A photo id ("scene.owner.n") is one master picture: the owner's room (wall and floor
 * colours, light) with the scene's object drawn at a place, size and colour of its own, and grain. Each site serves
 * its copy its own way (PhotoStyle: brightness, a crop of a few per cent, width, JPEG quality, maybe a watermark
 * band), and the copy's bytes are hashed with the product's photo hashing, as a crawl hashes what it fetched.
 */
import { createHash } from 'node:crypto';
import sharp, { type OverlayOptions } from 'sharp';
import type { PageImage } from '../../../detector/index.ts';
import { photoHashes } from '../../../images/index.ts';
import type { PhotoStyle } from './model.ts';
import { hash32, Rng } from './rng.ts';

/** Drawing coordinates are those of a 320×240 picture; the master is stored at half that (upscaled when served). */
const W = 320;
const H = 240;
const K = 0.5;
const PW = W * K;
const PH = H * K;

type Rgb = [number, number, number];

class Canvas {
  readonly data = new Uint8Array(PW * PH * 3);

  /** Paints the pixels whose centre, in drawing coordinates, is in the box and passes `inside`. */
  fill(x0: number, y0: number, x1: number, y1: number, c: Rgb, inside: (x: number, y: number) => boolean = () => true) {
    const [a, b] = [Math.max(0, Math.floor(x0 * K)), Math.min(PW, Math.ceil(x1 * K))];
    const [d, e] = [Math.max(0, Math.floor(y0 * K)), Math.min(PH, Math.ceil(y1 * K))];
    for (let py = d; py < e; py++)
      for (let px = a; px < b; px++) {
        const [x, y] = [(px + 0.5) / K, (py + 0.5) / K];
        if (x < x0 || x > x1 || y < y0 || y > y1 || !inside(x, y)) continue;
        const i = (py * PW + px) * 3;
        this.data[i] = c[0];
        this.data[i + 1] = c[1];
        this.data[i + 2] = c[2];
      }
  }

  rect(x: number, y: number, w: number, h: number, c: Rgb) {
    this.fill(x, y, x + w, y + h, c);
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, hole = 0) {
    this.fill(cx - rx, cy - ry, cx + rx, cy + ry, c, (x, y) => {
      const d = ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2;
      return d <= 1 && d >= hole;
    });
  }

  /** A thick segment (bike frames, handles). */
  line(x0: number, y0: number, x1: number, y1: number, t: number, c: Rgb) {
    const len = Math.hypot(x1 - x0, y1 - y0) || 1;
    this.fill(Math.min(x0, x1) - t, Math.min(y0, y1) - t, Math.max(x0, x1) + t, Math.max(y0, y1) + t, c, (x, y) => {
      const u = Math.max(0, Math.min(1, ((x - x0) * (x1 - x0) + (y - y0) * (y1 - y0)) / len ** 2));
      return Math.hypot(x - (x0 + u * (x1 - x0)), y - (y0 + u * (y1 - y0))) <= t;
    });
  }
}

const colour = (rng: Rng, lo = 30, hi = 230): Rgb => [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];

/** The scene's object, placed and coloured by the photo's own draws. */
function drawObject(cv: Canvas, scene: string, rng: Rng, floorY: number) {
  const cx = rng.range(0.25, 0.75) * W;
  const s = rng.range(0.7, 1.25);
  const c1 = colour(rng);
  const c2 = colour(rng);
  switch (scene) {
    case 'desk':
      cv.rect(cx - 110 * s, floorY - 20, 220 * s, 14, c1);
      for (let i = 0; i < rng.int(2, 5); i++)
        cv.rect(cx - 80 * s + i * 26 * s, floorY - 20 - rng.int(20, 55), 20 * s, 60, colour(rng));
      cv.ellipse(cx + 70 * s, floorY - 60, 22 * s, 16 * s, c2);
      break;
    case 'instrument':
      if (rng.chance(0.5)) {
        cv.rect(cx - 100 * s, floorY - 90 * s, 200 * s, 90 * s, [25, 20, 20]);
        for (let i = 0; i < 14; i++)
          cv.rect(cx - 95 * s + i * 14 * s, floorY - 40 * s, 11 * s, 30 * s, [240, 240, 235]);
      } else {
        cv.ellipse(cx, floorY - 40 * s, 45 * s, 38 * s, c1);
        cv.ellipse(cx, floorY - 95 * s, 33 * s, 28 * s, c1);
        cv.ellipse(cx, floorY - 60 * s, 12 * s, 12 * s, [20, 15, 10]);
        cv.line(cx, floorY - 110 * s, cx + rng.range(-20, 20), floorY - 200 * s, 6 * s, c2);
      }
      break;
    case 'pet':
      cv.ellipse(cx, floorY - 10, 90 * s, 25 * s, c2);
      cv.ellipse(cx, floorY - 40 * s, 55 * s, 32 * s, c1);
      cv.ellipse(cx + 50 * s * (rng.chance(0.5) ? 1 : -1), floorY - 75 * s, 25 * s, 22 * s, c1);
      break;
    case 'bike': {
      const r = 38 * s;
      const [a, b] = [cx - 60 * s, cx + 60 * s];
      cv.ellipse(a, floorY - r, r, r, [30, 30, 30], 0.7);
      cv.ellipse(b, floorY - r, r, r, [30, 30, 30], 0.7);
      cv.line(a, floorY - r, cx, floorY - r * 2.1, 4 * s, c1);
      cv.line(cx, floorY - r * 2.1, b, floorY - r, 4 * s, c1);
      cv.line(a, floorY - r, cx + 10 * s, floorY - r, 4 * s, c1);
      cv.line(b, floorY - r, b - 10 * s, floorY - r * 2.5, 3 * s, c2);
      break;
    }
    case 'screen':
      cv.rect(cx - 80 * s, floorY - 130 * s, 160 * s, 100 * s, [35, 35, 40]);
      cv.rect(cx - 72 * s, floorY - 122 * s, 144 * s, 84 * s, colour(rng, 90, 250));
      cv.rect(cx - 10 * s, floorY - 30 * s, 20 * s, 30 * s, [35, 35, 40]);
      cv.rect(cx - 70 * s, floorY - 6, 140 * s, 10, c2);
      break;
    case 'fabric':
      for (let i = 0; i < 8; i++) cv.rect(cx - 100 * s, floorY - 150 * s + i * 18 * s, 200 * s, 9 * s, i % 2 ? c1 : c2);
      break;
    case 'furniture':
      cv.rect(cx - 90 * s, floorY - 120 * s, 180 * s, 110 * s, c1);
      for (let i = 0; i < rng.int(2, 4); i++) cv.rect(cx - 80 * s, floorY - 110 * s + i * 32 * s, 160 * s, 24 * s, c2);
      cv.rect(cx - 88 * s, floorY - 10 * s, 10 * s, 10 * s, [40, 30, 20]);
      cv.rect(cx + 78 * s, floorY - 10 * s, 10 * s, 10 * s, [40, 30, 20]);
      break;
    case 'stroller':
      cv.ellipse(cx, floorY - 80 * s, 60 * s, 40 * s, c1);
      cv.ellipse(cx - 45 * s, floorY - 15 * s, 15 * s, 15 * s, [20, 20, 20], 0.5);
      cv.ellipse(cx + 45 * s, floorY - 15 * s, 15 * s, 15 * s, [20, 20, 20], 0.5);
      cv.line(cx + 55 * s, floorY - 90 * s, cx + 90 * s, floorY - 160 * s, 4 * s, c2);
      break;
    default:
      for (let i = 0; i < rng.int(2, 4); i++) {
        const x = cx + rng.range(-80, 80);
        cv.line(x, floorY - rng.range(100, 170), x + rng.range(-30, 30), floorY, 5, c2);
        cv.rect(x - 18, floorY - 20, 36, 20, colour(rng));
      }
  }
}

const masters = new Map<string, Uint8Array>();

/** The master picture of a photo id: 160×120 RGB (drawn once, kept: a photo is served by several sites). */
export function masterPixels(id: string): Uint8Array {
  let hit = masters.get(id);
  if (!hit) {
    hit = drawMaster(id);
    if (masters.size > 4000) masters.clear();
    masters.set(id, hit);
  }
  return hit;
}

function drawMaster(id: string): Uint8Array {
  const [scene, owner] = id.split('.');
  const room = new Rng(`room/${owner}`);
  const shot = new Rng(`shot/${id}`);
  const wall = colour(room, 120, 240);
  const floor = colour(room, 50, 170);
  const cv = new Canvas();
  const floorY = Math.round(H * shot.range(0.55, 0.8));
  const lightX = shot.range(0, 1);
  for (let py = 0; py < PH; py++)
    for (let px = 0; px < PW; px++) {
      const base = py / K < floorY ? wall : floor;
      const k = 0.8 + 0.35 * (1 - Math.abs(px / PW - lightX));
      const i = (py * PW + px) * 3;
      for (let c = 0; c < 3; c++) cv.data[i + c] = Math.min(255, base[c] * k);
    }
  if (shot.chance(0.5)) cv.rect(shot.range(0, W - 60), shot.range(10, floorY - 80), 50, 60, colour(shot)); // a frame or a window
  drawObject(cv, scene, shot, floorY);
  for (let i = 0; i < cv.data.length; i++) cv.data[i] = Math.max(0, Math.min(255, cv.data[i] + shot.int(-9, 9)));
  return cv.data;
}

/** A semi-transparent band with the site's pattern, bottom right (watermarked sites). */
function watermark(width: number, height: number, key: string): OverlayOptions {
  const w = Math.round(width * 0.35);
  const h = Math.max(8, Math.round(height * 0.08));
  const px = Buffer.alloc(w * h * 4);
  const seed = hash32(key);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const on = ((x >> 3) + (seed >> (x % 8))) % 3 === 0;
      px.set([255, 255, 255, on ? 170 : 90], (y * w + x) * 4);
    }
  return { input: px, raw: { width: w, height: h, channels: 4 }, top: height - h - 4, left: width - w - 4 };
}

/** The bytes a site serves for a photo at a width. */
export async function servedBytes(
  id: string,
  style: PhotoStyle,
  width: number,
): Promise<{ bytes: Buffer; height: number }> {
  const m = Math.round(style.crop * PW);
  const n = Math.round(style.crop * PH);
  const height = Math.round((width * (PH - 2 * n)) / (PW - 2 * m));
  const img = sharp(masterPixels(id), { raw: { width: PW, height: PH, channels: 3 } })
    .extract({ left: m, top: n, width: PW - 2 * m, height: PH - 2 * n })
    .linear(style.light, 0)
    .resize(width, height, { fit: 'fill', kernel: 'linear' });
  if (style.watermark) img.composite([watermark(width, height, JSON.stringify(style))]);
  return { bytes: await img.jpeg({ quality: style.quality }).toBuffer(), height };
}

/** Photo id, style and width → the page image a crawl would record; one computation per distinct served copy. */
export function createPhotoCache() {
  const cache = new Map<string, Promise<Omit<PageImage, 'url'>>>();
  return (id: string, style: PhotoStyle, width: number): Promise<Omit<PageImage, 'url'>> => {
    const key = `${id}|${JSON.stringify(style)}|${width}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const { bytes, height } = await servedBytes(id, style, width);
        const { hash, crops } = await photoHashes(bytes);
        return { sha256: createHash('sha256').update(bytes).digest('hex'), hash, crops, width, height };
      })();
      cache.set(key, hit);
    }
    return hit;
  };
}
