/**
 * The windows of an ad photo: regions of the picture whose pHashes are stored beside the whole picture's, so that a
 * cropped copy is still found. Pure geometry, shared by images/ (which hashes them) and the comparison here (which
 * only compares windows of the same size).
 *
 * A side is spanned whole, or at 95 % or 90 % of its length, placed at its start, centre or end. Windows are every
 * pair of spans but the whole picture: 48. The first 15 are the windows of the 95 % spans alone, in the order photos
 * were hashed before the 90 % spans existed (stored photos with 15 windows keep their meaning).
 *
 * After them, the **ladder**: 8 windows centred on the picture, each 95 % of the sides of the one before (95 % down to
 * 66 %). A copy re-cropped by more than the spans reach (5–20 % of a side) and stamped along an edge shows the middle
 * of the picture at another scale: its ladder meets the original's a few steps further down (views.ts).
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

/** Each ladder step's window is this share of the previous one's sides. */
export const LADDER_RATIO = 0.95;
/** Ladder windows below the whole picture (step 0). */
export const LADDER_STEPS = 8;
/**
 * Views of two photos are compared 1 to this many steps apart: scale ratios of 0.95 to 0.81, a copy that shows 81–95 %
 * of the other's width and height (a crop of up to about 10 % of each side). Never at the same step: the windows of
 * the same size already compare copies cropped alike.
 */
export const LADDER_REACH = 4;

/** The ladder's windows, steps 1 to LADDER_STEPS (step 0 is the whole picture). */
export const LADDER_WINDOWS: readonly CropWindow[] = Array.from({ length: LADDER_STEPS }, (_, i) => {
  const m = (1 - LADDER_RATIO ** (i + 1)) / 2;
  return [m, m, 1 - m, 1 - m] as CropWindow;
});

/** Every window of a photo, in the order their hashes are stored: the crop windows, then the ladder. */
export const PHOTO_WINDOWS: readonly CropWindow[] = [...CROP_WINDOWS, ...LADDER_WINDOWS];

/** Where ladder step 1 is stored among a photo's windows: right after the crop windows. */
export const LADDER_FIRST = CROP_WINDOWS.length;

/**
 * The ladder step (1 to LADDER_STEPS) stored at position `i` of a photo's windows; 0 for a crop window or an unknown
 * window past the ladder (a newer hasher's).
 */
export function ladderStepAt(i: number): number {
  return i >= LADDER_FIRST && i < LADDER_FIRST + LADDER_STEPS ? i - LADDER_FIRST + 1 : 0;
}

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
