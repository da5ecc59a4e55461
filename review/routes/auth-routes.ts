/** GET/POST /login and POST /logout: the only routes reachable without a session (besides the stylesheet). */
import type { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Logger } from 'pino';
import { appendAudit, deleteExpiredSessions, type Executor, findUserForLogin } from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { safeLocalPath } from '../html.ts';
import { loginPage } from '../pages/login-page.ts';
import {
  CSRF_FIELD,
  checkLoginToken,
  endSession,
  issueLoginToken,
  requireCsrf,
  requireSession,
  type SessionCookies,
  sameOrigin,
  startSession,
} from '../security/auth.ts';
import { decoyHash, verifyPassword } from '../security/passwords.ts';
import type { LoginRateLimiter } from '../security/rate-limit.ts';

export interface AuthRouteOptions {
  db: Executor;
  cookies: SessionCookies;
  limiter: LoginRateLimiter;
  sessionTtlMs: number;
  log: Logger;
}

export function registerAuthRoutes(app: Hono<ReviewEnv>, o: AuthRouteOptions): void {
  app.get('/login', (c) => {
    const next = safeLocalPath(c.req.query('next'));
    return c.html(loginPage({ token: issueLoginToken(c, o.cookies), next }));
  });

  app.post('/login', async (c) => {
    const form = await c.req.parseBody();
    const name = typeof form.name === 'string' ? form.name.trim().slice(0, 64) : '';
    const password = typeof form.password === 'string' ? form.password.slice(0, 1024) : '';
    const next = safeLocalPath(typeof form.next === 'string' ? form.next : undefined);
    const address = c.get('address');
    const again = (status: 400 | 401 | 403 | 429, error: string) =>
      c.html(loginPage({ token: issueLoginToken(c, o.cookies), next, name, error }), status);
    const given = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : undefined;
    if (!sameOrigin(c) || !checkLoginToken(c, o.cookies, given)) {
      return again(403, 'The login form had expired. Please try again.');
    }
    const knownDevice = o.limiter.isKnownDevice(name, getCookie(c, o.cookies.device));
    // Counted before the password is checked (and in the database): parallel guesses cannot slip past the count.
    const admission = await o.limiter.admit(name, address, knownDevice);
    if (!admission.attempt) {
      o.log.warn({ name, address, waitMs: admission.waitMs }, 'login refused: too many failed attempts');
      const seconds = Math.ceil(admission.waitMs / 1000);
      c.header('Retry-After', String(seconds));
      return again(429, `Too many failed attempts. Try again in ${seconds} second(s).`);
    }
    const user = name ? await findUserForLogin(o.db, name) : null;
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || !user.active) {
      o.log.warn({ name, address }, 'login failed');
      return again(401, 'Wrong account name or password.');
    }
    await o.limiter.succeeded(admission.attempt);
    // This browser is now known for this account: guessing at the name elsewhere will not slow it down.
    setCookie(c, o.cookies.device, o.limiter.deviceToken(user.name), {
      httpOnly: true,
      sameSite: 'Strict',
      secure: o.cookies.secure,
      path: '/',
      maxAge: 180 * 24 * 3600,
    });
    await deleteExpiredSessions(o.db); // housekeeping: expired rows are useless and hold token hashes
    await startSession(c, o.db, o.cookies, user.id, o.sessionTtlMs);
    await appendAudit(o.db, {
      actor: user.name,
      action: 'session.login',
      subjectType: 'user',
      subjectId: user.name,
      details: { address },
    });
    o.log.info({ name, address }, 'analyst logged in');
    return c.redirect(next, 303);
  });

  app.post('/logout', requireSession(o.db, o.cookies), requireCsrf(), async (c) => {
    await endSession(c, o.db, o.cookies);
    return c.redirect('/login', 303);
  });
}
