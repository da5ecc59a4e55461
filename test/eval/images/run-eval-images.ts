/**
 * `npm run eval:images`: pictures as evidence, measured. Tune sets (where thresholds are chosen) and report sets
 * (other seeds, never used for choosing) are kept apart and printed side by side.
 *   1. photo matching, pHash vs dHash, per transform;
 *   2. numbers in pictures: OCR recall and false numbers (the full pipeline: text likelihood, passes, agreement);
 *   3. clone verdicts on photo-only and look-only clones, with and without the picture signals.
 * `--quick` runs smaller sets.
 */
import { type Contact, defaultThresholds } from '../../../detector/index.ts';
import { createImageAnalyser } from '../../../images/index.ts';
import { evaluateClones } from './clones.ts';
import { makeNumberImages, type NumberImage } from './number-images.ts';
import { type HashName, makePhotoSet, scoreMatches, tuneThreshold, unrelatedWithin } from './photo-match.ts';

const quick = process.argv.includes('--quick');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function photoMatching(): Promise<void> {
  const n = quick ? 20 : 60;
  console.log(
    `\n1. Photo matching (${n} originals × 5 transforms + ${n} distractors per set; tune seeds 1000+, report seeds 5000+)`,
  );
  for (const name of ['phash', 'dhash'] as HashName[]) {
    const tune = await makePhotoSet(name, 1000, n, n);
    const report = await makePhotoSet(name, 5000, n, n);
    const tuned = tuneThreshold(tune);
    for (const t of [...new Set([defaultThresholds.photoMaxDistance, tuned])]) {
      const a = scoreMatches(tune, t);
      const b = scoreMatches(report, t);
      const u = unrelatedWithin(report, t);
      console.log(
        `  ${name} ≤ ${t}${t === tuned ? ' (tuned)' : ' (default)'}: tune P ${pct(a.precision)} R ${pct(a.recall)} | report P ${pct(b.precision)} R ${pct(b.recall)} (${b.fp} wrong matches, ${u.within}/${u.pairs} unrelated pairs within)`,
      );
      console.log(
        `      report recall by transform: ${Object.entries(b.byTransform)
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', ')}`,
      );
    }
  }
}

async function readAll(images: NumberImage[]): Promise<{ found: Contact[][]; skipped: number; ms: number }> {
  const bytes = new Map(images.map((img, i) => [String(i), img.bytes]));
  const analyser = createImageAnalyser({ read: async (s) => bytes.get(s)!, ocrPerCrawl: 1e6, ocrTimeoutMs: 60_000 });
  const found: Contact[][] = images.map(() => []);
  const start = Date.now();
  images.forEach((_, i) => {
    analyser.queueOcr([{ url: '', sha256: String(i), hash: '', width: 400, height: 100 }], 'FR', async (c) => {
      found[i] = c;
    });
  });
  await analyser.close();
  return { found, skipped: analyser.stats.ocrSkipped, ms: Date.now() - start };
}

async function numbers(): Promise<void> {
  const [np, nn] = quick ? [12, 4] : [40, 12];
  console.log(`\n2. Numbers in pictures (Chromium-rendered; ${np} with a number + ${nn} without, per set)`);
  for (const [label, seed] of [
    ['tune', 'tune'],
    ['report', 'report'],
  ]) {
    const images = await makeNumberImages(seed, np, nn);
    const { found, skipped, ms } = await readAll(images);
    let hits = 0;
    let falseNumbers = 0;
    const misses: string[] = [];
    images.forEach((img, i) => {
      const phones = found[i].filter((c) => c.kind === 'phone').map((c) => c.value);
      if (img.label && phones.includes(img.label)) hits++;
      else if (img.label) misses.push(`${img.text} [${img.style}]`);
      falseNumbers += phones.filter((p) => p !== img.label).length;
    });
    const positives = images.filter((i) => i.label).length;
    console.log(
      `  ${label}: recall ${pct(hits / positives)} (${hits}/${positives}), false numbers ${falseNumbers}, skipped as unlikely text ${skipped}, ${(ms / images.length).toFixed(0)} ms per picture`,
    );
    for (const m of misses.slice(0, 6)) console.log(`      missed: ${m}`);
  }
}

async function clones(): Promise<void> {
  console.log('\n3. Clone verdicts with / without the picture signals (report seeds)');
  for (const c of await evaluateClones('report-1')) {
    console.log(`  ${c.name} — expected ${c.expected}`);
    console.log(`      with pictures:    ${c.withSignals}`);
    console.log(`      without pictures: ${c.withoutSignals}`);
    if (c.evidence) console.log(`      explanation: ${c.evidence}`);
  }
}

const parts = process.argv.filter((a) => ['photos', 'numbers', 'clones'].includes(a));
const run = parts.length ? parts : ['photos', 'numbers', 'clones'];
if (run.includes('photos')) await photoMatching();
if (run.includes('numbers')) await numbers();
if (run.includes('clones')) await clones();
