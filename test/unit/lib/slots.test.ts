import { describe, expect, it } from 'vitest';
import { createSlots } from '../../../lib/map-limit.ts';

const tick = () => new Promise((r) => setImmediate(r));

describe('createSlots', () => {
  it('never runs more than its limit at once across callers, first come first served, and frees a place on failure', async () => {
    const slots = createSlots(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const gates: (() => void)[] = [];
    const task = (i: number, fail = false) =>
      slots.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        if (fail) throw new Error(`task ${i} failed`);
        return i;
      });
    // Two "batches" sharing the same slots.
    const first = [task(0, true), task(1), task(2)];
    const second = [task(3), task(4)];
    await tick();
    expect(started).toEqual([0, 1]);
    gates.shift()?.();
    await expect(first[0]).rejects.toThrow('task 0 failed');
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (started.length < 5 || gates.length > 0) {
      gates.shift()?.();
      await tick();
    }
    expect(await Promise.all([...first.slice(1), ...second])).toEqual([1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
