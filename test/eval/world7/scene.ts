/**
 * World 7's synthetic photographs: an SVG scene per photo, deterministic from the photo id. The photos of one ad
 * show the same object (palette and shape drawn from the ad's key, `id = adKey~n`) from another viewpoint (shift,
 * zoom, light), in a room or outdoors as the trade goes, with a light falloff and a vignette; grain is added when
 * rasterised (photos.ts).
 */
import { hash32, type Rng, rngOf } from './rng.ts';
import type { SceneKind } from './trades.ts';

const WALLS = ['#e9e2d3', '#d9d4c7', '#cfd8dc', '#efe6da', '#c9c2b2', '#e4d5c3', '#d7e0d0', '#f0ece4'];
const FLOORS = ['#8d6e4f', '#a1887f', '#6d5845', '#b0a89a', '#7b6a58', '#9e8c74', '#5d4a3a'];
const VIVID = ['#c0392b', '#2e86c1', '#27ae60', '#f39c12', '#8e44ad', '#16a085', '#d35400', '#2c3e50', '#7f8c8d'];

function hsl(rng: Rng, h: [number, number], s: [number, number], l: [number, number]): string {
  return `hsl(${rng.int(h[0], h[1])},${rng.int(s[0], s[1])}%,${rng.int(l[0], l[1])}%)`;
}

interface Frame {
  W: number;
  H: number;
  /** Horizon (wall/floor or sky/ground line). */
  y: number;
  /** Object centre and scale for this viewpoint. */
  cx: number;
  cy: number;
  s: number;
}

type Draw = (a: Rng, f: Frame) => string;

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = '') =>
  `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${w.toFixed(1)}" height="${h.toFixed(1)}" fill="${fill}" ${extra}/>`;
const circle = (x: number, y: number, r: number, fill: string, extra = '') =>
  `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r.toFixed(1)}" fill="${fill}" ${extra}/>`;
const shadow = (f: Frame, w: number) =>
  `<ellipse cx="${f.cx.toFixed(1)}" cy="${(f.cy + 4).toFixed(1)}" rx="${(w * 0.6).toFixed(1)}" ry="${(w * 0.08).toFixed(1)}" fill="#000" opacity="0.28"/>`;

