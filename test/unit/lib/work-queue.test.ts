import { describe, expect, it } from 'vitest';
import { mapLimit } from '../../../lib/map-limit.ts';
import { runGrowingQueue } from '../../../lib/work-queue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runGrowingQueue', () => {
  it('processes items pushed while it runs, never more than the limit at once, and ends', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await runGrowingQueue([1, 2], 2, async (n, push) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(10);
      seen.push(n);
      if (n < 4) push(n * 10, n * 10 + 1);
      running--;
    });
    expect(seen.sort((a, b) => a - b)).toEqual([1, 2, 10, 11, 20, 21]);
    expect(peak).toBe(2);
  });

  it('ends at once on an empty queue, and goes on after a failing item only if the caller catches', async () => {
    await runGrowingQueue([], 3, async () => {
      throw new Error('never called');
    });
    await expect(runGrowingQueue([1], 1, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('mapLimit', () => {
  it('keeps input order and the concurrency bound', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([30, 10, 20], 2, async (ms) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
      return ms * 2;
    });
    expect(out).toEqual([60, 20, 40]);
    expect(peak).toBe(2);
  });
});
