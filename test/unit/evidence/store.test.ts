import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvidenceStore, EvidenceNotFoundError } from '../../../evidence/index.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phenix-evidence-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evidence store', () => {
  it('stores bytes under sha256/ab/cd/<hex> and reads them back', async () => {
    const store = createEvidenceStore({ dir });
    const bytes = Buffer.from('<html>Plombier 24/7 — 06 39 98 12 34</html>');
    const expected = createHash('sha256').update(bytes).digest('hex');
    const stored = await store.put(bytes, 'text/html');
    expect(stored.sha256).toBe(expected);
    expect(stored.size).toBe(bytes.byteLength);
    expect(stored.path).toBe(`sha256/${expected.slice(0, 2)}/${expected.slice(2, 4)}/${expected}`);
    expect(await readFile(path.join(dir, stored.path))).toEqual(bytes);
    expect(await store.read(expected)).toEqual(bytes);
    expect(await store.verify(expected)).toBe(true);
  });

  it('stores the same bytes once and leaves no temp file', async () => {
    const store = createEvidenceStore({ dir });
    const results = await Promise.all(Array.from({ length: 8 }, () => store.put('same ad text', 'text/plain')));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    const again = await store.put('same ad text');
    expect(again.existed).toBe(true);
    const leaf = path.dirname(path.join(dir, again.path));
    expect(await readdir(leaf)).toEqual([again.sha256]);
  });

  it('detects a tampered file and a missing one', async () => {
    const store = createEvidenceStore({ dir });
    const { sha256, path: rel } = await store.put('Jardinage, taille de haies');
    const file = path.join(dir, rel);
    await chmod(file, 0o644);
    await writeFile(file, 'Jardinage, taille de haie');
    expect(await store.verify(sha256)).toBe(false);
    const missing = 'a'.repeat(64);
    expect(await store.verify(missing)).toBe(false);
    expect(await store.has(missing)).toBe(false);
    await expect(store.read(missing)).rejects.toBeInstanceOf(EvidenceNotFoundError);
    await expect(store.read('../../etc/passwd')).rejects.toBeInstanceOf(EvidenceNotFoundError);
  });

  it('writes files read-only', async () => {
    const store = createEvidenceStore({ dir });
    const { path: rel } = await store.put(new Uint8Array([1, 2, 3]));
    expect((await stat(path.join(dir, rel))).mode & 0o222).toBe(0);
  });
});
