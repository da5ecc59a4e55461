/**
 * npm run bench:hostile — a browser-mode crawl of the hostile site with every memory trap
 * (test/helpers/hostile-memory-traps.ts: allocating scripts, workers, history storm, infinite scroll, huge text,
 * script redirect loop, gzip bomb) and the older traps (hostile-server.ts), followed by ordinary pages linked after
 * them. The RSS of the whole process tree (this Node process and every Chromium process) is sampled every 100 ms.
 * Exits non-zero when the peak passes 1.5 GB (BENCH_BUDGET_MB) or when an ordinary page is not captured. The peak
 * judged is the tree's PSS (shared pages, such as Chromium's code mapped by every renderer, counted once); the sum
 * of RSS counts them once per process and is printed too (BENCH_MEASURE=rss judges that instead).
 * Env: BENCH_CONCURRENCY (default 3), BENCH_PAGE_TIMEOUT_S (default 20), BENCH_RENDERER_MB (the crawl's renderer
 * budget; default: the crawler's own).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from '../chromium/index.ts';
import { type CaptureFailure, crawlSite, processTree } from '../crawler/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import { startHostileSite } from '../test/helpers/hostile-server.ts';

const BUDGET_MB = Number(process.env.BENCH_BUDGET_MB ?? 1536);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 3);
const PAGE_TIMEOUT_MS = Number(process.env.BENCH_PAGE_TIMEOUT_S ?? 20) * 1000;
const RENDERER_MB = process.env.BENCH_RENDERER_MB ? Number(process.env.BENCH_RENDERER_MB) : undefined;
const EXTRA = 12;
const MB = 1024 * 1024;

async function main(): Promise<number> {
  const site = await startHostileSite({ memoryTraps: true, extraOrdinary: EXTRA });
  const work = await mkdtemp(path.join(tmpdir(), 'phenix-bench-hostile-'));
  const chromiumPath = findChromium(undefined).path;
  const peak = { pss: 0, tree: 0, renderer: 0, browser: 0, node: 0, renderers: 0 };
  const timeline: string[] = [];
  let sampling = true;
  const started = performance.now();
  const sampler = (async () => {
    let last = 0;
    while (sampling) {
      const tree = await processTree(process.pid, true);
      peak.pss = Math.max(
        peak.pss,
        tree.reduce((sum, p) => sum + (p.pss ?? p.rss), 0),
      );
      const total = tree.reduce((sum, p) => sum + p.rss, 0);
      const renderers = tree.filter((p) => p.chromiumType === 'renderer');
      peak.tree = Math.max(peak.tree, total);
      peak.renderer = Math.max(peak.renderer, ...renderers.map((p) => p.rss), 0);
      peak.browser = Math.max(peak.browser, ...tree.filter((p) => p.chromiumType === 'browser').map((p) => p.rss), 0);
      peak.node = Math.max(peak.node, tree.find((p) => p.pid === process.pid)?.rss ?? 0);
      peak.renderers = Math.max(peak.renderers, renderers.length);
      const t = (performance.now() - started) / 1000;
      if (t - last >= 5) {
        last = t;
        const biggest = Math.max(0, ...renderers.map((p) => p.rss));
        timeline.push(
          `${t.toFixed(0).padStart(4)} s  tree ${(total / MB).toFixed(0).padStart(5)} MB  ${renderers.length} renderer(s), biggest ${(biggest / MB).toFixed(0)} MB`,
        );
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const failures: CaptureFailure[] = [];
  const captured = new Set<string>();
  try {
    const summary = await crawlSite({
      runId: 'bench-hostile',
      seeds: ['http://hostile.test/'],
      mode: 'browser',
      maxPages: 80,
      maxDepth: 1,
      concurrency: CONCURRENCY,
      perHostDelayMs: 0,
      pageTimeoutMs: PAGE_TIMEOUT_MS,
      navigationTimeoutMs: Math.round(PAGE_TIMEOUT_MS * 0.75),
      maxResponseBytes: 10 * MB,
      fullPageMaxHeight: 4000,
      hostMap: site.hostMap,
      allowPrivateTargets: false,
      chromiumPath,
      rendererMemoryBytes: RENDERER_MB ? RENDERER_MB * MB : undefined,
      storageDir: path.join(work, 'storage'),
      evidence: createEvidenceStore({ dir: path.join(work, 'evidence') }),
      onCapture: async (c) => {
        captured.add(new URL(c.requestedUrl).pathname);
      },
      onFailure: async (f) => {
        failures.push(f);
      },
    });
    sampling = false;
    await sampler;
    const seconds = (performance.now() - started) / 1000;
    for (const line of timeline) console.log(line);
    console.log('\nfailures:');
    for (const f of failures) console.log(`  ${new URL(f.url).pathname.padEnd(24)} ${f.reason}`);
    const ordinary = [
      '/ok/plomberie',
      '/ok/menage',
      '/ok/jardinage',
      ...Array.from({ length: EXTRA }, (_, i) => `/ok/annonce-${i}`),
    ];
    const missing = ordinary.filter((p) => !captured.has(p));
    console.log(
      `\nHostile browser crawl: ${summary.pagesOk} captured, ${summary.pagesFailed} failed in ${seconds.toFixed(0)} s ` +
        `(concurrency ${CONCURRENCY}, page budget ${PAGE_TIMEOUT_MS / 1000} s); renderers recycled: ${summary.renderersRecycled ?? 0}`,
    );
    console.log(
      `peak RSS: whole tree ${(peak.tree / MB).toFixed(0)} MB (budget ${BUDGET_MB} MB; PSS ${(peak.pss / MB).toFixed(0)} MB), biggest renderer ` +
        `${(peak.renderer / MB).toFixed(0)} MB, browser process ${(peak.browser / MB).toFixed(0)} MB, node ${(peak.node / MB).toFixed(0)} MB, ` +
        `up to ${peak.renderers} renderers at once`,
    );
    console.log(
      `ordinary pages captured: ${ordinary.length - missing.length}/${ordinary.length}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}`,
    );
    const judged = process.env.BENCH_MEASURE === 'rss' ? peak.tree : peak.pss;
    const ok = judged <= BUDGET_MB * MB && missing.length === 0;
    console.log(ok ? 'PASS' : 'FAIL');
    return ok ? 0 : 1;
  } finally {
    sampling = false;
    await site.close();
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
