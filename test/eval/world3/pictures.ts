/**
 * The pictures of world 3, as a crawl would fetch them. Every ad photo id (`ph…`, factory.ts) is one synthetic
 * photograph: a 16×12 grid of colours drawn from the id, smoothed up to the size shown. Every site shows it as its
 * own rendition: the width its page gives (`width` attribute, else 640 px), its own JPEG quality (55–90) and, on a
 * third of the sites, a crop of up to 5 % of one side. The bytes go through the product's own hashing
 * (images/perceptual-hash.ts `photoHashes`, `imageInfo`), so a photo-only gallery is judged on what a cycle would see.
 *
 * What this does not model (say it when quoting a figure): two different real photos of the same trade (two
 * bathrooms) look more alike than two random grids, so the distance between unrelated photos is wider here than on
 * real sites; no watermark, no logo, no stock photo shared by unrelated advertisers.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { PageImage } from '../../../detector/index.ts';
import { imageInfo, photoHashes } from '../../../images/index.ts';

const PHOTO_ID = /(?<![a-z0-9])ph[a-z0-9]{10}(?![a-z0-9])/;
const IMG = /<img\b[^>]*>/gi;
const DEFAULT_WIDTH = 640;

interface Rendition {
  width: number;
  quality: number;
  /** Fraction cut from one side (0 = none) and which side. */
  crop: number;
  side: 'left' | 'right' | 'top' | 'bottom';
}

function bytesOf(label: string): Buffer {
  return createHash('sha256').update(label).digest();
}

/** How a site re-encodes the photos it shows: fixed per site (its script's image settings). */
export function siteRendition(site: string): Omit<Rendition, 'width'> {
  const h = bytesOf(`rendition\u241f${site}`);
  return {
    quality: 55 + (h[0] % 36),
    crop: h[1] % 3 === 0 ? 0.01 + (h[2] % 5) / 100 : 0,
    side: (['left', 'right', 'top', 'bottom'] as const)[h[3] % 4],
  };
}

/** The 16×12 RGB grid a photo id stands for. */
function grid(id: string): Buffer {
  const out = Buffer.alloc(16 * 12 * 3);
  for (let block = 0; block * 32 < out.length; block++) bytesOf(`${id}\u241f${block}`).copy(out, block * 32);
  return out;
}

async function render(id: string, r: Rendition): Promise<Buffer> {
  const height = Math.round((r.width * 3) / 4);
  let image = sharp(grid(id), { raw: { width: 16, height: 12, channels: 3 } }).resize(r.width, height, {
    kernel: 'cubic',
    fit: 'fill',
  });
  if (r.crop > 0) {
    const cut = (side: number) => Math.max(1, Math.round(side * r.crop));
    const left = r.side === 'left' ? cut(r.width) : 0;
    const top = r.side === 'top' ? cut(height) : 0;
    const width = r.width - (r.side === 'left' || r.side === 'right' ? cut(r.width) : 0);
    const h = height - (r.side === 'top' || r.side === 'bottom' ? cut(height) : 0);
    image = sharp(await image.raw().toBuffer(), { raw: { width: r.width, height, channels: 3 } }).extract({
      left,
      top,
      width,
      height: h,
    });
  }
  return image.jpeg({ quality: r.quality }).toBuffer();
}

/** Hashes every rendition once: the same photo at the same size on the same site is one fetch. */
export function createPictureCache() {
  const done = new Map<string, Promise<Omit<PageImage, 'url'>>>();
  return async function picture(id: string, site: string, width: number): Promise<Omit<PageImage, 'url'>> {
    const key = `${id}|${site}|${width}`;
    let found = done.get(key);
    if (!found) {
      found = (async () => {
        const bytes = await render(id, { width, ...siteRendition(site) });
        const [hashes, info] = await Promise.all([photoHashes(bytes), imageInfo(bytes)]);
        return {
          sha256: createHash('sha256').update(bytes).digest('hex'),
          hash: hashes.hash,
          crops: hashes.crops,
          width: info.width,
          height: info.height,
        };
      })();
      done.set(key, found);
    }
    return found;
  };
}

/** The ad photos a page shows: each `<img>` whose address names a photo id, at the width the page gives it. */
export function pagePhotos(html: string, pageUrl: string): { id: string; url: string; width: number }[] {
  const out: { id: string; url: string; width: number }[] = [];
  const seen = new Set<string>();
  for (const tag of html.match(IMG) ?? []) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const id = src ? PHOTO_ID.exec(src)?.[0] : undefined;
    if (!src || !id) continue;
    const url = new URL(src, pageUrl).href;
    if (seen.has(url)) continue;
    seen.add(url);
    const declared = Number(/\bwidth\s*=\s*["']?(\d+)/i.exec(tag)?.[1] ?? Number.NaN);
    out.push({ id, url, width: Number.isFinite(declared) && declared > 0 ? declared : DEFAULT_WIDTH });
  }
  return out;
}
