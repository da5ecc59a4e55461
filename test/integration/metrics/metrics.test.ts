/** /metrics and /healthz on a real database (Postgres and PGlite): names, labels, values and the 503 cases. */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enqueueNotification,
  recordCycleEnd,
  recordCycleStart,
  syncSites,
  upsertAlert,
  upsertCandidates,
} from '../../../db/index.ts';
import { checkHealth, type RunningMetricsServer, startMetricsServer } from '../../../metrics/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

describe.each(DB_KINDS)('metrics and health (%s)', (kind) => {
  let t: TestDatabase;
  let server: RunningMetricsServer;
  let alive = true;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    const db = t.handle.db;
    await syncSites(db, [
      {
        name: 'annonces-maison',
        status: 'convicted',
        caseRef: 'TEST-CASE-0001',
        domains: ['annonces-maison.test'],
        region: 'FR',
        notes: '',
      },
    ]);
    await upsertCandidates(db, [
      { hostname: 'annonces-maison-bis.test', source: 'lookalike', sourceDetail: 'affix bis', originSiteId: 1 },
    ]);
    await upsertAlert(db, {
      siteId: 1,
      candidateDomainId: 2,
      verdict: 'clone',
      score: 0.9,
      signals: {},
      evidence: [],
      explanation: ['3 of 3 phone numbers shared'],
    });
    await recordCycleStart(db, { id: 'c-old', scope: 'all' }, new Date(Date.now() - 7_200_000));
    await recordCycleEnd(db, 'c-old', { status: 'completed' }, new Date(Date.now() - 7_000_000));
    await recordCycleStart(db, { id: 'c-failed', scope: 'seeds' });
    await recordCycleEnd(db, 'c-failed', { status: 'failed', error: 'boom' });
    server = await startMetricsServer({
      db,
      host: '127.0.0.1',
      port: 0,
      logger: pino({ level: 'silent' }),
      liveness: { name: 'scheduler', alive: () => alive },
      maxCycleAgeMs: 3 * 3600_000,
      startedAt: new Date(),
      queueCounts: async () => [{ queue: 'crawl', state: 'failed', n: 2 }],
    });
  });
  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  it('exposes the figures under Prometheus names, with low-cardinality labels and no domain name', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^phenix_database_up 1$/m);
    expect(text).toMatch(/^phenix_cycles_total\{scope="all",status="completed"\} 1$/m);
    expect(text).toMatch(/^phenix_cycles_total\{scope="seeds",status="failed"\} 1$/m);
    expect(text).toMatch(/^phenix_cycle_duration_seconds_count\{scope="all"\} 1$/m);
    expect(text).toMatch(/^phenix_cycle_duration_seconds_bucket\{le="300",scope="all"\} 1$/m);
    expect(text).toMatch(/^phenix_alerts\{verdict="clone",status="open"\} 1$/m);
    expect(text).toMatch(/^phenix_domains\{role="candidate",dns_state="unknown"\} 1$/m);
    expect(text).toMatch(/^phenix_queue_jobs\{queue="crawl",state="failed"\} 2$/m);
    expect(text).toMatch(/^# TYPE phenix_pages_captured_total counter$/m);
    expect(text).toMatch(/^# TYPE phenix_pages_failed_total counter$/m);
    expect(text).toMatch(/^phenix_evidence_bytes 0$/m);
    expect(text).toMatch(/^phenix_process_resident_memory_bytes \d+/m);
    expect(text).not.toContain('.test');
  });

  it('/healthz: ok with the database, the loop and a recent cycle; 503 with the reason otherwise', async () => {
    const ok = await fetch(`${server.url}/healthz`);
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        database: { ok: true },
        loop: { ok: true, name: 'scheduler' },
        lastCycle: { ok: true, lastStatus: 'failed' },
      },
    });
    expect(body.checks.lastCycle.ageSeconds).toBeGreaterThanOrEqual(6999);
    alive = false;
    const dead = await fetch(`${server.url}/healthz`);
    expect(dead.status).toBe(503);
    expect((await dead.json()).checks.loop.ok).toBe(false);
    alive = true;
    const stale = await checkHealth({
      db: t.handle.db,
      liveness: { name: 'worker', alive: () => true },
      maxCycleAgeMs: 3600_000,
      startedAt: new Date(Date.now() - 86_400_000),
    });
    expect(stale.status).toBe('unhealthy');
    expect(stale.checks.lastCycle.detail).toMatch(/ended 11\d min ago \(limit 1 h\)/);
    expect((await fetch(`${server.url}/other`)).status).toBe(404);
  });

  it('a failed cycle is in the outbox with its error', async () => {
    const rows = await t.handle.db.query.notificationOutbox.findMany();
    expect(rows.find((r) => r.event === 'cycle.failed')?.payload).toMatchObject({ cycleId: 'c-failed', error: 'boom' });
    await enqueueNotification(t.handle.db, 'test', {});
  });
});
