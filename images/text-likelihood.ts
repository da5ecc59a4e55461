/**
 * Which pictures are worth reading: OCR costs about a second per pass, photos rarely carry text, and a crawl has
 * a budget. Text is many sharp, short edges in rows; a photo or a gradient has few. The score is the share of
 * pixels of a 96-px-high greyscale thumbnail whose horizontal neighbour differs strongly.
 */
import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from './perceptual-hash.ts';

const HEIGHT = 96;
const EDGE = 60;

export async function textLikelihood(bytes: Uint8Array): Promise<number> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize({ height: HEIGHT, width: 4 * HEIGHT, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let edges = 0;
  for (let y = 0; y < info.height; y++)
    for (let x = 1; x < info.width; x++) {
      const i = y * info.width + x;
      if (Math.abs(data[i] - data[i - 1]) > EDGE) edges++;
    }
  return edges / Math.max(1, info.height * (info.width - 1));
}
