/**
 * OCR of images that may carry a phone number, with tesseract.js running entirely from node_modules: the wasm core
 * comes from tesseract.js-core, the French and English traineddata from @tesseract.js-data/{fra,eng} (langPath points
 * into the installed package; cacheMethod 'none' so nothing is written or downloaded). Each image goes through
 * several preprocessing passes (sharp: greyscale + upscale + normalise, a threshold, the inverse for light text on a
 * dark background) because one pass never reads every font and background; the passes' texts go to the caller, which
 * validates numbers like every other number (detector/contacts with libphonenumber-js).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { MAX_INPUT_PIXELS } from './perceptual-hash.ts';

const require = createRequire(import.meta.url);

/** Folder of `<lang>.traineddata.gz` in the installed @tesseract.js-data package (the integer "best" LSTM model). */
export function traineddataDir(lang: 'fra' | 'eng'): string {
  const pkg = require(`@tesseract.js-data/${lang}`) as { langPath: string };
  return path.join(path.dirname(pkg.langPath), '4.0.0_best_int');
}

export interface OcrPass {
  name: string;
  text: string;
  confidence: number;
}

/** Images are upscaled until their height reaches this (tesseract reads ~30 px glyphs best). */
const TARGET_MIN_HEIGHT = 120;
const MAX_OCR_WIDTH = 2_000;

type Pass = { name: string; prepare: (img: Sharp) => Sharp };

const PASSES: Pass[] = [
  { name: 'grey', prepare: (img) => img.normalise() },
  { name: 'threshold', prepare: (img) => img.normalise().threshold(140) },
  { name: 'inverted', prepare: (img) => img.normalise().negate({ alpha: false }).threshold(140) },
];

async function baseImage(bytes: Uint8Array): Promise<Sharp> {
  const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
    .rotate()
    .flatten({ background: '#ffffff' });
  const meta = await img.metadata();
  const height = meta.height ?? TARGET_MIN_HEIGHT;
  const width = meta.width ?? MAX_OCR_WIDTH;
  const scale = Math.min(Math.max(1, TARGET_MIN_HEIGHT / height, 2), MAX_OCR_WIDTH / width);
  return img.greyscale().resize(Math.max(1, Math.round(width * Math.max(scale, 0.25))), null, { kernel: 'lanczos3' });
}

export interface OcrEngine {
  /** The text of the preprocessing passes of one image, in order, until `enough` says the passes read so far do. */
  read(bytes: Uint8Array, enough?: (passes: OcrPass[]) => boolean): Promise<OcrPass[]>;
  close(): Promise<void>;
}

/**
 * One tesseract worker (one thread of wasm); callers queue images through it. Page segmentation "sparse text"
 * finds a number wherever it sits in a photo.
 */
export async function createOcrEngine(): Promise<OcrEngine> {
  const worker: Worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: traineddataDir('eng'),
    cacheMethod: 'none',
    gzip: true,
  });
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.SPARSE_TEXT,
    preserve_interword_spaces: '1',
  });
  return {
    async read(bytes, enough) {
      const base = await baseImage(bytes);
      const out: OcrPass[] = [];
      for (const pass of PASSES) {
        const png = await pass.prepare(base.clone()).png({ compressionLevel: 1 }).toBuffer();
        const { data } = await worker.recognize(png);
        out.push({ name: pass.name, text: data.text, confidence: data.confidence });
        if (enough?.(out)) break;
      }
      return out;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
