import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticPhoto } from '../../../demo/photos.ts';
import type { PageImage } from '../../../detector/index.ts';
import { contactsOfPasses, createImageAnalyser, type OcrEngine, textLikelihood } from '../../../images/index.ts';

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
      { name: 'threshold', text: '06 39 98 12 84', confidence: 70 },
      { name: 'inverted', text: '06 39 98 12 34', confidence: 75 },
    ];
    expect(contactsOfPasses(passes, 'FR').map((c) => c.value)).toEqual(['+33639981234']);
    expect(contactsOfPasses(passes.slice(0, 2), 'FR')).toEqual([]);
  });
});
