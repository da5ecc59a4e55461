/**
 * `npx tsx test/eval/layout-variants.ts`: variants of the layout sketch on the real-page set (issue 18, item 4), each
 * reported alone over the 24 site splits, then chosen per split on the fitting half and reported on the other half.
 * An experiment, not a goal: it exits 0 and changes nothing. Results and what was kept in detector/README.md.
 */
import { loadCachedPages } from './layout-cache.ts';
import {
  DETECTOR_SKETCH,
  detectorScorer,
  LAYOUT_SPLITS,
  type PairScorer,
  runSplits,
  summarise,
} from './layout-splits.ts';
import { printTable } from './print.ts';

const pages = loadCachedPages();
const variants: Record<string, PairScorer> = {
  detector: detectorScorer(undefined, DETECTOR_SKETCH),
  'size 128': detectorScorer(undefined, { size: 128, idfPower: 1 }),
  'size 512': detectorScorer(undefined, { size: 512, idfPower: 1 }),
  'idf^0.5': detectorScorer(undefined, { size: 256, idfPower: 0.5 }),
  'idf^2': detectorScorer(undefined, { size: 256, idfPower: 2 }),
};
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const line = (name: string, results: ReturnType<typeof runSplits>) => {
  const all = summarise(results.map((r) => r.report.auc));
  const docs = summarise(results.map((r) => r.report.byKind.documentation?.auc ?? Number.NaN));
  const news = summarise(results.map((r) => r.report.byKind.news?.auc ?? Number.NaN));
  return [name, f3(all.median), f3(all.p10), f3(all.min), f3(docs.median), f3(docs.p10), f3(news.median), f3(news.p10)];
};
const rows = Object.entries(variants).map(([name, v]) => line(name, runSplits(pages, { [name]: v })));
const chosen = runSplits(pages, variants);
rows.push(line('chosen on the fitting half', chosen));
console.log(`Layout sketch variants, reporting halves of ${LAYOUT_SPLITS} site splits of the real-page set`);
printTable(['variant', 'median', 'p10', 'min', 'docs median', 'docs p10', 'news median', 'news p10'], rows);
console.log(`chosen per split: ${chosen.map((r) => r.chosen).join(', ')}`);