const DRAW: Record<SceneKind, Draw> = {
  pipes: (a, f) => {
    const w = 260 * f.s;
    const tile = a.pick(['#e0e6e8', '#f4f1ea', '#cfe3e8']);
    const tiles = Array.from({ length: 12 }, (_, i) =>
      rect(
        f.cx - w + (i % 6) * (w / 3),
        f.cy - w * 1.2 + Math.floor(i / 6) * (w / 3),
        w / 3 - 3,
        w / 3 - 3,
        tile,
        'opacity="0.8"',
      ),
    );
    return `${tiles.join('')}${shadow(f, w)}${rect(f.cx - w / 2, f.cy - w * 0.55, w, w * 0.55, a.pick(['#fafafa', '#ddd', '#8d99ae']))}
<path d="M${f.cx - w * 0.3} ${f.cy - w * 0.55} v-${w * 0.4} h${w * 0.6} v${w * 0.4}" stroke="url(#metal)" stroke-width="${14 * f.s}" fill="none"/>
${circle(f.cx, f.cy - w * 0.95, 16 * f.s, 'url(#metal)')}`;
  },
  garden: (a, f) => {
    const hedge = Array.from({ length: 9 }, (_, i) =>
      circle(f.W * (i / 8), f.y - 10, f.W / 9, hsl(a, [90, 130], [35, 55], [22, 34])),
    );
    const stripes = Array.from({ length: 6 }, (_, i) =>
      rect(0, f.y + i * ((f.H - f.y) / 6), f.W, (f.H - f.y) / 12, '#fff', 'opacity="0.06"'),
    );
    const w = 150 * f.s;
    return `${hedge.join('')}${stripes.join('')}${shadow(f, w)}${rect(f.cx - w / 2, f.cy - w * 0.45, w, w * 0.4, a.pick(VIVID), 'rx="12"')}
${circle(f.cx - w * 0.35, f.cy - 8, w * 0.14, '#222')}${circle(f.cx + w * 0.35, f.cy - 8, w * 0.14, '#222')}
<path d="M${f.cx + w * 0.4} ${f.cy - w * 0.4} l${w * 0.5} -${w * 0.7}" stroke="#333" stroke-width="${8 * f.s}"/>`;
  },
  cleaning: (a, f) => {
    const w = 140 * f.s;
    const c = a.pick(VIVID);
    return `${rect(f.W * 0.08, f.y - f.H * 0.3, f.W * 0.3, 12, '#8d6e63')}${circle(f.W * 0.15, f.y - f.H * 0.3 - 20, 18, a.pick(VIVID))}
${shadow(f, w)}<path d="M${f.cx - w / 2} ${f.cy - w} L${f.cx + w / 2} ${f.cy - w} L${f.cx + w * 0.38} ${f.cy} L${f.cx - w * 0.38} ${f.cy} Z" fill="${c}"/>
<path d="M${f.cx - w / 2} ${f.cy - w} q${w / 2} -${w * 0.6} ${w} 0" stroke="#444" stroke-width="5" fill="none"/>
<path d="M${f.cx + w} ${f.cy} L${f.cx + w * 1.3} ${f.cy - w * 2}" stroke="#b08d57" stroke-width="${9 * f.s}"/>${rect(f.cx + w * 0.8, f.cy - 10, w * 0.5, 16, '#ddd', 'rx="6"')}`;
  },
  piano: (a, f) => {
    const w = 360 * f.s;
    const body = a.pick(['#1b1b1b', '#3e2723', '#4e342e', '#f5f5f5']);
    const keys = Array.from({ length: 21 }, (_, i) =>
      rect(f.cx - w / 2 + 10 + i * ((w - 20) / 21), f.cy - w * 0.42, (w - 20) / 21 - 1.5, w * 0.12, '#fbfbf7'),
    );
    const black = Array.from({ length: 21 }, (_, i) =>
      [2, 6, 9].includes(i % 7)
        ? ''
        : rect(f.cx - w / 2 + 10 + (i + 0.65) * ((w - 20) / 21), f.cy - w * 0.42, (w - 20) / 35, w * 0.07, '#111'),
    ).join('');
    return `${shadow(f, w)}${rect(f.cx - w / 2, f.cy - w * 0.9, w, w * 0.9, body)}${rect(f.cx - w / 2 - 8, f.cy - w * 0.46, w + 16, 14, body)}${keys.join('')}${black}
${rect(f.cx - w * 0.1, f.cy - w * 0.72, w * 0.2, w * 0.14, '#f5f0e1', 'opacity="0.85"')}`;
  },
  appliance: (a, f) => {
    const w = 220 * f.s;
    const shell = a.pick(['#f7f7f7', '#e8e8e8', '#cfd2d4', '#fafafa']);
    return `${shadow(f, w)}${rect(f.cx - w / 2, f.cy - w * 1.15, w, w * 1.15, shell, 'rx="6"')}${rect(f.cx - w / 2, f.cy - w * 1.15, w, w * 0.18, '#d5d8da')}
${circle(f.cx, f.cy - w * 0.55, w * 0.32, '#9aa3a8')}${circle(f.cx, f.cy - w * 0.55, w * 0.24, 'url(#glass)')}
${circle(f.cx + w * 0.3, f.cy - w * 1.06, w * 0.05, a.pick(VIVID))}${rect(f.cx - w * 0.4, f.cy - w * 1.1, w * 0.35, w * 0.07, '#555')}`;
  },
  computer: (a, f) => {
    const w = 300 * f.s;
    return `${rect(0, f.cy - 6, f.W, f.H, a.pick(FLOORS))}${shadow(f, w)}${rect(f.cx - w / 2, f.cy - w * 0.75, w, w * 0.6, '#222', 'rx="8"')}
${rect(f.cx - w / 2 + 10, f.cy - w * 0.75 + 10, w - 20, w * 0.6 - 20, 'url(#screen)')}${rect(f.cx - w * 0.06, f.cy - w * 0.15, w * 0.12, w * 0.12, '#333')}
${rect(f.cx - w * 0.45, f.cy + 10, w * 0.9, w * 0.1, '#cfcfcf', 'rx="5"')}${circle(f.cx + w * 0.65, f.cy + 20, w * 0.05, a.pick(VIVID))}`;
  },
  bicycle: (a, f) => {
    const r = 80 * f.s;
    const frame = a.pick(VIVID);
    const spokes = (x: number) =>
      Array.from(
        { length: 8 },
        (_, i) =>
          `<line x1="${x}" y1="${f.cy - r}" x2="${x + r * Math.cos(i * 0.785)}" y2="${f.cy - r + r * Math.sin(i * 0.785)}" stroke="#999" stroke-width="1.5"/>`,
      ).join('');
    const x1 = f.cx - r * 1.3;
    const x2 = f.cx + r * 1.3;
    return `${shadow(f, r * 3)}${circle(x1, f.cy - r, r, 'none', 'stroke="#1a1a1a" stroke-width="10"')}${circle(x2, f.cy - r, r, 'none', 'stroke="#1a1a1a" stroke-width="10"')}${spokes(x1)}${spokes(x2)}
<path d="M${x1} ${f.cy - r} L${f.cx - r * 0.2} ${f.cy - r * 2} L${f.cx + r * 0.9} ${f.cy - r * 2} L${x2} ${f.cy - r} M${f.cx - r * 0.2} ${f.cy - r * 2} L${f.cx} ${f.cy - r} L${x1} ${f.cy - r} M${f.cx} ${f.cy - r} L${f.cx + r * 0.9} ${f.cy - r * 2}" stroke="${frame}" stroke-width="${11 * f.s}" fill="none" stroke-linejoin="round"/>
${rect(f.cx - r * 0.45, f.cy - r * 2.3, r * 0.5, r * 0.14, '#222', 'rx="5"')}<path d="M${f.cx + r * 0.9} ${f.cy - r * 2} l${r * 0.1} -${r * 0.4} h${r * 0.35}" stroke="#333" stroke-width="7" fill="none"/>`;
  },
  kitchen: (a, f) => {
    const w = 420 * f.s;
    const front = a.pick(['#f2efe9', '#b5651d', '#556b2f', '#2f4f4f', '#d8cfc4', '#8b0000', '#ffffff']);
    const doors = Array.from(
      { length: 4 },
      (_, i) =>
        `${rect(f.cx - w / 2 + i * (w / 4) + 4, f.cy - w * 0.42, w / 4 - 8, w * 0.38, front)}${rect(f.cx - w / 2 + i * (w / 4) + w / 8 - 10, f.cy - w * 0.36, 20, 5, '#888')}`,
    );
    const upper = Array.from({ length: 3 }, (_, i) =>
      rect(f.cx - w / 2 + i * (w / 3) + 4, f.cy - w * 1.05, w / 3 - 8, w * 0.3, front),
    );
    return `${shadow(f, w)}${doors.join('')}${rect(f.cx - w / 2 - 6, f.cy - w * 0.48, w + 12, w * 0.06, a.pick(['#3b3b3b', '#d7ccc8', '#795548']))}${upper.join('')}`;
  },
  clothes: (a, f) => {
    const bed = rect(f.W * 0.05, f.y - 20, f.W * 0.9, f.H, a.pick(['#f5f5f5', '#e3e8ef', '#efe4e1']));
    const items = Array.from({ length: a.int(2, 4) }, (_, i) => {
      const x = f.cx + (i - 1.5) * 120 * f.s;
      const y = f.cy - 60 * f.s + (i % 2) * 30;
      const s = 55 * f.s;
      return `<path d="M${x - s} ${y - s} l${s * 0.5} -${s * 0.3} h${s} l${s * 0.5} ${s * 0.3} l-${s * 0.3} ${s * 0.4} l-${s * 0.2} -${s * 0.1} v${s * 1.4} h-${s} v-${s * 1.4} l-${s * 0.2} ${s * 0.1} Z" fill="${hsl(a, [0, 360], [35, 75], [45, 70])}"/>`;
    });
    return `${bed}${items.join('')}`;
  },
  firewood: (a, f) => {
    const r = 22 * f.s;
    const logs = [];
    for (let row = 0; row < 5; row++)
      for (let col = 0; col < 9 - row; col++) {
        const x = f.cx - (9 - row) * r + col * r * 2 + r;
        const y = f.cy - r - row * r * 1.75;
        logs.push(circle(x, y, r * (0.85 + 0.15 * a.next()), 'url(#wood)', 'stroke="#5d4037" stroke-width="3"'));
      }
    return `${shadow(f, r * 18)}${logs.join('')}`;
  },
};

