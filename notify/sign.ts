/**
 * The webhook signature, with the delivery time inside it (as Stripe and GitHub do), so a captured delivery cannot
 * be replayed later: `X-Phenix-Signature: t=<unix seconds>,v1=<hex>`, where v1 is the HMAC-SHA256, with the
 * target's secret, of `${t}.${body}` (the exact body bytes). A receiver recomputes it in constant time and refuses
 * a `t` further than its tolerance (default 5 minutes) from its own clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Phenix-Signature';
export const DEFAULT_TOLERANCE_SECONDS = 300;

function mac(secret: string, t: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
}

export function signBody(secret: string, body: string | Buffer, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${mac(secret, t, body)}`;
}

export interface VerifyOptions {
  /** How far the signed time may be from the receiver's clock, either way (default 300 s). */
  toleranceSeconds?: number;
  nowMs?: number;
}

/** What a receiver does: parse, check the time is recent, recompute and compare in constant time. */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string | null | undefined,
  options: VerifyOptions = {},
): boolean {
  const parts = new Map((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isSafeInteger(t) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  const now = Math.floor((options.nowMs ?? Date.now()) / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return false;
  return timingSafeEqual(Buffer.from(mac(secret, t, body), 'hex'), Buffer.from(given, 'hex'));
}
