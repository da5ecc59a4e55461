/**
 * The reviewer's drop-folder scenarios, on both databases: a link to a secret file, a FIFO, a NUL byte in a line,
 * a gzip bomb (one 300 MB line in ~300 KB), and files past their caps. The secret must appear in no log line and no
 * table; a bad file never blocks the good files after it; a file set aside keeps the names read before its cap.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createGzip, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Executor, listCandidates, listFeedSources } from '../../../db/index.ts';
import { startDropFolder } from '../../../feeds/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const SECRET = 'c2lnbmluZy1rZXktY2FuYXJ5LTQ5MjA3NDY1';

/** Every row of every table of the public schema, as text. */
async function allTableText(db: Executor): Promise<string> {
  const tables = (await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as unknown as { table_name: string }[] | { rows: { table_name: string }[] };
  const names = (Array.isArray(tables) ? tables : tables.rows).map((t) => t.table_name);
  let text = '';
  for (const name of names) {
    const rows = (await db.execute(sql.raw(`select t::text as row from "${name}" t`))) as unknown as
      | { row: string }[]
      | { rows: { row: string }[] };
    text += (Array.isArray(rows) ? rows : rows.rows).map((r) => r.row).join('\n');
  }
  return text;
}

function capturingLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: 'trace' }, sink), lines };
}

/** A gzip of one line of `bytes` letters (a decompression bomb: ~1,000 to 1). */
async function gzipBomb(bytes: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((r) => gzip.on('end', r));
  const block = Buffer.alloc(1024 * 1024, 'a');
  for (let written = 0; written < bytes; written += block.length) {
    if (!gzip.write(block)) await new Promise((r) => gzip.once('drain', r));
  }
  gzip.end('.example\nafter-the-bomb.example\n');
  await done;
  return Buffer.concat(parts);
}

const old = (path: string) => utimesSync(path, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));

describe.each(DB_KINDS)('hostile drop folder (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reads no link, device or FIFO, refuses NUL lines, and the secret lands in no log and no table', async () => {
    const secretDir = mkdtempSync(join(tmpdir(), 'phenix-secret-'));
    const secretFile = join(secretDir, 'unit-signing.key');
    writeFileSync(secretFile, `${SECRET}\n${SECRET}.example\n`);
    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-hostile-'));
    symlinkSync(secretFile, join(dir, 'a-link-to-the-key.txt'));
    execFileSync('mkfifo', [join(dir, 'b-pipe.txt')]);
    writeFileSync(join(dir, 'c-nul.txt'), 'plombier-nul.example\nbad\0name.example\n\u001b[31mred.example\n');
    writeFileSync(join(dir, 'd-after.txt'), 'jardinier-apres.example\n');
    for (const f of ['c-nul.txt', 'd-after.txt']) old(join(dir, f));
    const { logger, lines } = capturingLogger();
    const drop = startDropFolder({
      db: t.handle.db,
      dir,
      pollMs: 60_000,
      settleMs: 1000,
      logger,
      score: async () => () => 0,
    });
    try {
      await drop.scan();
      await drop.scan();
    } finally {
      await drop.stop();
    }
    const hosts = (await listCandidates(t.handle.db, { source: 'feed' })).map((c) => c.hostname);
    expect(hosts).toEqual(expect.arrayContaining(['plombier-nul.example', 'jardinier-apres.example']));
    const sources = await listFeedSources(t.handle.db);
    const nul = sources.find((s) => s.name === 'drop:c-nul.txt');
    expect(nul).toMatchObject({ namesIn: 1, errors: 2 });
    expect(nul?.lastError).toMatch(/control character \\x1b at column 1/);
    expect(sources.find((s) => s.name === 'drop:a-link-to-the-key.txt')?.lastError).toMatch(/symbolic link/);
    expect(sources.find((s) => s.name === 'drop:b-pipe.txt')?.lastError).toMatch(/named pipe/);
    const logs = lines.join('');
    expect(logs).toContain('symbolic link');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain('\u0000');
    expect(logs).not.toContain('\u001b');
    const stored = await allTableText(t.handle.db);
    expect(stored).not.toContain(SECRET);
    expect(stored).not.toContain('\u001b');
  });

  it('survives a gzip bomb: the 300 MB line is refused unread, the names around it kept', async () => {
    const bomb = await gzipBomb(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(400_000);
    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-bomb-'));
    writeFileSync(join(dir, 'bomb.txt.gz'), Buffer.concat([gzipSync('avant-la-bombe.example\n'), bomb]));
    old(join(dir, 'bomb.txt.gz'));
    const { logger } = capturingLogger();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().heapUsed - heapBefore);
    }, 5);
    const drop = startDropFolder({ db: t.handle.db, dir, pollMs: 60_000, logger, score: async () => () => 0 });
    try {
      await drop.scan();
    } finally {
      clearInterval(sampler);
      await drop.stop();
    }
    expect(peak).toBeLessThan(100 * 1024 * 1024);
    const source = (await listFeedSources(t.handle.db)).find((s) => s.name === 'drop:bomb.txt.gz');
    expect(source).toMatchObject({ namesIn: 2, errors: 1 });
    expect(source?.lastError).toMatch(/longer than 65536 bytes \(feeds.maxLineBytes\)/);
  }, 60_000);

  it('sets aside a file past its unpacked-size or name cap, keeps its names before the cap, and goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-caps-'));
    const many = Array.from({ length: 50 }, (_, i) => `menage-${i}.example`).join('\n');
    writeFileSync(join(dir, 'a-big.txt.gz'), gzipSync(`${many}\n${'x'.repeat(2_000_000)}`));
    writeFileSync(join(dir, 'b-many.txt'), many);
    writeFileSync(join(dir, 'c-fine.txt'), 'vitrier-ensuite.example\n');
    for (const f of ['a-big.txt.gz', 'b-many.txt', 'c-fine.txt']) old(join(dir, f));
    const { logger } = capturingLogger();
    const drop = startDropFolder({
      db: t.handle.db,
      dir,
      pollMs: 60_000,
      logger,
      score: async () => () => 0,
      caps: { maxBytes: 1_000_000, maxNames: 20, maxLineBytes: 4_000_000 },
    });
    try {
      expect(await drop.scan()).toBe(3);
      expect(await drop.scan()).toBe(0);
    } finally {
      await drop.stop();
    }
    const sources = await listFeedSources(t.handle.db);
    const big = sources.find((s) => s.name === 'drop:a-big.txt.gz');
    expect(big?.namesIn).toBe(20);
    expect(big?.lastError).toMatch(
      /drop folder file a-big.txt.gz (holds more than 1000000 bytes once unpacked|gives more than 20 names)/,
    );
    const capped = sources.find((s) => s.name === 'drop:b-many.txt');
    expect(capped).toMatchObject({ namesIn: 20 });
    expect(capped?.lastError).toMatch(/b-many.txt gives more than 20 names \(feeds.maxNamesPerFile\)/);
    expect(sources.find((s) => s.name === 'drop:c-fine.txt')).toMatchObject({ namesIn: 1 });
  });
});
