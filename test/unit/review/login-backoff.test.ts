import { describe, expect, it } from 'vitest';
import { attemptKey, backoffWaitMs } from '../../../review/security/rate-limit.ts';

describe('login backoff policy', () => {
  it('lets the free attempts through, then doubles the wait per attempt up to the cap', () => {
    const now = 1_000_000;
    const waits: number[] = [];
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      waits.push(backoffWaitMs(times, 3, 1000, 8000, now));
      times.push(now);
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(backoffWaitMs(times, 3, 1000, 8000, now + 8000)).toBe(0);
  });

  it('counts the wait from the last attempt', () => {
    expect(backoffWaitMs([0, 100, 5000], 2, 1000, 60_000, 5500)).toBe(1500);
  });

  it('keys by digest: the typed name is not what is stored, and names are case-blind', () => {
    const k = attemptKey('name', 'Analyste.Dupont');
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(k).toBe(attemptKey('name', 'analyste.dupont'));
    expect(k).not.toBe(attemptKey('address', 'analyste.dupont'));
  });
});
