/**
 * World 5's picture model. Each photo id draws one master picture (480×360) of its trade's scene — a room, a garden,
 * a roof, a tiled surface, a vehicle, a person — with its own layout, colours, light and grain, kept as the
 * advertiser's camera original (an 800×600 JPEG). A site serves that picture its own way: cropped by its uploader, resized to its width, brightened or darkened, sometimes with a
 * translucent watermark band, re-encoded as JPEG at its quality. The crawl's view of a served picture is its bytes
 * hashed by the product (images/perceptual-hash.ts), as `pagePhotos` + `photoImage` do in the pipeline.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { photoHashes } from '../../../images/index.ts';
import type { Trade } from './lexicon.ts';
import type { PhotoStyle } from './model.ts';
import { parsePhotoSrc } from './page.ts';
import { Dice } from './rng.ts';

const W = 480;
const H = 360;

type RGB = [number, number, number];

class Canvas {
  data = new Uint8Array(W * H * 3);
  set(x: number, y: number, c: RGB): void {
    if (x < 0 || y < 0 || x >= W || y >= H) return;
    const i = (y * W + x) * 3;
    this.data[i] = c[0];
    this.data[i + 1] = c[1];
    this.data[i + 2] = c[2];
  }
  rect(x0: number, y0: number, x1: number, y1: number, c: RGB): void {
    for (let y = Math.max(0, y0 | 0); y < Math.min(H, y1); y++)
      for (let x = Math.max(0, x0 | 0); x < Math.min(W, x1); x++) this.set(x, y, c);
  }
  ellipse(cx: number, cy: number, rx: number, ry: number, c: RGB): void {
    for (let y = Math.max(0, (cy - ry) | 0); y < Math.min(H, cy + ry); y++)
      for (let x = Math.max(0, (cx - rx) | 0); x < Math.min(W, cx + rx); x++)
        if (((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1) this.set(x, y, c);
  }
  vgrad(y0: number, y1: number, a: RGB, b: RGB): void {
    for (let y = Math.max(0, y0 | 0); y < Math.min(H, y1); y++) {
      const t = (y - y0) / Math.max(1, y1 - y0);
      const c: RGB = [0, 1, 2].map((k) => a[k] + (b[k] - a[k]) * t) as RGB;
      for (let x = 0; x < W; x++) this.set(x, y, c);
    }
  }
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v));
const colour = (d: Dice, lo = 30, hi = 225): RGB => [d.int(lo, hi), d.int(lo, hi), d.int(lo, hi)];
const shade = (c: RGB, f: number): RGB => c.map((v) => Math.max(0, Math.min(255, Math.round(v * f)))) as RGB;

function drawScene(cv: Canvas, scene: Trade['scene'], d: Dice): void {
  switch (scene) {
    case 'room': {
      const floorY = d.int(200, 270);
      cv.vgrad(0, floorY, colour(d, 150, 240), colour(d, 110, 210));
      const plank = colour(d, 70, 170);
      for (let y = floorY; y < H; y += d.int(10, 18)) cv.rect(0, y, W, y + 9, shade(plank, 0.85 + d.next() * 0.3));
      cv.rect(d.int(20, 260), d.int(20, 60), d.int(300, 460), d.int(110, 170), colour(d, 190, 255));
      for (let i = d.int(2, 4); i > 0; i--) {
        const x = d.int(0, 400);
        cv.rect(x, d.int(130, floorY), x + d.int(40, 140), floorY + d.int(10, 60), colour(d));
      }
      break;
    }
    case 'garden': {
      const horizon = d.int(90, 170);
      cv.vgrad(0, horizon, colour(d, 120, 220), colour(d, 180, 250));
      cv.vgrad(
        horizon,
        H,
        [d.int(40, 90), d.int(120, 190), d.int(30, 80)],
        [d.int(20, 60), d.int(80, 140), d.int(20, 50)],
      );
      for (let i = d.int(3, 7); i > 0; i--)
        cv.ellipse(d.int(0, W), horizon + d.int(-20, 40), d.int(25, 80), d.int(20, 60), [
          d.int(20, 70),
          d.int(70, 150),
          d.int(20, 60),
        ]);
      if (d.chance(0.6))
        for (let x = d.int(0, 30); x < W; x += d.int(24, 40))
          cv.rect(x, horizon + 30, x + 6, horizon + 90, colour(d, 120, 200));
      break;
    }
    case 'roof': {
      cv.vgrad(0, H, colour(d, 140, 230), colour(d, 170, 250));
      const apex = d.int(30, 110);
      const tile = [d.int(120, 190), d.int(50, 100), d.int(30, 70)] as RGB;
      const cx = d.int(160, 320);
      for (let y = apex; y < H; y++) {
        const half = (y - apex) * (1.2 + d.next() * 0.02);
        const row = Math.floor((y - apex) / 14);
        for (let x = Math.max(0, (cx - half) | 0); x < Math.min(W, cx + half); x++)
          cv.set(x, y, shade(tile, (row + Math.floor(x / 22)) % 2 ? 0.85 : 1.05));
      }
      const ch = d.int(cx - 120, cx + 80);
      cv.rect(ch, apex + 20, ch + 30, apex + 110, colour(d, 60, 140));
      break;
    }
    case 'grid': {
      const size = d.int(30, 70);
      const base = colour(d, 90, 230);
      const grout = colour(d, 40, 220);
      for (let y = 0; y < H; y++)
        for (let x = 0; x < W; x++) {
          const gx = x % size < 3 || y % size < 3;
          const cell = (Math.floor(x / size) * 7 + Math.floor(y / size) * 13) % 5;
          cv.set(x, y, gx ? grout : shade(base, 0.8 + cell * 0.08));
        }
      cv.ellipse(d.int(0, W), d.int(0, H), d.int(30, 120), d.int(20, 90), shade(base, 0.6));
      break;
    }
    case 'vehicle': {
      const ground = d.int(230, 290);
      cv.vgrad(0, ground, colour(d, 120, 230), colour(d, 150, 240));
      cv.rect(0, ground, W, H, colour(d, 60, 120));
      const x0 = d.int(30, 140);
      const len = d.int(220, 320);
      const body = colour(d);
      cv.rect(x0, ground - 90, x0 + len, ground - 25, body);
      cv.rect(x0 + len * 0.25, ground - 140, x0 + len * 0.75, ground - 88, shade(body, 0.9));
      cv.rect(x0 + len * 0.3, ground - 132, x0 + len * 0.7, ground - 96, colour(d, 160, 230));
      cv.ellipse(x0 + len * 0.2, ground - 25, 28, 28, [30, 30, 30]);
      cv.ellipse(x0 + len * 0.8, ground - 25, 28, 28, [30, 30, 30]);
      break;
    }
    case 'portrait': {
      cv.vgrad(0, H, colour(d, 120, 240), colour(d, 60, 200));
      const cx = d.int(150, 330);
      cv.ellipse(cx, H + 20, d.int(110, 160), d.int(120, 170), colour(d));
      const skin: RGB = [d.int(150, 235), d.int(110, 190), d.int(90, 160)];
      cv.ellipse(cx, d.int(120, 170), d.int(55, 75), d.int(70, 90), skin);
      cv.ellipse(cx, d.int(70, 100), d.int(55, 80), d.int(30, 45), colour(d, 20, 120));
      break;
    }
  }
}

/** The drawn pixels of a photo id (480×360 RGB; not kept: the camera original below is). */
export function masterPixels(id: string, scene: Trade['scene']): Uint8Array {
  const d = new Dice(`photo:${id}`);
  const cv = new Canvas();
  drawScene(cv, scene, d);
  // Whatever else is in the frame: a few objects of the room, street or garden around the subject.
  for (let i = d.int(2, 4); i > 0; i--) {
    const x = d.int(0, W);
    const y = d.int(0, H);
    if (d.chance(0.5)) cv.rect(x, y, x + d.int(20, 110), y + d.int(20, 90), colour(d, 10, 245));
    else cv.ellipse(x, y, d.int(12, 60), d.int(12, 60), colour(d, 10, 245));
  }
  // Light falling from one side, and the grain of a phone camera.
  const lx = d.next() - 0.5;
  const ly = d.next() - 0.5;
  // A linear congruential grain, cheaper than a Dice draw per pixel.
  let g = Math.floor(d.next() * 2 ** 31) | 1;
  const data = cv.data;
  for (let y = 0; y < H; y++) {
    const fy = ly * (y / H - 0.5);
    for (let x = 0; x < W; x++) {
      const f = 1 + 0.7 * (lx * (x / W - 0.5) + fy);
      g = (Math.imul(g, 1103515245) + 12345) & 0x7fffffff;
      const n = (g % 19) - 9;
      const i = (y * W + x) * 3;
      data[i] = clamp(data[i] * f + n);
      data[i + 1] = clamp(data[i + 1] * f + n);
      data[i + 2] = clamp(data[i + 2] * f + n);
    }
  }
  return data;
}

