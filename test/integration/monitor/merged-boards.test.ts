/**
 * Boards merged into one site, through the monitor: a candidate holding about half of each of two monitored boards is
 * a clone of both, by the all-by-all comparison (compareAll) and by the indexed one (compareProfileIndexed), which
 * both read it against every monitored site's stored profile (monitor/corpus-stats.ts storedReferences). On the
 * embedded database, as a fresh machine runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { getAlert, getSiteByName, listAlerts, saveProfile, syncSites } from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { DETECTOR_VERSION, type SiteProfile } from '../../../detector/index.ts';
import { compareAll, compareProfileIndexed, profileFingerprints } from '../../../monitor/index.ts';
import type { BuiltProfile } from '../../../monitor/profiles.ts';
import { board, copied, fingerprints } from '../../helpers/boards.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const next = fingerprints(11);
const fresh = (n: number) => Array.from({ length: n }, () => next());
const adsA = fresh(20);
const adsB = fresh(20);
const SITES = [
  { name: 'ancien-a', domain: 'ancien-a.test', profile: board('ancien-a', adsA) },
  { name: 'ancien-b', domain: 'ancien-b.test', profile: board('ancien-b', adsB) },
];
// 12 of A's 20 ads, 10 of B's 20, 2 new; and a rival with 8 of each and 8 of its own.
const MERGED = board('fusion.test', [...copied(adsA.slice(0, 12)), ...copied(adsB.slice(0, 10)), ...fresh(2)]);
const RIVAL = board('rival.test', [...copied(adsA.slice(0, 8)), ...copied(adsB.slice(0, 8)), ...fresh(8)]);

describe('boards merged into one site, in the monitor', () => {
  let t: TestDatabase;
  const config = parseConfig(
    `sites:\n${SITES.map((s) => `  - name: ${s.name}\n    status: convicted\n    caseRef: FUSION\n    domains: [${s.domain}]\n`).join('')}`,
  );
  const built: BuiltProfile[] = [];

  beforeAll(async () => {
    t = await createTestDatabase('embedded');
    const db = t.handle.db;
    await syncSites(
      db,
      SITES.map((s) => ({
        name: s.name,
        status: 'convicted',
        caseRef: 'FUSION',
        region: 'FR',
        notes: '',
        domains: [s.domain],
      })),
    );
    const store = (subject: { siteId: number } | { domainId: number }, p: SiteProfile) =>
      saveProfile(
        db,
        subject,
        { pageCount: p.pageCount, data: p as unknown as Record<string, unknown>, detectorVersion: DETECTOR_VERSION },
        profileFingerprints(p),
      );
    for (const s of SITES) {
      const site = await getSiteByName(db, s.name);
      const row = await store({ siteId: site.id }, s.profile);
      built.push({
        subject: { kind: 'site', label: s.name, siteId: site.id, domain: null, hostnames: [s.domain], captures: [] },
        profile: s.profile,
        row,
      });
    }
    for (const p of [MERGED, RIVAL]) {
      const [d] = await db.insert(domains).values({ hostname: p.site, role: 'candidate', source: 'feed' }).returning();
      const row = await store({ domainId: d.id }, p);
      built.push({
        subject: { kind: 'candidate', label: p.site, siteId: null, domain: d, hostnames: [], captures: [] },
        profile: p,
        row,
      });
    }
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  const verdicts = async () =>
    (await listAlerts(t.handle.db)).map((a) => `${a.site} ← ${a.candidate}: ${a.verdict}`).sort();

  it('all-by-all: a clone of both boards, explained by the merge; the rival is not', async () => {
    const report = await compareAll(t.handle.db, config, built);
    expect(report.clones.map((c) => `${c.site} ← ${c.candidate}`).sort()).toEqual([
      'ancien-a ← fusion.test',
      'ancien-b ← fusion.test',
    ]);
    const clone = report.clones.find((c) => c.site === 'ancien-a')!;
    const line = (await getAlert(t.handle.db, clone.alertId!)).explanation.at(-1);
    expect(line).toContain('by the rule "boards merged into one site"');
    expect(line).toContain('ancien-b (42 % of the candidate, 50 % of it on the candidate)');
  });

  it('indexed: the same verdicts from the candidate profile job', async () => {
    const before = await verdicts();
    const candidateRow = built.find((b) => b.profile === MERGED)!.row;
    const rivalRow = built.find((b) => b.profile === RIVAL)!.row;
    const report = await compareProfileIndexed(t.handle.db, config, candidateRow.id);
    await compareProfileIndexed(t.handle.db, config, rivalRow.id);
    expect(report.compared).toBe(2);
    expect(await verdicts()).toEqual(before);
    expect(before.filter((v) => v.endsWith('clone'))).toHaveLength(2);
  });

  it('forgets a board taken out of the configuration', async () => {
    const [a] = SITES;
    await syncSites(t.handle.db, [
      { name: a.name, status: 'convicted', caseRef: 'FUSION', region: 'FR', notes: '', domains: [a.domain] },
    ]);
    const report = await compareAll(
      t.handle.db,
      config,
      built.filter((b) => b.subject.label !== 'ancien-b'),
    );
    expect(report.clones).toEqual([]);
    expect(await verdicts()).toContain('ancien-a ← fusion.test: related');
  });
});
