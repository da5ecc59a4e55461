/**
 * World 10's synthetic photographs, drawn as a raw RGB raster (320×240) from the picture id alone. The id says what
 * is shown (`p/<trade>/<advertiser>/<n>` an advertiser's own shot, `s/<trade>/<k>` a stock picture): the trade picks
 * the scene (a window, folded linen, a pet, a sitting room, a brick hearth, a door, a piano, tiles, a roof, a bike),
 * the owner picks the palette (one person's photos look alike), the whole id picks the layout, clutter and grain.
 */
import type { SceneKind, TradeKey } from './lexicon-trades.ts';
import { TRADES } from './lexicon-trades.ts';
import { Rng } from './rng.ts';

export const PICTURE_WIDTH = 320;
export const PICTURE_HEIGHT = 240;

type Rgb = [number, number, number];

class Canvas {
  readonly px: Buffer;
  constructor(
    readonly w: number,
    readonly h: number,
  ) {
    this.px = Buffer.alloc(w * h * 3);
  }

  private put(x: number, y: number, c: Rgb, a = 1): void {
    if (x < 0 || y < 0 || x >= this.w || y >= this.h) return;
    const i = (y * this.w + x) * 3;
    for (let k = 0; k < 3; k++) this.px[i + k] = Math.round(this.px[i + k] * (1 - a) + c[k] * a);
  }

  vgrad(y0: number, y1: number, top: Rgb, bottom: Rgb): void {
    for (let y = Math.max(0, y0); y < Math.min(this.h, y1); y++) {
      const t = (y - y0) / Math.max(1, y1 - y0);
      const c: Rgb = [0, 1, 2].map((k) => top[k] * (1 - t) + bottom[k] * t) as Rgb;
      for (let x = 0; x < this.w; x++) this.put(x, y, c);
    }
  }

  rect(x0: number, y0: number, w: number, h: number, c: Rgb, a = 1): void {
    for (let y = Math.round(y0); y < Math.round(y0 + h); y++)
      for (let x = Math.round(x0); x < Math.round(x0 + w); x++) this.put(x, y, c, a);
  }

  ellipse(cx: number, cy: number, rx: number, ry: number, c: Rgb, a = 1): void {
    for (let y = Math.floor(cy - ry); y <= cy + ry; y++)
      for (let x = Math.floor(cx - rx); x <= cx + rx; x++) {
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        if (dx * dx + dy * dy <= 1) this.put(x, y, c, a);
      }
  }

  ring(cx: number, cy: number, r: number, t: number, c: Rgb): void {
    for (let y = Math.floor(cy - r); y <= cy + r; y++)
      for (let x = Math.floor(cx - r); x <= cx + r; x++) {
        const d = Math.hypot(x - cx, y - cy);
        if (d <= r && d >= r - t) this.put(x, y, c);
      }
  }

  line(x0: number, y0: number, x1: number, y1: number, t: number, c: Rgb): void {
    const n = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
    for (let i = 0; i <= n; i++) {
      const x = x0 + ((x1 - x0) * i) / Math.max(1, n);
      const y = y0 + ((y1 - y0) * i) / Math.max(1, n);
      this.rect(x - t / 2, y - t / 2, t, t, c);
    }
  }

  /** A filled triangle (scanlines). */
  tri(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, c: Rgb): void {
    const minY = Math.floor(Math.min(ay, by, cy));
    const maxY = Math.ceil(Math.max(ay, by, cy));
    const edges: [number, number, number, number][] = [
      [ax, ay, bx, by],
      [bx, by, cx, cy],
      [cx, cy, ax, ay],
    ];
    for (let y = minY; y <= maxY; y++) {
      const xs: number[] = [];
      for (const [x0, y0, x1, y1] of edges)
        if ((y >= y0 && y < y1) || (y >= y1 && y < y0)) xs.push(x0 + ((y - y0) * (x1 - x0)) / (y1 - y0));
      if (xs.length >= 2) this.rect(Math.min(...xs), y, Math.abs(xs[1] - xs[0]) + 1, 1, c);
    }
  }

  grain(rng: Rng, amp: number): void {
    for (let i = 0; i < this.px.length; i++) {
      const v = this.px[i] + Math.floor(rng.next() * (2 * amp + 1)) - amp;
      this.px[i] = Math.max(0, Math.min(255, v));
    }
  }
}

function color(rng: Rng, lo = 25, hi = 230): Rgb {
  return [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];
}
function shade(c: Rgb, k: number): Rgb {
  return c.map((v) => Math.max(0, Math.min(255, Math.round(v * k)))) as Rgb;
}

interface Palette {
  wall: Rgb;
  floor: Rgb;
  accent: Rgb;
  second: Rgb;
}

type Scene = (g: Canvas, r: Rng, p: Palette) => void;

