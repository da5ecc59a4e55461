import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from '../../../review/security/rate-limit.ts';

function limiter() {
  let t = 1_000_000;
  const l = createLoginRateLimiter({
    perName: 3,
    perAddress: 5,
    windowMs: 3_600_000,
    baseDelayMs: 1000,
    maxNameDelayMs: 8000,
    maxAddressDelayMs: 60_000,
    now: () => t,
  });
  return { l, advance: (ms: number) => (t += ms) };
}

describe('login backoff', () => {
  it('lets the free failures through, then doubles the wait per failure up to the name cap', () => {
    const { l, advance } = limiter();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      waits.push(l.retryAfterMs('alice', `198.51.100.${i}`));
      l.recordFailure('alice', `198.51.100.${i}`);
    }
    waits.push(l.retryAfterMs('alice', '198.51.100.99'));
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
    advance(8000);
    expect(l.retryAfterMs('alice', '198.51.100.99')).toBe(0);
  });

  it('exempts a browser that logged in as that name, but not from its own address’s backoff', () => {
    const { l } = limiter();
    for (let i = 0; i < 6; i++) l.recordFailure('alice', '203.0.113.9');
    const device = l.deviceToken('alice');
    expect(l.isKnownDevice('alice', device)).toBe(true);
    expect(l.isKnownDevice('bob', device)).toBe(false);
    expect(l.isKnownDevice('alice', `${device.split('.')[0]}.forged`)).toBe(false);
    expect(l.retryAfterMs('alice', '192.0.2.1', true)).toBe(0);
    expect(l.retryAfterMs('alice', '192.0.2.1', false)).toBeGreaterThan(0);
    expect(l.retryAfterMs('alice', '203.0.113.9', true)).toBeGreaterThan(0); // the guesser's address
  });

  it('forgets failures once they leave the window', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 10; i++) l.recordFailure('x', '192.0.2.7');
    advance(3_600_001);
    expect(l.retryAfterMs('x', '192.0.2.7')).toBe(0);
  });
});
