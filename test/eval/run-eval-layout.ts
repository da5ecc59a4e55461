/**
 * `npm run eval:layout`: the layout signal on the real-page set, by site over LAYOUT_SPLITS seeded splits (see
 * layout-splits.ts). Prints, over the splits, the median, 10th percentile and minimum of the reporting-half AUC,
 * overall and per kind of site, and exits non-zero when the 10th percentile misses LAYOUT_P10_GOAL.
 */
import {
  checkAgainstDetector,
  detectorScorer,
  halfOf,
  LAYOUT_P10_GOAL,
  LAYOUT_SPLITS,
  loadKindedPages,
  runSplits,
  summarise,
} from './layout-splits.ts';
import { printTable } from './print.ts';

const t0 = performance.now();
const pages = loadKindedPages();
const gap = checkAgainstDetector(pages.filter((p) => halfOf(p.site, 0) === 'fit'));
if (gap > 1e-12) throw new Error(`the split scorer differs from layoutSignal by ${gap}: fix layout-splits.ts`);
const results = runSplits(pages, { detector: detectorScorer() });
const sitesOf = (kind?: string) => new Set(pages.filter((p) => !kind || p.kind === kind).map((p) => p.site));
const multi = (kind?: string) => [...sitesOf(kind)].filter((s) => pages.filter((p) => p.site === s).length >= 2).length;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');
const kinds = ['documentation', 'news', 'cms', 'recipe', 'shop', 'platform', 'classified', 'forum'];
type Pick = (r: (typeof results)[number]) => { auc: number; positives: number } | undefined;
const row = (label: string, kind: string | undefined, pick: Pick) => {
  const s = summarise(results.map((r) => pick(r)?.auc ?? Number.NaN));
  const pairs = results.map(pick).filter((x) => x);
  const meanPos = pairs.reduce((a, x) => a + x!.positives, 0) / Math.max(1, pairs.length);
  return [
    label,
    String(sitesOf(kind).size),
    String(multi(kind)),
    String(pages.filter((p) => !kind || p.kind === kind).length),
    `${s.splits}`,
    meanPos.toFixed(0),
    f3(s.median),
    f3(s.p10),
    f3(s.min),
  ];
};
const head = ['pairs', 'sites', 'with ≥ 2 pages', 'pages', 'splits with pairs', 'same-site pairs / split'];
console.log(
  `Real-page layout set (test/fixtures/real-pages): AUC of signals.layout, same-site against cross-site page pairs of the reporting half, over ${LAYOUT_SPLITS} site splits (nothing fitted: defaults)`,
);
printTable(
  [...head, 'median', 'p10', 'min'],
  [
    row('all pairs', undefined, (r) => r.report),
    ...kinds.map((kind) => row(`${kind} within ${kind}`, kind, (r) => r.report.byKind[kind])),
  ],
);
console.log('"K within K": same-site pairs of kind K against cross-site pairs whose two sites are both of kind K.');
printTable(
  [...head, 'median', 'p10', 'min'],
  kinds.map((kind) => row(`${kind} vs all`, kind, (r) => r.report.kindVsAll[kind])),
);
console.log('"K vs all": same-site pairs of kind K against every cross-site pair with at least one site of kind K.');
const missing = ['classified', 'forum'].filter((k) => sitesOf(k).size === 0);
if (missing.length > 0) console.log(`${missing.join(' / ')}: no pages of such sites in the set yet (PROVENANCE.md).`);
const overall = summarise(results.map((r) => r.report.auc));
const ok = overall.p10 >= LAYOUT_P10_GOAL;
console.log(
  `\n  ${ok ? 'PASS' : 'FAIL'}  real-page layout AUC, 10th percentile over ${LAYOUT_SPLITS} site splits ${f3(overall.p10)} ≥ ${LAYOUT_P10_GOAL}`,
);
console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`);
process.exitCode = ok ? 0 : 1;
