import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import type { PageImage } from '../../../detector/index.ts';
import {
  contactsOfPasses,
  createImageAnalyser,
  createOcrEngine,
  type OcrEngine,
  passesAgree,
  textLikelihood,
} from '../../../images/index.ts';
import { rivalNumbers } from '../../../images/read-contacts.ts';

function numberCard(text: string, fg = '#111', bg = '#fff'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="460" height="90"><rect width="460" height="90" fill="${bg}"/><text x="16" y="58" font-size="34" font-family="DejaVu Sans" fill="${fg}">${text}</text></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

const store = new Map<string, Buffer>();
const image = (sha256: string, bytes: Buffer, width = 460, height = 90): PageImage => {
  store.set(sha256, bytes);
  return { url: `http://x.test/${sha256}.jpg`, sha256, hash: '0'.repeat(16), width, height };
};

describe('numbers in pictures', () => {
  const analyser = createImageAnalyser({ read: async (s) => store.get(s)!, ocrPerCrawl: 10, ocrTimeoutMs: 60_000 });
  afterAll(() => analyser.close());

  it('reads a number drawn in a picture, light on dark too, and marks it source: image', async () => {
    const found: string[] = [];
    analyser.queueOcr(
      [
        image('a', await numberCard('Tél. 06 39 98 12 34')),
        image('b', await numberCard('06 39 98 56 78', '#fe8', '#234')),
      ],
      'FR',
      async (contacts) => {
        for (const c of contacts) {
          expect(c.source).toBe('image');
          found.push(c.value);
        }
      },
    );
    await analyser.drain();
    expect(found.sort()).toEqual(['+33639981234', '+33639985678']);
  }, 120_000);

  it('does not read photos (low text likelihood) and keeps to the per-crawl budget', async () => {
    const photo = await syntheticPhoto(3);
    expect(await textLikelihood(photo)).toBeLessThan(await textLikelihood(await numberCard('06 39 98 12 34')));
    const skipped = analyser.stats.ocrSkipped;
    analyser.queueOcr([image('p', photo, 640, 480)], 'FR', async () => {});
    await analyser.drain();
    expect(analyser.stats.ocrSkipped).toBe(skipped + 1);

    let reads = 0;
    const engine: OcrEngine = {
      read: async () => {
        reads++;
        return [{ name: 'grey', text: '', confidence: 0 }];
      },
      close: async () => {},
    };
    const small = createImageAnalyser({
      read: async (s) => store.get(s)!,
      ocrPerCrawl: 1,
      ocrTimeoutMs: 1000,
      createEngine: async () => engine,
    });
    small.queueOcr([image('a', store.get('a')!), image('b', store.get('b')!)], 'FR', async () => {});
    await small.close();
    expect(reads).toBe(1);
  }, 60_000);

  it('keeps a number only when two passes agree on it', () => {
    const passes = [
      { name: 'grey', text: '06 39 98 12 34', confidence: 80 },
      { name: 'threshold', text: 'Tél. 06 39 98 12 34', confidence: 70 },
      { name: 'inverted', text: 'Prix : 45 €', confidence: 75 },
    ];
    expect(contactsOfPasses(passes, 'FR').map((c) => c.value)).toEqual(['+33639981234']);
    expect(contactsOfPasses([passes[0], passes[2]], 'FR')).toEqual([]);
  });

  it('keeps a number with rival readings only when it outvotes them together by two, and never mends digits', () => {
    const pass = (text: string) => ({ name: 'p', text, confidence: 50 });
    const read = (...texts: string[]) => contactsOfPasses(texts.map(pass), 'FR').map((c) => c.value);
    // A misreading 1 digit apart: 3 against 1 keeps the number, 2 against 1 keeps nothing.
    expect(read('06 39 98 12 34', '06 39 98 12 34', '06 39 98 12 34', '06 39 98 17 34')).toEqual(['+33639981234']);
    expect(read('06 39 98 12 34', '06 39 98 12 34', '06 39 98 17 34')).toEqual([]);
    // Two misreadings together (1 and 2 digits apart) against 3: not enough.
    expect(read('06 39 98 12 34', '06 39 98 12 34', '06 39 98 12 34', '06 39 98 17 34', '06 39 98 17 84')).toEqual([]);
    // Two numbers far apart that passes read together are two numbers, not rivals: both kept.
    expect(read('06 39 98 12 34 / 01 99 00 56 78', '06 39 98 12 34 — 01 99 00 56 78').sort()).toEqual([
      '+33199005678',
      '+33639981234',
    ]);
    // Far apart but never read together: two readings of one spot (a foreign-looking misreading), rivals.
    expect(read('06 39 98 12 34', '06 39 98 12 34', '+385 0 39 98 58 26', '+385 0 39 98 58 26')).toEqual([]);
    expect(read('06 39 98 12 34', '06 39 98 12 34', '06 39 98 12 34', '06 39 98 12 34', '+385 0 39 98 58 26')).toEqual([
      '+33639981234',
    ]);
    // A number cut in pieces by every pass is not put back together.
    expect(read('06 39 98\n\n12 34', '06 39 98\n\n12 34')).toEqual([]);
    expect(rivalNumbers('+33639981234', '+33639981784')).toBe(true);
    expect(rivalNumbers('+33639981234', '+33639985678')).toBe(false);
  });

  it('stops reading passes once every contact read is confirmed by a second pass', () => {
    const pass = (text: string) => ({ name: 'p', text, confidence: 50 });
    expect(passesAgree([pass('06 39 98 12 34')], 'FR')).toBe(false);
    expect(passesAgree([pass('06 39 98 12 34'), pass('06 39 98 12 34')], 'FR')).toBe(true);
    expect(passesAgree([pass('06 39 98 12 34'), pass('06 39 98 12 34 06 39 98 12 84')], 'FR')).toBe(false);
    expect(passesAgree([pass('Prix : 45 €'), pass('Prix : 45 €')], 'FR')).toBe(false);
  });
});

describe('the OCR engine', () => {
  let engine: OcrEngine;
  beforeAll(async () => {
    engine = await createOcrEngine();
  }, 60_000);
  afterAll(() => engine?.close());

  it('reads French (the French model is loaded beside the English one, from node_modules)', async () => {
    const card = await numberCard('Téléphone à côté');
    const passes = await engine.read(card, (p) => p.length >= 1);
    // The English model alone reads "côté" as "c6té".
    expect(passes[0].text).toContain('côté');
  }, 60_000);

  it('levels a slanted number on a photo before reading it', async () => {
    const photo = await syntheticPhoto(21, { width: 520, height: 150 });
    const text = `<svg xmlns="http://www.w3.org/2000/svg" width="520" height="150"><g transform="rotate(7 260 75)"><rect x="50" y="45" width="420" height="60" rx="6" fill="white" fill-opacity="0.7"/><text x="66" y="88" font-size="32" font-family="Liberation Serif" fill="#222">01 99 00 35 80</text></g></svg>`;
    const card = await sharp(photo)
      .composite([{ input: Buffer.from(text) }])
      .jpeg({ quality: 60 })
      .toBuffer();
    const passes = await engine.read(card, (p) => passesAgree(p, 'FR'));
    expect(contactsOfPasses(passes, 'FR').map((c) => c.value)).toEqual(['+33199003580']);
  }, 60_000);
});
