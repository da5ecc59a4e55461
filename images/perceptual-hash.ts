/**
 * Pixels → 64-bit perceptual hashes (16 hex digits, like every fingerprint of the detector). Two hashes:
 * - pHash: the 8×8 lowest frequencies of the DCT of a 32×32 greyscale thumbnail, each bit "above the median".
 *   Low frequencies are what re-encoding, resizing and a small watermark leave alone.
 * - dHash: 8 rows of "is this pixel brighter than its right neighbour" on a 9×8 thumbnail (cheaper, measured
 *   against pHash in `npm run eval:images`).
 * Both decode through sharp (libvips): orientation from EXIF applied, alpha flattened on white, animated images read
 * at their first frame, decompression bombs refused by a pixel limit.
 */
import sharp from 'sharp';

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

/** pHash of a 32×32 greyscale raster (row-major, one byte per pixel). */
export function phashOfPixels(pixels: Uint8Array): string {
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
  // The DC term (overall brightness) is left out of the median: it would push every other bit one way.
  const sorted = Array.from(coeffs.subarray(1)).sort((a, b) => a - b);
  const median = (sorted[31] + sorted[32]) / 2;
  const bits = new Uint8Array(64);
  for (let i = 0; i < 64; i++) bits[i] = coeffs[i] > median ? 1 : 0;
  return toHex(bits);
}

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

export async function phash(bytes: Uint8Array): Promise<string> {
  return phashOfPixels(await thumbnail(bytes, N, N));
}

export async function dhash(bytes: Uint8Array): Promise<string> {
  return dhashOfPixels(await thumbnail(bytes, 9, 8));
}