/** The advertiser's camera original: 800×600, JPEG at quality 92, the file every site downsizes from. */
const ORIGINAL_W = 800;
const originals = new Map<string, Promise<Buffer>>();

export function originalPhoto(id: string, scene: Trade['scene']): Promise<Buffer> {
  let hit = originals.get(id);
  if (!hit) {
    hit = sharp(Buffer.from(masterPixels(id, scene)), { raw: { width: W, height: H, channels: 3 } })
      .resize(ORIGINAL_W, (ORIGINAL_W * 3) / 4, { fit: 'fill', kernel: 'cubic' })
      .jpeg({ quality: 92 })
      .toBuffer();
    originals.set(id, hit);
  }
  return hit;
}

/** The bytes a site serves for a photo at a width: its uploader's crop, resize, brightness, watermark, quality. */
export async function sitePhotoBytes(
  id: string,
  scene: Trade['scene'],
  style: PhotoStyle,
  width: number,
): Promise<Buffer> {
  const OW = ORIGINAL_W;
  const OH = (ORIGINAL_W * 3) / 4;
  const left = Math.round(OW * style.crop);
  const top = Math.round(OH * style.crop);
  const height = Math.round(width * 0.75);
  let img = sharp(await originalPhoto(id, scene))
    .extract({ left, top, width: OW - 2 * left, height: OH - 2 * top })
    .resize(width, height, { fit: 'fill' });
  if (style.brightness !== 1) img = img.linear(style.brightness, 0);
  if (style.watermark)
    img = img.composite([
      {
        input: {
          create: {
            width: Math.round(width * 0.4),
            height: Math.max(8, Math.round(height * 0.09)),
            channels: 4,
            background: { r: 255, g: 255, b: 255, alpha: 0.45 },
          },
        },
        gravity: 'southeast',
      },
    ]);
  return img.jpeg({ quality: style.quality }).toBuffer();
}

