/** Hints name a command the shell can run: `phenix` only when it is on the PATH, else `npx phenix`. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phenixCommand, phenixOnPath, resetPhenixCommand } from '../../../cli/command-hint.ts';

describe('phenixCommand', () => {
  const saved = process.env.PATH;
  afterEach(() => {
    process.env.PATH = saved;
    resetPhenixCommand();
  });

  it('says npx phenix when no phenix executable is on the PATH, phenix when one is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-path-'));
    try {
      expect(phenixOnPath({ PATH: dir })).toBe(false);
      writeFileSync(join(dir, 'phenix'), '#!/bin/sh\n');
      expect(phenixOnPath({ PATH: dir })).toBe(false); // not executable
      chmodSync(join(dir, 'phenix'), 0o755);
      expect(phenixOnPath({ PATH: `/nonexistent:${dir}` })).toBe(true);
      process.env.PATH = '/nonexistent';
      resetPhenixCommand();
      expect(phenixCommand('evidence verify a.wacz')).toBe('npx phenix evidence verify a.wacz');
      process.env.PATH = dir;
      resetPhenixCommand();
      expect(phenixCommand('evidence verify a.wacz')).toBe('phenix evidence verify a.wacz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
