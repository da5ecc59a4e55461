/**
 * Issue 19.14: /metrics and /healthz need no login. Before the fix every scrape ran the table-wide aggregates (a
 * flood of scrapes was a flood of full scans), and /healthz echoed the driver's error text (host names, role names).
 * Now the figures are cached and read at most once per refresh interval whatever the scrape rate, and /healthz says
 * what is wrong in plain words.
 */
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../../../db/index.ts';
import { checkHealth, createMetrics } from '../../../metrics/index.ts';
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from '../../helpers/db.ts';

/** The same database, counting the statements run through it. */
function counting(db: Executor): { db: Executor; statements: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if ((key === 'select' || key === 'execute') && typeof value === 'function') {
        return (...args: unknown[]) => {
          n++;
          return value.apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, statements: () => n };
}

describe('metrics scrapes', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('embedded');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('cost one read of the figures per refresh interval, however many scrapes come', async () => {
    let clock = 1_000_000;
    const { db, statements } = counting(t.handle.db);
    const metrics = createMetrics({ db, refreshMs: 60_000, now: () => clock });
    await Promise.all(Array.from({ length: 25 }, () => metrics.render()));
    for (let i = 0; i < 25; i++) await metrics.render();
    const oneRead = statements();
    expect(oneRead).toBeGreaterThan(0);
    expect(oneRead).toBeLessThanOrEqual(10); // the aggregates of one read, not 50 of them
    clock += 61_000;
    const text = await metrics.render(); // served from the cache; a read starts behind it
    expect(text).toMatch(/^phenix_database_up 1$/m);
    await metrics.refresh();
    expect(statements()).toBe(2 * oneRead);
  });
});

describe('/healthz text', () => {
  it('names the kind of failure, never the host or the role', async () => {
    const cases = [
      {
        url: TEST_SERVER_URL.replace(/\/\/[^@]*@/, '//phenix_secret_role@'),
        words: /credentials/,
        secret: 'phenix_secret_role',
      },
      {
        url: 'postgres://phenix@db-secret-host.invalid:5432/phenix',
        words: /host name does not resolve/,
        secret: 'db-secret-host',
      },
      { url: 'postgres://phenix@127.0.0.1:9/phenix', words: /refused the connection/, secret: '127.0.0.1' },
    ];
    for (const c of cases) {
      const client = postgres(c.url, { max: 1, connect_timeout: 3, onnotice: () => {} });
      const errors: unknown[] = [];
      try {
        const report = await checkHealth({
          db: drizzle(client) as unknown as Executor,
          liveness: { name: 'scheduler', alive: () => true },
          maxCycleAgeMs: 3600_000,
          startedAt: new Date(),
          onError: (error) => errors.push(error),
        });
        const text = JSON.stringify(report);
        expect(report.status).toBe('unhealthy');
        expect(report.checks.database.detail, c.url).toMatch(c.words);
        expect(text).not.toContain(c.secret);
        expect(errors).toHaveLength(1); // the driver's own error goes to the log
      } finally {
        await client.end({ timeout: 1 });
      }
    }
  });
});
