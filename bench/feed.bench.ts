/**
 * `npm run bench:feed`: a synthetic internet day served on this machine, through the funnel and through
 * today's path, side by side. The day: N new names (FEED_NAMES, default 200,000), ~1.5 % of them served — parked
 * pages (providers' template markup from test/fixtures/parking), small unrelated sites, and clones of the demo's
 * monitored site under unrelated names (FEED_CLONES, default 6) — the rest NXDOMAIN at a local DNS server.
 * Funnel: `feeds ingest` then one cycle on the embedded database. Today's path: `candidates import` + one cycle
 * on a smaller day (FEED_OLD_NAMES, default 2,000: every resolving name gets a full crawl, so the full day would
 * take hours). Figures for 2.5 M names are extrapolated from the measured rates and labelled so. FEED_GALLERIES=N
 * (default 0) adds N photo-only galleries of Services Domicile (its ad photos with captions, nothing else) to the day.
 *
 * Goals (the run exits 1 when one is missed):
 *   - the funnel finds every hidden clone and gallery of the day, and today's path every one it is given;
 *   - no alert on a name of the day that is not a clone (parked pages, small unrelated sites);
 *   - with FEED_NAMES ≥ 100,000 only (a smaller day says nothing of the rate): the funnel's extrapolated time for
 *     2.5 M names is under 60 minutes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listAlerts, listDomains, openDatabase, syncSites, upsertCandidates } from '../db/index.ts';
import { ingestFeed, scorerFromDatabase } from '../feeds/index.ts';
import { runCycle, siteSpecsFromConfig } from '../monitor/index.ts';
import { demoContext, importDemoSnapshots } from '../test/helpers/monitor.ts';
import { SERVED_SHARE, startDay } from './lib/feed-day.ts';
import { runQueuedDay } from './lib/feed-queue.ts';
import { fmt, rssMb } from './lib/measure.ts';
import { printTable } from './lib/table.ts';

const NAMES = Number(process.env.FEED_NAMES ?? 200_000);
const OLD_NAMES = Number(process.env.FEED_OLD_NAMES ?? 2_000);
const CLONES = Number(process.env.FEED_CLONES ?? 6);
const GALLERIES = Number(process.env.FEED_GALLERIES ?? 0);
/** With FEED_WORKERS=N (and a Postgres server at TEST_DATABASE_URL), the day also runs on the queue, N workers. */
const WORKERS = Number(process.env.FEED_WORKERS ?? 0);
const DAY = 2_500_000;

interface DayRun {
  label: string;
  names: number;
  ingestS: number;
  cycleS: number;
  dnsS: number;
  fetchS: number;
  /** Linked pages fetched by screening's second look, and landing pages fetched. */
  probed: number;
  fetched: number;
  found: number;
  clones: number;
  feedCrawls: number;
  peakMb: number;
  /** Why each clone not found was missed: its screening result and crawl. */
  missed: string[];
  /** Alerts on names of the day that are not clones. */
  falseAlerts: string[];
}

async function runDay(
  label: string,
  count: number,
  clones: string[],
  mode: 'funnel' | 'old',
  galleries: string[] = [],
): Promise<DayRun> {
  const day = await startDay(count, clones, galleries);
  const hidden = [...clones, ...galleries];
  const { names, running } = day;
  const dir = mkdtempSync(join(tmpdir(), 'phenix-bench-feed-'));
  const handle = await openDatabase({ dataDir: join(dir, 'db') });
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  try {
    const ctx = demoContext(handle.db, running, { dir });
    // The local resolver takes any rate; the per-resolver limit protects real ones.
    ctx.config.screen.dnsRatePerSecond = 50_000;
    await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
    await importDemoSnapshots(ctx, running);
    let started = performance.now();
    if (mode === 'funnel') {
      await ingestFeed(Readable.from([`${names.join('\n')}\n`]), {
        db: ctx.db,
        source: 'file:day',
        detail: 'bench day',
        score: await scorerFromDatabase(ctx.db),
      });
    } else {
      await upsertCandidates(
        ctx.db,
        names.map((hostname) => ({ hostname, source: 'import' as const, sourceDetail: 'bench day' })),
      );
    }
    const ingestS = (performance.now() - started) / 1000;
    started = performance.now();
    const summary = await runCycle(ctx);
    const cycleS = (performance.now() - started) / 1000;
    const alerted = new Set((await listAlerts(ctx.db)).map((a) => a.candidate));
    const fromDay = new Set(names);
    const missed = (await listDomains(ctx.db, { hostnames: hidden.filter((c) => !alerted.has(c)) })).map((d) => {
      const crawl = summary.crawls.find((c) => c.target === d.hostname);
      return `${d.hostname}: screening ${d.screenState ?? '–'} (${d.screenReason ?? 'no reason'}); DNS ${d.dnsState}; ${crawl ? `crawled: ${crawl.pagesOk} page(s) ok, ${crawl.pagesFailed} failed${crawl.error ? `, ${crawl.error}` : ''}` : 'not crawled'}`;
    });
    return {
      missed,
      label,
      names: count,
      ingestS,
      cycleS,
      dnsS: summary.screening.dnsMs / 1000,
      fetchS: summary.screening.fetchMs / 1000,
      probed: summary.screening.probed,
      fetched: summary.screening.fetched,
      found: hidden.filter((c) => alerted.has(c)).length,
      clones: hidden.length,
      falseAlerts: [...alerted].filter((a) => fromDay.has(a) && !hidden.includes(a)),
      feedCrawls: summary.crawls.filter((c) => c.kind === 'candidate' && fromDay.has(c.target)).length,
      peakMb: peak,
    };
  } finally {
    clearInterval(sampler);
    await handle.close();
    await day.close();
  }
}

