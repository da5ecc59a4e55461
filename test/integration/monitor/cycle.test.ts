import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countCaptures,
  decideAlert,
  getProfiles,
  getSiteByName,
  latestProfileIds,
  listAlerts,
  listCandidates,
  listDnsEvents,
  listDomains,
  listSites,
  releaseLease,
  syncSites,
  tryAcquireLease,
} from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import {
  compareProfileIndexed,
  type MonitorContext,
  runCycle,
  siteSpecsFromConfig,
  startScheduler,
} from '../../../monitor/index.ts';
import { adWordsOf, compareAdTexts, containsRun } from '../../../review/diff.ts';
import { evidenceView } from '../../../review/pages/evidence-view.ts';
import { demoAdPairs } from '../../helpers/ad-pairs.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { demoContext, expectedPairs, importDemoSnapshots } from '../../helpers/monitor.ts';

const pairs = (alerts: { site: string; candidate: string }[]) => alerts.map((a) => `${a.site} ← ${a.candidate}`).sort();

describe('a monitoring cycle on the demo universe (Postgres, HTTP mode)', () => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;

  beforeAll(async () => {
    universe = await startUniverse();
    t = await createTestDatabase('postgres');
    ctx = demoContext(t.handle.db, universe);
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
  });
  afterAll(async () => {
    await t?.drop();
    await universe?.close();
  });

  it('raises exactly the expected clone alerts, with explanations, and none on the decoys', async () => {
    const summary = await runCycle(ctx);
    const alerts = await listAlerts(ctx.db);
    // Decoys may be raised as `related` (open, for review), never as clones.
    const clones = alerts.filter((a) => a.verdict === 'clone');
    expect(pairs(clones)).toEqual(expectedPairs(universe));
    expect(alerts.every((a) => a.verdict !== 'unrelated' && a.status === 'open')).toBe(true);
    expect(summary.comparisons.outcomes.created).toBe(alerts.length);
    expect(summary.stoppedEarly).toBe(false);
  }, 180_000);

  it('compares near-identical ads whole: nothing struck out is in the other side’s stored text (issue 20)', async () => {
    // The clone announcing its move kept every ad word for word under a banner; excerpts cut at different places
    // once struck out "Contactez Inès au 06 39 98 42 08", which its stored text holds.
    const pairs = await demoAdPairs(ctx.db);
    expect(pairs.length).toBeGreaterThan(10);
    for (const { alert, pair, storedCandidate } of pairs) {
      expect(pair.candidate.text).toBe(storedCandidate);
      const c = compareAdTexts(pair.reference, pair.candidate);
      const candidateWords = adWordsOf({ text: storedCandidate ?? '' }).words;
      const referenceWords = adWordsOf(pair.reference).words;
      for (const s of c.reference) {
        if (s.kind === 'changed') expect(containsRun(candidateWords, s.words), s.words.join(' ')).toBe(false);
        expect(s.kind).not.toBe('uncompared');
      }
      for (const s of c.candidate) {
        if (s.kind === 'changed') expect(containsRun(referenceWords, s.words), s.words.join(' ')).toBe(false);
      }
      const page = evidenceView([pair]).toString();
      expect(page).toContain(`${c.sharedWords} of ${c.referenceWords} words shared`);
      if (alert === 'annonces-maison2.test' && pair.distance === 0) {
        expect(c.sharedWords).toBe(c.referenceWords);
        expect(page).not.toContain('<del>');
        expect(page).toMatch(/<ins>Nous avons déménagé !/);
      }
    }
    expect(pairs.some((p) => p.alert === 'annonces-maison2.test' && p.pair.distance === 0)).toBe(true);
  });

  it('finds the same clones when each profile is compared only with what the indexes link it to', async () => {
    // The queue's compare jobs look counterparts up by fingerprint bands and shared contacts instead of all × all.
    const profiles = await getProfiles(ctx.db, await latestProfileIds(ctx.db));
    const found = new Set<string>();
    let compared = 0;
    for (const p of profiles) {
      const report = await compareProfileIndexed(ctx.db, ctx.config, p.id);
      compared += report.compared;
      for (const c of report.clones) {
        found.add(`${c.site} ← ${c.candidate}`);
        expect(c.outcome).toBe('unchanged');
      }
    }
    expect([...found].sort()).toEqual(expectedPairs(universe));
    const sites = profiles.filter((p) => p.siteId !== null).length;
    expect(compared).toBeLessThan(2 * sites * (profiles.length - sites));
  });

  it('notices the takedown of the seized seed and compares through its stored snapshot', async () => {
    const seized = await getSiteByName(ctx.db, 'annonces-maison');
    expect(seized.liveState).toBe('seized');
    const online = await getSiteByName(ctx.db, 'services-domicile');
    expect(online.liveState).toBe('online');
  });

  it('keeps how each candidate was found: lookalikes, and the clone announced by a "we moved" mention', async () => {
    const candidates = await listCandidates(ctx.db);
    const byName = new Map(candidates.map((c) => [c.hostname, c]));
    expect(byName.get('annonces-maison2.test')?.source).toBe('lookalike');
    expect(byName.get('annonces-maison-bis.test')?.source).toBe('lookalike');
    const moved = byName.get('petites-annonces-services.test');
    expect(moved?.source).toBe('mention');
    expect(moved?.sourceDetail).toMatch(/petites-annonces-services\.test/);
    expect(candidates.every((c) => c.firstSeenAt instanceof Date)).toBe(true);
  });

  it('stores DNS states: NXDOMAIN, NODATA, SERVFAIL and timeouts are not "resolves"', async () => {
    const states = new Map((await listDomains(ctx.db)).map((d) => [d.hostname, d.dnsState]));
    expect(states.get('annonces-maison2.test')).toBe('resolves');
    expect(states.get('annonces-maison3.test')).toBe('nodata');
    expect(states.get('annonces-maison-new.test')).toBe('servfail');
    expect(states.get('annonces-maison1.test')).toBe('timeout');
    expect(states.get('annonces-maison-nouveau.test') ?? 'nxdomain').toBe('nxdomain');
    const [clone] = await listDomains(ctx.db, { hostnames: ['annonces-maison2.test'] });
    expect((await listDnsEvents(ctx.db, clone.id)).map((e) => e.state)).toEqual(['resolves']);
  });

  it('is idempotent: a second cycle adds captures but no alert, and a dismissed alert stays dismissed', async () => {
    const before = await listAlerts(ctx.db);
    const captures = await countCaptures(ctx.db);
    await decideAlert(ctx.db, before[0].id, {
      status: 'dismissed',
      reviewer: 'analyst',
      note: 'test of the reopen rule',
    });
    const summary = await runCycle(ctx);
    expect(summary.comparisons.outcomes.created).toBe(0);
    const after = await listAlerts(ctx.db);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(after.find((a) => a.id === before[0].id)?.status).toBe('dismissed');
    expect(await countCaptures(ctx.db)).toBeGreaterThan(captures);
    const [clone] = await listDomains(ctx.db, { hostnames: ['annonces-maison2.test'] });
    expect(await listDnsEvents(ctx.db, clone.id)).toHaveLength(1);
  });

  it('never crawls a site another process holds, and crawls it once the lease is free', async () => {
    const site = await getSiteByName(ctx.db, 'services-domicile');
    const other = 'other-host:4242:abcd';
    expect(await tryAcquireLease(ctx.db, `site:${site.id}`, other, 60_000)).toBe(true);
    const held = await runCycle(ctx, { scope: 'seeds', sites: ['services-domicile'] });
    expect(held.crawls).toEqual([
      expect.objectContaining({ target: 'services-domicile', skipped: `already being crawled by ${other}` }),
    ]);
    await releaseLease(ctx.db, `site:${site.id}`, other);
    const free = await runCycle(ctx, { scope: 'seeds', sites: ['services-domicile'] });
    expect(free.crawls[0].pagesOk).toBeGreaterThan(0);
  });

  it('skips a scheduled cycle while the same schedule is still queued or running', async () => {
    const scheduler = startScheduler({
      ...ctx,
      config: { ...ctx.config, schedules: { seeds: '0 0 1 1 *', candidates: '0 0 1 1 *' } },
    });
    const first = scheduler.trigger('seeds');
    const second = await scheduler.trigger('seeds');
    expect(second).toBeNull();
    expect((await first)?.crawls.length).toBeGreaterThan(0);
    await scheduler.stop();
  });

  it('monitors a confirmed clone, so a clone of the clone is found', async () => {
    const [alert] = (await listAlerts(ctx.db)).filter((a) => a.candidate === 'annonces-maison2.test');
    await decideAlert(ctx.db, alert.id, { status: 'confirmed', reviewer: 'analyst', note: 'same phones' });
    const summary = await runCycle(ctx, { scope: 'seeds' });
    expect(summary.promoted).toEqual(['annonces-maison2-test']);
    const promoted = (await listSites(ctx.db)).find((s) => s.name === 'annonces-maison2-test');
    expect(promoted?.origin).toBe('promoted');
    expect(promoted?.domains.map((d) => d.hostname)).toEqual(['annonces-maison2.test']);
    const alerts = await listAlerts(ctx.db, { site: 'annonces-maison2-test', verdict: 'clone' });
    expect(alerts.map((a) => a.candidate).sort()).toEqual([
      'annonces-maison-bis.test',
      'petites-annonces-services.test',
    ]);
  });
});
