import { describe, expect, it } from 'vitest';
import { createHostThrottle } from '../../../crawler/host-throttle.ts';

describe('createHostThrottle', () => {
  it('spaces requests to one host by the delay, also when they arrive together', async () => {
    const throttle = createHostThrottle(60);
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      [0, 1, 2].map(async () => {
        await throttle('http://a.test/x');
        times.push(Date.now() - started);
      }),
    );
    times.sort((a, b) => a - b);
    expect(times[0]).toBeLessThan(40);
    expect(times[1]).toBeGreaterThanOrEqual(55);
    expect(times[2]).toBeGreaterThanOrEqual(115);
  });

  it('does not delay other hosts, nor anything when the delay is 0', async () => {
    const throttle = createHostThrottle(200);
    await throttle('http://a.test/');
    const t0 = Date.now();
    await throttle('http://b.test/');
    await createHostThrottle(0)('http://a.test/');
    expect(Date.now() - t0).toBeLessThan(50);
  });
});
