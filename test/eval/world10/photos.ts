/**
 * How sites serve world 10's pictures: a style key is a chain of renditions separated by `>`, each applied to the
 * bytes of the previous one (the first to the drawn raster), so a scrape of a scrape loses quality twice. A rendition
 * is dot-separated: `w400` width, `q82` quality, `jpg`/`webp`/`png`, `c1`/`c2` a crop (light, heavier and off-centre),
 * `sq` a square thumbnail crop, `m<label>` a watermark band drawn from the label.
 */
import sharp, { type Sharp } from 'sharp';
import { drawPicture, PICTURE_HEIGHT, PICTURE_WIDTH } from './pictures.ts';
import { shortHash } from './rng.ts';

interface Rendition {
  width: number;
  quality: number;
  format: 'jpg' | 'webp' | 'png';
  crop: 0 | 1 | 2;
  square: boolean;
  mark: string | null;
}

export function parseStyle(style: string): Rendition[] {
  return style.split('>').map((step) => {
    const r: Rendition = { width: 400, quality: 80, format: 'jpg', crop: 0, square: false, mark: null };
    for (const t of step.split('.')) {
      if (/^w\d+$/.test(t)) r.width = Number(t.slice(1));
      else if (/^q\d+$/.test(t)) r.quality = Number(t.slice(1));
      else if (t === 'jpg' || t === 'webp' || t === 'png') r.format = t;
      else if (t === 'c1' || t === 'c2') r.crop = t === 'c1' ? 1 : 2;
      else if (t === 'sq') r.square = true;
      else if (t.startsWith('m') && t.length > 1) r.mark = t.slice(1);
      else throw new Error(`world 10: unknown rendition ${t} in ${style}`);
    }
    return r;
  });
}

/** The file extension a style ends in. */
export function styleExtension(style: string): string {
  const steps = parseStyle(style);
  return steps[steps.length - 1].format;
}

const rasters = new Map<string, Buffer>();
const served = new Map<string, Promise<Uint8Array>>();

function raster(pic: string): Buffer {
  const cached = rasters.get(pic);
  if (cached) return cached;
  const px = drawPicture(pic);
  rasters.set(pic, px);
  // A picture's renditions are served one after another: a few recent rasters are enough.
  if (rasters.size > 8) rasters.delete(rasters.keys().next().value as string);
  return px;
}

function watermark(width: number, height: number, label: string): Buffer {
  const h = shortHash(label, 8);
  const band = Math.max(8, Math.round(height * (0.1 + (Number.parseInt(h[0], 16) % 4) * 0.015)));
  const top = Number.parseInt(h[1], 16) % 2 === 0 ? height - band : 0;
  const marks = 2 + (Number.parseInt(h[2], 16) % 3);
  let shapes = '';
  for (let i = 0; i < marks; i++) {
    const x = Math.round(width * (0.15 + (Number.parseInt(h[3 + i], 16) / 16) * 0.7));
    shapes += `<rect x="${x}" y="${top + band * 0.3}" width="${band * 1.6}" height="${band * 0.4}" fill="black" fill-opacity="0.55"/>`;
  }
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="0" y="${top}" width="${width}" height="${band}" fill="white" fill-opacity="0.5"/>${shapes}</svg>`,
  );
}

async function apply(input: Sharp, size: { width: number; height: number }, r: Rendition): Promise<Buffer> {
  let img = input;
  let w = size.width;
  let h = size.height;
  if (r.square) {
    const side = Math.min(w, h);
    img = img.extract({ left: Math.floor((w - side) / 2), top: Math.floor((h - side) / 2), width: side, height: side });
    w = side;
    h = side;
  } else if (r.crop) {
    const mx = Math.round(w * (r.crop === 1 ? 0.05 : 0.1));
    const my = Math.round(h * (r.crop === 1 ? 0.05 : 0.08));
    const left = r.crop === 1 ? mx : Math.round(mx * 1.6);
    img = img.extract({ left, top: my, width: w - mx * 2, height: h - my * 2 });
  }
  img = img.resize({ width: r.width });
  if (r.mark) {
    const flat = await img.png().toBuffer({ resolveWithObject: true });
    img = sharp(flat.data).composite([
      { input: watermark(flat.info.width, flat.info.height, r.mark), top: 0, left: 0 },
    ]);
  }
  if (r.format === 'png') return img.png().toBuffer();
  if (r.format === 'webp') return img.webp({ quality: r.quality }).toBuffer();
  return img.jpeg({ quality: r.quality }).toBuffer();
}

/** Draws and encodes a picture in a style, uncached. */
export async function servePicture(pic: string, style: string): Promise<Uint8Array> {
  const steps = parseStyle(style);
  const raw = raster(pic);
  let bytes = await apply(
    sharp(raw, { raw: { width: PICTURE_WIDTH, height: PICTURE_HEIGHT, channels: 3 } }),
    { width: PICTURE_WIDTH, height: PICTURE_HEIGHT },
    steps[0],
  );
  for (const step of steps.slice(1)) {
    const meta = await sharp(bytes).metadata();
    bytes = await apply(
      sharp(bytes),
      { width: meta.width ?? PICTURE_WIDTH, height: meta.height ?? PICTURE_HEIGHT },
      step,
    );
  }
  return new Uint8Array(bytes);
}

/** The bytes a site serves for a picture in a style (deterministic, cached within the process). */
export function pictureBytes(pic: string, style: string): Promise<Uint8Array> {
  const key = `${pic}|${style}`;
  let p = served.get(key);
  if (!p) {
    p = servePicture(pic, style);
    served.set(key, p);
  }
  return p;
}

/** Drops drawn rasters and served bytes: a seed's pictures are hashed once. */
export function forgetPictures(): void {
  rasters.clear();
  served.clear();
}
