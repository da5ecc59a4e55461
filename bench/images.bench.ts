/**
 * `npm run bench:images`: pictures per second per core and peak memory.
 *  1. perceptual hashes (pHash, an ad photo's pHash with its 48 windows as the crawler stores it, dHash) and the
 *     text-likelihood score on ad-photo-sized JPEGs (640×480 and 1600×1200),
 *     with libvips held to one thread (sharp.concurrency(1)) so the figure is per core;
 *  2. OCR of number pictures through the whole pipeline (passes until two agree), one tesseract worker = one core;
 *  3. photo pairs compared per second, the rule before window-to-window matching against the current one.
 * The photos are procedural scenes (demo/photos.ts); the number pictures are drawn by sharp.
 */
import sharp from 'sharp';
import { syntheticPhoto } from '../demo/photos.ts';
import { matchParsed, parsePhoto } from '../detector/images/photos.ts';
import { defaultThresholds } from '../detector/index.ts';
import { createImageAnalyser, dhash, phash, photoHashes, textLikelihood } from '../images/index.ts';
import { fmt } from './lib/measure.ts';
import { printTable } from './lib/table.ts';

sharp.concurrency(1);
const rows: string[][] = [];
const peakMb = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

async function rate(label: string, inputs: Buffer[], fn: (b: Buffer) => Promise<unknown>, rounds = 3): Promise<void> {
  for (const b of inputs.slice(0, 5)) await fn(b); // warm-up
  const perRound: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (const b of inputs) await fn(b);
    perRound.push((inputs.length * 1000) / (performance.now() - start));
  }
  perRound.sort((a, b) => a - b);
  rows.push([
    label,
    String(inputs.length),
    fmt(perRound[Math.floor(perRound.length / 2)]),
    fmt(perRound.at(-1)!),
    peakMb(),
  ]);
}

const small = await Promise.all(Array.from({ length: 200 }, (_, i) => syntheticPhoto(20_000 + i)));
const large = await Promise.all(
  Array.from({ length: 40 }, (_, i) => syntheticPhoto(30_000 + i, { width: 1600, height: 1200 })),
);
await rate('pHash, 640×480 JPEG', small, phash);
await rate('pHash + 48 windows (ad photo), 640×480 JPEG', small, photoHashes);
await rate('dHash, 640×480 JPEG', small, dhash);
await rate('text likelihood, 640×480 JPEG', small, textLikelihood);
await rate('pHash, 1600×1200 JPEG', large, phash);
await rate('pHash + 48 windows (ad photo), 1600×1200 JPEG', large, photoHashes);

const cards = await Promise.all(
  Array.from({ length: 12 }, (_, i) =>
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="420" height="80"><rect width="420" height="80" fill="${i % 2 ? '#fff' : '#223'}"/><text x="14" y="52" font-size="32" font-family="DejaVu Sans" fill="${i % 2 ? '#111' : '#fd8'}">06 39 98 ${String(10 + i).padStart(2, '0')} ${String(40 + i)}</text></svg>`,
      ),
    )
      .jpeg({ quality: 70 })
      .toBuffer(),
  ),
);
{
  const bytes = new Map(cards.map((c, i) => [String(i), c]));
  const analyser = createImageAnalyser({ read: async (s) => bytes.get(s)!, ocrPerCrawl: 1e6, ocrTimeoutMs: 60_000 });
  // Engine start-up measured apart: one per crawl run that has pictures to read.
  const startUp = performance.now();
  analyser.queueOcr([{ url: '', sha256: '0', hash: '', width: 420, height: 80 }], 'FR', async () => {});
  await analyser.drain();
  const firstMs = performance.now() - startUp;
  const start = performance.now();
  let found = 0;
  for (let i = 1; i < cards.length; i++)
    analyser.queueOcr([{ url: '', sha256: String(i), hash: '', width: 420, height: 80 }], 'FR', async (c) => {
      found += c.length;
    });
  await analyser.close();
  const perSecond = ((cards.length - 1) * 1000) / (performance.now() - start);
  rows.push([
    `OCR, number pictures (${found}/${cards.length - 1} read)`,
    String(cards.length - 1),
    fmt(perSecond),
    '—',
    peakMb(),
  ]);
  rows.push(['OCR engine start + first picture (ms)', '1', fmt(firstMs), '—', peakMb()]);
}

printTable(['what', 'pictures', 'per second per core (median)', 'best', 'peak RSS MB'], rows);

// 3. Photo comparison, as a profile comparison runs it: every pair of 200 unrelated ad photos, with the rule before
//    window-to-window matching (15 windows, a whole picture against windows) and the current one (48 windows, also
//    window against window of the same size). Pairs per second on one core, side by side.
const hashed = await Promise.all(small.map((b) => photoHashes(b)));
const t = defaultThresholds;
function pairsPerSecond(n: number, same: (a: number, b: number) => boolean) {
  const perRound: number[] = [];
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    let pairs = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++, pairs++) same(i, j);
    perRound.push((pairs * 1000) / (performance.now() - start));
  }
  return perRound.sort((a, b) => a - b)[1];
}
const parsed = hashed.map((h) => parsePhoto(h));
const before = hashed.map((h) => ({
  full: parsePhoto(h.hash),
  left: parsePhoto({ hash: h.hash, crops: h.crops.slice(0, 15) }),
}));
const oldRate = pairsPerSecond(hashed.length, (i, j) =>
  Boolean(
    matchParsed(before[i].left, before[j].full, t.photoMaxDistance, t.photoCropMaxDistance) ||
      matchParsed(before[i].full, before[j].left, t.photoMaxDistance, t.photoCropMaxDistance),
  ),
);
const newRate = pairsPerSecond(hashed.length, (i, j) =>
  Boolean(matchParsed(parsed[i], parsed[j], t.photoMaxDistance, t.photoCropMaxDistance)),
);
printTable(
  ['photo pairs compared (200 photos, all pairs)', 'pairs per second per core', 'ratio'],
  [
    ['15 windows, whole picture against windows (before)', fmt(oldRate), '1.00'],
    ['48 windows, also window against window of the same size', fmt(newRate), (newRate / oldRate).toFixed(2)],
  ],
);
