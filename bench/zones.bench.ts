/**
 * `npm run bench:zones`: `phenix feeds diff` on generated zones of 1 M and 10 M delegations (ZONE_SIZES to change),
 * CZDS-style lines (`name.com. 172800 in ns host.`, two NS records a name), written sorted by a streamed generator.
 * Day two drops 0.1 % of day one's names and adds 1 % new ones. Each diff runs in a child process of its own, so its
 * peak RSS (getrusage maxrss) is the diff's alone, and is compared across sizes. Also one unsorted day (ZONE_UNSORTED,
 * default 1 M: shuffled within blocks) to measure the external sort. Exits non-zero when a diff misses a name, when
 * peak memory grows with the zone (10 M above 1 M × 1.5 + 32 MB) or passes 400 MB.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffZoneFiles } from '../feeds/index.ts';

const SIZES = (process.env.ZONE_SIZES ?? '1000000,10000000').split(',').map(Number);
const UNSORTED = Number(process.env.ZONE_UNSORTED ?? 1_000_000);
const RSS_LIMIT_MB = 400;

/** Fixed-width base-36 labels sort in text order as their numbers do. */
const label = (i: number) => i.toString(36).padStart(6, '0');
const dropped = (i: number) => i % 1000 === 7;
const added = (i: number) => i % 100 === 3;

async function writeZone(path: string, size: number, day: 1 | 2, shuffleBlock = 0): Promise<number> {
  const out = createWriteStream(path);
  let buffer = '';
  let newNames = 0;
  let block: string[] = [];
  const emit = async (text: string) => {
    buffer += text;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  };
  const record = (name: string, i: number) =>
    `${name}.com.\t172800\tin\tns\tns1.hebergeur${i % 50}.net.\n${name}.com.\t172800\tin\tns\tns2.hebergeur${i % 50}.net.\n`;
  await emit('com.\t86400\tin\tsoa\ta.gtld-servers.net. nstld.verisign-grs.com. 1 1800 900 604800 86400\n');
  await emit('com.\t172800\tin\tns\ta.gtld-servers.net.\n');
  for (let i = 0; i < size; i++) {
    const lines: string[] = [];
    if (!(day === 2 && dropped(i))) lines.push(record(`d${label(i)}`, i));
    if (day === 2 && added(i)) {
      lines.push(record(`d${label(i)}n`, i));
      newNames++;
    }
    if (shuffleBlock > 0) {
      block.push(...lines);
      if (block.length >= shuffleBlock) {
        block.reverse();
        await emit(block.join(''));
        block = [];
      }
    } else await emit(lines.join(''));
  }
  await emit(block.reverse().join(''));
  out.end(buffer);
  await once(out, 'finish');
  return newNames;
}

interface ChildResult {
  seconds: number;
  maxRssMb: number;
  added: number;
  order: string;
  sorted: string[];
}

/** Runs in the child: one diff, then its figures as JSON on stdout. */
async function child(oldPath: string, newPath: string, tmp: string): Promise<void> {
  const started = performance.now();
  const result = await diffZoneFiles(oldPath, newPath, { tmpDir: tmp });
  const seconds = (performance.now() - started) / 1000;
  await result.cleanup();
  const out: ChildResult = {
    seconds,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    added: result.added,
    order: result.order,
    sorted: result.sorted,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function runChild(oldPath: string, newPath: string, tmp: string): ChildResult {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', oldPath, newPath, tmp],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`diff child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '{}');
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'phenix-bench-zones-'));
  const rows: { case: string; names: number; expected: number; result: ChildResult; genS: number }[] = [];
  try {
    const cases = [
      ...SIZES.map((size) => ({ size, shuffle: 0 })),
      ...(UNSORTED > 0 ? [{ size: UNSORTED, shuffle: 20_000 }] : []),
    ];
    for (const { size, shuffle } of cases) {
      const t0 = performance.now();
      const oldPath = join(dir, `old-${size}.zone`);
      const newPath = join(dir, `new-${size}.zone`);
      await writeZone(oldPath, size, 1, shuffle);
      const expected = await writeZone(newPath, size, 2, shuffle);
      const genS = (performance.now() - t0) / 1000;
      const result = runChild(oldPath, newPath, dir);
      rows.push({ case: shuffle ? 'unsorted (blocks reversed)' : 'sorted', names: size, expected, result, genS });
      rmSync(oldPath);
      rmSync(newPath);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    'case                        names       new found/expected  diff s  names/s (both files)  peak RSS MB  order',
  );
  for (const r of rows)
    console.log(
      `${r.case.padEnd(27)} ${String(r.names).padStart(10)}  ${`${r.result.added}/${r.expected}`.padStart(20)}  ${r.result.seconds.toFixed(1).padStart(6)}  ${String(Math.round((2 * r.names) / r.result.seconds)).padStart(20)}  ${r.result.maxRssMb.toFixed(0).padStart(11)}  ${r.result.order}${r.result.sorted.length ? ` (sorted: ${r.result.sorted.join(', ')})` : ''}`,
    );
  const failures: string[] = [];
  for (const r of rows) {
    if (r.result.added !== r.expected)
      failures.push(`${r.case} ${r.names}: found ${r.result.added} new names, expected ${r.expected}`);
    if (r.result.maxRssMb > RSS_LIMIT_MB)
      failures.push(`${r.case} ${r.names}: peak RSS ${r.result.maxRssMb.toFixed(0)} MB > ${RSS_LIMIT_MB} MB`);
  }
  const sorted = rows.filter((r) => r.case === 'sorted').sort((a, b) => a.names - b.names);
  if (sorted.length >= 2) {
    const [small, large] = [sorted[0], sorted.at(-1) as (typeof sorted)[number]];
    const bound = small.result.maxRssMb * 1.5 + 32;
    console.log(
      `peak RSS at ${large.names} names: ${large.result.maxRssMb.toFixed(0)} MB; bound from ${small.names} names: ${bound.toFixed(0)} MB`,
    );
    if (large.result.maxRssMb > bound)
      failures.push(`peak RSS grows with zone size: ${large.result.maxRssMb.toFixed(0)} MB > ${bound.toFixed(0)} MB`);
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(`FAIL: ${f}`);
    process.exitCode = 1;
  } else console.log('OK: every new name found, peak memory independent of zone size');
}

if (process.argv[2] === '--child') await child(process.argv[3], process.argv[4], process.argv[5]);
else await main();
