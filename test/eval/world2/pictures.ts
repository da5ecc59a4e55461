/**
 * World 2's model of the pictures a crawl fetches: for each `<img>` of a world-2 page whose address names an ad photo
 * (`/uploads/<w>x<h>/<trade>-<n>.jpg`, scripts/kit.ts `photoTag`), the bytes the site would serve, hashed by the
 * product's own images/ (`photoHashes`, `imageInfo`, as the monitor's image analyser does) into `PageImage`s.
 *
 * What is modelled:
 * - one original photograph per photo name (photograph.ts: a drawn scene, deterministic from the name), the file the
 *   advertiser uploaded, 1024 × 768;
 * - each site re-encodes it the way its script does: to the size in the address (the template's thumbnail or detail
 *   size), scaled down from the original; WordPress scripts (WP Adverts, ClassiPress, Classified Listing) crop to
 *   fill a box of another shape, Osclass and Yclas fit the picture inside it (a 200×200 box gives 200×150); a JPEG
 *   quality of the site's (55–92), progressive or not, chroma subsampled or not;
 * - on some sites a small change, the same for every picture of the site: a slight crop (1.5–5 % of each side's
 *   length taken off, split between both ends), the site's domain stamped in a corner (a watermark plugin), or a
 *   copy already re-compressed once (pictures taken from another site's 800×600 rendition, then re-encoded);
 * - every choice is fixed per site (seeded by the site's name), so a rendition is the same on every page of the site
 *   and from run to run; each (photo, site, size) is drawn, encoded and hashed once.
 *
 * What it does not model:
 * - unrelated real photos of one trade look more alike than these (the same bathroom tiles, the same lawn under the
 *   same sky, a stock photo reused by advertisers of one trade): here two different photo names share nothing but a
 *   palette and a kind of scene, so a false photo match between unrelated ads is rarer than on real sites;
 * - stock images, logos and icons of a script (no other `<img>` exists on world-2 pages), lazy-loaded or CSS
 *   backgrounds, WebP or AVIF renditions, EXIF orientation, pictures that fail to load;
 * - mirrors sharing one uploads folder: every site, mirrors included, re-encodes the photos with its own settings;
 * - a clone re-uploading photos taken with another camera, or an operator replacing photos: a photo name is always
 *   the same picture;
 * - the watermark's text is drawn with the machine's sans-serif font (fontconfig), so its pixels can differ from one
 *   machine to another; nothing else depends on the machine.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { MIN_PHOTO_SIDE, type PageImage } from '../../../detector/index.ts';
import { imageInfo, phash, photoHashes } from '../../../images/index.ts';
import type { Site } from './model.ts';
import { ORIGINAL_HEIGHT, ORIGINAL_WIDTH, photograph } from './photograph.ts';
import { createRng } from './prng.ts';

/** An ad photo an `<img>` of a page shows: its absolute address, the photo name and the box of the address. */
export interface PhotoRef {
  url: string;
  photo: string;
  width: number;
  height: number;
}

/** Photo names as model.ts writes them (`<trade key>-<ad counter>.jpg`). */
const PHOTO_NAME = /^[a-z]+(?:-[a-z]+)*-\d+\.jpg$/;
/** Box of a rendition when the address carries none (no world-2 template writes such an address). */
export const DEFAULT_BOX = { width: 640, height: 480 };

/** The ad photos the `<img>` elements of one page show, in page order (other pictures are not ad photos). */
export function photoRefs(pageUrl: string, html: string): PhotoRef[] {
  const out: PhotoRef[] = [];
  for (const tag of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    const address = src ? (src[1] ?? src[2] ?? src[3]) : '';
    if (!address) continue;
    let url: URL;
    try {
      url = new URL(address.replaceAll('&amp;', '&'), pageUrl);
    } catch {
      continue;
    }
    const parts = url.pathname.split('/');
    const photo = parts.at(-1) ?? '';
    if (!PHOTO_NAME.test(photo)) continue;
    const box = /^(\d+)x(\d+)$/.exec(parts.at(-2) ?? '');
    const [width, height] = box ? [Number(box[1]), Number(box[2])] : [DEFAULT_BOX.width, DEFAULT_BOX.height];
    out.push({ url: url.href, photo, width, height });
  }
  return out;
}

export type PictureChange =
  | { kind: 'none' }
  /** Shares of the original's width and height taken off each side. */
  | { kind: 'crop'; left: number; top: number; right: number; bottom: number }
  | { kind: 'watermark'; text: string; corner: 'bottom-right' | 'bottom-left' | 'top-right'; opacity: number }
  /** The photos went through one JPEG generation before (an 800×600 copy at this quality). */
  | { kind: 'recompress'; quality: number };

/** How one site serves its photos: fixed per site. */
export interface PictureStyle {
  quality: number;
  progressive: boolean;
  chroma: '4:2:0' | '4:4:4';
  /** Box of another shape: crop to fill it (WordPress thumbnails) or fit inside it. */
  fit: 'cover' | 'inside';
  change: PictureChange;
}

const CROPPING_SCRIPTS = new Set<Site['script']>(['wpadverts', 'classipress', 'classified-listing']);

