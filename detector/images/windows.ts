/**
 * The windows of an ad photo: regions of the picture whose pHashes are stored beside the whole picture's, so that a
 * cropped copy is still found. Pure geometry, shared by images/ (which hashes them) and the comparison here (which
 * only compares windows of the same size).
 *
 * A side is spanned whole, or at 95 % or 90 % of its length, placed at its start, centre or end. Windows are every
 * pair of spans but the whole picture: 48. The first 15 are the windows of the 95 % spans alone, in the order photos
 * were hashed before the 90 % spans existed (stored photos with 15 windows keep their meaning).
 */

/** [start, end] of a span along a side, as fractions of it. */
type Span = readonly [number, number];

const spansOf = (margin: number): Span[] => [
  [0, 1 - margin],
  [margin / 2, 1 - margin / 2],
  [margin, 1],
];

const WHOLE: Span = [0, 1];
/** The spans of the first windows (15 windows with the whole side). */
const SPANS_95: Span[] = [WHOLE, ...spansOf(0.05)];
/** Every span: the first ones, then 90 % of the side at its start, centre and end. */
const SPANS_ALL: Span[] = [...SPANS_95, ...spansOf(0.1)];

export type CropWindow = [number, number, number, number];

function windowsOf(spans: Span[], skip: (x: Span, y: Span) => boolean): CropWindow[] {
  return spans.flatMap((x) => spans.flatMap((y): CropWindow[] => (skip(x, y) ? [] : [[x[0], y[0], x[1], y[1]]])));
}

const in95 = (s: Span) => SPANS_95.includes(s);

/** The windows (x0, y0, x1, y1 as fractions of the sides), in the order their hashes are stored. */
export const CROP_WINDOWS: readonly CropWindow[] = [
  ...windowsOf(SPANS_95, (x, y) => x === WHOLE && y === WHOLE),
  ...windowsOf(SPANS_ALL, (x, y) => in95(x) && in95(y)),
];

/**
 * The size class of each window (its width and height, rounded): two copies cropped alike are compared window to
 * window only within a class, so a 90 % window of one is never matched with a 95 % window of the other.
 */
export const WINDOW_CLASS: readonly number[] = (() => {
  const ids = new Map<string, number>();
  return CROP_WINDOWS.map(([x0, y0, x1, y1]) => {
    const key = `${Math.round((x1 - x0) * 100)}x${Math.round((y1 - y0) * 100)}`;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
})();

/** How many size classes there are. */
export const WINDOW_CLASSES = Math.max(...WINDOW_CLASS) + 1;
