/**
 * The review read models on both databases (the demo runs on embedded PGlite, production on Postgres):
 * the alert page data, artifact lookup by hash (jsonb containment), latest capture per URL (DISTINCT ON),
 * export rows, users and sessions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUser,
  deleteExpiredSessions,
  findActiveSession,
  findArtifact,
  getAlertReview,
  insertSession,
  listAlertsForExport,
  listUsers,
} from '../../../db/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';
import { type SeededReview, seedReview } from '../../helpers/seed-review.ts';

describe.each(DB_KINDS)('review read models on %s', (kind) => {
  let t: TestDatabase;
  let seeded: SeededReview;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'phenix-review-rm-'));
    seeded = await seedReview(t.handle.db, { evidenceDir: dir });
  }, 180_000);
  afterAll(async () => {
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gathers both sides, the candidate timeline and the history of an alert', async () => {
    const r = await getAlertReview(t.handle.db, seeded.alerts.clone);
    expect(r.site.name).toBe('maison-services');
    expect(r.reference.domains.map((d) => d.hostname)).toEqual(['maison-services.test']);
    expect(r.candidate.domain.hostname).toBe('maison-services2.test');
    // one latest capture per URL, home page first
    expect(r.candidate.captures.map((c) => c.finalUrl)).toEqual([
      'http://maison-services2.test/',
      'http://maison-services2.test/annonce/1',
    ]);
    expect(r.candidate.contacts.map((c) => c.value)).toContain('+33639980123');
    expect(r.candidate.dnsEvents.map((e) => e.state)).toEqual(['nxdomain', 'resolves']);
    expect(r.candidate.allCaptures[0].redirectChain[0]).toMatchObject({ status: 301 });
    expect(r.history.map((h) => h.action)).toEqual(['alert.created']);
  });

  it('finds an artifact by hash only when a capture recorded it', async () => {
    const r = await getAlertReview(t.handle.db, seeded.alerts.clone);
    const shot = r.candidate.captures[0].artifacts.find((a) => a.kind === 'screenshot');
    expect(await findArtifact(t.handle.db, shot?.sha256 ?? '')).toMatchObject({ kind: 'screenshot' });
    expect(await findArtifact(t.handle.db, 'f'.repeat(64))).toBeNull();
  });

  it('lists export rows with seeds and decision fields, in queue order', async () => {
    const rows = await listAlertsForExport(t.handle.db);
    expect(rows.map((r) => r.id)).toEqual([
      seeded.alerts.clone,
      seeded.alerts.hostile,
      seeded.alerts.mention,
      seeded.alerts.dismissed,
    ]);
    expect(rows[0]).toMatchObject({ seedDomains: ['maison-services.test'], caseRef: 'PJ-2026-017' });
    expect(rows[3]).toMatchObject({ status: 'dismissed', reviewer: 'analyste.martin' });
  });

  it('keeps sessions by hash, ignores expired ones and purges them', async () => {
    const user = await createUser(t.handle.db, { name: 'analyste.rm', passwordHash: 'scrypt$1$1$1$x$y', by: 'test' });
    expect((await listUsers(t.handle.db)).map((u) => u.name)).toEqual(['analyste.rm']);
    expect(Object.keys((await listUsers(t.handle.db))[0])).not.toContain('passwordHash');
    const base = { userId: user.id, csrfToken: 'c' };
    await insertSession(t.handle.db, { ...base, tokenHash: 'a'.repeat(64), expiresAt: new Date(Date.now() + 60_000) });
    await insertSession(t.handle.db, { ...base, tokenHash: 'b'.repeat(64), expiresAt: new Date(Date.now() - 60_000) });
    expect((await findActiveSession(t.handle.db, 'a'.repeat(64)))?.user.name).toBe('analyste.rm');
    expect(await findActiveSession(t.handle.db, 'b'.repeat(64))).toBeNull();
    expect(await deleteExpiredSessions(t.handle.db)).toBe(1);
  });
});