const clones = Array.from({ length: CLONES }, (_, i) => `verger-calme-${i}.test`);
const galleries = Array.from({ length: GALLERIES }, (_, i) => `galerie-photos-${i}.test`);
console.log(
  `bench:feed — a synthetic day of ${NAMES} names (${CLONES} hidden clones, ${GALLERIES} photo-only galleries), embedded database, 2 cores shared`,
);
const funnel = await runDay('funnel (feeds ingest + run --once)', NAMES, clones, 'funnel', galleries);
const queued =
  WORKERS > 0 ? await runQueuedDay(NAMES, clones, WORKERS, mkdtempSync(join(tmpdir(), 'phenix-bench-queue-'))) : null;
const old = await runDay("today's path (candidates import + run --once)", OLD_NAMES, clones.slice(0, 2), 'old');
const rate = (n: number, s: number) => (s > 0 ? fmt(n / s, 0) : '–');
printTable(
  [
    'path',
    'names',
    'ingest n/s',
    'DNS n/s',
    'landing n/s',
    'end to end n/s',
    'peak MB',
    'clones found',
    'crawls/clone',
  ],
  [funnel, old].map((r) => [
    r.label,
    String(r.names),
    rate(r.names, r.ingestS),
    r.dnsS > 0 ? rate(r.names, r.dnsS) : '–',
    r.fetchS > 0 ? rate(Math.round(r.names * SERVED_SHARE), r.fetchS) : '–',
    rate(r.names, r.ingestS + r.cycleS),
    fmt(r.peakMb, 0),
    `${r.found}/${r.clones}`,
    r.found > 0 ? fmt(r.feedCrawls / r.found, 1) : '–',
  ]),
);
if (queued)
  console.log(
    `\nOn the queue (Postgres, ${queued.workers} \`phenix worker --concurrency 2\` processes): ${queued.names} names, ingest ${rate(queued.names, queued.ingestS)} n/s, ` +
      `screening batches ${rate(queued.names, queued.screenS)} n/s (first batch start to last batch end), end to end ${rate(queued.names, queued.ingestS + queued.cycleS)} n/s, ` +
      `peak ${fmt(queued.peakMb, 0)} MB (bench + workers), clones found ${queued.found}/${queued.clones}, ` +
      `crawls per clone ${queued.found > 0 ? fmt(queued.feedCrawls / queued.found, 1) : '–'}.`,
  );
console.log(
  `\nFunnel: ${funnel.fetched} landing page(s) fetched, ${funnel.probed} linked page(s) fetched by the second look (screen.probePages).`,
);
for (const r of [funnel, old]) for (const line of r.missed) console.log(`missed by ${r.label}: ${line}`);
const perName = (funnel.ingestS + funnel.cycleS) / funnel.names;
console.log(
  `\nExtrapolated (not measured) to ${DAY.toLocaleString('en')} names at the funnel's measured end-to-end rate: ` +
    `${fmt((perName * DAY) / 60, 0)} min (goal < 60 min); today's path at its rate: ${fmt(((funnel.names && (old.ingestS + old.cycleS) / old.names) * DAY) / 3600, 1)} h.`,
);
const missedGoals: string[] = [];
for (const r of [funnel, old, ...(queued ? [{ ...queued, label: 'queue', falseAlerts: [] }] : [])])
  if (r.found < r.clones) missedGoals.push(`${r.label}: ${r.found}/${r.clones} clones found (goal: all)`);
for (const r of [funnel, old])
  if (r.falseAlerts.length > 0) missedGoals.push(`${r.label}: alerts on non-clones ${r.falseAlerts.join(', ')}`);
if (NAMES >= 100_000 && (perName * DAY) / 60 >= 60)
  missedGoals.push(`funnel: ${fmt((perName * DAY) / 60, 0)} min extrapolated for 2.5 M names (goal < 60 min)`);
console.log(`\nGoals: ${missedGoals.length === 0 ? 'all met' : `${missedGoals.length} missed`}`);
for (const m of missedGoals) console.log(`  MISSED ${m}`);
if (missedGoals.length > 0) process.exitCode = 1;
