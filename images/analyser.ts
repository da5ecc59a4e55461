/**
 * What the monitor calls when it stores a capture: the capture's pictures and screenshot become perceptual hashes at
 * once (milliseconds each), and the pictures likely to carry text go to an OCR queue that runs beside the crawl, one
 * picture at a time, within a per-crawl budget and a per-picture time limit, so OCR never holds a page back. The
 * crawl step drains the queue before its captures are profiled. A picture seen on several pages is hashed and read
 * once per analyser.
 */
import { type Contact, MIN_PHOTO_SIDE, type PageImage } from '../detector/index.ts';
import { createOcrEngine, type OcrEngine } from './ocr.ts';
import { imageInfo, phash, photoHashes, UnreadableImageError } from './perceptual-hash.ts';
import { contactsOfPasses, passesAgree } from './read-contacts.ts';
import { textLikelihood } from './text-likelihood.ts';

export interface PictureArtifact {
  kind: string;
  sha256: string;
  url?: string;
}

export interface ImageAnalyserOptions {
  /** Reads an artifact's bytes from the evidence store. */
  read: (sha256: string) => Promise<Uint8Array>;
  /** Pictures read by OCR per analyser (one crawl run); 0 turns OCR off. */
  ocrPerCrawl: number;
  /** Time budget of one picture's OCR (all passes). */
  ocrTimeoutMs: number;
  /** Pictures scoring below this text likelihood are not read (photos, gradients). */
  minTextLikelihood?: number;
  /** Engine factory (tests); default: tesseract.js from node_modules, created on first use. */
  createEngine?: () => Promise<OcrEngine>;
  onError?: (error: unknown, sha256: string) => void;
}

export interface CapturePictures {
  images: PageImage[];
  look: string | null;
}

/**
 * Text likelihood above which a picture is worth an OCR pass, chosen on the fit part of `npm run eval:images` (its
 * first 40 numbers): the faintest number picture there (22 px serif on a wide plain plate) scores 0.016, the busiest
 * of 60 procedural photos (seeds 1000–1059) 0.013.
 */
export const DEFAULT_MIN_TEXT_LIKELIHOOD = 0.014;
/** Pictures narrower or lower than this carry no readable number. */
const MIN_OCR_SIDE = 16;

export class OcrTimeoutError extends Error {
  constructor(ms: number) {
    super(`OCR of one picture took longer than ${ms} ms; skipped.`);
    this.name = 'OcrTimeoutError';
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrTimeoutError(ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export function createImageAnalyser(options: ImageAnalyserOptions) {
  const hashed = new Map<string, Promise<PageImage | null>>();
  const read = new Set<string>();
  const minLikelihood = options.minTextLikelihood ?? DEFAULT_MIN_TEXT_LIKELIHOOD;
  let engine: Promise<OcrEngine> | null = null;
  let tail: Promise<void> = Promise.resolve();
  let queued = 0;
  const stats = { hashed: 0, unreadable: 0, ocrRead: 0, ocrSkipped: 0, ocrFailed: 0, contactsFound: 0 };

  /**
   * A picture's hashes: a picture big enough to be an ad photo gets its windows too (crops), an icon or the
   * screenshot only the whole-picture hash.
   */
  async function hashOne(artifact: PictureArtifact, windows = true): Promise<PageImage | null> {
    try {
      const bytes = await options.read(artifact.sha256);
      const info = await imageInfo(bytes);
      const hashes =
        windows && Math.min(info.width, info.height) >= MIN_PHOTO_SIDE
          ? await photoHashes(bytes)
          : { hash: await phash(bytes) };
      stats.hashed++;
      return { url: artifact.url ?? '', sha256: artifact.sha256, ...hashes, width: info.width, height: info.height };
    } catch (error) {
      if (!(error instanceof UnreadableImageError)) options.onError?.(error, artifact.sha256);
      stats.unreadable++;
      return null;
    }
  }

  async function ocrOne(image: PageImage, region: string): Promise<Contact[]> {
    const bytes = await options.read(image.sha256);
    if ((await textLikelihood(bytes)) < minLikelihood) {
      stats.ocrSkipped++;
      return [];
    }
    engine ??= (options.createEngine ?? createOcrEngine)();
    const ocr = await engine;
    const passes = await withTimeout(
      ocr.read(bytes, (passes) => passesAgree(passes, region)),
      options.ocrTimeoutMs,
    );
    stats.ocrRead++;
    return contactsOfPasses(passes, region);
  }

  return {
    stats,
    /** Perceptual hashes of a capture's pictures and of its viewport screenshot (unreadable ones left out). */
    async pictures(artifacts: PictureArtifact[]): Promise<CapturePictures> {
      const images: PageImage[] = [];
      for (const a of artifacts.filter((x) => x.kind === 'image')) {
        let pending = hashed.get(a.sha256);
        if (!pending) {
          pending = hashOne(a);
          hashed.set(a.sha256, pending);
        }
        const image = await pending;
        if (image) images.push({ ...image, url: a.url ?? image.url });
      }
      const shot = artifacts.find((a) => a.kind === 'screenshot');
      const look = shot ? ((await hashOne(shot, false))?.hash ?? null) : null;
      return { images, look };
    },

    /**
     * Queues the OCR of a capture's pictures (those not read yet, within the budget); `found` is called with the
     * contacts read, once per capture that has any. Returns at once.
     */
    queueOcr(images: PageImage[], region: string, found: (contacts: Contact[]) => Promise<void>): void {
      const todo: PageImage[] = [];
      for (const i of images) {
        if (queued >= options.ocrPerCrawl) break;
        if (read.has(i.sha256) || Math.min(i.width, i.height) < MIN_OCR_SIDE) continue;
        read.add(i.sha256);
        queued++;
        todo.push(i);
      }
      if (todo.length === 0) return;
      tail = tail.then(async () => {
        const contacts: Contact[] = [];
        for (const image of todo) {
          try {
            contacts.push(...(await ocrOne(image, region)));
          } catch (error) {
            stats.ocrFailed++;
            options.onError?.(error, image.sha256);
          }
        }
        stats.contactsFound += contacts.length;
        if (contacts.length > 0) await found(contacts).catch((error) => options.onError?.(error, ''));
      });
    },

    /** Resolves when every queued OCR is done. */
    drain(): Promise<void> {
      return tail;
    },

    async close(): Promise<void> {
      await tail;
      if (engine) await (await engine).close();
      engine = null;
    },
  };
}

export type ImageAnalyser = ReturnType<typeof createImageAnalyser>;
