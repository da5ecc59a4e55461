/**
 * `npm run bench:feed`: a synthetic internet day served on this machine, through the funnel and through
 * today's path, side by side. The day: N new names (FEED_NAMES, default 200,000), ~1.5 % of them served — parked
 * pages (providers' template markup from test/fixtures/parking), small unrelated sites, and clones of the demo's
 * monitored site under unrelated names (FEED_CLONES, default 6) — the rest NXDOMAIN at a local DNS server.
 * Funnel: `feeds ingest` then one cycle on the embedded database. Today's path: `candidates import` + one cycle
 * on a smaller day (FEED_OLD_NAMES, default 2,000: every resolving name gets a full crawl, so the full day would
 * take hours). Figures for 2.5 M names are extrapolated from the measured rates and labelled so.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { listAlerts, openDatabase, syncSites, upsertCandidates } from '../db/index.ts';
import {
  createDnsServer,
  DEMO_UNIVERSE,
  type HostContent,
  renderUniverse,
  startVhostServer,
  type Universe,
  universeDnsRecords,
} from '../demo/index.ts';
import { ingestFeed, scorerFromDatabase } from '../feeds/index.ts';
import { runCycle, siteSpecsFromConfig } from '../monitor/index.ts';
import { demoContext, importDemoSnapshots } from '../test/helpers/monitor.ts';
import { fmt, rssMb } from './lib/measure.ts';
import { printTable } from './lib/table.ts';

const NAMES = Number(process.env.FEED_NAMES ?? 200_000);
const OLD_NAMES = Number(process.env.FEED_OLD_NAMES ?? 2_000);
const CLONES = Number(process.env.FEED_CLONES ?? 6);
const SERVED_SHARE = 0.015;
const DAY = 2_500_000;

const parked = readdirSync(join(import.meta.dirname, '../test/fixtures/parking'))
  .filter((f) => f.endsWith('.html'))
  .map((f) => readFileSync(join(import.meta.dirname, '../test/fixtures/parking', f), 'utf8'));

function smallSite(host: string, i: number): HostContent {
  const body = `<html><head><title>Atelier ${i}</title></head><body><h1>Atelier de réparation ${i}</h1>
    <p>Réparation de vélos et petits travaux de menuiserie, du lundi au samedi. Devis sur place, ${host}.</p>
    <p>Horaires : 9 h – 18 h. Paiement par carte accepté.</p><a href="/contact">Contact</a></body></html>`;
  return { pages: new Map([['/', body]]) };
}

/** The day's universe: the demo (monitored site and its snapshot) plus clones hidden under unrelated names. */
function dayUniverse(clones: string[]): Universe {
  const models = DEMO_UNIVERSE.hosts.filter((h) => h.role === 'clone' && h.content.kind === 'classifieds');
  return {
    ...DEMO_UNIVERSE,
    hosts: [
      ...DEMO_UNIVERSE.hosts,
      ...clones.map((host, i) => {
        const model = models[i % models.length];
        if (model.content.kind !== 'classifieds') throw new Error('unreachable');
        return {
          ...model,
          host,
          content: { kind: 'classifieds' as const, site: { ...model.content.site, domain: host } },
          discovery: [],
        };
      }),
    ],
  };
}

interface DayRun {
  label: string;
  names: number;
  ingestS: number;
  cycleS: number;
  dnsS: number;
  fetchS: number;
  found: number;
  clones: number;
  feedCrawls: number;
  peakMb: number;
}

async function runDay(label: string, count: number, clones: string[], mode: 'funnel' | 'old'): Promise<DayRun> {
  const served = Math.round(count * SERVED_SHARE);
  const names: string[] = [];
  const hosts = renderUniverse(dayUniverse(clones));
  const live = new Set(clones);
  for (let i = 0; i < count - clones.length; i++) {
    const name = `nouveau-${i.toString(36)}-${(i * 7919).toString(36)}.test`;
    names.push(name);
    if (i % Math.round(1 / SERVED_SHARE) === 0 && live.size < served) {
      live.add(name);
      hosts.set(name, i % 3 === 0 ? smallSite(name, i) : { pages: new Map([['/', parked[i % parked.length]]]) });
    }
  }
  // Clones spread through the day, not at its start.
  clones.forEach((c, i) => {
    names.splice(Math.floor(((i + 1) * names.length) / (clones.length + 1)), 0, c);
  });
  const universe = dayUniverse(clones);
  const zone = universeDnsRecords(universe);
  for (const name of live) zone.records[name] = { A: ['127.0.0.1'] };
  const http = await startVhostServer(hosts);
  const dns = await createDnsServer(zone);
  const dir = mkdtempSync(join(tmpdir(), 'phenix-bench-feed-'));
  const handle = await openDatabase({ dataDir: join(dir, 'db') });
  let peak = rssMb();
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 100);
  try {
    const running = {
      universe,
      port: http.port,
      address: http.address,
      // Exact names only: a wildcard would make today's path take every imported name as resolving.
      hostMap: Object.fromEntries([...hosts.keys()].map((h) => [h, `${http.address}:${http.port}`])),
      dns,
      dnsServer: dns.server,
      monitoredSites: universe.monitoredSites,
      affixes: universe.affixes,
      liveHosts: [...hosts.keys()],
      http,
      url: (h: string, p = '/') => `http://${h}${p}`,
      close: async () => {},
    };
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
    return {
      label,
      names: count,
      ingestS,
      cycleS,
      dnsS: summary.screening.dnsMs / 1000,
      fetchS: summary.screening.fetchMs / 1000,
      found: clones.filter((c) => alerted.has(c)).length,
      clones: clones.length,
      feedCrawls: summary.crawls.filter((c) => c.kind === 'candidate' && fromDay.has(c.target)).length,
      peakMb: peak,
    };
  } finally {
    clearInterval(sampler);
    await handle.close();
    await http.close();
    await dns.close();
  }
}

const clones = Array.from({ length: CLONES }, (_, i) => `verger-calme-${i}.test`);
console.log(
  `bench:feed — a synthetic day of ${NAMES} names (${CLONES} hidden clones), embedded database, 2 cores shared`,
);
const funnel = await runDay('funnel (feeds ingest + run --once)', NAMES, clones, 'funnel');
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
const perName = (funnel.ingestS + funnel.cycleS) / funnel.names;
console.log(
  `\nExtrapolated (not measured) to ${DAY.toLocaleString('en')} names at the funnel's measured end-to-end rate: ` +
    `${fmt((perName * DAY) / 60, 0)} min (goal < 60 min); today's path at its rate: ${fmt(((funnel.names && (old.ingestS + old.cycleS) / old.names) * DAY) / 3600, 1)} h.`,
);
