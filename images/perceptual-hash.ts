/**
 * Pixels → 64-bit perceptual hashes (16 hex digits, like every fingerprint of the detector). Two hashes:
 * - pHash: the 8×8 lowest frequencies of the DCT of a 32×32 greyscale thumbnail, each bit "above the median".
 *   Low frequencies are what re-encoding, resizing and a small watermark leave alone. A crop shifts them, so an ad
 *   photo also gets the pHashes of 48 windows of itself (`photoHashes`): a copy cropped by up to 10 % has its
 *   whole-picture hash near one of its original's windows; and of 8 centred windows each 95 % of the one before (the
 *   ladder), for a copy re-cropped deeper and stamped along an edge.
 * - dHash: 8 rows of "is this pixel brighter than its right neighbour" on a 9×8 thumbnail (cheaper, measured
 *   against pHash in `npm run eval:images`).
 * Both decode through sharp (libvips): orientation from EXIF applied, alpha flattened on white, animated images read
 * at their first frame, decompression bombs refused by a pixel limit.
 */
import sharp from 'sharp';
import {
  PHOTO_WINDOWS as ALL_WINDOWS,
  CROP_WINDOWS as CROP,
  LADDER_WINDOWS as LADDER,
} from '../detector/images/windows.ts';

/** A decoded image larger than this many pixels is refused (decompression bombs from hostile sites). */
export const MAX_INPUT_PIXELS = 40_000_000;

export class UnreadableImageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableImageError';
  }
}

const N = 32;
const K = 8;

/** cos((2x+1)uπ/2N) for the K lowest frequencies u, precomputed once. */
const COS = (() => {
  const out = new Float64Array(K * N);
  for (let u = 0; u < K; u++)
    for (let x = 0; x < N; x++) out[u * N + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * N));
  return out;
})();

function toHex(bits: Uint8Array): string {
  let hex = '';
  for (let i = 0; i < 64; i += 4)
    hex += ((bits[i] << 3) | (bits[i + 1] << 2) | (bits[i + 2] << 1) | bits[i + 3]).toString(16);
  return hex;
}

/** The K×K lowest DCT frequencies of a 32×32 greyscale raster (row-major, one byte per pixel). */
function lowFrequencies(pixels: Uint8Array): Float64Array {
  // Separable DCT, only the K lowest frequencies in each direction: rows first (N×K), then columns (K×K).
  const rows = new Float64Array(N * K);
  for (let y = 0; y < N; y++)
    for (let v = 0; v < K; v++) {
      let s = 0;
      for (let x = 0; x < N; x++) s += COS[v * N + x] * pixels[y * N + x];
      rows[y * K + v] = s;
    }
  const coeffs = new Float64Array(K * K);
  for (let u = 0; u < K; u++)
    for (let v = 0; v < K; v++) {
      let s = 0;
      for (let y = 0; y < N; y++) s += COS[u * N + y] * rows[y * K + v];
      coeffs[u * K + v] = s;
    }
  return coeffs;
}

/** pHash bits of the low frequencies: each above the median of the 63 (the DC term left out), and that median. */
function bitsOf(coeffs: Float64Array): { hash: string; sorted: number[]; median: number } {
  // The DC term (overall brightness) is left out of the median: it would push every other bit one way.
  const sorted = Array.from(coeffs.subarray(1)).sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  const bits = new Uint8Array(64);
  for (let i = 0; i < 64; i++) bits[i] = coeffs[i] > median ? 1 : 0;
  return { hash: toHex(bits), sorted, median };
}

/** pHash of a 32×32 greyscale raster (row-major, one byte per pixel). */
export function phashOfPixels(pixels: Uint8Array): string {
  return bitsOf(lowFrequencies(pixels)).hash;
}

/**
 * pHash of a raster and how firmly its bits are set: the median distance of the 63 frequencies to their median (the
 * line each bit is read against), in grey levels per pixel. A flat picture (a plain or gradient placeholder) has its
 * bits set by rounding noise: two different flat pictures then share a hash. A photo's whole picture and its ladder's
 * steps are weighed.
 */
function phashWithStrength(pixels: Uint8Array): { hash: string; strength: number } {
  const { hash, sorted, median } = bitsOf(lowFrequencies(pixels));
  const spread = sorted.map((c) => Math.abs(c - median)).sort((a, b) => a - b);
  return { hash, strength: spread[31] / (N * N) };
}

/**
 * Below this strength (`phashWithStrength`) a picture gets no windows: its whole-picture hash is kept, but 48 windows of a flat
 * picture would give it 48 chances to meet another flat picture's. Flat gradients measure 0.00–0.05; the real
 * photographs of the evaluation's picture sets 0.25 and more, the procedural scenes 0.6 and more.
 */
export const FLAT_PICTURE_STRENGTH = 0.1;

/** dHash of a 9×8 greyscale raster. */
export function dhashOfPixels(pixels: Uint8Array): string {
  const bits = new Uint8Array(64);
  for (let y = 0; y < 8; y++)
    for (let x = 0; x < 8; x++) bits[y * 8 + x] = pixels[y * 9 + x] > pixels[y * 9 + x + 1] ? 1 : 0;
  return toHex(bits);
}

export interface ImageInfo {
  width: number;
  height: number;
  format: string;
}

function open(bytes: Uint8Array) {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'truncated', animated: false });
}