export function pictureStyle(site: Pick<Site, 'name' | 'domain' | 'script'>): PictureStyle {
  const rng = createRng(`pictures:${site.name}`);
  const style: PictureStyle = {
    quality: rng.int(55, 92),
    progressive: rng.chance(0.3),
    chroma: rng.chance(0.2) ? '4:4:4' : '4:2:0',
    fit: CROPPING_SCRIPTS.has(site.script) ? 'cover' : 'inside',
    change: { kind: 'none' },
  };
  const roll = rng.next();
  if (roll < 0.15) {
    // 1.5–5 % of each side's length, split between its two ends.
    const split = () => {
      const total = 0.015 + 0.035 * rng.next();
      const first = total * rng.next();
      return [first, total - first];
    };
    const [left, right] = split();
    const [top, bottom] = split();
    style.change = { kind: 'crop', left, top, right, bottom };
  } else if (roll < 0.35)
    style.change = {
      kind: 'watermark',
      text: site.domain,
      corner: rng.pick(['bottom-right', 'bottom-left', 'top-right'] as const),
      opacity: 0.55 + 0.25 * rng.next(),
    };
  else if (roll < 0.5) style.change = { kind: 'recompress', quality: rng.int(45, 75) };
  return style;
}

const escXml = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

function watermark(change: Extract<PictureChange, { kind: 'watermark' }>, width: number, height: number): Buffer {
  const size = Math.max(9, Math.round(height * 0.05));
  const pad = Math.round(size * 0.6);
  const right = change.corner !== 'bottom-left';
  const y = change.corner === 'top-right' ? pad + size : height - pad;
  const x = right ? width - pad : pad;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><text x="${x}" y="${y}" font-family="sans-serif" font-weight="bold" font-size="${size}" text-anchor="${right ? 'end' : 'start'}" fill="#fff" fill-opacity="${change.opacity.toFixed(2)}" stroke="#000" stroke-opacity="0.35" stroke-width="${Math.max(1, size / 14).toFixed(1)}">${escXml(change.text)}</text></svg>`,
  );
}

const rawInput = (width: number, height: number) => ({ raw: { width, height, channels: 3 as const } });

/** The bytes a site serves for one photo in one box, from the photo's original pixels. */
export async function renditionBytes(original: Buffer, style: PictureStyle, box: PhotoRef): Promise<Buffer> {
  let source = sharp(original, rawInput(ORIGINAL_WIDTH, ORIGINAL_HEIGHT));
  const { change } = style;
  if (change.kind === 'crop') {
    const left = Math.round(change.left * ORIGINAL_WIDTH);
    const top = Math.round(change.top * ORIGINAL_HEIGHT);
    source = source.extract({
      left,
      top,
      width: ORIGINAL_WIDTH - left - Math.round(change.right * ORIGINAL_WIDTH),
      height: ORIGINAL_HEIGHT - top - Math.round(change.bottom * ORIGINAL_HEIGHT),
    });
  } else if (change.kind === 'recompress') {
    const earlier = await source.resize(800, 600).jpeg({ quality: change.quality }).toBuffer();
    source = sharp(earlier);
  }
  // Scripts never enlarge an upload: a box larger than the picture gets the picture's own size.
  const resized = await source
    .resize(box.width, box.height, { fit: style.fit, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = resized.info;
  let out = sharp(resized.data, rawInput(width, height));
  if (change.kind === 'watermark') out = out.composite([{ input: watermark(change, width, height) }]);
  return out
    .jpeg({ quality: style.quality, progressive: style.progressive, chromaSubsampling: style.chroma })
    .toBuffer();
}

/** A rendition's hashes as the monitor's image analyser makes them (windows only for a picture big enough). */
export async function hashRendition(bytes: Buffer): Promise<Omit<PageImage, 'url'>> {
  const info = await imageInfo(bytes);
  const hashes =
    Math.min(info.width, info.height) >= MIN_PHOTO_SIDE ? await photoHashes(bytes) : { hash: await phash(bytes) };
  return {
    sha256: createHash('sha256').update(bytes).digest('hex'),
    ...hashes,
    width: info.width,
    height: info.height,
  };
}

/** A world-2 site and its pages as `renderWorld2` gives them. */
export interface SitePages {
  site: Site;
  pages: [url: string, html: string][];
}

export interface PictureStats {
  photos: number;
  renditions: number;
  images: number;
}

/** Simultaneous photos in work (sharp runs on libuv's threads; the hashing's DCT on this one). */
const CONCURRENCY = 2;

/**
 * The pictures of every page of `sites`: result.get(site name)[i] is page i's `PageImage`s, in page order. Each photo's
 * original is drawn once and each (photo, site, size) encoded and hashed once.
 */
export async function world2Pictures(
  sites: SitePages[],
): Promise<{ images: Map<string, PageImage[][]>; stats: PictureStats }> {
  const refs = new Map<string, PhotoRef[][]>();
  // photo → rendition key → what to make.
  const wanted = new Map<string, Map<string, { style: PictureStyle; box: PhotoRef }>>();
  const key = (photo: string, site: string, r: PhotoRef) => `${photo}\u0000${site}\u0000${r.width}x${r.height}`;
  for (const { site, pages } of sites) {
    const style = pictureStyle(site);
    const perPage = pages.map(([url, html]) => photoRefs(url, html));
    refs.set(site.name, perPage);
    for (const r of perPage.flat()) {
      const renditions = wanted.get(r.photo) ?? new Map();
      renditions.set(key(r.photo, site.name, r), { style, box: r });
      wanted.set(r.photo, renditions);
    }
  }
  const made = new Map<string, Omit<PageImage, 'url'>>();
  const queue = [...wanted];
  const lane = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [photo, renditions] = next;
      const original = await photograph(photo);
      for (const [k, { style, box }] of renditions)
        made.set(k, await hashRendition(await renditionBytes(original, style, box)));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const images = new Map<string, PageImage[][]>();
  let count = 0;
  for (const [name, perPage] of refs)
    images.set(
      name,
      perPage.map((list) =>
        list.map((r) => {
          count++;
          return { url: r.url, ...made.get(key(r.photo, name, r))! };
        }),
      ),
    );
  return {
    images,
    stats: { photos: wanted.size, renditions: made.size, images: count },
  };
}
