/**
 * Login backoff, counted in the database (db/queries/login-attempts.ts) so that every process serving the page
 * shares one count and a restart forgets nothing. Each attempt is recorded BEFORE its password is checked, under
 * a lock, and removed only when the password was right: a burst of parallel guesses is counted in full, and the
 * right password sent after too many failures is refused (429) until the wait ends.
 *
 * Attempts are counted per client address and per account name in a sliding window; past a few free attempts
 * each further one must wait twice as long after the last (429 + Retry-After). An address's wait grows to 15
 * minutes: it is the guesser's own. A name's wait is capped at a minute, and a browser that has already logged in
 * as that name (a signed "known device" cookie) skips it: guessing at a named analyst slows the guesser down but
 * never locks the real analyst out (OWASP's device-cookie advice). The device key lives in the process: after a
 * restart, or on another process, the real analyst waits at most the name's cap.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { claimLoginAttempt, type Executor, forgetLoginAttempt } from '../../db/index.ts';
import { sameToken } from './tokens.ts';

export interface RateLimitOptions {
  /** Failed attempts per account name within the window before attempts on it are slowed. */
  perName: number;
  /** Failed attempts per client address within the window before its attempts are slowed. */
  perAddress: number;
  windowMs: number;
  /** First wait once past the free attempts (doubled at each further one). Default 1 s. */
  baseDelayMs?: number;
  /** Longest wait for a name (default 60 s): what the real analyst may have to wait without a known device. */
  maxNameDelayMs?: number;
  /** Longest wait for an address (default 15 min). */
  maxAddressDelayMs?: number;
  now?: () => number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perName: 5, perAddress: 10, windowMs: 15 * 60_000 };

/** A login attempt that was allowed and counted; `succeeded` takes it back off the count. */
export interface LoginAttempt {
  ids: number[];
}

export type LoginAdmission = { waitMs: number; attempt?: undefined } | { waitMs: 0; attempt: LoginAttempt };

export interface LoginRateLimiter {
  /** Counts the attempt now (before any password check); refuses it with a wait when past the allowance. */
  admit(name: string, address: string, knownDevice?: boolean): Promise<LoginAdmission>;
  /** The password was right: the attempt is no failure. */
  succeeded(attempt: LoginAttempt): Promise<void>;
  /** A signed token saying "this browser logged in as NAME", for the device cookie. */
  deviceToken(name: string): string;
  isKnownDevice(name: string, token: string | undefined): boolean;
}

/**
 * Once `free` attempts are on record, the next waits base × 2^(attempts − free) after the last one, capped.
 * `times` are the recorded attempts inside the window, ascending.
 */
export function backoffWaitMs(times: readonly number[], free: number, base: number, cap: number, now: number): number {
  const over = times.length - free + 1;
  if (over < 1) return 0;
  const delay = Math.min(cap, base * 2 ** Math.min(over - 1, 30));
  return Math.max(0, times[times.length - 1] + delay - now);
}

/** What is stored for a key: its digest, never the typed name itself (it may be a password typed in the wrong box). */
export function attemptKey(kind: 'name' | 'address', value: string): string {
  return createHash('sha256')
    .update(`${kind}:${kind === 'name' ? value.toLowerCase() : value}`)
    .digest('hex');
}

export function createLoginRateLimiter(db: Executor, options: RateLimitOptions = DEFAULT_RATE_LIMIT): LoginRateLimiter {
  const now = options.now ?? Date.now;
  const base = options.baseDelayMs ?? 1000;
  const deviceKey = randomBytes(32);
  const sign = (name: string) => createHmac('sha256', deviceKey).update(name.toLowerCase()).digest('base64url');

  return {
    async admit(name, address, knownDevice = false) {
      const nameKey = attemptKey('name', name);
      const addressKey = attemptKey('address', address);
      const t = now();
      const claim = await claimLoginAttempt(db, {
        keyHashes: [nameKey, addressKey],
        windowMs: options.windowMs,
        now: t,
        decide: (times) => {
          const addressWait = backoffWaitMs(
            times.get(addressKey) ?? [],
            options.perAddress,
            base,
            options.maxAddressDelayMs ?? 15 * 60_000,
            t,
          );
          const nameWait = knownDevice
            ? 0
            : backoffWaitMs(times.get(nameKey) ?? [], options.perName, base, options.maxNameDelayMs ?? 60_000, t);
          return Math.max(addressWait, nameWait);
        },
      });
      return claim.waitMs > 0 ? { waitMs: claim.waitMs } : { waitMs: 0, attempt: { ids: claim.ids } };
    },
    succeeded: (attempt) => forgetLoginAttempt(db, attempt.ids),
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
