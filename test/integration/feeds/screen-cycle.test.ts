/**
 * A clone under an unrelated name that only a feed knows becomes an alert after one cycle: the feed name is
 * screened (DNS at the universe's resolver, one landing page, lookup against the monitored sites), escalated,
 * crawled and compared; the other feed names get a screening result and reason and are never crawled.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listCandidates, listFeedSources, syncSites } from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { ingestFeed, scorerFromDatabase } from '../../../feeds/index.ts';
import { type MonitorContext, runCycle, siteSpecsFromConfig } from '../../../monitor/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';
import { HIDDEN_CLONE, universeWithHiddenClone } from '../../helpers/hidden-clone.ts';
import { demoContext, importDemoSnapshots } from '../../helpers/monitor.ts';

const HIDDEN = HIDDEN_CLONE;

describe.each(DB_KINDS)('feed screening inside one cycle (%s)', (kind) => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;

  beforeAll(async () => {
    universe = await startUniverse({ universe: universeWithHiddenClone() });
    t = await createTestDatabase(kind);
    ctx = demoContext(t.handle.db, universe);
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
  });
  afterAll(async () => {
    await t?.drop();
    await universe?.close();
  });

  it('turns the hidden clone into an alert and gives every other feed name a reason', async () => {
    const feed = ['# a day of new names', 'jamais-enregistre-1.test', HIDDEN, 'jamais-enregistre-2.test', 'bad name!'];
    const report = await ingestFeed(Readable.from([feed.join('\n')]), {
      db: ctx.db,
      source: 'file:day.txt',
      detail: 'feed day.txt',
      score: await scorerFromDatabase(ctx.db),
    });
    expect(report).toMatchObject({ names: 3, newNames: 3, errors: 1 });
    expect(report.problems[0].line).toBe(5);

    const summary = await runCycle(ctx);
    expect(summary.screening.names).toBe(3);
    expect(summary.screening.escalatedNames).toEqual([HIDDEN]);

    const alerts = await listAlerts(ctx.db);
    expect(alerts.map((a) => a.candidate)).toContain(HIDDEN);
    const candidates = new Map((await listCandidates(ctx.db, { source: 'feed' })).map((c) => [c.hostname, c]));
    expect(candidates.get(HIDDEN)).toMatchObject({ screenState: 'escalated', active: true });
    expect(candidates.get(HIDDEN)?.lastCrawledAt).not.toBeNull();
    for (const name of ['jamais-enregistre-1.test', 'jamais-enregistre-2.test']) {
      expect(candidates.get(name)).toMatchObject({ screenState: 'nxdomain', active: false, lastCrawledAt: null });
      expect(candidates.get(name)?.screenReason).toMatch(/NXDOMAIN/);
      expect(candidates.get(name)?.nextScreenAt?.getTime()).toBeGreaterThan(Date.now());
    }
    const [source] = await listFeedSources(ctx.db);
    expect(source).toMatchObject({ name: 'file:day.txt', namesIn: 3, namesNew: 3, errors: 1 });
    // Only the escalated feed name was crawled: the funnel spent no crawl on the others.
    expect(summary.crawls.map((c) => c.target)).not.toContain('jamais-enregistre-1.test');
  }, 600_000);
});
