/**
 * Login rate limiting, in memory: failed attempts are counted per account name and per client address in a
 * sliding window; past the limit further attempts are refused until the window has moved on. A restart forgets
 * the counts, which is acceptable for a single review server.
 */

export interface RateLimitOptions {
  /** Failures allowed per account name within the window. */
  perName: number;
  /** Failures allowed per client address within the window (an address may try several names). */
  perAddress: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perName: 5, perAddress: 20, windowMs: 15 * 60_000 };

export interface LoginRateLimiter {
  /** Milliseconds to wait before the next attempt, or 0 when an attempt is allowed now. */
  retryAfterMs(name: string, address: string): number;
  recordFailure(name: string, address: string): void;
  recordSuccess(name: string): void;
}

export function createLoginRateLimiter(options: RateLimitOptions = DEFAULT_RATE_LIMIT): LoginRateLimiter {
  const now = options.now ?? Date.now;
  const byName = new Map<string, number[]>();
  const byAddress = new Map<string, number[]>();

  function recent(map: Map<string, number[]>, key: string): number[] {
    const cutoff = now() - options.windowMs;
    const kept = (map.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) map.set(key, kept);
    else map.delete(key);
    return kept;
  }

  function wait(map: Map<string, number[]>, key: string, limit: number): number {
    const times = recent(map, key);
    if (times.length < limit) return 0;
    return Math.max(1, times[times.length - limit] + options.windowMs - now());
  }

  return {
    retryAfterMs(name, address) {
      return Math.max(wait(byName, name.toLowerCase(), options.perName), wait(byAddress, address, options.perAddress));
    },
    recordFailure(name, address) {
      const t = now();
      for (const [map, key] of [
        [byName, name.toLowerCase()],
        [byAddress, address],
      ] as const) {
        const list = recent(map, key);
        list.push(t);
        map.set(key, list);
      }
    },
    recordSuccess(name) {
      byName.delete(name.toLowerCase());
    },
  };
}
