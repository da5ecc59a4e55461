/** Shared setup for crawler integration tests: a temp evidence store and storage dir, options with small budgets. */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Capture, CaptureFailure, CrawlOptions } from '../../../crawler/index.ts';
import { createEvidenceStore, type EvidenceStore } from '../../../evidence/index.ts';

export interface CrawlHarness {
  dir: string;
  evidence: EvidenceStore;
  captures: Capture[];
  failures: CaptureFailure[];
  options(overrides: Partial<CrawlOptions>): CrawlOptions;
  cleanup(): Promise<void>;
}

let runCounter = 0;

export async function createHarness(): Promise<CrawlHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'phenix-crawl-'));
  const evidence = createEvidenceStore({ dir: path.join(dir, 'evidence') });
  const captures: Capture[] = [];
  const failures: CaptureFailure[] = [];
  return {
    dir,
    evidence,
    captures,
    failures,
    options(overrides) {
      runCounter++;
      const runId = overrides.runId ?? `run-${runCounter}`;
      return {
        runId,
        seeds: [],
        mode: 'http',
        maxPages: 50,
        maxDepth: 4,
        concurrency: 2,
        perHostDelayMs: 0,
        pageTimeoutMs: 15_000,
        navigationTimeoutMs: 10_000,
        maxResponseBytes: 2 * 1024 * 1024,
        fullPageMaxHeight: 4000,
        allowPrivateTargets: false,
        chromiumPath: process.env.CHROMIUM_PATH,
        storageDir: path.join(dir, 'storage', runId),
        evidence,
        onCapture: async (c) => {
          captures.push(c);
        },
        onFailure: async (f) => {
          failures.push(f);
        },
        ...overrides,
      };
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Re-hashes the stored file of every artifact: each must exist and match its name. */
export async function rehashArtifacts(evidenceDir: string, capture: Capture): Promise<boolean> {
  for (const artifact of capture.artifacts) {
    const bytes = await readFile(path.join(evidenceDir, artifact.path));
    if (createHash('sha256').update(bytes).digest('hex') !== artifact.sha256 || bytes.length !== artifact.size)
      return false;
  }
  return true;
}
