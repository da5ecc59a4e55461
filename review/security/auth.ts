/**
 * Login sessions and CSRF. The cookie holds a random token; the database holds only its SHA-256, with a CSRF
 * token per session that every POST must echo in its form. Requests without a valid session are sent to the
 * login page (GET) or refused with 401 (anything else).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { deleteSession, type Executor, findActiveSession, insertSession } from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { newToken, sameToken, tokenHash } from './tokens.ts';

export const CSRF_FIELD = '_csrf';

export interface SessionCookies {
  session: string;
  login: string;
  /** "This browser has logged in as NAME" (signed), which exempts it from the per-name login backoff. */
  device: string;
  secure: boolean;
}

/** `__Host-` cookies are only accepted over TLS, for this host and path `/`: used when Secure is on. */
export function cookieNames(secure: boolean): SessionCookies {
  const prefix = secure ? '__Host-' : '';
  return {
    session: `${prefix}phenix_session`,
    login: `${prefix}phenix_login`,
    device: `${prefix}phenix_device`,
    secure,
  };
}

function cookieOptions(secure: boolean, maxAgeSeconds: number) {
  return { httpOnly: true, sameSite: 'Strict', secure, path: '/', maxAge: maxAgeSeconds } as const;
}

export async function startSession(
  c: Context,
  db: Executor,
  cookies: SessionCookies,
  userId: number,
  ttlMs: number,
): Promise<void> {
  const token = newToken();
  await insertSession(db, {
    tokenHash: tokenHash(token),
    userId,
    csrfToken: newToken(),
    expiresAt: new Date(Date.now() + ttlMs),
  });
  setCookie(c, cookies.session, token, cookieOptions(cookies.secure, Math.floor(ttlMs / 1000)));
}

export async function endSession(c: Context, db: Executor, cookies: SessionCookies): Promise<void> {
  const token = getCookie(c, cookies.session);
  if (token) await deleteSession(db, tokenHash(token));
  deleteCookie(c, cookies.session, { path: '/', secure: cookies.secure });
}

/** Every route behind this needs a live session; the user and session land in the context. */
export function requireSession(db: Executor, cookies: SessionCookies): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    const token = getCookie(c, cookies.session);
    const found = token ? await findActiveSession(db, tokenHash(token)) : null;
    if (!found) {
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        const url = new URL(c.req.url);
        return c.redirect(`/login?next=${encodeURIComponent(url.pathname + url.search)}`, 303);
      }
      return c.text('Your session has ended: log in again.', 401);
    }
    c.set('user', found.user);
    c.set('session', found.session);
    await next();
  };
}

/**
 * Every state-changing request must carry the session's CSRF token in its form, and must not come from
 * another origin (checked when the browser says where it comes from).
 */
export function requireCsrf(): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    if (!sameOrigin(c)) return c.text('This form was sent from another site and was refused.', 403);
    const form = await c.req.parseBody();
    const given = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : undefined;
    if (!sameToken(given, c.get('session').csrfToken)) {
      return c.text('This form has expired or was not sent from the review page. Reload the page and try again.', 403);
    }
    await next();
  };
}

export function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (!origin || origin === 'null') return origin !== 'null';
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * Login form CSRF before any session exists: a random value in a short-lived cookie, echoed by the form. An
 * existing value is kept, so a second GET /login (another tab, or the browser's own /favicon.ico request sent
 * to the login page) does not invalidate the form already on screen.
 */
export function issueLoginToken(c: Context, cookies: SessionCookies): string {
  const existing = getCookie(c, cookies.login);
  const token = existing && /^[A-Za-z0-9_-]{43}$/.test(existing) ? existing : newToken();
  setCookie(c, cookies.login, token, cookieOptions(cookies.secure, 30 * 60));
  return token;
}

export function checkLoginToken(c: Context, cookies: SessionCookies, given: string | undefined): boolean {
  const expected = getCookie(c, cookies.login);
  return Boolean(expected) && sameToken(given, expected as string);
}