const OUTDOOR: Record<SceneKind, number> = {
  garden: 1,
  firewood: 0.7,
  bicycle: 0.5,
  pipes: 0,
  cleaning: 0,
  piano: 0,
  appliance: 0,
  computer: 0,
  kitchen: 0,
  clothes: 0,
};

/** Things lying around a room or a yard: a plant, a box, a chair, a frame, a rug (per ad, moved by the viewpoint). */
function clutter(a: Rng, f: Frame, outdoor: boolean, dx: number): string {
  const out: string[] = [];
  for (let i = a.int(0, 3); i > 0; i--) {
    const x = f.W * a.next() + dx;
    const kind = a.int(0, outdoor ? 1 : 4);
    const c = a.pick(VIVID);
    if (kind === 0)
      out.push(
        `${rect(x, f.y - 40, 28, 40, '#8d6e63')}${circle(x + 14, f.y - 62, 30, hsl(a, [90, 140], [30, 60], [25, 40]))}`,
      );
    else if (kind === 1)
      out.push(
        rect(x, f.y + (f.H - f.y) * a.next() * 0.6, 70 + 60 * a.next(), 50 + 40 * a.next(), '#b08d57', 'opacity="0.9"'),
      );
    else if (kind === 2)
      out.push(`${rect(x, f.y - 80, 8, 110, c)}${rect(x, f.y - 20, 60, 10, c)}${rect(x + 52, f.y - 20, 8, 50, c)}`);
    else if (kind === 3)
      out.push(
        rect(
          x,
          f.y * (0.2 + 0.3 * a.next()),
          60 + 50 * a.next(),
          45 + 30 * a.next(),
          c,
          'stroke="#5d4037" stroke-width="5"',
        ),
      );
    else
      out.push(
        `<ellipse cx="${x}" cy="${f.y + (f.H - f.y) * 0.7}" rx="${120 + 80 * a.next()}" ry="28" fill="${c}" opacity="0.55"/>`,
      );
  }
  return out.join('');
}

