/**
 * Issue 19.13 on both databases: a failed query is logged without its text and values. Before the fix a failed
 * session insert logged drizzle's "Failed query: … params: <token hash>,<user>,<CSRF token>,…" (and PostgreSQL's
 * "Failing row contains (…)"), so the CSRF token and the session's hash landed in the log.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../cli/errors.ts';
import { createLogger } from '../../../cli/logger.ts';
import { createReviewServer } from '../../../review/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';
import { seedAnalyst } from '../../helpers/seed-review.ts';
import { TestClient } from './review-fixture.ts';

/** Random tokens (43 base64url characters) and SHA-256 hex digests: what a session insert carries. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{43}|[0-9a-f]{64}/;

describe.each(DB_KINDS)('a failed session insert on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await seedAnalyst(t.handle.db);
    await t.handle.db.execute(sql`alter table sessions add constraint phenix_test_refuse check (false) not valid`);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('logs the reason, never the query, its values or the failing row', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger({ level: 'info', pretty: false, destination: sink });
    const server = createReviewServer({ db: t.handle.db, evidenceDir: '/nonexistent', logger });
    const res = await new TestClient(server, '192.0.2.90').login();
    expect(res.status).toBe(500);
    const failed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'review request failed');
    expect(failed, lines.join('\n')).toBeDefined();
    const text = JSON.stringify(failed);
    expect(text).toContain('phenix_test_refuse'); // the database's own reason is kept
    expect(text).not.toMatch(/params|Failed query|insert into/i);
    expect(text).not.toMatch(TOKEN_LIKE);
  });

  it('prints a failed query on the command line the same way', async () => {
    const error = await t.handle.db
      .execute(
        sql`insert into sessions (token_hash, user_id, csrf_token, expires_at) values (${'f'.repeat(64)}, 1, ${'c'.repeat(43)}, now())`,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    const printed = describeError(error);
    expect(printed).not.toMatch(TOKEN_LIKE);
    expect(printed).toMatch(/not logged/);
  });
});
