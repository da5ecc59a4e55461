/** GET/POST /login and POST /logout: the only routes reachable without a session (besides the stylesheet). */
import type { Hono } from 'hono';
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

/** The client's address as the socket saw it (a proxy's X-Forwarded-For is not trusted). */
function clientAddress(env: unknown): string {
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
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
    const address = clientAddress(c.env);
    const again = (status: 400 | 401 | 403 | 429, error: string) =>
      c.html(loginPage({ token: issueLoginToken(c, o.cookies), next, name, error }), status);
    const given = typeof form[CSRF_FIELD] === 'string' ? (form[CSRF_FIELD] as string) : undefined;
    if (!sameOrigin(c) || !checkLoginToken(c, o.cookies, given)) {
      return again(403, 'The login form had expired. Please try again.');
    }
    const wait = o.limiter.retryAfterMs(name, address);
    if (wait > 0) {
      o.log.warn({ name, address }, 'login refused: too many failed attempts');
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      return again(429, `Too many failed attempts. Try again in ${Math.ceil(wait / 60_000)} minute(s).`);
    }
    const user = name ? await findUserForLogin(o.db, name) : null;
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || !user.active) {
      o.limiter.recordFailure(name, address);
      o.log.warn({ name, address }, 'login failed');
      return again(401, 'Wrong account name or password.');
    }
    o.limiter.recordSuccess(name);
    await deleteExpiredSessions(o.db); // housekeeping: expired rows are useless and hold token hashes
    await startSession(c, o.db, o.cookies, user.id, o.sessionTtlMs);
    await appendAudit(o.db, { actor: user.name, action: 'session.login', subjectType: 'user', subjectId: user.name });
    o.log.info({ name, address }, 'analyst logged in');
    return c.redirect(next, 303);
  });

  app.post('/logout', requireSession(o.db, o.cookies), requireCsrf(), async (c) => {
    await endSession(c, o.db, o.cookies);
    return c.redirect('/login', 303);
  });
}
