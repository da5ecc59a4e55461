/**
 * End to end on both databases: a copy of the demo's photo-only clone (new template, texts, phones and trackers;
 * the monitored site's ad photos only on its ad pages, its home page's thumbnails not served), known only to a
 * feed, becomes an alert after one cycle because screening's second look (screen.probePages) fetched one of its ad
 * pages; its landing page alone shows nothing of the monitored site.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listCandidates } from '../../../db/index.ts';
import { ingestFeed, scorerFromDatabase } from '../../../feeds/index.ts';
import { type MonitorContext, runCycle } from '../../../monitor/index.ts';
import { DB_KINDS } from '../../helpers/db.ts';
import { PHOTO_ONLY_CLONE, universeWithPhotoOnlyClone } from '../../helpers/hidden-clone.ts';
import { startDemoMonitor } from '../../helpers/monitor.ts';

describe.each(DB_KINDS)('a photo-only clone found by the second look (%s)', (kind) => {
  let ctx: MonitorContext;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ ctx, close } = await startDemoMonitor(kind, { universe: universeWithPhotoOnlyClone() }));
  });
  afterAll(async () => {
    await close?.();
  });

  it('escalates it on a linked ad page and raises the alert in the same cycle', async () => {
    expect(ctx.config.screen.probePages).toBe(2);
    await ingestFeed(Readable.from([`${PHOTO_ONLY_CLONE}\njamais-enregistre-9.test\n`]), {
      db: ctx.db,
      source: 'file:day.txt',
      detail: 'feed day.txt',
      score: await scorerFromDatabase(ctx.db),
    });
    const summary = await runCycle(ctx);
    expect(summary.screening.escalatedNames).toEqual([PHOTO_ONLY_CLONE]);
    expect(summary.screening.probed).toBeGreaterThanOrEqual(1);
    const row = (await listCandidates(ctx.db, { source: 'feed' })).find((c) => c.hostname === PHOTO_ONLY_CLONE);
    expect(row).toMatchObject({ screenState: 'escalated', active: true });
    expect(row?.screenReason).toMatch(
      new RegExp(`^like services-domicile: ad photo .*\\(on http://${PHOTO_ONLY_CLONE}/ad/\\d+, a page linked`),
    );
    expect((await listAlerts(ctx.db)).map((a) => a.candidate)).toContain(PHOTO_ONLY_CLONE);
  }, 600_000);
});
