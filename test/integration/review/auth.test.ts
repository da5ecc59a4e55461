/**
 * Log-in protection of the review server: every route but the login form and the stylesheet needs a session;
 * sessions are stored as hashes, carried by HttpOnly SameSite=Strict cookies (Secure with TLS), end at
 * logout, expiry or when the account is disabled; failed logins are rate-limited per name and per address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findArtifact, setUserActive } from '../../../db/index.ts';
import { captures, sessions } from '../../../db/schema/index.ts';
import { PUBLIC_ROUTES } from '../../../review/index.ts';
import { ANALYST } from '../../helpers/seed-review.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

let f: ReviewFixture;
let sha: string;

beforeAll(async () => {
  f = await createReviewFixture({ rateLimit: { perName: 3, perAddress: 6, windowMs: 60_000 } });
  const [c] = await f.t.handle.db.select({ artifacts: captures.artifacts }).from(captures).limit(1);
  sha = c.artifacts[0].sha256;
  expect(await findArtifact(f.t.handle.db, sha)).not.toBeNull();
});
afterAll(async () => {
  await f?.close();
});

function concreteRoutes(): { method: string; path: string; route: string }[] {
  const seen = new Set<string>();
  const out: { method: string; path: string; route: string }[] = [];
  for (const r of f.server.app.routes) {
    if (r.method === 'ALL') continue; // middleware
    const route = `${r.method} ${r.path}`;
    if (seen.has(route)) continue;
    seen.add(route);
    const path = r.path.replace(':id', String(f.seeded.alerts.clone)).replace(':sha256', sha);
    out.push({ method: r.method, path, route });
  }
  return out;
}

describe('every route requires a session', () => {
  it('the server has the routes this test expects to walk', () => {
    const routes = concreteRoutes().map((r) => r.route);
    expect(routes).toEqual(
      expect.arrayContaining([
        'GET /alerts',
        'GET /alerts/:id',
        'POST /alerts/:id/decision',
        'GET /artifacts/:sha256',
        'GET /export/alerts',
        'POST /logout',
        'GET /',
      ]),
    );
  });

  it('answers 401 or a redirect to the login page on every non-public route without a session', async () => {
    const client = new TestClient(f.server);
    const open: string[] = [];
    for (const r of concreteRoutes()) {
      const res =
        r.method === 'GET'
          ? await client.get(`${r.path}${r.path.startsWith('/export') ? '?format=json' : ''}`)
          : await client.post(r.path, { decision: 'confirmed', note: 'x' });
      const guarded = res.status === 401 || (res.status === 303 && res.headers.get('location')?.startsWith('/login'));
      if (!guarded) open.push(`${r.route} → ${res.status}`);
    }
    expect(open.sort()).toEqual(PUBLIC_ROUTES.map((r) => `${r} → ${r.startsWith('POST') ? 403 : 200}`).sort());
  });

  it('guards unknown paths too, and a forged or stale cookie is no session', async () => {
    const client = new TestClient(f.server);
    expect((await client.get('/no/such/page')).status).toBe(303);
    client.cookies.set('phenix_session', 'forged-token-value');
    const res = await client.get('/alerts');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Falerts');
  });
});

describe('log in and sessions', () => {
  it('logs in, sets an HttpOnly SameSite=Strict cookie, and stores only the token hash', async () => {
    const client = new TestClient(f.server, '192.0.2.20');
    const res = await client.login();
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('phenix_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    const token = client.cookies.get('phenix_session') as string;
    const rows = await f.t.handle.db.select().from(sessions);
    expect(rows.some((r) => r.tokenHash === token)).toBe(false);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.tokenHash))).toBe(true);
    expect((await client.get('/alerts')).status).toBe(200);
  });

  it('keeps the login form valid when the login page is fetched again (another tab, the favicon redirect)', async () => {
    const client = new TestClient(f.server, '192.0.2.25');
    const token = await client.loginToken();
    await client.get('/favicon.ico'); // redirected to the login page, as a browser does on its own
    await client.get('/login');
    const res = await client.post('/login', {
      _csrf: token,
      name: ANALYST.name,
      password: ANALYST.password,
      next: '/alerts',
    });
    expect(res.status).toBe(303);
  });

  it('refuses a wrong password with the same message as an unknown account', async () => {
    const client = new TestClient(f.server, '192.0.2.21');
    const wrong = await client.login(ANALYST.name, 'not the password');
    const unknown = await client.login('nobody.here', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const message = (html: string) => /role="alert">([^<]*)</.exec(html)?.[1];
    expect(message(await wrong.text())).toBe(message(await unknown.text()));
    expect(client.cookies.has('phenix_session')).toBe(false);
  });

  it('ends the session at logout: the old cookie no longer opens pages', async () => {
    const client = new TestClient(f.server, '192.0.2.22');
    const csrf = await client.loginAndGetCsrf();
    const token = client.cookies.get('phenix_session') as string;
    expect((await client.post('/logout', { _csrf: csrf })).status).toBe(303);
    const replay = new TestClient(f.server);
    replay.cookies.set('phenix_session', token);
    expect((await replay.get('/alerts')).status).toBe(303);
  });

  it('refuses an expired session and the session of a disabled account', async () => {
    const client = new TestClient(f.server, '192.0.2.23');
    await client.loginAndGetCsrf();
    await f.t.handle.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await client.get('/alerts')).status).toBe(303);

    await client.loginAndGetCsrf();
    await setUserActive(f.t.handle.db, ANALYST.name, false, 'test');
    expect((await client.get('/alerts')).status).toBe(303);
    expect((await client.login()).status).toBe(401);
    await setUserActive(f.t.handle.db, ANALYST.name, true, 'test');
  });

  it('marks cookies Secure with the __Host- prefix when served over TLS', async () => {
    const secure = await createReviewFixture({ secureCookies: true });
    try {
      const client = new TestClient(secure.server, '192.0.2.24');
      const res = await client.login();
      expect(res.status).toBe(303);
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('__Host-phenix_session='));
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\//);
    } finally {
      await secure.close();
    }
  });
});

describe('login backoff', () => {
  it('slows attempts on a name after 3 failures, without locking out the analyst’s own browser', async () => {
    const analyst = new TestClient(f.server, '192.0.2.30');
    expect((await analyst.login()).status).toBe(303); // this browser is now known for the account
    const guesser = new TestClient(f.server, '192.0.2.32');
    // Earlier tests failed on this name too: some of these may already be slowed.
    for (let i = 0; i < 3; i++) expect([401, 429]).toContain((await guesser.login(ANALYST.name, `wrong-${i}`)).status);
    const slowed = await guesser.login(ANALYST.name, ANALYST.password);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(slowed.headers.getSetCookie().some((c) => c.startsWith('phenix_session='))).toBe(false);
    // A new browser elsewhere waits too (the name is being guessed at) …
    expect((await new TestClient(f.server, '192.0.2.31').login()).status).toBe(429);
    // … but the analyst's own browser is not locked out.
    expect((await analyst.login()).status).toBe(303);
    expect(f.logs.some((l) => l.msg === 'login refused: too many failed attempts')).toBe(true);
  });

  it('slows one address that tries many names, while other addresses still log in', async () => {
    const client = new TestClient(f.server, '192.0.2.40');
    for (let i = 0; i < 6; i++) expect((await client.login(`guess${i}`, 'wrong password')).status).toBe(401);
    expect((await client.login('guess-next', 'wrong password')).status).toBe(429);
    const other = new TestClient(f.server, '192.0.2.41');
    expect((await other.login('someone.else', 'wrong password')).status).toBe(401);
  });
});
