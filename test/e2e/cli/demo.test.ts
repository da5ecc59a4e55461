import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_UNIVERSE } from '../../../demo/index.ts';
import { runPhenix } from '../../helpers/cli.ts';

describe("the README's first command: phenix demo (embedded database, real Chromium)", () => {
  it('prints exactly the expected clones with their explanations', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'phenix-demo-')), 'demo');
    const r = await runPhenix(['demo', '--dir', dir], { env: { DATABASE_URL: undefined }, timeoutMs: 600_000 });
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toContain(
      `Exactly the ${DEMO_UNIVERSE.expectedAlerts.length} expected clones were found, and no decoy was called a clone.`,
    );
    const table = r.stdout.slice(r.stdout.indexOf('ALERTS ('));
    for (const e of DEMO_UNIVERSE.expectedAlerts)
      expect(table).toMatch(new RegExp(`${e.site}\\s+${e.candidate.replace(/\./g, '\\.')}\\s+clone`));
    expect(table).toMatch(/phone numbers shared: \+33 6 39 98/);
    expect(r.stdout).toMatch(/annonces-maison\s+site\s+\d+\s+\d+\s+seized/);
    expect(r.stdout).not.toContain('NOTICE: no Chromium browser found');
  }, 900_000);

  it('refuses to empty a folder it did not make', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-demo-foreign-'));
    writeFileSync(join(dir, 'precious.txt'), 'keep me');
    const r = await runPhenix(['demo', '--dir', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not empty and was not made by phenix demo');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('keep me');
  });
});
