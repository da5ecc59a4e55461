/**
 * Login backoff, in memory. Failed attempts are counted per client address and per account name in a sliding
 * window; past a few free failures each further attempt must wait twice as long as the last (429 + Retry-After).
 * An address's wait grows to 15 minutes: it is the guesser's own. A name's wait is capped at a minute, and a
 * browser that has already logged in as that name (a signed "known device" cookie) skips it: guessing at a
 * named analyst slows the guesser down but never locks the real analyst out (OWASP's device-cookie advice).
 * A restart forgets the counts and the device key (the real analyst then waits at most a minute).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sameToken } from './tokens.ts';

export interface RateLimitOptions {
  /** Failures per account name within the window before attempts on it are slowed. */
  perName: number;
  /** Failures per client address within the window before its attempts are slowed. */
  perAddress: number;
  windowMs: number;
  /** First wait once past the free failures (doubled at each further failure). Default 1 s. */
  baseDelayMs?: number;
  /** Longest wait for a name (default 60 s): what the real analyst may have to wait without a known device. */
  maxNameDelayMs?: number;
  /** Longest wait for an address (default 15 min). */
  maxAddressDelayMs?: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perName: 5, perAddress: 10, windowMs: 15 * 60_000 };

export interface LoginRateLimiter {
  /** Milliseconds to wait before the next attempt, or 0 when an attempt is allowed now. */
  retryAfterMs(name: string, address: string, knownDevice?: boolean): number;
  recordFailure(name: string, address: string): void;
  /** A signed token saying "this browser logged in as NAME", for the device cookie. */
  deviceToken(name: string): string;
  isKnownDevice(name: string, token: string | undefined): boolean;
}

interface Track {
  failures: number[];
}

export function createLoginRateLimiter(options: RateLimitOptions = DEFAULT_RATE_LIMIT): LoginRateLimiter {
  const now = options.now ?? Date.now;
  const base = options.baseDelayMs ?? 1000;
  const byName = new Map<string, Track>();
  const byAddress = new Map<string, Track>();
  const deviceKey = randomBytes(32);

  function recent(map: Map<string, Track>, key: string): number[] {
    const cutoff = now() - options.windowMs;
    const kept = (map.get(key)?.failures ?? []).filter((t) => t > cutoff);
    if (kept.length) map.set(key, { failures: kept });
    else map.delete(key);
    return kept;
  }

  /** Once `free` failures are on record, each attempt waits base × 2^(failures − free) after the last one, capped. */
  function wait(map: Map<string, Track>, key: string, free: number, cap: number): number {
    const times = recent(map, key);
    const over = times.length - free + 1;
    if (over < 1) return 0;
    const delay = Math.min(cap, base * 2 ** Math.min(over - 1, 30));
    return Math.max(0, times[times.length - 1] + delay - now());
  }

  const sign = (name: string) => createHmac('sha256', deviceKey).update(name.toLowerCase()).digest('base64url');

  return {
    retryAfterMs(name, address, knownDevice = false) {
      const addressWait = wait(byAddress, address, options.perAddress, options.maxAddressDelayMs ?? 15 * 60_000);
      const nameWait = knownDevice
        ? 0
        : wait(byName, name.toLowerCase(), options.perName, options.maxNameDelayMs ?? 60_000);
      return Math.max(addressWait, nameWait);
    },
    recordFailure(name, address) {
      const t = now();
      for (const [map, key] of [
        [byName, name.toLowerCase()],
        [byAddress, address],
      ] as const) {
        const list = recent(map, key);
        list.push(t);
        map.set(key, { failures: list });
      }
    },
    deviceToken(name) {
      return `${Buffer.from(name.toLowerCase()).toString('base64url')}.${sign(name)}`;
    },
    isKnownDevice(name, token) {
      if (!token) return false;
      const [encoded, mac] = token.split('.');
      if (!encoded || !mac) return false;
      return Buffer.from(encoded, 'base64url').toString() === name.toLowerCase() && sameToken(mac, sign(name));
    },
  };
}
