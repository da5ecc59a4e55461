/**
 * The same synthetic day on the queue: a fresh Postgres database, `FEED_WORKERS` `phenix worker` processes (the real
 * CLI, as a unit would run them), the feed ingested, one cycle sent and followed to its end. Screening is timed from
 * the first batch job's start to the last one's end (pg-boss's own timestamps); memory is the sum of the bench
 * process and every worker, sampled.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { parseConfig } from '../../config/index.ts';
import { listAlerts, openDatabase, syncSites } from '../../db/index.ts';
import { demoConfigYaml } from '../../demo/index.ts';
import { ingestFeed, scorerFromDatabase } from '../../feeds/index.ts';
import { siteSpecsFromConfig } from '../../monitor/index.ts';
import { BOSS_SCHEMA, enqueueCycle, openBoss, waitForCycle } from '../../queue/index.ts';
import { type RunningPhenix, startPhenix, waitFor } from '../../test/helpers/cli.ts';
import { createServerDatabase } from '../../test/helpers/db.ts';
import { demoContext, importDemoSnapshots } from '../../test/helpers/monitor.ts';
import { startDay } from './feed-day.ts';

export interface QueuedDayRun {
  names: number;
  workers: number;
  ingestS: number;
  screenS: number;
  cycleS: number;
  found: number;
  clones: number;
  feedCrawls: number;
  peakMb: number;
}

const rssOf = (pid: number | undefined): number => {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

export async function runQueuedDay(count: number, clones: string[], workerCount: number, dir: string) {
  const day = await startDay(count, clones);
  const server = await createServerDatabase();
  const handle = await openDatabase({ url: server.url, migrate: true });
  const workers: RunningPhenix[] = [];
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, rssOf(process.pid) + workers.reduce((n, w) => n + rssOf(w.child.pid), 0));
  };
  const sampler = setInterval(sample, 200);
  try {
    const yaml = [
      demoConfigYaml(day.running, { mode: 'http', evidenceDir: join(dir, 'evidence'), databaseUrl: server.url }),
      'queue:',
      '  enabled: true',
      '  jobTimeoutSeconds: 600',
      '  retryLimit: 2',
      '  retryDelaySeconds: 1',
      '  pollSeconds: 0.5',
      '  maintenanceSeconds: 5',
      'screen:',
      // The local resolver takes any rate; the per-resolver limit protects real ones.
      '  dnsRatePerSecond: 50000',
      '',
    ].join('\n');
    const configPath = join(dir, 'phenix.yaml');
    writeFileSync(configPath, yaml);
    const config = parseConfig(yaml);
    const ctx = { ...demoContext(handle.db, day.running, { dir }), config };
    await syncSites(ctx.db, siteSpecsFromConfig(config));
    await importDemoSnapshots(ctx, day.running);
    for (let i = 0; i < workerCount; i++)
      workers.push(startPhenix(['worker', '--concurrency', '2', '--config', configPath], { LOG_LEVEL: 'warn' }));
    await waitFor(() => workers.every((w) => w.stdout().includes('worker running')), 120_000, 'the workers');

    let started = performance.now();
    await ingestFeed(Readable.from([`${day.names.join('\n')}\n`]), {
      db: ctx.db,
      source: 'file:day',
      detail: 'bench day',
      score: await scorerFromDatabase(ctx.db),
    });
    const ingestS = (performance.now() - started) / 1000;
    started = performance.now();
    const boss = await openBoss({ url: server.url, queue: config.queue, logger: pino({ level: 'silent' }) });
    try {
      const cycleId = await enqueueCycle(boss, { scope: 'all', origin: 'bench:feed' });
      await waitForCycle(handle.db, boss, cycleId, { pollMs: 250 });
      const cycleS = (performance.now() - started) / 1000;
      const db = boss.getDb();
      const { rows: span } = await db.executeSql(
        `select extract(epoch from max(completed_on) - min(started_on))::float8 as s from ${BOSS_SCHEMA}.job
          where name = 'screen' and data->>'kind' = 'batch' and data->>'cycleId' = $1`,
        [cycleId],
      );
      const { rows: crawls } = await db.executeSql(
        `select count(*)::int as n from crawl_runs r join domains d on d.id = r.domain_id
          where r.cycle_id = $1 and d.source = 'feed'`,
        [cycleId],
      );
      const alerted = new Set((await listAlerts(ctx.db)).map((a) => a.candidate));
      sample();
      return {
        names: count,
        workers: workerCount,
        ingestS,
        screenS: Number(span[0]?.s ?? 0),
        cycleS,
        found: clones.filter((c) => alerted.has(c)).length,
        clones: clones.length,
        feedCrawls: crawls[0].n as number,
        peakMb: peak,
      } satisfies QueuedDayRun;
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  } finally {
    clearInterval(sampler);
    for (const w of workers) w.child.kill('SIGTERM');
    for (const w of workers) await w.exited;
    await handle.close();
    await server.drop();
    await day.close();
  }
}
