/**
 * Neutral synthetic "photos" for the demo and the tests: procedural scenes (a sky-to-ground gradient, a sun, hills,
 * houses with windows, a few shapes) drawn as SVG and encoded as JPEG by sharp. Each seed gives a different scene;
 * nothing is a picture of anyone. Deterministic: the same seed gives the same bytes.
 */
import sharp from 'sharp';

function rngOf(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hsl = (h: number, s: number, l: number) => `hsl(${Math.round(h)},${Math.round(s)}%,${Math.round(l)}%)`;

/** The SVG of scene `seed` at width × height. */
export function photoSvg(seed: number, width = 640, height = 480): string {
  const r = rngOf(seed * 7919 + 17);
  const hue = r() * 360;
  const parts: string[] = [
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="${r().toFixed(2)}" y2="1">`,
    `<stop offset="0" stop-color="${hsl(hue, 60, 75 + r() * 15)}"/><stop offset="1" stop-color="${hsl(hue + 40, 50, 35 + r() * 25)}"/>`,
    '</linearGradient></defs>',
    `<rect width="${width}" height="${height}" fill="url(#sky)"/>`,
    `<circle cx="${(r() * width).toFixed(0)}" cy="${(r() * height * 0.4).toFixed(0)}" r="${(20 + r() * 60).toFixed(0)}" fill="${hsl(40 + r() * 20, 90, 60)}"/>`,
  ];
  for (let i = 0; i < 3; i++) {
    const y = height * (0.5 + 0.15 * i + r() * 0.1);
    const c = width * r();
    parts.push(
      `<path d="M0 ${height} L0 ${y.toFixed(0)} Q${c.toFixed(0)} ${(y - 80 - r() * 120).toFixed(0)} ${width} ${(y + r() * 40).toFixed(0)} L${width} ${height} Z" fill="${hsl(hue + 90 + i * 25 + r() * 30, 40, 25 + i * 10)}"/>`,
    );
  }
  const houses = 1 + Math.floor(r() * 4);
  for (let i = 0; i < houses; i++) {
    const w = 60 + r() * 120;
    const h = 50 + r() * 90;
    const x = r() * (width - w);
    const y = height * 0.55 + r() * height * 0.25;
    const wall = hsl(r() * 360, 30 + r() * 40, 45 + r() * 35);
    parts.push(
      `<rect x="${x.toFixed(0)}" y="${(y - h).toFixed(0)}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" fill="${wall}"/>`,
    );
    parts.push(
      `<polygon points="${(x - 8).toFixed(0)},${(y - h).toFixed(0)} ${(x + w / 2).toFixed(0)},${(y - h - 30 - r() * 40).toFixed(0)} ${(x + w + 8).toFixed(0)},${(y - h).toFixed(0)}" fill="${hsl(r() * 40, 60, 30 + r() * 20)}"/>`,
    );
    for (let k = 0; k < 2 + Math.floor(r() * 3); k++) {
      parts.push(
        `<rect x="${(x + 8 + r() * (w - 30)).toFixed(0)}" y="${(y - h + 10 + r() * (h - 35)).toFixed(0)}" width="16" height="18" fill="${hsl(200, 40, 85)}" stroke="#333" stroke-width="2"/>`,
      );
    }
  }
  for (let i = 0; i < 4; i++) {
    parts.push(
      `<ellipse cx="${(r() * width).toFixed(0)}" cy="${(height * (0.6 + r() * 0.4)).toFixed(0)}" rx="${(10 + r() * 40).toFixed(0)}" ry="${(10 + r() * 30).toFixed(0)}" fill="${hsl(90 + r() * 60, 50, 20 + r() * 30)}" opacity="0.9"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${parts.join('')}</svg>`;
}

/** Scene `seed` as JPEG bytes. */
export async function syntheticPhoto(
  seed: number,
  options: { width?: number; height?: number; quality?: number } = {},
) {
  return sharp(Buffer.from(photoSvg(seed, options.width, options.height)))
    .jpeg({ quality: options.quality ?? 85 })
    .toBuffer();
}

/** How a site shows its ad photos: the originals, or copies re-encoded smaller (what a resurgent site serves). */
export interface DemoPhotos {
  /** Photo seed of each ad, by ad id. */
  seeds: Record<string, number>;
  /** URL folder of the photos on this site. */
  dir: string;
  variant: 'original' | 'copy';
}

/** `<img>` of an ad's photo, or '' when the ad has none. */
export function photoTag(photos: DemoPhotos | undefined, adId: string): string {
  const seed = photos?.seeds[adId];
  return seed === undefined ? '' : `<img class="ad-photo" src="/${photos!.dir}/${seed}.jpg" width="480" alt="">`;
}

/**
 * The photo files a site serves, by path. Made at once when the universe is built (not on first request): on a
 * loaded machine a crawler's side fetch would otherwise wait for sharp and give up.
 */
export function photoFiles(photos: DemoPhotos): Map<string, { mediaType: string; bytes: () => Promise<Buffer> }> {
  const out = new Map<string, { mediaType: string; bytes: () => Promise<Buffer> }>();
  for (const seed of new Set(Object.values(photos.seeds))) {
    const make = async () => {
      const original = await syntheticPhoto(seed);
      if (photos.variant === 'original') return original;
      // The copy a resurgent site serves: resized and recompressed, its watermark in a corner.
      const mark = Buffer.from(
        '<svg xmlns="http://www.w3.org/2000/svg" width="110" height="30"><rect width="110" height="30" rx="5" fill="white" fill-opacity="0.6"/><text x="55" y="21" font-size="16" text-anchor="middle" font-family="DejaVu Sans">annonces</text></svg>',
      );
      const marked = await sharp(original)
        .composite([{ input: mark, left: 522, top: 442 }])
        .toBuffer();
      return sharp(marked).resize(420).jpeg({ quality: 55 }).toBuffer();
    };
    const made = make();
    made.catch(() => {}); // a failure is reported to the requester (500), not as an unhandled rejection
    out.set(`/${photos.dir}/${seed}.jpg`, { mediaType: 'image/jpeg', bytes: () => made });
  }
  return out;
}
