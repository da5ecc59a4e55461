/**
 * `npm run bench:detect`: the detector's throughput on one core.
 *  1. extraction + fingerprints on ~100 KB pages (pages/s);
 *  2. one profile against 10,000 stored profiles (ms), warm and from JSON;
 *  3. one fingerprint's near-duplicates (k ≤ 3) among 1,000,000 stored in Postgres: Manku-style 4 × 16-bit band
 *     columns with btree indexes against a `bit_count((a # b)::bit(64))` full scan, on a scratch database created and
 *     dropped here (DATABASE_BENCH_URL or postgres://postgres@127.0.0.1:5432/postgres). Skipped when Postgres is down.
 */
import { Parser } from 'htmlparser2';
import postgres from 'postgres';
import {
  buildDocumentFrequencies,
  buildProfile,
  compareProfiles,
  extractPage,
  type PageFeatures,
  type SiteProfile,
} from '../detector/index.ts';
import { createOperator, createPhoneAllocator, createRng, renderSite, TEMPLATE_NAMES } from '../sitegen/index.ts';
import { fmt, rssMb, timeAsync, timeSync } from './lib/measure.ts';
import { printTable } from './lib/table.ts';

const TARGET_BYTES = 100_000;
const rows: string[][] = [];
const rng = createRng('bench-detect');
const phones = createPhoneAllocator();

/** Listing pages of every template grown to ~100 KB (the heaviest page kind: many ads, markup and text). */
function bigPages(): { url: string; html: string }[] {
  const out: { url: string; html: string }[] = [];
  for (const template of TEMPLATE_NAMES) {
    for (let k = 0; k < 4; k++) {
      const op = createOperator(rng.fork(`${template}${k}`), phones, {
        name: `b${k}`,
        advertisers: 160,
        adsPerAdvertiser: [2, 2],
      });
      const spec = {
        domain: `bench${k}.test`,
        brand: `Bench ${k}`,
        template,
        ads: op.ads,
        trackers: op.trackers,
        widgets: true,
      };
      // Grow the listing until the page reaches the target size.
      let perPage = 40;
      let html = '';
      while (html.length < TARGET_BYTES && perPage <= op.ads.length) {
        html = renderSite({ ...spec, adsPerPage: perPage })
          .values()
          .next().value!;
        perPage += 20;
      }
      out.push({ url: `http://bench${k}.test/`, html });
    }
  }
  return out;
}

/**
 * Ad pages brought to ~100 KB the way real pages are: about half the bytes in inline scripts and styles (analytics,
 * frameworks, CSS), the rest markup and text with a block of similar ads.
 */
function typicalPages(): { url: string; html: string }[] {
  const out: { url: string; html: string }[] = [];
  const script = `<script>${'window.__app=window.__app||{};__app.q=(__app.q||[]).concat([["track",{id:1,t:Date.now()}]]);'.repeat(780)}</script>`;
  const style = `<style>${'.c-item{display:flex;margin:0 4px;padding:2px 8px;color:#333;border:1px solid #eee}'.repeat(180)}</style>`;
  for (const template of TEMPLATE_NAMES) {
    for (let k = 0; k < 4; k++) {
      const op = createOperator(rng.fork(`t${template}${k}`), phones, {
        name: `t${k}`,
        advertisers: 25,
        adsPerAdvertiser: [2, 2],
      });
      const spec = {
        domain: `typical${k}.test`,
        brand: `Typique ${k}`,
        template,
        ads: op.ads,
        trackers: op.trackers,
        widgets: true,
      };
      const [listing, adPage] = [...renderSite({ ...spec, adsPerPage: 18 }).values()].filter(
        (_, i) => i === 0 || i === 4,
      );
      const similar = listing
        .slice(listing.indexOf('<body'), listing.lastIndexOf('</body>'))
        .replace(/^<body[^>]*>/, '');
      const html = adPage
        .replace('</head>', `${script}${style}</head>`)
        .replace('</body>', `<div>${similar}</div></body>`);
      out.push({ url: `http://typical${k}.test/annonce/${k}.html`, html });
    }
  }
  return out;
}

/** CPU milliseconds per page of `fn` over the pages (process CPU time: less sensitive to a busy machine than wall). */
function cpuPerPage(pages: { url: string; html: string }[], fn: (page: { url: string; html: string }) => void): number {
  const batch = 100;
  let i = 0;
  const run = () => {
    for (let n = 0; n < batch; n++) fn(pages[i++ % pages.length]);
  };
  run();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < 5; r++) run();
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / (5 * batch);
}

