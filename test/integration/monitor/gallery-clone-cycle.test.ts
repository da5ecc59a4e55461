/**
 * On both databases: five photo-only galleries of Services Domicile (its ad photos re-encoded, a caption per photo,
 * no ad text, no phone) are online at once, imported as candidates. One cycle profiles them (a gallery of ad photos
 * is content) and judges each a clone through the photo rule: the five copies are one family, so their photos are
 * not taken for a stock set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, upsertCandidates } from '../../../db/index.ts';
import { type MonitorContext, runCycle } from '../../../monitor/index.ts';
import { DB_KINDS } from '../../helpers/db.ts';
import { GALLERY_CLONES, universeWithGalleryClones } from '../../helpers/hidden-clone.ts';
import { startDemoMonitor } from '../../helpers/monitor.ts';

describe.each(DB_KINDS)('photo-only gallery clones, five copies online (%s)', (kind) => {
  let ctx: MonitorContext;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ ctx, close } = await startDemoMonitor(kind, { universe: universeWithGalleryClones(GALLERY_CLONES) }));
  }, 120_000);
  afterAll(async () => {
    await close?.();
  });

  it('alerts on every copy as a clone of Services Domicile, on its shared photos', async () => {
    expect(GALLERY_CLONES).toHaveLength(5);
    await upsertCandidates(
      ctx.db,
      GALLERY_CLONES.map((hostname) => ({ hostname, source: 'import' as const, sourceDetail: 'test' })),
    );
    await runCycle(ctx);
    const alerts = (await listAlerts(ctx.db)).filter((a) => GALLERY_CLONES.includes(a.candidate));
    expect(alerts.map((a) => `${a.site} ← ${a.candidate}: ${a.verdict}`).sort()).toEqual(
      GALLERY_CLONES.map((c) => `services-domicile ← ${c}: clone`).sort(),
    );
  }, 600_000);
});