const SCENES: Record<SceneKind, Scene> = {
  window(g, r, p) {
    g.vgrad(0, g.h, p.wall, shade(p.wall, 0.8));
    const x = r.int(30, 110);
    const y = r.int(15, 50);
    const w = r.int(140, 250 - x + 60);
    const h = r.int(120, 200 - y + 20);
    g.rect(x - 8, y - 8, w + 16, h + 16, p.accent);
    const cols = r.int(1, 3);
    const rows = r.int(1, 3);
    for (let i = 0; i < cols; i++)
      for (let j = 0; j < rows; j++) {
        const px = x + (i * w) / cols + 3;
        const py = y + (j * h) / rows + 3;
        g.rect(px, py, w / cols - 6, h / rows - 6, [150, 190, 230]);
        g.line(px + 4, py + h / rows - 12, px + w / cols - 12, py + 4, 5, [225, 240, 250]);
      }
    g.rect(x - 14, y + h + 8, w + 28, 10, shade(p.accent, 0.8));
  },
  cloth(g, r, p) {
    g.vgrad(0, g.h, p.wall, p.floor);
    const piles = r.int(2, 4);
    for (let i = 0; i < piles; i++) {
      const x = 20 + (i * 280) / piles + r.int(0, 20);
      let y = 210;
      for (let k = r.int(3, 7); k > 0; k--) {
        const h = r.int(12, 20);
        y -= h;
        g.rect(x, y, r.int(60, 80), h - 2, i % 2 ? p.accent : color(r));
      }
    }
    if (r.chance(0.6)) g.tri(200, 60, 290, 60, 245, 20, shade(p.second, 0.9));
  },
  pet(g, r, p) {
    const horizon = r.int(130, 170);
    g.vgrad(0, horizon, p.wall, shade(p.wall, 0.9));
    g.vgrad(horizon, g.h, p.floor, shade(p.floor, 0.7));
    for (let n = r.int(1, 2); n > 0; n--) {
      const cx = r.int(70, 250);
      const cy = r.int(horizon - 10, horizon + 40);
      const fur = r.chance(0.5) ? p.accent : color(r, 40, 200);
      g.ellipse(cx, cy, r.int(40, 70), r.int(25, 40), fur);
      const hx = cx + r.pick([-1, 1]) * r.int(40, 60);
      g.ellipse(hx, cy - 30, 24, 22, shade(fur, 1.1));
      g.tri(hx - 20, cy - 40, hx - 8, cy - 44, hx - 16, cy - 66, fur);
      g.tri(hx + 20, cy - 40, hx + 8, cy - 44, hx + 16, cy - 66, fur);
      g.line(cx - 60, cy, cx - 90, cy - 30, 6, fur);
    }
  },
  room(g, r, p) {
    const horizon = r.int(140, 175);
    g.vgrad(0, horizon, p.wall, shade(p.wall, 0.85));
    g.vgrad(horizon, g.h, p.floor, shade(p.floor, 0.6));
    const ax = r.int(20, 160);
    g.rect(ax, horizon - 60, 110, 70, p.accent);
    g.rect(ax - 10, horizon - 80, 20, 90, shade(p.accent, 0.8));
    g.rect(ax + 100, horizon - 80, 20, 90, shade(p.accent, 0.8));
    g.rect(r.int(20, 260), r.int(20, 60), r.int(40, 70), r.int(30, 50), p.second);
    const lx = r.int(230, 290);
    g.line(lx, horizon, lx, horizon - 90, 4, [60, 60, 60]);
    g.tri(lx - 22, horizon - 90, lx + 22, horizon - 90, lx, horizon - 120, [240, 220, 160]);
  },
  brick(g, r, p) {
    const mortar = shade(p.wall, 1.2);
    g.rect(0, 0, g.w, g.h, mortar);
    const bh = r.int(14, 20);
    const bw = r.int(36, 50);
    for (let row = 0; row * bh < g.h; row++)
      for (let x = row % 2 ? -bw / 2 : 0; x < g.w; x += bw)
        g.rect(x + 2, row * bh + 2, bw - 3, bh - 3, shade(p.accent, r.real(0.75, 1.1)));
    const ox = r.int(60, 160);
    g.rect(ox, 120, r.int(100, 150), 120, [25, 20, 18]);
    g.ellipse(ox + 60, 220, 40, 18, [230, 120, 40], 0.8);
  },
  door(g, r, p) {
    g.vgrad(0, g.h, p.wall, shade(p.wall, 0.75));
    const x = r.int(70, 150);
    const w = r.int(100, 130);
    g.rect(x - 8, 20, w + 16, 220, shade(p.second, 0.7));
    g.rect(x, 28, w, 212, p.accent);
    for (let k = 0; k < r.int(2, 3); k++) g.rect(x + 12, 40 + k * 65, w - 24, 50, shade(p.accent, 0.85));
    const hy = r.int(120, 150);
    g.ellipse(x + w - 18, hy, 7, 7, [200, 180, 90]);
    g.rect(x + w - 20, hy + 14, 4, 12, [20, 20, 20]);
  },
  piano(g, r, p) {
    g.vgrad(0, g.h, p.wall, shade(p.wall, 0.8));
    const y = r.int(40, 80);
    g.rect(20, y, 280, 150, r.chance(0.7) ? [20, 18, 22] : shade(p.accent, 0.5));
    const ky = y + r.int(60, 90);
    const keys = r.int(14, 22);
    const kw = 260 / keys;
    for (let i = 0; i < keys; i++) g.rect(30 + i * kw, ky, kw - 1, 45, [245, 244, 238]);
    for (let i = 0; i < keys - 1; i++)
      if (i % 7 !== 2 && i % 7 !== 6) g.rect(30 + i * kw + kw * 0.65, ky, kw * 0.6, 27, [10, 10, 10]);
    g.rect(r.int(60, 200), y - 25, r.int(30, 60), 25, p.second);
  },
  tiles(g, r, p) {
    const grout = shade(p.wall, 1.1);
    g.rect(0, 0, g.w, g.h, grout);
    const s = r.int(26, 48);
    const alt = p.second;
    for (let y = 0; y < g.h; y += s)
      for (let x = 0; x < g.w; x += s) {
        const c = ((x + y) / s) % 2 === 0 || r.chance(0.15) ? alt : p.accent;
        g.rect(x + 2, y + 2, s - 3, s - 3, shade(c, r.real(0.9, 1.05)));
      }
    if (r.chance(0.6)) g.rect(r.int(0, 200), r.int(0, 140), r.int(60, 120), r.int(60, 100), p.floor, 0.85);
  },
  roof(g, r, p) {
    g.vgrad(0, g.h, [120, 170, 225], [200, 225, 245]);
    const top = r.int(30, 80);
    const left = r.int(-40, 40);
    const right = r.int(280, 360);
    const apex = (left + right) / 2 + r.int(-40, 40);
    g.tri(left, 220, right, 220, apex, top, p.accent);
    for (let y = top + 12; y < 220; y += r.int(9, 14)) {
      const t = (y - top) / (220 - top);
      g.line(apex + (left - apex) * t, y, apex + (right - apex) * t, y, 2, shade(p.accent, 0.7));
    }
    g.rect(0, 215, g.w, 25, p.wall);
    g.rect(r.int(60, 220), top + 10, 24, 70, shade(p.second, 0.8));
    g.line(0, 218, g.w, 218, 4, [150, 150, 155]);
  },
  bike(g, r, p) {
    const ground = r.int(185, 210);
    g.vgrad(0, ground, p.wall, shade(p.wall, 0.9));
    g.vgrad(ground, g.h, p.floor, shade(p.floor, 0.7));
    const rad = r.int(38, 52);
    const x1 = r.int(50, 100);
    const x2 = x1 + r.int(120, 160);
    const cy = ground - rad;
    for (const x of [x1, x2]) {
      g.ring(x, cy, rad, 6, [30, 30, 30]);
      for (let a = 0; a < 8; a++) g.line(x, cy, x + Math.cos(a) * rad, cy + Math.sin(a) * rad, 1, [170, 170, 170]);
    }
    const frame = p.accent;
    const mx = (x1 + x2) / 2;
    g.line(x1, cy, mx, cy, 6, frame);
    g.line(mx, cy, mx + 30, cy - 55, 6, frame);
    g.line(x1, cy, mx - 10, cy - 55, 6, frame);
    g.line(mx - 10, cy - 55, mx + 30, cy - 55, 6, frame);
    g.line(mx + 30, cy - 55, x2, cy, 6, frame);
    g.rect(mx - 22, cy - 66, 26, 8, [30, 30, 30]);
  },
};