/** SVG of photo `id` (`adKey~n`) of a `scene`, `W × H` pixels. */
export function sceneSvg(id: string, scene: SceneKind, W: number, H: number): string {
  const [adKey, nth = '0'] = id.split('~');
  const a = rngOf(`object|${adKey}`);
  const v = rngOf(`view|${id}`);
  const outdoor = a.next() < OUTDOOR[scene];
  const y = H * (0.55 + 0.15 * v.next());
  const f: Frame = {
    W,
    H,
    y,
    cx: W * (0.3 + 0.4 * a.next() + (v.next() - 0.5) * 0.2),
    cy: y + (H - y) * (0.35 + 0.4 * v.next()),
    s: (Math.min(W, H) / 480) * (0.6 + 0.7 * a.next()) * (Number(nth) === 0 ? 1 : 0.85 + 0.4 * v.next()),
  };
  const mirror = a.chance(0.5);
  const wall = outdoor ? ['#9ec9e8', '#dcebf5'] : [a.pick(WALLS), a.pick(WALLS)];
  const floor = outdoor ? hsl(a, [70, 110], [25, 45], [28, 42]) : a.pick(FLOORS);
  const tilt = (v.next() - 0.5) * H * 0.08;
  const lx = (v.next() * 100).toFixed(0);
  const object = DRAW[scene](rngOf(`shape|${adKey}`), f);
  const things = clutter(rngOf(`clutter|${adKey}`), f, outdoor, (f.cx - W / 2) * 0.5);
  const window_ =
    !outdoor && a.chance(0.5)
      ? rect(W * (0.1 + 0.5 * a.next()), H * 0.08, W * 0.22, y * 0.5, '#f8fbff', 'opacity="0.7"')
      : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<defs>
<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${wall[0]}"/><stop offset="1" stop-color="${wall[1]}"/></linearGradient>
<linearGradient id="floor" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${floor}"/><stop offset="1" stop-color="#000" stop-opacity="0.5"/></linearGradient>
<linearGradient id="metal" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#eceff1"/><stop offset="1" stop-color="#78909c"/></linearGradient>
<radialGradient id="glass" cx="0.4" cy="0.35" r="0.7"><stop offset="0" stop-color="#b3e5fc"/><stop offset="1" stop-color="#263238"/></radialGradient>
<linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${hsl(a, [180, 260], [50, 80], [40, 60])}"/><stop offset="1" stop-color="#0d1b2a"/></linearGradient>
<radialGradient id="wood" cx="0.5" cy="0.5" r="0.5"><stop offset="0" stop-color="#e6c89c"/><stop offset="0.6" stop-color="#c49a6c"/><stop offset="1" stop-color="#8d6e63"/></radialGradient>
<radialGradient id="light" cx="${lx}%" cy="15%" r="85%"><stop offset="0" stop-color="#fff" stop-opacity="0.32"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></radialGradient>
</defs>
${rect(0, 0, W, H, 'url(#wall)')}${window_}
<polygon points="0,${(y - tilt).toFixed(1)} ${W},${(y + tilt).toFixed(1)} ${W},${H} 0,${H}" fill="url(#floor)"/>
<g${mirror ? ` transform="translate(${W} 0) scale(-1 1)"` : ''}>${things}${object}</g>
${rect(0, 0, W, H, 'url(#light)')}
</svg>`;
}

/** Hash of an id, for callers that need a cheap stable choice. */
export function idChoice(id: string, n: number): number {
  return hash32(id) % n;
}
