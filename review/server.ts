/**
 * The review web server: a hono app with the security headers on every response, the login routes and the
 * stylesheet as the only public routes, and everything else behind a session and a CSRF check.
 * Where things live: security/ (passwords, sessions, CSRF, rate limit, headers), routes/, pages/.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ReviewEnv, ReviewServerOptions } from './env.ts';
import { errorPage } from './pages/error-page.ts';
import { registerAlertRoutes } from './routes/alert-routes.ts';
import { registerArtifactRoutes } from './routes/artifact-routes.ts';
import { registerAuthRoutes } from './routes/auth-routes.ts';
import { registerCaseRoutes } from './routes/case-routes.ts';
import { registerEvidenceRoutes } from './routes/evidence-routes.ts';
import { registerExportRoutes } from './routes/export-routes.ts';
import { registerJournalRoutes } from './routes/journal-routes.ts';
import { authorize, ROUTE_RULES } from './security/access.ts';
import { cookieNames, requireCsrf, requireSession } from './security/auth.ts';
import { clientAddress, trustedProxies } from './security/client-address.ts';
import { securityHeaders } from './security/headers.ts';
import { createLoginRateLimiter, DEFAULT_RATE_LIMIT } from './security/rate-limit.ts';

const STYLESHEET = readFileSync(new URL('./static/review.css', import.meta.url), 'utf8');
const DEFAULT_SESSION_TTL_MS = 12 * 60 * 60_000;
/** Every form of the page fits in far less (a decision note is cut at 4,000 characters); larger bodies get 413. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Routes reachable without logging in; every other route requires a session (tested route by route). */
export const PUBLIC_ROUTES = Object.entries(ROUTE_RULES)
  .filter(([, rule]) => rule.permission === 'public')
  .map(([route]) => route);

export interface ReviewServer {
  app: Hono<ReviewEnv>;
  start(listen: { host: string; port: number }): Promise<RunningReviewServer>;
}

export interface RunningReviewServer {
  url: string;
  host: string;
  port: number;
  close(): Promise<void>;
}

export function createReviewServer(options: ReviewServerOptions): ReviewServer {
  const log = options.logger.child({ component: 'review' });
  const cookies = cookieNames(Boolean(options.secureCookies));
  const proxies = trustedProxies(options.trustedProxies);
  const app = new Hono<ReviewEnv>();
  app.use('*', securityHeaders());
  app.use('*', async (c, next) => {
    c.set('address', clientAddress(c, proxies));
    await next();
  });
  // Before anything reads a body: the limit is checked on Content-Length and while streaming (chunked bodies).
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.text(`The request is too large (more than ${MAX_BODY_BYTES / 1024} KiB).`, 413),
    }),
  );
  app.get('/static/review.css', (c) =>
    c.body(STYLESHEET, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }),
  );
  registerAuthRoutes(app, {
    db: options.db,
    cookies,
    limiter: createLoginRateLimiter(options.db, options.rateLimit ?? DEFAULT_RATE_LIMIT),
    sessionTtlMs: options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    log,
  });
  app.use('*', requireSession(options.db, cookies), authorize(options.db, log), requireCsrf());
  registerAlertRoutes(app, { db: options.db, log });
  registerJournalRoutes(app, { db: options.db });
  registerArtifactRoutes(app, { db: options.db, evidenceDir: options.evidenceDir, log });
  registerExportRoutes(app, { db: options.db, log });
  registerCaseRoutes(app, {
    db: options.db,
    log,
    chromiumPath: options.chromiumPath,
    evidenceDir: options.evidenceDir,
  });
  registerEvidenceRoutes(app, {
    db: options.db,
    evidenceDir: options.evidenceDir,
    signing: options.evidenceSigning,
    cliCommand: options.cliCommand,
    log,
  });
  app.notFound((c) => c.html(errorPage(undefined, 'Not found', 'There is no such page.'), 404));
  app.onError((error, c) => {
    log.error({ err: error, path: c.req.path }, 'review request failed');
    return c.text('Something went wrong on the server; the error is in its log.', 500);
  });
  return { app, start: (listen) => listen_(app, listen) };
}

function listen_(app: Hono<ReviewEnv>, listen: { host: string; port: number }): Promise<RunningReviewServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: listen.host, port: listen.port }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${host}:${info.port}`,
        host: info.address,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
    server.once('error', reject);
  });
}

/** Creates the review server and listens (what `phenix review` and `phenix serve` call). */
export function startReviewServer(
  options: ReviewServerOptions & { host: string; port: number },
): Promise<RunningReviewServer> {
  return createReviewServer(options).start({ host: options.host, port: options.port });
}
