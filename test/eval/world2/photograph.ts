/**
 * One synthetic photograph per world-2 photo name (`<trade>-<n>.jpg`), the picture an advertiser uploaded: a room,
 * a garden or a workshop seen from eye level, drawn as an SVG and rasterised by sharp. Deterministic from the name:
 * the trade gives the palette and the kind of scene (indoor, outdoor), the name seeds the rest — where the horizon
 * and its tilt fall, a window or not, 3 to 7 objects (boxes, pots, furniture, hedges) with shading and a contact
 * shadow, floor boards or a lawn, the light's direction, a vignette and the sensor's grain.
 *
 * It is made for the perceptual hash to have something real to read (large shapes, gradients, edges at every scale),
 * not to look like any one trade's real photos: see pictures.ts for what that leaves out.
 */
import sharp from 'sharp';
import { createRng, type Rng } from './prng.ts';

/** Every original is 4:3 landscape at this size (as a phone photo after an upload's first downscale). */
export const ORIGINAL_WIDTH = 1024;
export const ORIGINAL_HEIGHT = 768;

interface Palette {
  outdoor: boolean;
  /** Hue ranges (degrees) of the wall (or sky), the floor (or ground) and the objects. */
  wall: [number, number];
  floor: [number, number];
  objects: number[];
  /** Saturation of the objects (0–100). */
  sat: [number, number];
}

const PALETTES: Record<string, Palette> = {
  plomberie: { outdoor: false, wall: [190, 215], floor: [20, 40], objects: [200, 30, 0, 210], sat: [5, 35] },
  menage: { outdoor: false, wall: [35, 60], floor: [25, 40], objects: [190, 330, 50, 120], sat: [20, 55] },
  jardinage: { outdoor: true, wall: [195, 215], floor: [85, 125], objects: [100, 30, 120, 340], sat: [30, 65] },
  soutien: { outdoor: false, wall: [30, 55], floor: [20, 35], objects: [0, 210, 45, 120, 280], sat: [30, 70] },
  demenagement: { outdoor: false, wall: [0, 40], floor: [25, 40], objects: [30, 32, 28, 210], sat: [25, 50] },
  bricolage: { outdoor: false, wall: [190, 230], floor: [25, 40], objects: [0, 50, 25, 220], sat: [35, 75] },
  peinture: { outdoor: false, wall: [0, 359], floor: [20, 45], objects: [0, 60, 200, 280], sat: [35, 80] },
  garde: { outdoor: true, wall: [190, 215], floor: [80, 130], objects: [25, 30, 35, 0], sat: [25, 60] },
};

const fallback = (rng: Rng): Palette => {
  const h = rng.int(0, 359);
  return { outdoor: rng.chance(0.4), wall: [h, h + 30], floor: [h + 120, h + 150], objects: [h + 200], sat: [20, 60] };
};

const hsl = (h: number, s: number, l: number) =>
  `hsl(${Math.round(((h % 360) + 360) % 360)},${Math.round(s)}%,${Math.round(Math.max(2, Math.min(98, l)))}%)`;
const between = (rng: Rng, [lo, hi]: [number, number]) => lo + (hi - lo) * rng.next();
const f1 = (x: number) => x.toFixed(1);

/** The trade key of a photo name (`jardinage-12.jpg` → `jardinage`). */
export const tradeOfPhoto = (name: string) => name.replace(/-\d+\.jpg$/, '');

