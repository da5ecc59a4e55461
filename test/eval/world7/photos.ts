/**
 * World 7's pictures as a crawl fetches them: each photo's "camera original" (scene.ts rasterised with sensor grain,
 * JPEG), then the processing steps of the site serving it (photo style: trimmed borders, resized to the script's
 * sizes, a brand stamped, recompressed, list thumbnails cropped to the script's ratio), then hashed as the product
 * hashes a fetched picture (images/: photoHashes, imageInfo) with its SHA-256. Everything is cached per original and
 * per processed file (sites processing alike serve the same bytes).
 */
import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { imageInfo, photoHashes } from '../../../images/index.ts';
import { originalSize } from './board.ts';
import type { PhotoStep, PhotoStyle } from './model.ts';
import { hash32, rngOf } from './rng.ts';
import { sceneSvg } from './scene.ts';
import type { SceneKind } from './trades.ts';

export interface HashedPicture {
  sha256: string;
  hash: string;
  crops: string[];
  width: number;
  height: number;
}

/** Scene of a photo id (`trade.adKey~n`). */
export function sceneOf(id: string): SceneKind {
  return id.split('.')[0] as SceneKind;
}

const grains = new Map<string, Buffer>();

/** Grey sensor noise with alpha, one of three per size (a camera's grain differs shot to shot). */
function grain(W: number, H: number, k: number): Buffer {
  const key = `${W}x${H}:${k}`;
  let g = grains.get(key);
  if (!g) {
    const rng = rngOf(`grain|${key}`);
    g = Buffer.alloc(W * H * 2);
    for (let i = 0; i < W * H; i++) {
      g[i * 2] = Math.floor(rng.next() * 256);
      g[i * 2 + 1] = 14 + Math.floor(rng.next() * 16);
    }
    grains.set(key, g);
  }
  return g;
}

async function original(id: string): Promise<Buffer> {
  const [W, H] = originalSize(id);
  const svg = sceneSvg(id.slice(id.indexOf('.') + 1), sceneOf(id), W, H);
  return sharp(Buffer.from(svg))
    .composite([{ input: grain(W, H, hash32(id) % 3), raw: { width: W, height: H, channels: 2 } }])
    .jpeg({ quality: 90 + (hash32(`q${id}`) % 6) })
    .toBuffer();
}

function stampSvg(w: number, h: number, stamp: NonNullable<PhotoStep['stamp']>): Buffer {
  const size = Math.max(11, Math.round((stamp.corner === 'center' ? w / 11 : w / 26) * 1));
  const pos =
    stamp.corner === 'br'
      ? `x="${w - 8}" y="${h - 10}" text-anchor="end"`
      : stamp.corner === 'bl'
        ? `x="8" y="${h - 10}"`
        : stamp.corner === 'tr'
          ? `x="${w - 8}" y="${size + 6}" text-anchor="end"`
          : `x="${w / 2}" y="${h / 2}" text-anchor="middle" transform="rotate(-25 ${w / 2} ${h / 2})"`;
  const text = stamp.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><text ${pos} font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="${size}" fill="#fff" fill-opacity="${stamp.opacity}" stroke="#000" stroke-opacity="${(stamp.opacity * 0.5).toFixed(2)}" stroke-width="1">${text}</text></svg>`,
  );
}

async function encode(img: Sharp, step: PhotoStep): Promise<Buffer> {
  return step.format === 'webp'
    ? img.webp({ quality: step.quality }).toBuffer()
    : img.jpeg({ quality: step.quality, mozjpeg: step.quality < 80 }).toBuffer();
}

/** One site's processing of a picture it received (the full picture it keeps). */
async function processFull(input: Buffer, step: PhotoStep): Promise<Buffer> {
  const meta = await sharp(input).metadata();
  let w = meta.width ?? 1;
  let h = meta.height ?? 1;
  let img = sharp(input);
  if (step.trim) {
    const dx = Math.round(w * step.trim);
    const dy = Math.round(h * step.trim);
    img = img.extract({ left: dx, top: dy, width: w - 2 * dx, height: h - 2 * dy });
    w -= 2 * dx;
    h -= 2 * dy;
  }
  const scale = Math.min(1, step.full / Math.max(w, h));
  w = Math.max(1, Math.round(w * scale));
  h = Math.max(1, Math.round(h * scale));
  img = img.resize(w, h);
  // The stamp is drawn on the resized picture (sharp composites after resizing).
  if (step.stamp) img = img.composite([{ input: stampSvg(w, h, step.stamp) }]);
  return encode(img, step);
}

async function processThumb(full: Buffer, step: PhotoStep): Promise<Buffer> {
  const width = step.thumb;
  const img = step.thumbRatio
    ? sharp(full).resize(width, Math.round(width / step.thumbRatio), { fit: 'cover', position: 'centre' })
    : sharp(full).resize({ width, withoutEnlargement: true });
  return encode(img, { ...step, quality: Math.min(step.quality, 82) });
}

export interface PhotoCache {
  /** A picture as `style` serves it (list thumbnail or full), hashed. */
  picture(id: string, style: PhotoStyle, thumb: boolean): Promise<HashedPicture>;
  /** Drops processed files (hashes and camera originals stay): call between sites to bound memory. */
  flush(): void;
}

/** A cache of originals, processed files and their hashes for one run. */
export function createPhotoCache(): PhotoCache {
  const originals = new Map<string, Promise<Buffer>>();
  const files = new Map<string, Promise<Buffer>>();
  const hashed = new Map<string, Promise<HashedPicture>>();
  const orig = (id: string) => {
    let p = originals.get(id);
    if (!p) {
      p = original(id);
      originals.set(id, p);
    }
    return p;
  };
  // Bytes depend on the steps only: two sites processing alike serve the same file.
  const fullOf = (id: string, steps: PhotoStep[]): Promise<Buffer> => {
    const k = `${JSON.stringify(steps)}|${id}`;
    let p = files.get(k);
    if (!p) {
      const prev = steps.length === 1 ? orig(id) : fullOf(id, steps.slice(0, -1));
      p = prev.then((b) => processFull(b, steps[steps.length - 1]));
      files.set(k, p);
    }
    return p;
  };
  return {
    picture(id, style, thumb) {
      const k = `${JSON.stringify(style.steps)}|${id}|${thumb ? 't' : 'f'}`;
      let p = hashed.get(k);
      if (!p) {
        const last = style.steps[style.steps.length - 1];
        const bytes = fullOf(id, style.steps).then((b) => (thumb ? processThumb(b, last) : b));
        p = bytes.then(async (b) => {
          const [{ hash, crops }, info] = await Promise.all([photoHashes(b), imageInfo(b)]);
          const sha256 = createHash('sha256').update(b).digest('hex');
          return { sha256, hash, crops, width: info.width, height: info.height };
        });
        hashed.set(k, p);
      }
      return p;
    },
    flush() {
      files.clear();
    },
  };
}
