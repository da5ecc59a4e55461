/**
 * Site icons for the universe: a 1×1 GIF in the brand colour, so sites of one operator share a
 * favicon (a pivot the detector hashes) and a rebranded clone does not.
 */

/** A valid 1×1 GIF89a whose only pixel is `hex` (#rrggbb). */
export function faviconGif(hex: string): Buffer {
  const rgb = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  const [r, g, b] = rgb ? [1, 2, 3].map((i) => Number.parseInt(rgb[i], 16)) : [0, 0, 0];
  return Buffer.from([
    ...Buffer.from('GIF89a', 'ascii'),
    0x01,
    0x00,
    0x01,
    0x00, // 1×1
    0x80,
    0x00,
    0x00, // global colour table of 2 entries
    r,
    g,
    b,
    0x00,
    0x00,
    0x00,
    0x2c,
    0x00,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    0x01,
    0x00,
    0x00, // image descriptor
    0x02,
    0x02,
    0x44,
    0x01,
    0x00, // LZW data: one pixel of colour 0
    0x3b,
  ]);
}
