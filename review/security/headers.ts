/**
 * Response headers every review response carries. The CSP allows no script at all, images and styles only
 * from this server, forms only to this server and no framing, so even markup that slipped through escaping
 * could neither run nor send data anywhere.
 */
import type { MiddlewareHandler } from 'hono';

export const PAGE_CSP = [
  "default-src 'none'",
  "img-src 'self'",
  "style-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Captured files opened on their own: a sandbox (no script, unique origin) on top of nothing allowed. */
export const ARTIFACT_CSP = "sandbox; default-src 'none'; img-src 'self'";

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', PAGE_CSP);
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts, which the
    // CSRF origin check must refuse; nothing is ever sent to another site either way.
    h.set('Referrer-Policy', 'same-origin');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    if (!h.has('Cache-Control')) h.set('Cache-Control', 'no-store');
  };
}
