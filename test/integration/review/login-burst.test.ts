/**
 * Issue 19.3, the reviewer's scenario on both databases: 40 guesses sent at once from one address. Before the fix
 * the wait was checked before the password and the failure written after, so all 39 wrong guesses got 401 and
 * the right password, sent last, logged in. Now each attempt is counted in the database before its password is
 * checked: only the free attempts reach the password check, the right password is refused until the wait ends,
 * and two servers on one database (two processes) share the count.
 */

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAttempts } from '../../../db/schema/index.ts';
import { createReviewServer } from '../../../review/index.ts';
import { DB_KINDS } from '../../helpers/db.ts';
import { ANALYST } from '../../helpers/seed-review.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

describe.each(DB_KINDS)('a burst of parallel logins on %s', (kind) => {
  let f: ReviewFixture;
  let clock = 1_900_000_000_000;
  const rateLimit = { perName: 5, perAddress: 10, windowMs: 15 * 60_000, now: () => clock };
  beforeAll(async () => {
    f = await createReviewFixture({ kind, rateLimit });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('counts every guess before its password is checked, and refuses the right one until the wait ends', async () => {
    // Each guess is its own browser (its own login-form cookie), all from one address, all in flight at once.
    const guessers = Array.from({ length: 39 }, () => new TestClient(f.server, '198.51.100.66'));
    const tokens = await Promise.all(guessers.map((g) => g.loginToken()));
    const statuses = await Promise.all(
      guessers.map((g, i) =>
        g.post('/login', { _csrf: tokens[i], name: ANALYST.name, password: `plumber-guess-${i}`, next: '/alerts' }),
      ),
    ).then((all) => all.map((r) => r.status));
    expect(statuses.filter((s) => s === 401).length).toBe(rateLimit.perName);
    expect(statuses.filter((s) => s === 429).length).toBe(39 - rateLimit.perName);
    const right = await new TestClient(f.server, '198.51.100.66').login();
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie().some((c) => c.includes('phenix_session='))).toBe(false);

    // Another process on the same database sees the same count.
    const other = createReviewServer({
      db: f.t.handle.db,
      evidenceDir: f.evidenceDir,
      logger: pino({ level: 'silent' }),
      rateLimit,
    });
    expect((await new TestClient(other, '198.51.100.67').login()).status).toBe(429);

    clock += 2_000; // past the first doubled wait (1 s)
    expect((await new TestClient(f.server, '198.51.100.66').login()).status).toBe(303);
  });

  it('stores neither the typed names nor any password, and logs no password', async () => {
    const rows = await f.t.handle.db.select().from(loginAttempts);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.keyHash).toMatch(/^[0-9a-f]{64}$/);
    const logged = JSON.stringify(f.logs);
    expect(logged).not.toContain('plumber-guess-');
    expect(logged).not.toContain(ANALYST.password);
  });
});
