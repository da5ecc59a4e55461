/**
 * `npm run eval:images`: pictures as evidence, measured. Fit sets (where thresholds and preprocessing are chosen)
 * and held-out sets (other seeds, never used for choosing) are kept apart and printed side by side.
 *   1. photo matching, pHash vs dHash, per transform;
 *   2. numbers in pictures: OCR recall and false numbers (the full pipeline: text likelihood, passes, agreement);
 *   3. clone verdicts on photo-only and look-only clones, with and without the picture signals.
 * `--quick` runs smaller sets; `--fit-only` leaves the held-out numbers out (for choosing, before reporting).
 *
 * Goals (the run exits 1 when one is missed; with --quick or --fit-only only the clone goal is checked, the sets being
 * too small or absent):
 *   - photos: pHash + windows at the default thresholds, held-out precision ≥ 0.99 and recall ≥ 0.95;
 *   - served copies (copy against copy): held-out recall low ≥ 0.85, precision ≥ 0.99; re-cropped and stamped copies:
 *     held-out recall low ≥ 0.80, at most 0.5 % of unrelated pairs within;
 *   - numbers: held-out recall ≥ 0.90 and no false number; the fit and held-out negatives share no sentence;
 *   - clones: every case gets its expected verdict with the picture signals.
 */
import { type Contact, defaultThresholds } from '../../../detector/index.ts';
import { createImageAnalyser } from '../../../images/index.ts';
import { evaluateClones } from './clones.ts';
import { makeNumberImages, type NumberImage } from './number-images.ts';
import {
  type HashName,
  makePhotoSet,
  scoreMatches,
  type Thresholds,
  tuneThresholds,
  unrelatedWithin,
} from './photo-match.ts';
import { REAL_PHOTO_PARTS, realPhotos } from './real-photos.ts';
import { type ServedScore, scoreServedCopies, syntheticOriginals } from './served-copies.ts';

const quick = process.argv.includes('--quick');
const full = !quick && !process.argv.includes('--fit-only');
const GOALS = {
  photoPrecision: 0.99,
  photoRecall: 0.95,
  servedRecall: 0.85,
  /** Held-out low end 85 % (four groups of 40, 7 December 2026): a floor with a margin under it. */
  restampedRecall: 0.8,
  /**
   * Re-cropped and stamped copies are compared without the precision goal of light copies: the procedural scenes (one
   * sky, hills, houses) put 2 unrelated pairs of 1,560 within reach of the 48 windows alone and 3 with the ladder in
   * one held-out group. The goal is on that rate instead: at most 0.5 % of the unrelated pairs.
   */
  restampedUnrelated: 0.005,
  numberRecall: 0.9,
  falseNumbers: 0,
};
const missed: string[] = [];
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

async function photoMatching(): Promise<void> {
  const n = quick ? 20 : 60;
  console.log(
    `\n1. Photo matching (${n} originals × 5 transforms + ${n} distractors per set; fit seeds 1000+, held-out seeds 5000+)`,
  );
  const d = defaultThresholds;
  for (const name of ['phash+windows', 'phash', 'dhash'] as HashName[]) {
    const fit = await makePhotoSet(name, 1000, n, n);
    const heldOut = await makePhotoSet(name, 5000, n, n);
    const tuned = tuneThresholds(fit);
    const windows = name === 'phash+windows';
    const defaults: Thresholds = {
      full: d.photoMaxDistance,
      crop: windows ? d.photoCropMaxDistance : d.photoMaxDistance,
    };
    const same = tuned.full === defaults.full && tuned.crop === defaults.crop;
    for (const [label, t] of same
      ? [['default = tuned on fit', tuned] as const]
      : ([
          ['default', defaults],
          ['tuned on fit', tuned],
        ] as const)) {
      const a = scoreMatches(fit, t);
      const b = scoreMatches(heldOut, t);
      const ua = unrelatedWithin(fit, t);
      const ub = unrelatedWithin(heldOut, t);
      const th = windows ? `≤ ${t.full}, window ≤ ${t.crop}` : `≤ ${t.full}`;
      if (
        full &&
        windows &&
        label !== 'tuned on fit' &&
        (b.precision < GOALS.photoPrecision || b.recall < GOALS.photoRecall)
      )
        missed.push(
          `photos: held-out P ${pct(b.precision)} R ${pct(b.recall)} (goal P ≥ ${pct(GOALS.photoPrecision)}, R ≥ ${pct(GOALS.photoRecall)})`,
        );
      console.log(
        `  ${name} ${th} (${label}): fit P ${pct(a.precision)} R ${pct(a.recall)} (${ua.within}/${ua.pairs} unrelated within) | held-out P ${pct(b.precision)} R ${pct(b.recall)} (${b.fp} wrong matches, ${ub.within}/${ub.pairs} unrelated within)`,
      );
      for (const [part, s] of [
        ['fit', a],
        ['held-out', b],
      ] as const)
        console.log(
          `      ${part} recall by transform: ${Object.entries(s.byTransform)
            .map(([k, v]) => `${k} ${pct(v)}`)
            .join(', ')}`,
        );
    }
  }
}

