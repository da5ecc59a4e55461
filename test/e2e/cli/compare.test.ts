import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_UNIVERSE,
  demoConfigYaml,
  type RunningUniverse,
  renderUniverse,
  SNAPSHOT_DIR,
  startUniverse,
} from '../../../demo/index.ts';
import { runPhenix } from '../../helpers/cli.ts';

describe('phenix compare: files, folders and a local URL', () => {
  let universe: RunningUniverse;
  let dir: string;
  let configFile: string;
  beforeAll(async () => {
    universe = await startUniverse();
    dir = mkdtempSync(join(tmpdir(), 'phenix-compare-'));
    configFile = join(dir, 'phenix.yaml');
    writeFileSync(configFile, demoConfigYaml(universe, { mode: 'http', evidenceDir: join(dir, 'evidence') }));
    // The decoy on the same classifieds script, saved as a folder of pages.
    const decoy = renderUniverse(DEMO_UNIVERSE).get('annonce-maison.test')!;
    for (const [path, html] of decoy.pages) {
      const file = join(
        dir,
        'decoy',
        `${path.split('?')[0].replace(/\/$/, '/index').replace(/^\//, '') || 'index'}${path.endsWith('.html') ? '' : '.html'}`,
      );
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
  });
  afterAll(async () => {
    await universe?.close();
  });

  it('prints one JSON object per candidate, in argument order, with the verdict, signals and evidence', async () => {
    const reference = join(SNAPSHOT_DIR, 'annonces-maison.test');
    const r = await runPhenix(
      [
        'compare',
        reference,
        'http://annonces-maison2.test/',
        join(dir, 'decoy'),
        join(reference, 'index.html'),
        '--json',
        '--config',
        configFile,
      ],
      { timeoutMs: 300_000 },
    );
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const results = JSON.parse(r.stdout) as {
      candidate: string;
      verdict: string;
      score: number;
      signals: Record<string, number | null>;
      evidence: { kind: string }[];
    }[];
    expect(results.map((x) => x.candidate)).toEqual([
      'http://annonces-maison2.test/',
      join(dir, 'decoy'),
      join(reference, 'index.html'),
    ]);
    for (const x of results) {
      expect(Object.keys(x).sort()).toEqual(['candidate', 'evidence', 'score', 'signals', 'verdict']);
      expect(Object.keys(x.signals).sort()).toEqual(['contacts', 'identity', 'layout', 'pivots', 'text']);
      for (const v of Object.values(x.signals)) expect(v === null || (v >= 0 && v <= 1)).toBe(true);
    }
    expect(results[0].verdict).toBe('clone');
    expect(results[0].evidence.some((e) => e.kind === 'shared-contact')).toBe(true);
    expect(results[1].verdict).not.toBe('clone');
  });

  it('explains in words without --json, and says plainly when a source does not exist', async () => {
    const reference = join(SNAPSHOT_DIR, 'annonces-maison.test');
    const r = await runPhenix(['compare', reference, 'http://annonces-maison-bis.test/', '--config', configFile], {
      timeoutMs: 300_000,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/http:\/\/annonces-maison-bis\.test\/ \(\d+ page\(s\)\): CLONE — score/);
    expect(r.stdout).toMatch(/phone numbers shared/);
    const missing = await runPhenix(['compare', reference, join(dir, 'nope')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file or folder');
  });
});
