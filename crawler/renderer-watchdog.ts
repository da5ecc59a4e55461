/**
 * Caps what one Chromium renderer may hold. A hostile page (a script allocating forever, workers, an endless
 * feed, a decompression bomb) grows its renderer by hundreds of megabytes a second, and nothing in Chromium stops
 * it short of its 4 GB heap cage. The watchdog reads the resident size of every renderer the crawl's browser
 * started, every SAMPLE_MS, and kills (SIGKILL) the ones over budget: Chromium reports the tab crashed, the page
 * fails as `browser-crash` (retried once, in a fresh renderer), its tab is closed, and the browser carries on.
 * /proc rather than CDP: a renderer stuck in a script does not answer CDP, and as root the browser runs as another
 * user (bin/phenix-chromium), which root may still signal.
 *
 * The budget is checked before it is passed by a margin: the watchdog kills at `budget - headroom`, the headroom
 * being what a renderer grew at most between two samples in the hostile benchmark (bench/hostile.bench.ts).
 */
import { processTree } from './process-tree.ts';

export const DEFAULT_RENDERER_MEMORY_BYTES = 512 * 1024 * 1024;
const SAMPLE_MS = 100;
/** Measured growth of the fastest trap between two samples is under 60 MB (bench:hostile); kept with margin. */
const HEADROOM_BYTES = 96 * 1024 * 1024;

export interface RendererWatchdog {
  /** Renderers killed so far. */
  recycled(): number;
  stop(): Promise<void>;
}

export interface RendererWatchdogOptions {
  budgetBytes: number;
  /** Told of each renderer killed (pid and resident size when it was killed). */
  onRecycle?: (pid: number, rss: number) => void;
}

export function startRendererWatchdog(options: RendererWatchdogOptions): RendererWatchdog {
  const limit = Math.max(options.budgetBytes - HEADROOM_BYTES, options.budgetBytes / 2);
  let running = true;
  let recycled = 0;
  const killed = new Set<number>();
  const loop = (async () => {
    while (running) {
      for (const p of await processTree()) {
        if (p.chromiumType !== 'renderer' || p.rss <= limit || killed.has(p.pid)) continue;
        try {
          process.kill(p.pid, 'SIGKILL');
          killed.add(p.pid);
          recycled++;
          options.onRecycle?.(p.pid, p.rss);
        } catch {
          // It ended on its own in between.
        }
      }
      await new Promise((r) => setTimeout(r, SAMPLE_MS));
    }
  })();
  return {
    recycled: () => recycled,
    async stop() {
      running = false;
      await loop;
    },
  };
}
