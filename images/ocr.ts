/**
 * OCR of images that may carry a phone number, with tesseract.js running entirely from node_modules: the wasm core
 * comes from tesseract.js-core, the French and English traineddata from @tesseract.js-data/{fra,eng} (both linked into
 * one temporary langPath folder for the worker's start; cacheMethod 'none': nothing is cached or downloaded). Each image is upscaled, greyed and levelled (its text's slant measured and undone,
 * `deskew.ts`), then read by several passes (sharp: normalised grey, local contrast equalised, a threshold, the
 * inverse for light text on a dark background; tesseract: the line as one block, or sparse text) because one pass
 * never reads every font and background; the passes' texts go to the caller, which validates numbers like every other number (detector/contacts
 * with libphonenumber-js) and keeps those that passes agree on (`read-contacts.ts`).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { estimateSlant } from './deskew.ts';
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

/** Images are upscaled at least twice, and until their height reaches this (tesseract reads ~30 px glyphs best). */
const TARGET_MIN_HEIGHT = 120;
const MAX_OCR_WIDTH = 2_000;
/** Width of the copy the slant is measured on. */
const SLANT_WIDTH = 500;

export interface Raster {
  data: Buffer;
  width: number;
  height: number;
}

type Pass = { name: string; psm: PSM; prepare: (img: Sharp) => Sharp };

/**
 * Chosen on the fit part of `npm run eval:images` (seed 'tune', 120 numbers + 36 other texts), in this order: the
 * line read as one block first (tesseract's sparse mode cuts a slanted or photo-backed line into pieces), on the
 * normalised grey, then after a local contrast equalisation (CLAHE: a number on a plate over a photo), then on a
 * threshold; then sparse text for pictures with text in several places. A digits-only whitelist pass was measured
 * there too and left out: it read no more numbers and made one false one.
 */
export const PASSES: Pass[] = [
  { name: 'block', psm: PSM.SINGLE_BLOCK, prepare: (img) => img.normalise() },
  {
    name: 'block-clahe',
    psm: PSM.SINGLE_BLOCK,
    prepare: (img) => img.clahe({ width: 48, height: 48, maxSlope: 3 }).normalise(),
  },
  { name: 'block-threshold', psm: PSM.SINGLE_BLOCK, prepare: (img) => img.normalise().threshold(140) },
  { name: 'sparse', psm: PSM.SPARSE_TEXT, prepare: (img) => img.normalise() },
  { name: 'sparse-threshold', psm: PSM.SPARSE_TEXT, prepare: (img) => img.normalise().threshold(140) },
  {
    name: 'sparse-inverted',
    psm: PSM.SPARSE_TEXT,
    prepare: (img) => img.normalise().negate({ alpha: false }).threshold(140),
  },
];

/** A grey raster back into sharp (greyscale() keeps its output one channel: raw input is otherwise read as sRGB). */
const fromRaw = (r: Raster) => sharp(r.data, { raw: { width: r.width, height: r.height, channels: 1 } }).greyscale();

/** Grey, upscaled (×2 at least, ~120 px high at least, 2,000 px wide at most), EXIF orientation applied. */
export async function baseImage(bytes: Uint8Array): Promise<Raster> {
  const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: false })
    .rotate()
    .flatten({ background: '#ffffff' });
  const meta = await img.metadata();
  const swap = (meta.orientation ?? 1) >= 5;
  const height = (swap ? meta.width : meta.height) ?? TARGET_MIN_HEIGHT;
  const width = (swap ? meta.height : meta.width) ?? MAX_OCR_WIDTH;
  const scale = Math.min(Math.max(TARGET_MIN_HEIGHT / height, 2), MAX_OCR_WIDTH / width);
  const { data, info } = await img
    .greyscale()
    .resize(Math.max(1, Math.round(width * Math.max(scale, 0.25))), null, { kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** The raster with its text levelled: the slant measured on a small copy, undone on a background of its mean grey. */
export async function levelled(base: Raster): Promise<{ raster: Raster; slant: number }> {
  const small = await fromRaw(base)
    .resize({ width: SLANT_WIDTH, withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const slant = estimateSlant(small.data, small.info.width, small.info.height);
  if (slant === 0) return { raster: base, slant };
  let sum = 0;
  for (const v of base.data) sum += v;
  const mean = Math.round(sum / Math.max(1, base.data.length));
  const { data, info } = await fromRaw(base)
    .rotate(-slant, { background: { r: mean, g: mean, b: mean } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { raster: { data, width: info.width, height: info.height }, slant };
}

export interface OcrEngine {
  /** The text of the preprocessing passes of one image, in order, until `enough` says the passes read so far do. */
  read(bytes: Uint8Array, enough?: (passes: OcrPass[]) => boolean): Promise<OcrPass[]>;
  close(): Promise<void>;
}

/**
 * A tesseract worker with English and French. tesseract.js reads every language from one `langPath` folder and the
 * two packages install in two, so the two installed models are linked into one temporary folder for the worker's
 * start (public options only: `langPath`, `gzip`, `cacheMethod: 'none'`), which is removed once the models are loaded.
 */
async function frenchAndEnglishWorker(): Promise<Worker> {
  const dir = mkdtempSync(path.join(tmpdir(), 'phenix-ocr-'));
  try {
    for (const lang of ['eng', 'fra'] as const) {
      const file = `${lang}.traineddata.gz`;
      symlinkSync(path.join(traineddataDir(lang), file), path.join(dir, file));
    }
    return await createWorker(['eng', 'fra'], OEM.LSTM_ONLY, { langPath: dir, cacheMethod: 'none', gzip: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One tesseract worker (one thread of wasm); callers queue images through it. */
export async function createOcrEngine(): Promise<OcrEngine> {
  const worker = await frenchAndEnglishWorker();
  // Pictures carry no resolution tesseract can trust; 300 dpi matches the upscaled glyphs.
  await worker.setParameters({ preserve_interword_spaces: '1', user_defined_dpi: '300' });
  let psm: PSM | null = null;
  return {
    async read(bytes, enough) {
      const { raster } = await levelled(await baseImage(bytes));
      const out: OcrPass[] = [];
      for (const pass of PASSES) {
        const png = await pass.prepare(fromRaw(raster)).png({ compressionLevel: 1 }).toBuffer();
        if (psm !== pass.psm) await worker.setParameters({ tessedit_pageseg_mode: pass.psm });
        psm = pass.psm;
        const { data } = await worker.recognize(png);
        out.push({ name: pass.name, text: data.text, confidence: data.confidence });
        if (enough?.(out)) break;
      }
      return out;
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
