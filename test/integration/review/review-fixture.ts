/**
 * Shared set-up of the review integration tests: a seeded database (Postgres by default), an evidence store,
 * the hono app, and a tiny browser-like client that logs in and keeps its cookies.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createReviewServer, type ReviewServer } from '../../../review/index.ts';
import type { RateLimitOptions } from '../../../review/security/rate-limit.ts';
import { createTestDatabase, type DbKind, type TestDatabase } from '../../helpers/db.ts';
import { ANALYST, type SeededReview, seedAnalyst, seedReview } from '../../helpers/seed-review.ts';

export interface ReviewFixture {
  t: TestDatabase;
  seeded: SeededReview;
  server: ReviewServer;
  evidenceDir: string;
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function createReviewFixture(
  options: { kind?: DbKind; secureCookies?: boolean; rateLimit?: RateLimitOptions } = {},
): Promise<ReviewFixture> {
  const t = await createTestDatabase(options.kind ?? 'postgres');
  const evidenceDir = mkdtempSync(join(tmpdir(), 'phenix-review-evidence-'));
  const seeded = await seedReview(t.handle.db, { evidenceDir });
  await seedAnalyst(t.handle.db);
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const server = createReviewServer({
    db: t.handle.db,
    evidenceDir,
    logger,
    secureCookies: options.secureCookies,
    rateLimit: options.rateLimit,
  });
  return {
    t,
    seeded,
    server,
    evidenceDir,
    logs,
    close: async () => {
      await t.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

export const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** A client with a cookie jar over `app.request`, optionally from a given client address. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly server: ReviewServer,
    private readonly address = '192.0.2.10',
  ) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await this.server.app.request(
      `http://review.test${path}`,
      { ...init, headers },
      {
        incoming: { socket: { remoteAddress: this.address } },
      },
    );
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    return res;
  }

  get(path: string) {
    return this.request(path);
  }

  post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    return this.request(path, { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(form) });
  }

  /** The login form's CSRF token (and its cookie), as a browser gets them by opening /login. */
  async loginToken(): Promise<string> {
    const page = await (await this.get('/login')).text();
    return csrfFrom(page);
  }

  async login(name = ANALYST.name, password = ANALYST.password): Promise<Response> {
    const token = await this.loginToken();
    return this.post('/login', { _csrf: token, name, password, next: '/alerts' });
  }

  /** Logs in and returns the session's CSRF token, read from a page like a browser would. */
  async loginAndGetCsrf(): Promise<string> {
    const res = await this.login();
    if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
    return csrfFrom(await (await this.get('/alerts')).text());
  }
}

export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no CSRF field on the page');
  return m[1];
}