/** A bare htmlparser2 pass with empty callbacks: the floor any extraction built on it can reach. */
function bareParse(page: { html: string }): void {
  const p = new Parser({ onopentag() {}, ontext() {}, onclosetag() {} }, { decodeEntities: true });
  p.write(page.html);
  p.end();
}

function benchExtraction(label: string, pages: { url: string; html: string }[]): void {
  const avgKb = pages.reduce((s, p) => s + p.html.length, 0) / pages.length / 1000;
  const floor = cpuPerPage(pages, bareParse);
  const full = cpuPerPage(pages, (page) => {
    buildProfile([extractPage(page)], { site: page.url });
  });
  rows.push([
    `extraction + fingerprints, ${label} (${fmt(avgKb, 0)} KB)`,
    `${fmt(1000 / full, 0)} pages/s (${fmt(full, 2)} ms CPU/page)`,
    `bare htmlparser2 pass: ${fmt(1000 / floor, 0)} pages/s (${fmt(floor, 2)} ms)`,
    `goal ≥ 500 pages/s; ${fmt(full / floor, 1)}× the bare parse`,
  ]);
}

function mutateHex(hex: string, bits: number): string {
  let v = BigInt(`0x${hex}`);
  for (let b = 0; b < bits; b++) v ^= 1n << BigInt(rng.int(0, 63));
  return v.toString(16).padStart(16, '0');
}

/** 10,000 stored profiles: real fixture profiles, their fingerprints and contacts perturbed per copy. */
function storedProfiles(count: number): { reference: SiteProfile; stored: SiteProfile[] } {
  const real: SiteProfile[] = [];
  const allPages: PageFeatures[][] = [];
  for (let s = 0; s < 20; s++) {
    const op = createOperator(rng.fork(`p${s}`), phones, { name: `p${s}`, advertisers: 15, adsPerAdvertiser: [1, 2] });
    const spec = {
      domain: `p${s}.test`,
      brand: `P ${s}`,
      template: TEMPLATE_NAMES[s % TEMPLATE_NAMES.length],
      ads: op.ads,
    };
    allPages.push([...renderSite(spec)].map(([path, html]) => extractPage({ url: `http://p${s}.test${path}`, html })));
  }
  const idf = buildDocumentFrequencies(allPages.flat());
  allPages.forEach((pages, s) => {
    real.push(buildProfile(pages, { site: `p${s}.test`, idf }));
  });
  const stored: SiteProfile[] = [];
  for (let i = 0; i < count; i++) {
    const base = real[i % real.length];
    stored.push({
      ...base,
      site: `stored${i}.test`,
      ads: base.ads.map((a) => ({ ...a, fingerprint: mutateHex(a.fingerprint, rng.int(0, 24)) })),
      contacts: base.contacts.map((c) => ({ ...c, value: i % 50 === 0 ? c.value : `${c.value}${i}` })),
      layout: {
        listing: base.layout.listing && mutateHex(base.layout.listing, rng.int(0, 20)),
        ad: base.layout.ad && mutateHex(base.layout.ad, rng.int(0, 20)),
        other: base.layout.other,
      },
    });
  }
  return { reference: real[0], stored };
}

function benchProfiles(): void {
  const count = 10_000;
  const { reference, stored } = storedProfiles(count);
  const ads = stored.reduce((s, p) => s + p.ads.length, 0) / stored.length;
  const warm = timeSync(
    () => {
      for (const p of stored) compareProfiles(reference, p);
    },
    5,
    1,
  );
  const json = stored.map((p) => JSON.stringify(p));
  const cold = timeSync(
    () => {
      for (const j of json) compareProfiles(reference, JSON.parse(j) as SiteProfile);
    },
    3,
    1,
  );
  rows.push([
    `1 profile × ${count.toLocaleString('en')} stored (${fmt(ads, 0)} ads each)`,
    `${fmt(warm.medianMs, 0)} ms`,
    `${fmt(cold.medianMs, 0)} ms incl. JSON.parse`,
    `${fmt((warm.medianMs * 1000) / count, 1)} µs/profile`,
  ]);
}

