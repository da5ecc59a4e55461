/**
 * Run inside the test's network namespace (`ip netns exec … node --import tsx netns-crawl.ts '<json>'`): one
 * browser-mode crawl through the given upstream proxy, its summary printed as one JSON line on stdout.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crawlSite } from '../../crawler/index.ts';
import { createEvidenceStore } from '../../evidence/index.ts';

const { seed, proxyUrl } = JSON.parse(process.argv[2] ?? '{}') as { seed: string; proxyUrl: string };
const dir = await mkdtemp(path.join(tmpdir(), 'phenix-netns-'));
try {
  const titles: string[] = [];
  const summary = await crawlSite({
    runId: 'netns',
    seeds: [seed],
    mode: 'browser',
    maxPages: 3,
    maxDepth: 1,
    concurrency: 1,
    perHostDelayMs: 0,
    pageTimeoutMs: 30_000,
    navigationTimeoutMs: 20_000,
    maxResponseBytes: 2 * 1024 * 1024,
    fullPageMaxHeight: 2000,
    allowPrivateTargets: false,
    proxyUrl,
    chromiumPath: process.env.CHROMIUM_PATH,
    storageDir: path.join(dir, 'storage'),
    evidence: createEvidenceStore({ dir: path.join(dir, 'evidence') }),
    onCapture: async (capture) => {
      titles.push(capture.title ?? '');
    },
    onFailure: async () => {},
  });
  process.stdout.write(`${JSON.stringify({ pagesOk: summary.pagesOk, failures: summary.failuresByReason, titles })}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
