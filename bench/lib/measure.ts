/**
 * Small measuring helpers shared by the benchmarks: repeat a function and keep the per-run times (the machine is
 * shared, so the median and the best run are both reported), and the process's resident memory.
 */

export interface Timing {
  runs: number;
  medianMs: number;
  bestMs: number;
  meanMs: number;
}

export function summarise(samples: number[]): Timing {
  return {
    runs: samples.length,
    medianMs: percentile(samples, 50),
    bestMs: samples.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY),
    meanMs: mean(samples),
  };
}

/** The p-th percentile (nearest rank); p = 50 is the median, the mean of the middle two of an even count. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  if (p === 50) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function mean(xs: number[]): number {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : Number.NaN;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export function timeSync(fn: () => void, runs: number, warmup = Math.min(3, runs)): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

export async function timeAsync(fn: () => Promise<unknown>, runs: number, warmup = Math.min(2, runs)): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarise(samples);
}

export function rssMb(): number {
  return process.memoryUsage.rss() / 1024 / 1024;
}

export const fmt = (x: number, digits = 1) => x.toFixed(digits);
