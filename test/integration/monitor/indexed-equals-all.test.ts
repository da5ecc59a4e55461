/**
 * One answer whatever the path: on the evaluation corpus, the indexed comparison (queue mode, compareProfileIndexed:
 * ads within the detector's own distance, layouts, pivots, contacts) raises exactly the clone alerts — and the related
 * ones — that the all-by-all comparison finds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { getSiteByName, listAlerts, saveProfile, syncSites } from '../../../db/index.ts';
import { contacts, domains } from '../../../db/schema/index.ts';
import { buildCorpusStats, compareProfiles, DETECTOR_VERSION, type SiteProfile } from '../../../detector/index.ts';
import { compareProfileIndexed, profileFingerprints } from '../../../monitor/index.ts';
import { buildProfiles, prepareUniverse } from '../../eval/evaluate.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

describe('indexed comparison on the evaluation corpus', () => {
  let t: TestDatabase;
  const prepared = prepareUniverse();
  const profiles = buildProfiles(prepared);
  const seeds = prepared.universe.sites.filter((s) => s.role === 'seed');
  const others = prepared.universe.sites.filter((s) => s.role !== 'seed');
  const config = parseConfig(
    `sites:\n${seeds.map((s) => `  - name: ${s.name}\n    status: convicted\n    caseRef: EVAL\n    domains: [${s.spec.domain}]\n`).join('')}`,
  );
  const profileIds = { sites: [] as number[], candidates: [] as number[] };

  beforeAll(async () => {
    t = await createTestDatabase('postgres');
    const db = t.handle.db;
    await syncSites(
      db,
      seeds.map((s) => ({
        name: s.name,
        status: 'convicted',
        caseRef: 'EVAL',
        region: 'FR',
        notes: '',
        domains: [s.spec.domain],
      })),
    );
    const store = async (subject: { siteId: number } | { domainId: number }, domainId: number, p: SiteProfile) => {
      const row = await saveProfile(
        db,
        subject,
        { pageCount: p.pageCount, data: p as unknown as Record<string, unknown>, detectorVersion: DETECTOR_VERSION },
        profileFingerprints(p),
      );
      // The contacts index, as crawls fill it (one row per domain and contact).
      if (p.contacts.length)
        await db
          .insert(contacts)
          .values(p.contacts.map((c) => ({ domainId, kind: c.kind, value: c.value })))
          .onConflictDoNothing();
      return row.id;
    };
    for (const s of seeds) {
      const site = await getSiteByName(db, s.name);
      profileIds.sites.push(await store({ siteId: site.id }, site.domains[0].id, profiles.get(s.name)!));
    }
    for (const s of others) {
      const origin = s.of ? (await getSiteByName(db, s.of)).id : null;
      const [d] = await db
        .insert(domains)
        .values({ hostname: s.spec.domain, role: 'candidate', source: 'lookalike', originSiteId: origin })
        .returning();
      profileIds.candidates.push(await store({ domainId: d.id }, d.id, profiles.get(s.name)!));
    }
  }, 240_000);
  afterAll(async () => {
    await t?.drop();
  });

  it('raises the same clone and related alerts as the all-by-all comparison', async () => {
    const expected = { clone: [] as string[], related: [] as string[] };
    // All-by-all with the same corpus statistics the monitor reads (every stored profile): one answer whatever the path.
    const stats = buildCorpusStats(profiles.values());
    // Every monitored site's profile, which the monitor reads each candidate against at once (merged boards).
    const references = seeds.map((s) => profiles.get(s.name)!);
    for (const c of others)
      for (const s of seeds) {
        const verdict = compareProfiles(
          profiles.get(s.name)!,
          profiles.get(c.name)!,
          undefined,
          stats,
          references,
        ).verdict;
        if (verdict !== 'unrelated') expected[verdict].push(`${s.name} ← ${c.spec.domain}`);
      }
    // Both directions, as the queue does: a profile job per candidate, a compare job per monitored site.
    let compared = 0;
    for (const id of [...profileIds.candidates, ...profileIds.sites])
      compared += (await compareProfileIndexed(t.handle.db, config, id)).compared;
    const alerts = await listAlerts(t.handle.db);
    const found = (v: string) =>
      alerts
        .filter((a) => a.verdict === v)
        .map((a) => `${a.site} ← ${a.candidate}`)
        .sort();
    expect(expected.clone.length).toBeGreaterThan(20);
    expect(found('clone')).toEqual(expected.clone.sort());
    expect(found('related')).toEqual(expected.related.sort());
    // The index narrows the work: far fewer comparisons than every candidate × every site, both ways.
    expect(compared).toBeLessThan(2 * others.length * seeds.length);
    console.log(
      `indexed: ${compared} comparisons (both directions) against ${others.length * seeds.length} pairs all-by-all; ` +
        `${expected.clone.length} clones, ${expected.related.length} related`,
    );
  }, 240_000);
});
