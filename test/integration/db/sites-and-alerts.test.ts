import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendAudit,
  decideAlert,
  getAlert,
  getSiteByName,
  isMateriallyStronger,
  listAlerts,
  listAudit,
  listSites,
  NotFoundError,
  type SiteSpec,
  setSiteLiveState,
  syncSites,
  upsertAlert,
} from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const specs: SiteSpec[] = [
  {
    name: 'annonces-maison',
    status: 'convicted',
    caseRef: 'CASE-1',
    region: 'FR',
    notes: '',
    domains: ['annonces-maison.test', 'www.annonces-maison.test'],
  },
  {
    name: 'services-domicile',
    status: 'suspected',
    caseRef: 'CASE-2',
    region: 'FR',
    notes: 'n',
    domains: ['services-domicile.test'],
  },
];

describe.each(DB_KINDS)('sites and alerts on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('syncs sites idempotently: the second run changes nothing', async () => {
    const first = await syncSites(t.handle.db, specs);
    expect(first.sitesAdded).toEqual(['annonces-maison', 'services-domicile']);
    expect(first.domainsAdded).toHaveLength(3);
    const snapshot = async () => {
      const sites = await listSites(t.handle.db, { includeInactive: true });
      return JSON.stringify(sites);
    };
    const before = await snapshot();
    const auditBefore = (await listAudit(t.handle.db)).length;
    const second = await syncSites(t.handle.db, specs);
    expect(Object.values(second).every((list) => list.length === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    expect((await listAudit(t.handle.db)).length).toBe(auditBefore);
  });

  it('marks removed sites and domains inactive, never deletes them, and reactivates them', async () => {
    const reduced: SiteSpec[] = [{ ...specs[0], domains: ['annonces-maison.test'] }];
    const r = await syncSites(t.handle.db, reduced);
    expect(r.sitesDeactivated).toEqual(['services-domicile']);
    expect(r.domainsDeactivated).toEqual(['www.annonces-maison.test']);
    const all = await listSites(t.handle.db, { includeInactive: true });
    expect(all.map((s) => [s.name, s.active])).toEqual([
      ['annonces-maison', true],
      ['services-domicile', false],
    ]);
    const active = await listSites(t.handle.db);
    expect(active.map((s) => s.name)).toEqual(['annonces-maison']);
    expect(active[0].domains.map((d) => d.hostname)).toEqual(['annonces-maison.test']);
    const back = await syncSites(t.handle.db, specs);
    expect(back.sitesReactivated).toEqual(['services-domicile']);
    expect((await listSites(t.handle.db)).length).toBe(2);
  });

  it('updates changed fields and records them in the audit log', async () => {
    const changed = specs.map((s) => (s.name === 'services-domicile' ? { ...s, status: 'seized' as const } : s));
    const r = await syncSites(t.handle.db, changed);
    expect(r.sitesUpdated).toEqual(['services-domicile']);
    const site = await getSiteByName(t.handle.db, 'services-domicile');
    expect(site.status).toBe('seized');
    const audit = await listAudit(t.handle.db, { subjectType: 'site', subjectId: 'services-domicile' });
    expect(audit.at(-1)?.details).toEqual({ status: { from: 'suspected', to: 'seized' } });
    await expect(getSiteByName(t.handle.db, 'nope')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('records live-state changes once', async () => {
    const site = await getSiteByName(t.handle.db, 'annonces-maison');
    expect(await setSiteLiveState(t.handle.db, site.id, 'seized', new Date())).toBe(true);
    expect(await setSiteLiveState(t.handle.db, site.id, 'seized', new Date())).toBe(false);
    expect((await getSiteByName(t.handle.db, 'annonces-maison')).liveState).toBe('seized');
  });

  it('upserts one alert per candidate × site, never duplicates, and keeps dismissed alerts dismissed unless stronger', async () => {
    const site = await getSiteByName(t.handle.db, 'annonces-maison');
    const [cand] = await t.handle.db
      .insert(domains)
      .values({ hostname: 'annonces-maison2.test', role: 'candidate', source: 'lookalike', originSiteId: site.id })
      .returning();
    const base = {
      siteId: site.id,
      candidateDomainId: cand.id,
      signals: { layout: 0.9, text: 0.8, contacts: 0.7, pivots: null },
      explanation: ['x'],
    };
    expect((await upsertAlert(t.handle.db, { ...base, verdict: 'unrelated', score: 0.1, evidence: [] })).outcome).toBe(
      'not-raised',
    );
    const created = await upsertAlert(t.handle.db, { ...base, verdict: 'clone', score: 0.8, evidence: [1, 2] });
    expect(created.outcome).toBe('created');
    expect((await upsertAlert(t.handle.db, { ...base, verdict: 'clone', score: 0.8, evidence: [1, 2] })).outcome).toBe(
      'unchanged',
    );
    expect(
      (await upsertAlert(t.handle.db, { ...base, verdict: 'clone', score: 0.82, evidence: [1, 2, 3] })).outcome,
    ).toBe('updated');
    expect(await listAlerts(t.handle.db)).toHaveLength(1);

    const id = created.alert!.id;
    await decideAlert(t.handle.db, id, { status: 'dismissed', reviewer: 'analyst1', note: 'same script only' });
    expect(
      (await upsertAlert(t.handle.db, { ...base, verdict: 'clone', score: 0.85, evidence: [1, 2, 3, 4] })).outcome,
    ).toBe('kept-dismissed');
    expect((await getAlert(t.handle.db, id)).status).toBe('dismissed');
    expect(
      (await upsertAlert(t.handle.db, { ...base, verdict: 'clone', score: 0.95, evidence: [1, 2, 3, 4] })).outcome,
    ).toBe('reopened');
    expect((await getAlert(t.handle.db, id)).status).toBe('open');

    await decideAlert(t.handle.db, id, { status: 'confirmed', reviewer: 'analyst2', note: 'same phones' });
    const listed = await listAlerts(t.handle.db, { status: 'confirmed', site: 'annonces-maison' });
    expect(listed.map((a) => [a.id, a.candidate, a.site, a.reviewer])).toEqual([
      [id, 'annonces-maison2.test', 'annonces-maison', 'analyst2'],
    ]);
    expect(await listAlerts(t.handle.db, { status: 'open' })).toEqual([]);
    const trail = (await listAudit(t.handle.db, { subjectType: 'alert', subjectId: id })).map((a) => a.action);
    expect(trail).toEqual([
      'alert.created',
      'alert.updated',
      'alert.dismissed',
      'alert.updated',
      'alert.reopened',
      'alert.confirmed',
    ]);
    await expect(getAlert(t.handle.db, 9999)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('states the reopen rule', () => {
    expect(isMateriallyStronger({ score: 0.8, evidenceCount: 4 }, { score: 0.89, evidenceCount: 7 })).toBe(false);
    expect(isMateriallyStronger({ score: 0.8, evidenceCount: 4 }, { score: 0.9, evidenceCount: 4 })).toBe(true);
    expect(isMateriallyStronger({ score: 0.8, evidenceCount: 4 }, { score: 0.8, evidenceCount: 8 })).toBe(true);
    expect(isMateriallyStronger({ score: 0.8, evidenceCount: 1 }, { score: 0.8, evidenceCount: 2 })).toBe(false);
  });

  it('keeps the audit log append-only', async () => {
    await appendAudit(t.handle.db, { actor: 'test', action: 'x', subjectType: 't', subjectId: 1 });
    await expect(t.handle.db.execute(sql`update audit_log set actor = 'forger'`)).rejects.toThrow();
    await expect(t.handle.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const rows = await listAudit(t.handle.db, { subjectType: 't' });
    expect(rows.map((r) => r.actor)).toEqual(['test']);
  });
});