/** The SVG of a photo name's scene (ORIGINAL_WIDTH × ORIGINAL_HEIGHT). */
export function photoScene(name: string): string {
  const rng = createRng(`photograph:${name}`);
  const pal = PALETTES[tradeOfPhoto(name)] ?? fallback(rng);
  const W = ORIGINAL_WIDTH;
  const H = ORIGINAL_HEIGHT;
  const defs: string[] = [];
  const body: string[] = [];
  let gid = 0;
  const gradient = (top: string, bottom: string, x2 = 0, y2 = 1) => {
    const id = `g${gid++}`;
    defs.push(
      `<linearGradient id="${id}" x1="0" y1="0" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient>`,
    );
    return `url(#${id})`;
  };

  // Wall or sky down to a tilted horizon, floor or ground below.
  const wallHue = between(rng, pal.wall);
  const wallSat = pal.outdoor ? rng.int(35, 70) : rng.int(5, 40);
  const wallL = pal.outdoor ? rng.int(60, 82) : rng.int(55, 88);
  body.push(
    `<rect width="${W}" height="${H}" fill="${gradient(hsl(wallHue, wallSat, wallL - 12), hsl(wallHue + 8, wallSat, wallL + 6))}"/>`,
  );
  const horizon = H * (0.3 + 0.35 * rng.next());
  const tilt = H * (rng.next() - 0.5) * 0.12;
  const yl = horizon - tilt;
  const yr = horizon + tilt;
  if (!pal.outdoor && rng.chance(0.6)) {
    // A window: sky behind two panes.
    const ww = W * (0.15 + 0.2 * rng.next());
    const wh = Math.min(horizon * 0.8, H * (0.2 + 0.2 * rng.next()));
    const wx = W * 0.05 + (W * 0.9 - ww) * rng.next();
    const wy = Math.max(8, horizon - wh - H * 0.05 * rng.next() - 10);
    const frame = hsl(wallHue, 8, rng.chance(0.5) ? 94 : 30);
    body.push(
      `<rect x="${f1(wx - 8)}" y="${f1(wy - 8)}" width="${f1(ww + 16)}" height="${f1(wh + 16)}" fill="${frame}"/>`,
      `<rect x="${f1(wx)}" y="${f1(wy)}" width="${f1(ww)}" height="${f1(wh)}" fill="${gradient(hsl(205, 60, 62), hsl(200, 45, 88))}"/>`,
      `<rect x="${f1(wx + ww / 2 - 4)}" y="${f1(wy)}" width="8" height="${f1(wh)}" fill="${frame}"/>`,
    );
  }
  if (pal.outdoor) {
    // Far hills or a hedge line along the horizon.
    const pts: string[] = [`0,${f1(yl)}`];
    for (let x = 0; x <= W; x += W / 8) pts.push(`${f1(x)},${f1(yl + ((yr - yl) * x) / W - H * 0.1 * rng.next())}`);
    pts.push(`${W},${f1(yr)}`);
    body.push(`<polygon points="${pts.join(' ')}" fill="${hsl(between(rng, pal.floor) + 20, 30, rng.int(30, 45))}"/>`);
  }
  const floorHue = between(rng, pal.floor);
  const floorL = pal.outdoor ? rng.int(30, 48) : rng.int(35, 70);
  body.push(
    `<polygon points="0,${f1(yl)} ${W},${f1(yr)} ${W},${H} 0,${H}" fill="${gradient(hsl(floorHue, 35, floorL - 10), hsl(floorHue, 45, floorL + 8))}"/>`,
  );
  // Boards or mowing stripes converging on a vanishing point.
  const vx = W * rng.next();
  const lines = rng.int(5, 11);
  for (let i = 0; i <= lines; i++) {
    const bx = (-0.5 + (2 * i) / lines) * W;
    body.push(
      `<line x1="${f1(vx)}" y1="${f1(horizon)}" x2="${f1(bx)}" y2="${H}" stroke="${hsl(floorHue, 30, floorL - 22)}" stroke-opacity="0.35" stroke-width="${rng.int(2, 5)}"/>`,
    );
  }

  // Objects, far to near: further up is smaller.
  const count = rng.int(3, 7);
  const ys = Array.from({ length: count }, () => horizon + (H - horizon) * (0.15 + 0.8 * rng.next())).sort(
    (a, b) => a - b,
  );
  for (const base of ys) {
    const depth = (base - horizon) / (H - horizon);
    const w = W * (0.08 + 0.3 * depth) * (0.6 + 0.8 * rng.next());
    const h = w * (0.5 + 1.3 * rng.next());
    const x = -w * 0.3 + (W - w * 0.4) * rng.next();
    const hue = rng.pick(pal.objects) + rng.int(-12, 12);
    const sat = between(rng, pal.sat);
    const l = rng.int(25, 75);
    const fill = gradient(hsl(hue, sat, l + 14), hsl(hue, sat, l - 14), rng.next(), 1);
    body.push(
      `<ellipse cx="${f1(x + w / 2 + w * 0.12)}" cy="${f1(base)}" rx="${f1(w * 0.6)}" ry="${f1(w * 0.09)}" fill="url(#shadow)"/>`,
    );
    const shape = rng.int(0, 3);
    if (shape === 0)
      body.push(
        `<rect x="${f1(x)}" y="${f1(base - h)}" width="${f1(w)}" height="${f1(h)}" rx="${f1(w * 0.06 * rng.next())}" fill="${fill}"/>`,
        // The lit top face of a box or a piece of furniture.
        `<polygon points="${f1(x)},${f1(base - h)} ${f1(x + w * 0.15)},${f1(base - h - w * 0.12)} ${f1(x + w * 1.15)},${f1(base - h - w * 0.12)} ${f1(x + w)},${f1(base - h)}" fill="${hsl(hue, sat, l + 24)}"/>`,
      );
    else if (shape === 1)
      body.push(
        `<ellipse cx="${f1(x + w / 2)}" cy="${f1(base - h / 2)}" rx="${f1(w / 2)}" ry="${f1(h / 2)}" fill="${fill}"/>`,
      );
    else if (shape === 2) {
      const corners = rng.int(3, 6);
      const pts = Array.from({ length: corners }, (_, k) => {
        const a = (2 * Math.PI * k) / corners + rng.next() * 0.6;
        return `${f1(x + w / 2 + (Math.cos(a) * w) / 2)},${f1(base - h / 2 + (Math.sin(a) * h) / 2)}`;
      });
      body.push(`<polygon points="${pts.join(' ')}" fill="${fill}"/>`);
    } else {
      // A stack: two or three boxes, books or pots on top of each other.
      let top = base;
      for (let k = rng.int(2, 3); k > 0; k--) {
        const sh = h / 3;
        const sw = w * (0.7 + 0.3 * rng.next());
        body.push(
          `<rect x="${f1(x + (w - sw) / 2)}" y="${f1(top - sh)}" width="${f1(sw)}" height="${f1(sh - 2)}" fill="${hsl(hue + rng.int(-30, 30), sat, rng.int(25, 75))}"/>`,
        );
        top -= sh;
      }
    }
    if (rng.chance(0.4))
      // A detail: a label, a handle, a leaf.
      body.push(
        `<rect x="${f1(x + w * (0.2 + 0.4 * rng.next()))}" y="${f1(base - h * (0.3 + 0.5 * rng.next()))}" width="${f1(w * 0.2)}" height="${f1(h * 0.08)}" fill="${hsl(hue + 180, 20, rng.chance(0.5) ? 92 : 15)}"/>`,
      );
  }

  // Light from one side, a vignette.
  const lx = rng.next();
  const ly = rng.next() * 0.6;
  defs.push(
    `<radialGradient id="light" cx="${lx.toFixed(2)}" cy="${ly.toFixed(2)}" r="0.8"><stop offset="0" stop-color="#fff" stop-opacity="${(0.15 + 0.25 * rng.next()).toFixed(2)}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`,
    `<radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${(0.2 + 0.3 * rng.next()).toFixed(2)}"/></radialGradient>`,
    // Contact shadows: a soft dark ellipse (a radial gradient, much cheaper to draw than a blur filter).
    `<radialGradient id="shadow"><stop offset="0.2" stop-color="#000" stop-opacity="0.35"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient>`,
  );
  body.push(
    `<rect width="${W}" height="${H}" fill="url(#light)"/>`,
    `<rect width="${W}" height="${H}" fill="url(#vignette)"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs.join('')}</defs>${body.join('')}</svg>`;
}

/**
 * The original photograph of a photo name: RGB pixels, ORIGINAL_WIDTH × ORIGINAL_HEIGHT, with the sensor's grain
 * (seeded luminance noise, added here: an SVG turbulence filter took three times as long as the rest of the scene).
 */
export async function photograph(name: string): Promise<Buffer> {
  const pixels = await sharp(Buffer.from(photoScene(name)))
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer();
  const rng = createRng(`grain:${name}`);
  const amplitude = 6 + 8 * rng.next();
  // xorshift32 inline (a closure call per pixel took half the drawing's time): each word gives two noises, each the
  // sum of two bytes (a triangular noise), centred.
  let x = rng.int(1, 0x7fffffff);
  const scale = amplitude / 255;
  for (let i = 0; i < pixels.length; i += 6) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const a = Math.round(((x & 0xff) + ((x >>> 8) & 0xff) - 255) * scale);
    const b = Math.round((((x >>> 16) & 0xff) + ((x >>> 24) & 0xff) - 255) * scale);
    for (let c = 0; c < 3; c++) {
      pixels[i + c] = Math.max(0, Math.min(255, pixels[i + c] + a));
      if (i + 3 + c < pixels.length) pixels[i + 3 + c] = Math.max(0, Math.min(255, pixels[i + 3 + c] + b));
    }
  }
  return pixels;
}
