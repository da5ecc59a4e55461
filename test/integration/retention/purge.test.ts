/**
 * Retention on the seeded review data (Postgres): dry run lists and changes nothing; unrelated and dismissed
 * candidates' captures go after their period; a file still referenced by another capture stays; a confirmed
 * clone is under legal hold until its case is closed, then due after `closedCaseDays`; every purge is audited.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCase, decideAlert, getAlert, listAudit, type RetentionRules } from '../../../db/index.ts';
import { captures, domains } from '../../../db/schema/index.ts';
import { createEvidenceStore } from '../../../evidence/index.ts';
import { runPurge } from '../../../retention/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { type SeededReview, seedReview } from '../../helpers/seed-review.ts';

const DAY = 86_400_000;
let t: TestDatabase;
let seeded: SeededReview;
let evidenceDir: string;
let unrelatedId: number;
let dismissedDomain: string;
let cloneDomain: string;
let cloneSite: string;

const rules = (over: Partial<RetentionRules> = {}): RetentionRules => ({
  dismissedDays: 10_000,
  unrelatedDays: 180,
  closedCaseDays: 30,
  failuresDays: 90,
  ...over,
});

async function captureCount(hostname: string): Promise<number> {
  const [row] = await t.handle.db
    .select({ n: sql<number>`count(*)::int` })
    .from(captures)
    .innerJoin(domains, eq(domains.id, captures.domainId))
    .where(eq(domains.hostname, hostname));
  return Number(row.n);
}

async function artifactsOf(hostname: string): Promise<string[]> {
  const rows = await t.handle.db
    .select({ artifacts: captures.artifacts })
    .from(captures)
    .innerJoin(domains, eq(domains.id, captures.domainId))
    .where(eq(domains.hostname, hostname));
  return [...new Set(rows.flatMap((r) => r.artifacts.map((a) => a.sha256)))];
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  evidenceDir = mkdtempSync(join(tmpdir(), 'phenix-retention-'));
  seeded = await seedReview(t.handle.db, { evidenceDir });
  await t.handle.db.execute(sql`update captures set captured_at = now() - interval '400 days'`);
  const dismissed = await getAlert(t.handle.db, seeded.alerts.dismissed);
  const clone = await getAlert(t.handle.db, seeded.alerts.clone);
  dismissedDomain = dismissed.candidate;
  cloneDomain = clone.candidate;
  cloneSite = clone.site;
  // An unrelated candidate (no alert) whose pages happen to be byte-identical to the dismissed one's.
  const [u] = await t.handle.db
    .insert(domains)
    .values({ hostname: 'nettoyage-rapide.test', role: 'candidate', source: 'lookalike' })
    .returning();
  unrelatedId = u.id;
  await t.handle.db.execute(sql`
    insert into captures (run_id, domain_id, requested_url, final_url, redirect_chain, status, headers, timings, mode,
      depth, title, html_sha256, text_sha256, artifacts, outlinks, scripts, stylesheets, captured_at)
    select run_id, ${unrelatedId}, requested_url || '#copie', final_url, redirect_chain, status, headers, timings, mode,
      depth, title, html_sha256, text_sha256, artifacts, outlinks, scripts, stylesheets, captured_at
    from captures where domain_id = ${dismissed.candidateDomainId}`);
  await decideAlert(t.handle.db, seeded.alerts.clone, { status: 'confirmed', reviewer: 'analyste', note: 'clone' });
});
afterAll(async () => {
  await t?.drop();
  if (evidenceDir) rmSync(evidenceDir, { recursive: true, force: true });
});

describe('retention', () => {
  it('lists in a dry run what the rules make due, and changes nothing', async () => {
    const before = await captureCount('nettoyage-rapide.test');
    const report = await runPurge({ db: t.handle.db, evidenceDir, rules: rules(), actor: 'chef', dryRun: true });
    expect(report.plan.domains.map((d) => [d.rule, d.hostname, d.captureIds.length])).toEqual([
      ['unrelated', 'nettoyage-rapide.test', before],
    ]);
    expect(report.plan.legalHold).toEqual([{ hostname: cloneDomain, sites: [cloneSite] }]);
    expect(await captureCount('nettoyage-rapide.test')).toBe(before);
    expect(await listAudit(t.handle.db, { action: 'retention.purged' })).toEqual([]);
  });

  it('removes due captures but keeps files another capture still references, and audits it', async () => {
    const files = await artifactsOf('nettoyage-rapide.test');
    const report = await runPurge({ db: t.handle.db, evidenceDir, rules: rules(), actor: 'chef' });
    expect(report.removed.captures).toBeGreaterThan(0);
    expect(await captureCount('nettoyage-rapide.test')).toBe(0);
    expect(report.removed.files).toBe(0);
    const store = createEvidenceStore({ dir: evidenceDir });
    for (const sha of files) expect(await store.has(sha)).toBe(true);
    const [entry] = await listAudit(t.handle.db, { action: 'retention.purged' });
    expect(entry).toMatchObject({
      actor: 'chef',
      details: expect.objectContaining({ captures: report.removed.captures }),
    });
    expect((entry.details as { domains: Record<string, string[]> }).domains.unrelated).toEqual([
      'nettoyage-rapide.test',
    ]);
  });

  it('removes a dismissed candidate past its period, with the files nothing else references', async () => {
    const files = await artifactsOf(dismissedDomain);
    const report = await runPurge({
      db: t.handle.db,
      evidenceDir,
      rules: rules({ dismissedDays: 365 }),
      actor: 'chef',
    });
    expect(report.plan.domains.map((d) => [d.rule, d.hostname])).toEqual([['dismissed', dismissedDomain]]);
    expect(await captureCount(dismissedDomain)).toBe(0);
    const store = createEvidenceStore({ dir: evidenceDir });
    const remaining = new Set(
      (await t.handle.db.select({ a: captures.artifacts }).from(captures)).flatMap((r) => r.a.map((x) => x.sha256)),
    );
    for (const sha of files) expect(await store.has(sha), sha).toBe(remaining.has(sha));
    expect(report.removed.files).toBe(files.filter((s) => !remaining.has(s)).length);
    expect(report.removed.files).toBeGreaterThan(0);
    // Open alerts keep their candidates whole.
    expect(await captureCount((await getAlert(t.handle.db, seeded.alerts.mention)).candidate)).toBeGreaterThan(0);
  });

  it('keeps a confirmed clone until its case is closed, then for closedCaseDays', async () => {
    const held = await runPurge({
      db: t.handle.db,
      evidenceDir,
      rules: rules({ dismissedDays: 0 }),
      actor: 'chef',
      dryRun: true,
    });
    expect(held.plan.domains.map((d) => d.hostname)).not.toContain(cloneDomain);
    await closeCase(t.handle.db, cloneSite, 'chef', 'jugement du 2026-11-02');
    await expect(closeCase(t.handle.db, cloneSite, 'chef', 'again')).rejects.toThrow(/already closed/);
    const soon = await runPurge({ db: t.handle.db, evidenceDir, rules: rules(), actor: 'chef', dryRun: true });
    expect(soon.plan.domains.map((d) => d.hostname)).not.toContain(cloneDomain);
    expect(soon.plan.legalHold).toEqual([]);
    const later = await runPurge({
      db: t.handle.db,
      evidenceDir,
      rules: rules(),
      actor: 'chef',
      now: new Date(Date.now() + 31 * DAY),
    });
    expect(later.plan.domains.map((d) => [d.rule, d.hostname])).toEqual([['closed-case', cloneDomain]]);
    expect(await captureCount(cloneDomain)).toBe(0);
    const closed = await listAudit(t.handle.db, { action: 'case.closed' });
    expect(closed).toEqual([expect.objectContaining({ actor: 'chef', subjectId: cloneSite })]);
  });
});
