/**
 * A zone-diff day end to end (embedded database): yesterday's and today's `.test` zone files (master-file format,
 * today's not sorted, so it goes through the external sort), `feeds diff` keeps only today's new delegations, they
 * are ingested as a feed and one cycle screens them: the clones hidden under unrelated names among them are
 * escalated and raise alerts; names delegated yesterday already are not fed again, the others are screened and
 * never crawled.
 */
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAlerts, listCandidates, syncSites } from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { diffZoneFiles, ingestFeed, scorerFromDatabase } from '../../../feeds/index.ts';
import { type MonitorContext, runCycle, siteSpecsFromConfig } from '../../../monitor/index.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { HIDDEN_CLONE, OTHER_HIDDEN_CLONE, universeWithHiddenClone } from '../../helpers/hidden-clone.ts';
import { demoContext, importDemoSnapshots } from '../../helpers/monitor.ts';

const zone = (names: string[]) =>
  [
    '$ORIGIN test.',
    '$TTL 86400',
    '@ IN SOA ns1.registre.test. hostmaster.registre.test. ( 2026120601 7200 3600 1209600 3600 )',
    '@ IN NS ns1.registre.test.',
    ...names.flatMap((n) => [
      `${n.replace(/\.test$/, '')} 3600 IN NS ns1.hebergeur.test.`,
      `${n}. 3600 IN NS ns2.hebergeur.test.`,
    ]),
    '',
  ].join('\n');

describe('a zone-diff day into screening (embedded)', () => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;
  beforeAll(async () => {
    universe = await startUniverse({ universe: universeWithHiddenClone([HIDDEN_CLONE, OTHER_HIDDEN_CLONE]) });
    t = await createTestDatabase('embedded');
    ctx = demoContext(t.handle.db, universe);
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
  });
  afterAll(async () => {
    await t?.drop();
    await universe?.close();
  });

  it('escalates the hidden clones among the day’s new delegations, and only feeds the new ones', async () => {
    const yesterday = ['ancien-plombier.test', 'deja-delegue.test', 'vieux-jardin.test'];
    const fresh = ['jamais-enregistre-5.test', 'jamais-enregistre-6.test', HIDDEN_CLONE, OTHER_HIDDEN_CLONE];
    const dir = mkdtempSync(join(tmpdir(), 'phenix-zone-day-'));
    writeFileSync(join(dir, 'test-2026-12-05.zone.gz'), gzipSync(zone([...yesterday].sort())));
    // Today's file comes in no particular order.
    writeFileSync(
      join(dir, 'test-2026-12-06.zone'),
      zone(['vieux-jardin.test', fresh[2], 'ancien-plombier.test', fresh[0], fresh[3], 'deja-delegue.test', fresh[1]]),
    );
    const diff = await diffZoneFiles(join(dir, 'test-2026-12-05.zone.gz'), join(dir, 'test-2026-12-06.zone'), {
      chunkNames: 2,
    });
    expect(diff.sorted).toContain('new');
    const report = await ingestFeed(createReadStream(diff.file), {
      db: ctx.db,
      source: 'zone-diff:test-2026-12-06.zone',
      detail: 'zone diff test-2026-12-05 → test-2026-12-06',
      score: await scorerFromDatabase(ctx.db),
    });
    await diff.cleanup();
    expect(report).toMatchObject({ names: 4, newNames: 4, errors: 0 });

    const summary = await runCycle(ctx);
    expect(summary.screening.names).toBe(4);
    expect([...summary.screening.escalatedNames].sort()).toEqual([HIDDEN_CLONE, OTHER_HIDDEN_CLONE].sort());
    const alerts = (await listAlerts(ctx.db)).map((a) => a.candidate);
    expect(alerts).toEqual(expect.arrayContaining([HIDDEN_CLONE, OTHER_HIDDEN_CLONE]));
    const rows = await listCandidates(ctx.db, { source: 'feed' });
    expect(rows.map((c) => c.hostname).sort()).toEqual([...fresh].sort());
    for (const name of fresh.slice(0, 2))
      expect(rows.find((c) => c.hostname === name)).toMatchObject({ screenState: 'nxdomain', lastCrawledAt: null });
  }, 600_000);
});