export interface PhotoImage {
  sha256: string;
  hash: string;
  crops: string[];
  width: number;
  height: number;
}

/** Served pictures hashed once per (photo, site style, width) in a process, as a crawl of each site would. */
export function createPhotoCache(): (
  id: string,
  scene: Trade['scene'],
  style: PhotoStyle,
  width: number,
) => Promise<PhotoImage> {
  const cache = new Map<string, Promise<PhotoImage>>();
  return (id, scene, style, width) => {
    const key = `${id}|${width}|${style.quality}|${style.crop}|${style.brightness}|${style.watermark}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const bytes = await sitePhotoBytes(id, scene, style, width);
        const { hash, crops } = await photoHashes(bytes);
        return {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          hash,
          crops,
          width,
          height: Math.round(width * 0.75),
        };
      })();
      cache.set(key, hit);
    }
    return hit;
  };
}

/** The ad photos of a page, as a crawl finds them in its <img> tags (absolute URL, photo id, served width). */
export function pagePhotos(html: string, pageUrl: string): { url: string; id: string; width: number }[] {
  const out: { url: string; id: string; width: number }[] = [];
  for (const [, src] of html.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)) {
    const p = parsePhotoSrc(src);
    if (p) out.push({ url: new URL(src, pageUrl).href, ...p });
  }
  return out;
}