async function benchPostgres(): Promise<void> {
  const adminUrl = process.env.DATABASE_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  const dbName = `phenix_bench_${process.pid}`;
  try {
    await admin`select 1`;
  } catch (e) {
    rows.push(['near-duplicates in Postgres', 'skipped', `no Postgres at ${adminUrl}`, (e as Error).message]);
    await admin.end({ timeout: 1 });
    return;
  }
  await admin.unsafe(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const n = 1_000_000;
    const t0 = performance.now();
    await sql`create table fingerprint (id serial primary key, h bigint not null, b0 int not null, b1 int not null, b2 int not null, b3 int not null)`;
    // Uniform 64-bit values (SimHash outputs look uniform), stored signed as BigInt.asIntN(64, h) would store them.
    await sql`
      insert into fingerprint (h, b0, b1, b2, b3)
      select h, (h & 65535)::int, ((h >> 16) & 65535)::int, ((h >> 32) & 65535)::int, ((h >> 48) & 65535)::int
      from (select (((random() * 4294967295)::bigint << 32) | (random() * 4294967295)::bigint) as h
            from generate_series(1, ${n})) s`;
    const queries: bigint[] = [];
    for (let q = 0; q < 40; q++) {
      const base = BigInt.asUintN(
        64,
        (BigInt(rng.int(0, 2 ** 31)) << 33n) ^ BigInt(rng.int(0, 2 ** 31)) ^ (BigInt(q) << 20n),
      );
      queries.push(base);
      // Plant near-duplicates at distance 1..3 so both methods have something to find.
      for (let d = 1; d <= 3; d++) {
        let v = base;
        for (let b = 0; b < d; b++) v ^= 1n << BigInt(rng.int(0, 63));
        const s = BigInt.asIntN(64, v);
        const band = (k: bigint) => Number((BigInt.asUintN(64, v) >> k) & 0xffffn);
        await sql`insert into fingerprint (h, b0, b1, b2, b3) values (${s.toString()}::bigint, ${band(0n)}, ${band(16n)}, ${band(32n)}, ${band(48n)})`;
      }
    }
    for (const b of ['b0', 'b1', 'b2', 'b3']) await sql.unsafe(`create index on fingerprint (${b})`);
    await sql`analyze fingerprint`;
    const loadS = (performance.now() - t0) / 1000;

    let q = 0;
    let foundBand = 0;
    let foundScan = 0;
    const banded = await timeAsync(
      async () => {
        const v = queries[q++ % queries.length];
        const band = (k: bigint) => Number((v >> k) & 0xffffn);
        const h = BigInt.asIntN(64, v).toString();
        const r = await sql`
        select id from fingerprint
        where (b0 = ${band(0n)} or b1 = ${band(16n)} or b2 = ${band(32n)} or b3 = ${band(48n)})
          and bit_count((h # ${h}::bigint)::bit(64)) <= 3`;
        foundBand += r.length;
      },
      queries.length,
      0,
    );
    q = 0;
    const scanRuns = 5;
    const scan = await timeAsync(
      async () => {
        const v = queries[q++ % queries.length];
        const r =
          await sql`select id from fingerprint where bit_count((h # ${BigInt.asIntN(64, v).toString()}::bigint)::bit(64)) <= 3`;
        foundScan += r.length;
      },
      scanRuns,
      0,
    );
    rows.push([
      `near-duplicates (k ≤ 3) among ${n.toLocaleString('en')} in Postgres`,
      `bands: ${fmt(banded.medianMs, 2)} ms`,
      `full scan: ${fmt(scan.medianMs, 0)} ms`,
      `×${fmt(scan.medianMs / banded.medianMs, 0)} faster (load ${fmt(loadS, 0)} s; found ${fmt(foundBand / queries.length, 1)} vs ${fmt(foundScan / scanRuns, 1)} per query)`,
    ]);
  } finally {
    await sql.end({ timeout: 5 });
    await admin.unsafe(`drop database if exists ${dbName}`);
    await admin.end({ timeout: 5 });
  }
}

console.log(`Phénix detector benchmark (Node ${process.version}, one core)`);
// `--only=extraction|profiles|postgres` runs one part (the machine is shared; the Postgres part takes a minute).
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
if (!only || only === 'extraction') {
  benchExtraction('typical ad pages, half inline script/CSS', typicalPages());
  benchExtraction('listings of ~250 ads, all markup and text', bigPages());
}
if (!only || only === 'profiles') benchProfiles();
if (!only || only === 'postgres') await benchPostgres();
printTable(['measure', 'result', '', 'note'], rows);
console.log(`RSS ${fmt(rssMb(), 0)} MB`);
