/** Random tokens (sessions, CSRF), their stored hashes, and constant-time comparison. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares through fixed-length digests so neither content nor length leaks by timing. */
export function sameToken(given: string | undefined | null, expected: string): boolean {
  if (!given || !expected) return false;
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}
