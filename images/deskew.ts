/**
 * The slant of a line of text in a picture (an advertiser's number is often set at a few degrees), so OCR can read it
 * level: tesseract splits a line slanted by 5° or more into pieces, and a number in pieces is no number. Projection
 * profile: the picture's sharp horizontal changes (strokes' edges, whatever the colours) are projected along each
 * candidate slant; the slant whose rows are the most uneven (text rows full, gaps empty) is the text's.
 */

/** Slants tried, in degrees either way (CSS-style: positive is clockwise on screen). */
export const MAX_SLANT = 10;
const STEP = 0.5;
/** A change in brightness between horizontal neighbours above this is a stroke's edge. */
const EDGE = 40;

/**
 * The slant in degrees (clockwise positive, steps of 0.5°) of the text in a greyscale raster (row-major, one byte per
 * pixel); 0 when nothing stands out. Rotating the picture by minus this levels the text.
 */
export function estimateSlant(pixels: Uint8Array, width: number, height: number): number {
  if (pixels.length !== width * height)
    throw new RangeError(`a ${width}×${height} grey raster has ${width * height} bytes, not ${pixels.length}`);
  const xs: number[] = [];
  const ys: number[] = [];
  for (let y = 0; y < height; y++)
    for (let x = 1; x < width; x++) {
      const i = y * width + x;
      if (Math.abs(pixels[i] - pixels[i - 1]) > EDGE) {
        xs.push(x - width / 2);
        ys.push(y);
      }
    }
  if (xs.length < 20) return 0;
  const margin = Math.ceil((width / 2) * Math.tan((MAX_SLANT * Math.PI) / 180)) + 1;
  const rows = new Float64Array(height + 2 * margin);
  let best = 0;
  let bestScore = -1;
  for (let a = -MAX_SLANT; a <= MAX_SLANT + 1e-9; a += STEP) {
    const t = Math.tan((a * Math.PI) / 180);
    rows.fill(0);
    for (let k = 0; k < xs.length; k++) rows[Math.round(ys[k] - xs[k] * t) + margin]++;
    let score = 0;
    for (let r = 0; r < rows.length; r++) score += rows[r] * rows[r];
    // Ties (a picture without slant-dependent structure) keep the smallest slant.
    if (score > bestScore * (1 + 1e-9) || (score >= bestScore && Math.abs(a) < Math.abs(best) && score === bestScore)) {
      bestScore = score;
      best = a;
    }
  }
  return Math.round(best * 2) / 2;
}
