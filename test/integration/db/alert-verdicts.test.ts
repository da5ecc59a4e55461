/**
 * The `related` tier and frozen decisions, on both databases: a related verdict is an open alert listed and exported
 * after every clone; the dismissed rule holds for it; a decision keeps the evidence the analyst saw.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decideAlert,
  getAlert,
  getSiteByName,
  InvalidRequestError,
  listAlerts,
  listAudit,
  listDecisions,
  syncSites,
  upsertAlert,
} from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { exportAlerts } from '../../../review/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

describe.each(DB_KINDS)('alert verdicts and decisions on %s', (kind) => {
  let t: TestDatabase;
  let siteId: number;
  const candidate = async (hostname: string) => {
    const [row] = await t.handle.db
      .insert(domains)
      .values({ hostname, role: 'candidate', source: 'lookalike', originSiteId: siteId })
      .returning();
    return row.id;
  };
  const signals = { layout: 0.2, text: 0.1, contacts: 0.3, pivots: null };

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await syncSites(t.handle.db, [
      {
        name: 'menage-pro',
        status: 'convicted',
        caseRef: 'C-7',
        region: 'FR',
        notes: '',
        domains: ['menage-pro.test'],
      },
    ]);
    siteId = (await getSiteByName(t.handle.db, 'menage-pro')).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('stores a related verdict as an open alert, lists and exports clones first, filters by verdict', async () => {
    const rel = await upsertAlert(t.handle.db, {
      siteId,
      candidateDomainId: await candidate('forum-voisins.test'),
      verdict: 'related',
      // Higher than the clone below on purpose: a clone still comes first.
      score: 0.9,
      signals,
      evidence: [{ kind: 'shared-contact' }],
      explanation: ['shares 4 of 40 advertisers; no shared layout, identity or pivot'],
    });
    expect(rel.outcome).toBe('created');
    expect(rel.alert).toMatchObject({ status: 'open', verdict: 'related' });
    const clone = await upsertAlert(t.handle.db, {
      siteId,
      candidateDomainId: await candidate('menage-pro2.test'),
      verdict: 'clone',
      score: 0.6,
      signals,
      evidence: [1, 2, 3],
      explanation: ['10 ads near-identical'],
    });
    const none = await upsertAlert(t.handle.db, {
      siteId,
      candidateDomainId: await candidate('jardin.test'),
      verdict: 'unrelated',
      score: 0.1,
      signals,
      evidence: [],
      explanation: [],
    });
    expect(none.outcome).toBe('not-raised');

    expect((await listAlerts(t.handle.db)).map((a) => a.verdict)).toEqual(['clone', 'related']);
    expect((await listAlerts(t.handle.db, { verdict: 'related' })).map((a) => a.id)).toEqual([rel.alert!.id]);
    expect((await listAlerts(t.handle.db, { verdict: 'clone' })).map((a) => a.id)).toEqual([clone.alert!.id]);
    await expect(listAlerts(t.handle.db, { verdict: 'twin' as never })).rejects.toBeInstanceOf(InvalidRequestError);

    const json = JSON.parse((await exportAlerts(t.handle.db, { format: 'json', by: 'a' })).body) as {
      verdict: string;
    }[];
    expect(json.map((a) => a.verdict)).toEqual(['clone', 'related']);
    const onlyRelated = await exportAlerts(t.handle.db, { format: 'csv', filter: { verdict: 'related' }, by: 'a' });
    expect(onlyRelated.count).toBe(1);
    expect(onlyRelated.body).toContain('forum-voisins.test');
    expect(onlyRelated.body).not.toContain('menage-pro2.test');
    const stix = await exportAlerts(t.handle.db, { format: 'stix', filter: { verdict: 'related' }, by: 'a' });
    expect(stix.body).toContain('verdict:related');
    expect(stix.body).not.toContain('verdict:clone');
  });

  it('keeps a dismissed related alert dismissed on the same evidence and reopens it only when materially stronger', async () => {
    const candidateDomainId = await candidate('annuaire-services.test');
    const input = {
      siteId,
      candidateDomainId,
      verdict: 'related' as const,
      score: 0.3,
      signals,
      evidence: [1, 2],
      explanation: ['shares 2 of 30 advertisers'],
    };
    const { alert } = await upsertAlert(t.handle.db, input);
    await decideAlert(t.handle.db, alert!.id, { status: 'dismissed', reviewer: 'analyste.b', note: 'annuaire' });
    expect((await upsertAlert(t.handle.db, input)).outcome).toBe('unchanged');
    expect((await upsertAlert(t.handle.db, { ...input, score: 0.35, evidence: [1, 2, 3] })).outcome).toBe(
      'kept-dismissed',
    );
    expect((await getAlert(t.handle.db, alert!.id)).status).toBe('dismissed');
    expect((await upsertAlert(t.handle.db, { ...input, score: 0.42, evidence: [1, 2, 3] })).outcome).toBe('reopened');
    expect((await getAlert(t.handle.db, alert!.id)).status).toBe('open');
  });

  it('freezes the evidence an analyst decided on; later evidence is added beside it, audited', async () => {
    const candidateDomainId = await candidate('menage-pro-bis.test');
    const seen = {
      siteId,
      candidateDomainId,
      verdict: 'clone' as const,
      score: 0.7,
      signals,
      evidence: [{ kind: 'near-identical-ad', distance: 3 }],
      explanation: ['8 ads near-identical'],
    };
    const { alert } = await upsertAlert(t.handle.db, seen);
    await decideAlert(t.handle.db, alert!.id, { status: 'confirmed', reviewer: 'analyste.c', note: 'mêmes annonces' });
    const later = {
      ...seen,
      score: 0.9,
      evidence: [...seen.evidence, { kind: 'shared-pivot' }],
      explanation: ['more'],
    };
    expect((await upsertAlert(t.handle.db, later)).outcome).toBe('updated');

    const [decision] = await listDecisions(t.handle.db, alert!.id);
    expect(decision).toMatchObject({
      status: 'confirmed',
      reviewer: 'analyste.c',
      score: 0.7,
      evidence: seen.evidence,
      explanation: seen.explanation,
      verdict: 'clone',
    });
    const now = await getAlert(t.handle.db, alert!.id);
    expect(now).toMatchObject({ status: 'confirmed', score: 0.9, explanation: ['more'] });
    const trail = await listAudit(t.handle.db, { subjectType: 'alert', subjectId: alert!.id });
    expect(trail.map((a) => a.action)).toEqual(['alert.created', 'alert.confirmed', 'alert.updated']);
    expect(trail[1].details).toMatchObject({ decisionId: decision.id, score: 0.7 });
    expect(trail[2].details).toMatchObject({ besideDecision: 'confirmed', score: { from: 0.7, to: 0.9 } });

    // The frozen record cannot be rewritten, even by hand.
    await expect(
      t.handle.db.execute(sql`update alert_decisions set score = 0 where id = ${decision.id}`),
    ).rejects.toThrow();
    expect((await listDecisions(t.handle.db, alert!.id))[0].score).toBe(0.7);
  });

  it('notifies a clone once: when raised, and when an open related alert becomes a clone; never a related alert', async () => {
    const db = t.handle.db;
    const outbox = async () =>
      rows(await db.execute(sql`select event, payload from notification_outbox order by id`)).map(
        (r) =>
          [
            r.event,
            (r.payload as { alertId: number }).alertId,
            (r.payload as { upgradedFrom?: string }).upgradedFrom,
          ] as const,
      );
    const before = (await outbox()).length;
    const domainId = await candidate('repertoire-artisans.test');
    const base = {
      siteId,
      candidateDomainId: domainId,
      signals,
      evidence: [{ kind: 'shared-contact' }],
      explanation: ['x'],
    };
    const related = await upsertAlert(db, { ...base, verdict: 'related', score: 0.4 });
    expect((await outbox()).length).toBe(before);
    const clone = await upsertAlert(db, {
      ...base,
      verdict: 'clone',
      score: 0.8,
      evidence: [{ kind: 'shared-contact' }, { kind: 'layout' }],
    });
    expect(clone.outcome).toBe('updated');
    expect((await outbox()).slice(before)).toEqual([['alert.created', related.alert!.id, 'related']]);
    await upsertAlert(db, {
      ...base,
      verdict: 'clone',
      score: 0.85,
      evidence: [{ kind: 'shared-contact' }, { kind: 'layout' }],
    });
    expect((await outbox()).length).toBe(before + 1);
  });
});

function rows(result: unknown): Record<string, unknown>[] {
  return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<
    string,
    unknown
  >[];
}