function paletteOf(owner: string): Palette {
  const r = Rng.of('w10-palette', owner);
  return { wall: color(r, 90, 235), floor: color(r, 40, 190), accent: color(r, 30, 220), second: color(r, 30, 220) };
}

/** Trade and owner of a picture id. */
export function pictureParts(pic: string): { trade: TradeKey; owner: string } {
  const [kind, trade, owner] = pic.split('/');
  return { trade: trade as TradeKey, owner: kind === 's' ? `stock-${trade}` : (owner ?? pic) };
}

/** The raw RGB raster of a picture id (uncached). */
export function drawPicture(pic: string): Buffer {
  const { trade, owner } = pictureParts(pic);
  const scene = TRADES[trade]?.scene;
  if (!scene) throw new Error(`world 10: picture ${pic} names no trade`);
  const g = new Canvas(PICTURE_WIDTH, PICTURE_HEIGHT);
  const r = Rng.of('w10-picture', pic);
  const base = paletteOf(owner);
  const p: Palette = { ...base, accent: r.chance(0.5) ? base.accent : color(r) };
  SCENES[scene](g, r, p);
  for (let k = r.int(1, 4); k > 0; k--) {
    const c = color(r);
    if (r.chance(0.5)) g.rect(r.int(0, 290), r.int(0, 210), r.int(12, 50), r.int(12, 50), c, 0.9);
    else g.ellipse(r.int(10, 310), r.int(10, 230), r.int(6, 26), r.int(6, 26), c, 0.9);
  }
  g.grain(r, 7);
  return g.px;
}
