/**
 * End to end on both databases: names come in the three ways `phenix serve` takes them (a file as with
 * `feeds ingest`, the drop folder, a certstream-format WebSocket server, its client restarted mid-stream) and one
 * cycle (`phenix run --once`) turns the clones hidden under unrelated names, present only in those feeds, into
 * alerts: screened (DNS at the universe's UDP resolver, one landing page, lookup against the monitored sites),
 * escalated, crawled and compared. Every other feed name gets a screening result and reason and is never crawled;
 * each name is recorded once whatever way and however often it came.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { listAlerts, listCandidates, listFeedSources, syncSites } from '../../../db/index.ts';
import { type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { ingestFeed, scorerFromDatabase, startCertstream, startDropFolder } from '../../../feeds/index.ts';
import { type MonitorContext, runCycle, siteSpecsFromConfig } from '../../../monitor/index.ts';
import { waitFor } from '../../helpers/cli.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';
import { HIDDEN_CLONE, OTHER_HIDDEN_CLONE, universeWithHiddenClone } from '../../helpers/hidden-clone.ts';
import { demoContext, importDemoSnapshots } from '../../helpers/monitor.ts';

const certificate = (domains: string[]) =>
  JSON.stringify({ message_type: 'certificate_update', data: { leaf_cert: { all_domains: domains } } });

describe.each(DB_KINDS)('feeds to alerts in one cycle (%s)', (kind) => {
  let universe: RunningUniverse;
  let t: TestDatabase;
  let ctx: MonitorContext;
  let certServer: WebSocketServer;
  let connections = 0;

  beforeAll(async () => {
    universe = await startUniverse({ universe: universeWithHiddenClone([HIDDEN_CLONE, OTHER_HIDDEN_CLONE]) });
    t = await createTestDatabase(kind);
    ctx = demoContext(t.handle.db, universe);
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, universe);
    certServer = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((r) => certServer.once('listening', r));
    certServer.on('connection', (socket) => {
      connections++;
      // Every connection gets the hidden clone's certificate: the second client sees it again after the restart.
      socket.send(certificate([`*.${HIDDEN_CLONE}`, HIDDEN_CLONE]));
      if (connections > 1) socket.send(certificate(['jamais-enregistre-4.test']));
    });
  });
  afterAll(async () => {
    certServer?.close();
    await t?.drop();
    await universe?.close();
  });

  it('turns the clones found only in feeds into alerts and gives every other feed name a reason', async () => {
    const score = await scorerFromDatabase(ctx.db);
    const file = ['# a day of new names', 'jamais-enregistre-1.test', 'jamais-enregistre-2.test', 'bad name!'];
    const report = await ingestFeed(Readable.from([file.join('\n')]), {
      db: ctx.db,
      source: 'file:day.txt',
      detail: 'feed day.txt',
      score,
    });
    expect(report).toMatchObject({ names: 2, newNames: 2, errors: 1 });
    expect(report.problems[0].line).toBe(4);

    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-'));
    writeFileSync(join(dir, 'nrd-2026-11-30.txt.gz'), gzipSync(`jamais-enregistre-3.test\n${OTHER_HIDDEN_CLONE}\n`));
    const drop = startDropFolder({
      db: ctx.db,
      dir,
      pollMs: 60_000,
      settleMs: 0,
      logger: ctx.logger,
      score: async () => score,
    });
    await drop.scan();
    await drop.stop();

    // The certstream client is stopped after the first certificate (a service restart) and started again.
    const url = `ws://127.0.0.1:${(certServer.address() as AddressInfo).port}/`;
    const client = () =>
      startCertstream({ db: ctx.db, url, logger: ctx.logger, score, backoffMs: 50, maxBackoffMs: 200, flushMs: 50 });
    const feedNames = async () => (await listCandidates(ctx.db, { source: 'feed' })).map((c) => c.hostname);
    const first = client();
    await waitFor(async () => (await feedNames()).includes(HIDDEN_CLONE), 10_000, 'the first certificate');
    await first.stop();
    const second = client();
    await waitFor(async () => (await feedNames()).includes('jamais-enregistre-4.test'), 10_000, 'the second client');
    await second.stop();

    const summary = await runCycle(ctx);
    expect(summary.screening.names).toBe(6);
    expect([...summary.screening.escalatedNames].sort()).toEqual([OTHER_HIDDEN_CLONE, HIDDEN_CLONE].sort());

    const alerts = (await listAlerts(ctx.db)).map((a) => a.candidate);
    expect(alerts).toEqual(expect.arrayContaining([HIDDEN_CLONE, OTHER_HIDDEN_CLONE]));
    const rows = await listCandidates(ctx.db, { source: 'feed' });
    expect(rows.map((c) => c.hostname).sort()).toEqual(
      [1, 2, 3, 4]
        .map((i) => `jamais-enregistre-${i}.test`)
        .concat([OTHER_HIDDEN_CLONE, HIDDEN_CLONE])
        .sort(),
    );
    const candidates = new Map(rows.map((c) => [c.hostname, c]));
    for (const clone of [HIDDEN_CLONE, OTHER_HIDDEN_CLONE]) {
      expect(candidates.get(clone)).toMatchObject({ screenState: 'escalated', active: true, screenCount: 1 });
      expect(candidates.get(clone)?.lastCrawledAt).not.toBeNull();
    }
    for (const i of [1, 2, 3, 4]) {
      const name = `jamais-enregistre-${i}.test`;
      expect(candidates.get(name)).toMatchObject({ screenState: 'nxdomain', active: false, lastCrawledAt: null });
      expect(candidates.get(name)?.screenReason).toMatch(/NXDOMAIN/);
      expect(candidates.get(name)?.nextScreenAt?.getTime()).toBeGreaterThan(Date.now());
    }
    const sources = new Map((await listFeedSources(ctx.db)).map((s) => [s.name, s]));
    expect(sources.get('file:day.txt')).toMatchObject({ namesIn: 2, namesNew: 2, errors: 1 });
    expect(sources.get('drop:nrd-2026-11-30.txt.gz')).toMatchObject({ namesIn: 2, namesNew: 2, errors: 0 });
    // The certificate seen by both clients counts as seen twice, new once.
    expect(sources.get(`certstream:${url}`)).toMatchObject({ namesIn: 3, namesNew: 2 });
    // Only the escalated feed names were crawled: the funnel spent no crawl on the others.
    expect(summary.crawls.map((c) => c.target)).not.toContain('jamais-enregistre-1.test');
  }, 600_000);
});
