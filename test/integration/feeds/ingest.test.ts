/**
 * Feed ingest on both databases: gzip or plain, bad lines by number, each name once; an ingest interrupted in the
 * middle of a file resumes after its last committed line and neither loses nor counts twice; the drop folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listCandidates, listFeedSources } from '../../../db/index.ts';
import { ingestFeed, startDropFolder } from '../../../feeds/index.ts';
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../helpers/db.ts';

const names = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}-${i}.example`);

/** The bytes of `text`, then a failure after `failAfter` bytes (a crash or a cut connection mid-file). */
function breaking(text: string, failAfter: number): Readable {
  return Readable.from(
    (async function* () {
      const bytes = Buffer.from(text);
      for (let i = 0; i < failAfter; i += 1000) yield bytes.subarray(i, Math.min(i + 1000, failAfter));
      throw new Error('connection lost');
    })(),
  );
}

describe.each(DB_KINDS)('feed ingest (%s)', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('reads gzip and plain feeds, reports bad lines by number and records each name once', async () => {
    const lines = [
      '# new names',
      'https://Maison-Propre.example/path',
      'maison-propre.example',
      'not a name',
      '*.jardin.example',
    ];
    const plain = await ingestFeed(Readable.from([lines.join('\r\n')]), {
      db: t.handle.db,
      source: 'file:a',
      detail: 'a',
    });
    expect(plain).toMatchObject({ lines: 5, names: 3, newNames: 2, errors: 1, notes: 2 });
    expect(plain.problems).toEqual([expect.objectContaining({ line: 4, text: 'not a name' })]);
    const gz = await ingestFeed(Readable.from([gzipSync(`${lines.join('\n')}\nnouveau.example\n`)]), {
      db: t.handle.db,
      source: 'file:b',
      detail: 'b',
    });
    expect(gz).toMatchObject({ names: 4, newNames: 1, errors: 1 });
    const feed = await listCandidates(t.handle.db, { source: 'feed' });
    expect(feed.map((c) => c.hostname).sort()).toEqual(['jardin.example', 'maison-propre.example', 'nouveau.example']);
    expect(feed.find((c) => c.hostname === 'nouveau.example')).toMatchObject({
      sourceDetail: 'b',
      screenState: 'pending',
      active: false,
    });
    const sources = await listFeedSources(t.handle.db);
    expect(sources.map((s) => [s.name, s.namesIn, s.namesNew, s.errors, s.lastName])).toEqual([
      ['file:a', 3, 2, 1, 'jardin.example'],
      ['file:b', 4, 1, 1, 'nouveau.example'],
    ]);
  });

  it('resumes an interrupted file after its last committed line: nothing lost, nothing counted twice', async () => {
    const all = names(2500, 'reprise');
    const text = `${all.join('\n')}\n`;
    const options = { db: t.handle.db, source: 'file:day', detail: 'day', fileKey: 'day.txt|1|1', batchLines: 300 };
    await expect(ingestFeed(breaking(text, Math.floor(text.length / 2)), options)).rejects.toThrow(/connection lost/);
    const [half] = (await listFeedSources(t.handle.db)).filter((s) => s.name === 'file:day');
    expect(half.namesIn).toBeGreaterThan(0);
    expect(half.namesIn).toBeLessThan(all.length);

    const resumed = await ingestFeed(Readable.from([text]), options);
    expect(resumed.resumedAfter).toBe(half.namesIn);
    const [done] = (await listFeedSources(t.handle.db)).filter((s) => s.name === 'file:day');
    expect(done).toMatchObject({ namesIn: all.length, namesNew: all.length, errors: 0 });
    const stored = (await listCandidates(t.handle.db, { source: 'feed' })).filter((c) =>
      c.hostname.startsWith('reprise-'),
    );
    expect(stored.length).toBe(all.length);
    expect(await ingestFeed(Readable.from([text]), options)).toMatchObject({ alreadyDone: true });
  });

  it('ingests files dropped in the drop folder once each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-'));
    writeFileSync(join(dir, 'nrd-2026-11-30.txt.gz'), gzipSync(names(40, 'depose').join('\n')));
    writeFileSync(join(dir, 'still-copying.part'), 'ignored.example\n');
    const drop = startDropFolder({
      db: t.handle.db,
      dir,
      pollMs: 60_000,
      settleMs: 0,
      logger: pino({ level: 'silent' }),
      score: async () => () => 0,
    });
    try {
      await drop.scan();
      expect(await drop.scan()).toBe(0);
    } finally {
      await drop.stop();
    }
    const sources = await listFeedSources(t.handle.db);
    expect(sources.find((s) => s.name === 'drop:nrd-2026-11-30.txt.gz')).toMatchObject({ namesIn: 40, namesNew: 40 });
    expect(sources.some((s) => s.name.includes('still-copying'))).toBe(false);
  });

  it('reads each dropped file in the format its name says: zone files keep their delegations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-drop-formats-'));
    const zone = [
      '$ORIGIN example.',
      '@ IN SOA ns. h. 1 2 3 4 5',
      '@ IN NS ns.example.',
      'zone-plombier IN NS ns1.h.example.',
      'zone-plombier IN NS ns2.h.example.',
      'www.zone-plombier IN A 192.0.2.1',
    ];
    writeFileSync(join(dir, 'example-2026-12-06.zone.gz'), gzipSync(zone.join('\n')));
    writeFileSync(join(dir, 'liste.nrd'), 'zone-vitrier.example,2026-12-06\n');
    const drop = startDropFolder({
      db: t.handle.db,
      dir,
      pollMs: 60_000,
      settleMs: 0,
      logger: pino({ level: 'silent' }),
      score: async () => () => 0,
      formats: { '*.nrd': 'nrd' },
    });
    try {
      expect(await drop.scan()).toBe(2);
    } finally {
      await drop.stop();
    }
    const sources = await listFeedSources(t.handle.db);
    expect(sources.find((s) => s.name === 'drop:example-2026-12-06.zone.gz')).toMatchObject({
      namesIn: 1,
      errors: 0,
      lastName: 'zone-plombier.example',
    });
    expect(sources.find((s) => s.name === 'drop:liste.nrd')).toMatchObject({
      namesIn: 1,
      errors: 0,
      lastName: 'zone-vitrier.example',
    });
  });
});
