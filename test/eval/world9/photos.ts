/**
 * World 9's synthetic photographs: a room, a garden or a workbench drawn from the picture id (gradients, shapes,
 * grain), 320×240, then served the way each site serves it (resized, cropped, re-encoded, watermarked). Cached per
 * picture and per (picture, style) within a process.
 */
import sharp, { type Sharp } from 'sharp';
import { Dice } from './rng.ts';
import type { PhotoStyle } from './site.ts';

export const PICTURE_WIDTH = 320;
export const PICTURE_HEIGHT = 240;

const rasters = new Map<string, Buffer>();
const served = new Map<string, Promise<Uint8Array>>();

type Rgb = [number, number, number];

function color(d: Dice): Rgb {
  return [d.int(20, 235), d.int(20, 235), d.int(20, 235)];
}

/** The raw RGB raster of a picture id. */
export function pictureRaster(pic: string): Buffer {
  const cached = rasters.get(pic);
  if (cached) return cached;
  const d = Dice.of('w9-picture', pic);
  const w = PICTURE_WIDTH;
  const h = PICTURE_HEIGHT;
  const px = Buffer.alloc(w * h * 3);
  const top = color(d);
  const bottom = color(d);
  const horizon = d.int(Math.floor(h * 0.3), Math.floor(h * 0.7));
  const floor = color(d);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 3;
      const t = y / h;
      for (let c = 0; c < 3; c++) {
        const v =
          y < horizon
            ? top[c] * (1 - t) + bottom[c] * t
            : floor[c] * (0.8 + 0.4 * (y / h - 0.5)) + (x % 37 < 2 ? -12 : 0);
        px[i + c] = Math.max(0, Math.min(255, Math.round(v)));
      }
    }
  }
  const shapes = d.int(4, 9);
  for (let s = 0; s < shapes; s++) {
    const col = color(d);
    const shade = d.next() * 0.6;
    const x0 = d.int(0, w - 30);
    const y0 = d.int(0, h - 30);
    const sw = d.int(20, Math.floor(w / 2));
    const sh = d.int(20, Math.floor(h / 2));
    const ellipse = d.chance(0.4);
    for (let y = y0; y < Math.min(h, y0 + sh); y++) {
      for (let x = x0; x < Math.min(w, x0 + sw); x++) {
        if (ellipse) {
          const dx = (x - x0 - sw / 2) / (sw / 2);
          const dy = (y - y0 - sh / 2) / (sh / 2);
          if (dx * dx + dy * dy > 1) continue;
        }
        const k = 1 - shade * ((x - x0) / sw);
        const i = (y * w + x) * 3;
        for (let c = 0; c < 3; c++) px[i + c] = Math.max(0, Math.min(255, Math.round(col[c] * k)));
      }
    }
  }
  // grain
  for (let i = 0; i < px.length; i++) {
    const v = px[i] + Math.floor(d.next() * 17) - 8;
    px[i] = Math.max(0, Math.min(255, v));
  }
  rasters.set(pic, px);
  // A few recent rasters are enough: a picture's styles are served one after another.
  if (rasters.size > 8) rasters.delete(rasters.keys().next().value as string);
  return px;
}

function watermark(width: number, height: number, label: number): Buffer {
  const band = Math.round(height * 0.12);
  const x = Math.round(width * (0.55 + (label % 3) * 0.05));
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0" y="${height - band}" width="${width}" height="${band}" fill="white" fill-opacity="0.45"/><circle cx="${x}" cy="${height - band / 2}" r="${band / 3}" fill="black" fill-opacity="0.5"/><rect x="${x + band / 2}" y="${height - band * 0.7}" width="${band * 2.5}" height="${band * 0.4}" fill="black" fill-opacity="0.5"/></svg>`,
  );
}

/** Draws and encodes a picture in a style, uncached. */
export async function servePicture(pic: string, style: PhotoStyle): Promise<Uint8Array> {
  const raw = pictureRaster(pic);
  const input = () => sharp(raw, { raw: { width: PICTURE_WIDTH, height: PICTURE_HEIGHT, channels: 3 } });
  const cropped = () => {
    const mx = Math.round(PICTURE_WIDTH * 0.07);
    const my = Math.round(PICTURE_HEIGHT * 0.06);
    return input().extract({ left: mx, top: my, width: PICTURE_WIDTH - 2 * mx, height: PICTURE_HEIGHT - 2 * my });
  };
  const marked = async (base: Sharp, width: number) => {
    const buf = await base.resize({ width }).png().toBuffer({ resolveWithObject: true });
    return sharp(buf.data)
      .composite([{ input: watermark(buf.info.width, buf.info.height, pic.length), top: 0, left: 0 }])
      .jpeg({ quality: 80 })
      .toBuffer();
  };
  const out = await encode(input, cropped, marked, style);
  return new Uint8Array(out);
}

async function encode(
  input: () => Sharp,
  cropped: () => Sharp,
  marked: (base: Sharp, width: number) => Promise<Buffer>,
  style: PhotoStyle,
): Promise<Buffer> {
  switch (style) {
    case 'base':
      return input().resize({ width: 400 }).jpeg({ quality: 82 }).toBuffer();
    case 'small':
      return input().resize({ width: 300 }).jpeg({ quality: 70 }).toBuffer();
    case 'large':
      return input().resize({ width: 480 }).jpeg({ quality: 88 }).toBuffer();
    case 'png':
      return input().resize({ width: 360 }).png().toBuffer();
    case 'webp':
      return input().resize({ width: 400 }).webp({ quality: 75 }).toBuffer();
    case 'crop':
      return cropped().resize({ width: 400 }).jpeg({ quality: 80 }).toBuffer();
    case 'wm':
      return marked(input(), 400);
    case 'crop-wm':
      return marked(cropped(), 380);
    case 'thumb':
      return input().resize({ width: 160 }).jpeg({ quality: 70 }).toBuffer();
  }
}

/** Drops the drawn rasters and served bytes (about 0.3 MB a picture): a seed's pictures are hashed once. */
export function forgetPictures(): void {
  rasters.clear();
  served.clear();
}

/** The bytes a site serves for a picture in a style (deterministic). */
export function pictureBytes(pic: string, style: PhotoStyle): Promise<Uint8Array> {
  const key = `${pic}|${style}`;
  let p = served.get(key);
  if (!p) {
    p = servePicture(pic, style);
    served.set(key, p);
  }
  return p;
}
