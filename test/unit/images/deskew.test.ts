import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { estimateSlant } from '../../../images/deskew.ts';

/** A grey raster of a line of text turned by `degrees` (clockwise, as CSS and sharp turn). */
async function slantedLine(degrees: number, dark = true): Promise<{ data: Buffer; width: number; height: number }> {
  const [fg, bg] = dark ? ['#111', '#f4f4f4'] : ['#fe8', '#223'];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="140"><rect width="480" height="140" fill="${bg}"/><text x="30" y="82" font-size="34" font-family="DejaVu Sans" fill="${fg}" transform="rotate(${degrees} 240 70)">Tél : 06 39 98 12 34</text></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('the slant of text in a picture', () => {
  it('is measured within a degree either way, whatever the colours', async () => {
    for (const [degrees, dark] of [
      [0, true],
      [7, true],
      [-6, false],
      [3, false],
      [-9, true],
    ] as const) {
      const r = await slantedLine(degrees, dark);
      expect(Math.abs(estimateSlant(r.data, r.width, r.height) - degrees), `${degrees}°`).toBeLessThanOrEqual(1);
    }
  });

  it('is 0 on a picture without edges, and a raster of the wrong size is refused', () => {
    expect(estimateSlant(new Uint8Array(100 * 40).fill(128), 100, 40)).toBe(0);
    expect(() => estimateSlant(new Uint8Array(10), 4, 4)).toThrow(RangeError);
  });
});