async function thumbnail(bytes: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  try {
    const { data } = await open(bytes)
      .rotate()
      .flatten({ background: '#ffffff' })
      .greyscale()
      .resize(width, height, { fit: 'fill', kernel: 'cubic' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    return data;
  } catch (error) {
    throw new UnreadableImageError(`not a readable image (${(error as Error).message})`);
  }
}

export async function imageInfo(bytes: Uint8Array): Promise<ImageInfo> {
  try {
    const m = await open(bytes).metadata();
    const swap = (m.orientation ?? 1) >= 5;
    return {
      width: (swap ? m.height : m.width) ?? 0,
      height: (swap ? m.width : m.height) ?? 0,
      format: m.format ?? 'unknown',
    };
  } catch (error) {
    throw new UnreadableImageError(`not a readable image (${(error as Error).message})`);
  }
}

/** Side of the greyscale raster every pHash (whole picture and windows) is sampled from: one decode per picture. */
export const RASTER_SIDE = 64;
const R = RASTER_SIDE;
/** The crop windows (detector/images/windows.ts: 48 windows, the 15 of 95 % spans first). */
export const CROP_WINDOWS = CROP;
/** The crop windows, then the ladder's (windows.ts): what `photoHashes` hashes, in order. */
export const PHOTO_WINDOWS = ALL_WINDOWS;

/** Cells of the 32×32 raster are the mean of S×S bilinear samples: an area filter like the thumbnail's. */
const S = 2;

/**
 * Bilinear sampling is separable, and so is the mean of an S×S grid of samples: each x span is sampled along the
 * rows once (R rows × 32 cells), then each window along the columns of its span's result.
 */
/** Where the N×S samples of span [a0, a1] (fractions of a side) fall: pixel index and fraction towards the next. */
function samplePoints(a0: number, a1: number): { at: Int32Array; frac: Float64Array } {
  const at = new Int32Array(N * S);
  const frac = new Float64Array(N * S);
  const step = ((a1 - a0) * R) / (N * S);
  for (let k = 0; k < N * S; k++) {
    const f = Math.min(R - 1.001, Math.max(0, a0 * R + (k + 0.5) * step - 0.5));
    at[k] = Math.floor(f);
    frac[k] = f - at[k];
  }
  return { at, frac };
}

function alongRows(raster: Uint8Array, x0: number, x1: number): Float64Array {
  const out = new Float64Array(R * N);
  const { at, frac } = samplePoints(x0, x1);
  for (let k = 0; k < N * S; k++) {
    const x = Math.floor(k / S);
    for (let y = 0; y < R; y++) {
      const i = y * R + at[k];
      out[y * N + x] += (raster[i] + (raster[i + 1] - raster[i]) * frac[k]) / S;
    }
  }
  return out;
}

function alongColumns(rows: Float64Array, y0: number, y1: number): Uint8Array {
  const sum = new Float64Array(N * N);
  const { at, frac } = samplePoints(y0, y1);
  for (let k = 0; k < N * S; k++) {
    const y = Math.floor(k / S);
    for (let x = 0; x < N; x++) {
      const top = rows[at[k] * N + x];
      sum[y * N + x] += top + (rows[(at[k] + 1) * N + x] - top) * frac[k];
    }
  }
  const out = new Uint8Array(N * N);
  for (let i = 0; i < N * N; i++) out[i] = Math.round(sum[i] / S);
  return out;
}

/** The 32×32 rasters of windows (x0, y0, x1, y1 as fractions of the sides) of an R×R raster, in order. */
export function windowRasters(
  raster: Uint8Array,
  windows: readonly (readonly [number, number, number, number])[],
): Uint8Array[] {
  const byXSpan = new Map<string, Float64Array>();
  return windows.map(([x0, y0, x1, y1]) => {
    const key = `${x0}:${x1}`;
    let rows = byXSpan.get(key);
    if (!rows) {
      rows = alongRows(raster, x0, x1);
      byXSpan.set(key, rows);
    }
    return alongColumns(rows, y0, y1);
  });
}

/** The 32×32 raster of one window of an R×R raster. */
export function windowPixels(raster: Uint8Array, x0: number, y0: number, x1: number, y1: number): Uint8Array {
  return windowRasters(raster, [[x0, y0, x1, y1]])[0];
}

export interface PhotoHashes {
  /** pHash of the whole picture. */
  hash: string;
  /**
   * pHashes of the `PHOTO_WINDOWS` in that order: the 48 crop windows, then the ladder's 8 steps down to the first
   * flat one (48–56 in all); none for a flat picture (`FLAT_PICTURE_STRENGTH`).
   */
  crops: string[];
}

/**
 * pHash of the whole picture and of its windows, from one decode: the 48 crop windows, then the ladder's steps down
 * to the first flat one (a plain middle, a white field around an object: its bits are set by rounding noise, and two
 * unrelated pictures with plain middles would share it), so 48 to 56 hashes.
 */
export async function photoHashes(bytes: Uint8Array): Promise<PhotoHashes> {
  const raster = await thumbnail(bytes, R, R);
  const whole = phashWithStrength(windowPixels(raster, 0, 0, 1, 1));
  if (whole.strength < FLAT_PICTURE_STRENGTH) return { hash: whole.hash, crops: [] };
  const crops = windowRasters(raster, CROP).map(phashOfPixels);
  for (const pixels of windowRasters(raster, LADDER)) {
    const step = phashWithStrength(pixels);
    if (step.strength < FLAT_PICTURE_STRENGTH) break;
    crops.push(step.hash);
  }
  return { hash: whole.hash, crops };
}

/** pHash of the whole picture (the same raster and sampling as `photoHashes`). */
export async function phash(bytes: Uint8Array): Promise<string> {
  return phashOfPixels(windowPixels(await thumbnail(bytes, R, R), 0, 0, 1, 1));
}

export async function dhash(bytes: Uint8Array): Promise<string> {
  return dhashOfPixels(await thumbnail(bytes, 9, 8));
}
