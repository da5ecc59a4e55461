/**
 * Zone diffs: the new delegations of a day, from files sorted in text order, in DNS canonical order, or not sorted
 * at all (sorted externally in small chunks here, so the merge of several temporary files is exercised).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { canonicalKey, diffZoneFiles } from '../../../feeds/zone-diff.ts';

const zone = (names: string[]) =>
  `$ORIGIN example.\n@ IN SOA ns. host. 1 2 3 4 5\n@ IN NS ns1.registry.example.\n${names.map((n) => `${n} IN NS ns1.h.example.\n${n} IN NS ns2.h.example.`).join('\n')}\n`;

const dir = mkdtempSync(join(tmpdir(), 'phenix-zone-diff-'));
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

async function diff(oldNames: string[], newNames: string[], gz = false, chunkNames = 3) {
  const encode = (t: string) => (gz ? gzipSync(t) : t);
  const result = await diffZoneFiles(
    write('old.zone', encode(zone(oldNames))),
    write('new.zone', encode(zone(newNames))),
    {
      chunkNames,
    },
  );
  const names = readFileSync(result.file, 'utf8').split('\n').filter(Boolean);
  await result.cleanup();
  return { ...result, names };
}

describe('zone diff', () => {
  it('emits only the names new in the second file (text order, gzip)', async () => {
    const r = await diff(['a-b', 'a', 'b', 'c', 'e'], ['a-b', 'a', 'aa', 'c', 'd', 'e', 'f'], true);
    expect(r.names).toEqual(['aa.example', 'd.example', 'f.example']);
    expect(r).toMatchObject({ order: 'text', sorted: [], oldNames: 5, newNames: 7 });
  });

  it('follows DNS canonical order without sorting', async () => {
    const canonical = (names: string[]) =>
      [...names].sort((x, y) => (canonicalKey(`${x}.example`) < canonicalKey(`${y}.example`) ? -1 : 1));
    const r = await diff(canonical(['a', 'a-b', 'b']), canonical(['a', 'a-b', 'a0', 'b', 'x.a']));
    expect(r.order).toBe('canonical');
    expect(r.sorted).toEqual([]);
    expect(r.names.sort()).toEqual(['a0.example', 'x.a.example']);
  });

  it('sorts an unsorted file externally and still finds exactly the new names', async () => {
    const old = ['m', 'b', 'z', 'a', 'k', 'c', 'q'];
    const added = ['d', 'y', 'aa'];
    const r = await diff(old, ['q', ...added.slice(0, 2), 'a', 'z', 'b', 'k', 'aa', 'm', 'c']);
    expect(r.sorted.length).toBeGreaterThan(0);
    expect(r.names).toEqual(['aa.example', 'd.example', 'y.example']);
  });
});