/**
 * Copy against copy: two sites each serving one original its own way (served-copies.ts); `restamped`: the second
 * re-cropped deeper and stamped along an edge (`restampedCopy`).
 */
async function servedCopies(second: 'served' | 'restamped'): Promise<void> {
  const n = quick ? 16 : 40;
  const groups = quick ? 1 : 4;
  const goal = second === 'served' ? GOALS.servedRecall : GOALS.restampedRecall;
  console.log(
    second === 'served'
      ? `\n1b. Two served copies of one original, copy against copy (each: own crop 0–5 % a side, brightness, watermark, width, JPEG); defaults`
      : `\n1c. A served copy against a copy re-cropped 2–9 % a side and stamped along an edge (band at the bottom or top, or a corner box; WebP or JPEG); defaults`,
  );
  const before = second === 'served' ? 'before window-to-window' : 'before the ladder (48 windows)';
  const line = (label: string, s: ServedScore) =>
    `  ${label}: ${s.originals} originals (${s.flat} flat left out): recall ${pct(s.recall)}, precision ${pct(s.precision)}, ${s.unrelatedWithin}/${s.unrelatedPairs} unrelated copy pairs within | ${before}: recall ${pct(s.before.recall)}, precision ${pct(s.before.precision)}, ${s.before.unrelatedWithin} within`;
  const tag = second === 'served' ? '' : `${second}-`;
  console.log(
    line(
      `procedural scenes, fit (seeds 1000+)`,
      await scoreServedCopies(`${tag}fit`, await syntheticOriginals(1000, n), second),
    ),
  );
  if (!full) return;
  const held: ServedScore[] = [];
  for (let g = 0; g < groups; g++) {
    const s = await scoreServedCopies(`${tag}held-out-${g}`, await syntheticOriginals(5000 + g * n, n), second);
    held.push(s);
    console.log(line(`procedural scenes, held-out group ${g + 1} (seeds ${5000 + g * n}+)`, s));
  }
  const recalls = held.map((s) => s.recall).sort((x, y) => x - y);
  const low = recalls[0];
  const median = (recalls[(groups - 1) >> 1] + recalls[groups >> 1]) / 2;
  const worstPrecision = Math.min(...held.map((s) => s.precision));
  const worstUnrelated = Math.max(...held.map((s) => s.unrelatedWithin / s.unrelatedPairs));
  console.log(
    `  held-out over ${groups} groups: recall median ${pct(median)}, low ${pct(low)}; precision low ${pct(worstPrecision)}; unrelated pairs within at most ${pct(worstUnrelated)}`,
  );
  const clean =
    second === 'served' ? worstPrecision >= GOALS.photoPrecision : worstUnrelated <= GOALS.restampedUnrelated;
  if (low < goal || !clean)
    missed.push(
      second === 'served'
        ? `served copies: held-out recall low ${pct(low)}, precision low ${pct(worstPrecision)} (goal recall ≥ ${pct(goal)}, precision ≥ ${pct(GOALS.photoPrecision)})`
        : `restamped copies: held-out recall low ${pct(low)}, unrelated pairs within ${pct(worstUnrelated)} (goal recall ≥ ${pct(goal)}, unrelated within ≤ ${pct(GOALS.restampedUnrelated)})`,
    );
  if (!process.argv.includes('--real-photos')) {
    console.log(
      '  real pictures: not run (add --real-photos: Debian packages fetched with apt-get, see real-photos.ts)',
    );
    return;
  }
  for (const [part, packages] of Object.entries(REAL_PHOTO_PARTS)) {
    const pictures = (await Promise.all(packages.map(realPhotos))).flat();
    console.log(
      line(
        `real pictures, ${part} part (${packages.join(', ')})`,
        await scoreServedCopies(`${tag}real-${part}`, pictures, second),
      ),
    );
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
  // The seeds kept their first names: 'tune' and 'tune-2' are the fit sets (the passes, their order and the voting
  // rule were chosen on them), 'report' the held-out one. 120 numbers each: one number is 0.8 points of recall.
  const parts: [string, string, number, number][] = quick
    ? [
        ['fit', 'tune', 12, 4],
        ['held-out', 'report', 12, 4],
      ]
    : [
        ['fit', 'tune', 120, 36],
        ['fit', 'tune-2', 120, 36],
        ['held-out', 'report', 120, 36],
      ];
  console.log(
    '\n2. Numbers in pictures (Chromium-rendered; pictures with a number + pictures of other digit-bearing text)',
  );
  const negatives = new Map<string, Set<string>>();
  for (const [label, seed, np, nn] of parts.filter(([l]) => l === 'fit' || !process.argv.includes('--fit-only'))) {
    const images = await makeNumberImages(seed, np, nn);
    negatives.set(
      label === 'fit' ? `fit ${seed}` : 'held-out',
      new Set(images.filter((i) => !i.label).map((i) => i.text)),
    );
    const { found, skipped, ms } = await readAll(images);
    let hits = 0;
    let falseNumbers = 0;
    const misses: string[] = [];
    const wrong: string[] = [];
    images.forEach((img, i) => {
      const phones = found[i].filter((c) => c.kind === 'phone').map((c) => c.value);
      if (img.label && phones.includes(img.label)) hits++;
      else if (img.label) misses.push(`${img.text} [${img.style}]`);
      for (const p of phones.filter((x) => x !== img.label)) wrong.push(`${p} read in "${img.text}" [${img.style}]`);
    });
    falseNumbers = wrong.length;
    const positives = images.filter((i) => i.label).length;
    console.log(
      `  ${label} (seed ${seed}, ${np} + ${nn}): recall ${pct(hits / positives)} (${hits}/${positives}), false numbers ${falseNumbers}, skipped as unlikely text ${skipped}, ${(ms / images.length).toFixed(0)} ms per picture`,
    );
    if (full && label === 'held-out' && (hits / positives < GOALS.numberRecall || falseNumbers > GOALS.falseNumbers))
      missed.push(
        `numbers: held-out recall ${pct(hits / positives)}, ${falseNumbers} false number(s) (goal recall ≥ ${pct(GOALS.numberRecall)}, no false number)`,
      );
    for (const w of wrong) console.log(`      false number: ${w}`);
    for (const m of misses.slice(0, 6)) console.log(`      missed: ${m}`);
    if (misses.length > 6) console.log(`      … and ${misses.length - 6} more missed`);
  }
  const heldOut = negatives.get('held-out');
  for (const [set, texts] of negatives)
    if (heldOut && set !== 'held-out') {
      const shared = [...texts].filter((x) => heldOut.has(x));
      console.log(
        `  negatives shared by ${set} and held-out: ${shared.length}${shared.length ? ` (${shared.join(' | ')})` : ''}`,
      );
      if (shared.length > 0) missed.push(`numbers: ${shared.length} negative sentence(s) in both ${set} and held-out`);
    }
}

async function clones(): Promise<void> {
  // report-1 is the seed the photo-mirror case was first designed against; report-2 was first run on 6 December 2026,
  // after the family rule was written.
  for (const seed of ['report-1', 'report-2']) {
    console.log(`\n3. Clone verdicts with / without the picture signals (seed ${seed})`);
    for (const c of await evaluateClones(seed)) {
      console.log(`  ${c.name} — expected ${c.expected}`);
      if ((c.verdict === 'clone') !== (c.expected === 'clone'))
        missed.push(`clones: ${c.name} is ${c.verdict}, expected ${c.expected}`);
      console.log(`      with pictures:    ${c.withSignals}`);
      console.log(`      without pictures: ${c.withoutSignals}`);
      if (c.evidence) console.log(`      explanation: ${c.evidence}`);
    }
  }
}

const parts = process.argv.filter((a) => ['photos', 'served', 'numbers', 'clones'].includes(a));
const run = parts.length ? parts : ['photos', 'numbers', 'clones'];
if (run.includes('photos')) await photoMatching();
if (run.includes('photos') || run.includes('served')) {
  await servedCopies('served');
  await servedCopies('restamped');
}
if (run.includes('numbers')) await numbers();
if (run.includes('clones')) await clones();
console.log(
  `\nGoals: ${missed.length === 0 ? 'all met' : `${missed.length} missed`}${full ? '' : ' (quick or fit-only run: only the clone goal is checked)'}`,
);
for (const m of missed) console.log(`  MISSED ${m}`);
if (missed.length > 0) process.exitCode = 1;
