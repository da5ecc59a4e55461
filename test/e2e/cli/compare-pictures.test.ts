/**
 * `phenix compare` sees pictures as a cycle does: five photo-only galleries of Services Domicile (its ad photos
 * re-encoded, captions only: no ad text, no phone) online at once, each crawled from a local URL, are each a clone
 * on their shared photos; the same gallery saved as a folder (pages and picture files) too.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigYaml, type RunningUniverse, startUniverse } from '../../../demo/index.ts';
import { runPhenix } from '../../helpers/cli.ts';
import { GALLERY_CLONES, universeWithGalleryClones } from '../../helpers/hidden-clone.ts';

interface Result {
  candidate: string;
  verdict: string;
  signals: Record<string, number | null>;
  evidence: { kind: string }[];
}

describe('phenix compare with pictures: photo-only galleries', () => {
  let universe: RunningUniverse;
  let dir: string;
  let configFile: string;
  beforeAll(async () => {
    universe = await startUniverse({ universe: universeWithGalleryClones(GALLERY_CLONES) });
    dir = mkdtempSync(join(tmpdir(), 'phenix-compare-pictures-'));
    configFile = join(dir, 'phenix.yaml');
    writeFileSync(configFile, demoConfigYaml(universe, { mode: 'http', evidenceDir: join(dir, 'evidence') }));
    // The first gallery saved as a folder: its pages and the picture files they show, at the paths they use.
    const gallery = universe.http.hosts.get(GALLERY_CLONES[0])!;
    const save = (path: string, bytes: string | Buffer) => {
      const file = join(dir, 'saved', path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    };
    for (const [path, html] of gallery.pages) save(path === '/' ? 'index.html' : `${path.slice(1)}.html`, html);
    for (const [path, file] of gallery.files ?? []) save(path.slice(1), await file.bytes());
  }, 120_000);
  afterAll(async () => {
    await universe?.close();
  });

  it('judges each of five gallery copies online a clone, from its URL, on shared photos', async () => {
    const r = await runPhenix(
      [
        'compare',
        'http://services-domicile.test/',
        ...GALLERY_CLONES.map((h) => `http://${h}/`),
        join(dir, 'saved'),
        '--json',
        '--config',
        configFile,
      ],
      { timeoutMs: 500_000 },
    );
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const results = JSON.parse(r.stdout) as Result[];
    expect(results.map((x) => `${x.candidate}: ${x.verdict}`)).toEqual([
      ...GALLERY_CLONES.map((h) => `http://${h}/: clone`),
      `${join(dir, 'saved')}: clone`,
    ]);
    for (const x of results) {
      expect(x.signals.photos).toBeGreaterThanOrEqual(0.5);
      expect(x.evidence.filter((e) => e.kind === 'shared-photo').length).toBeGreaterThanOrEqual(3);
    }
  }, 600_000);
});
