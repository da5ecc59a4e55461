/**
 * Issue 20: with `phenix serve` running on the embedded database (the default), the other commands used to fail
 * ("in use by another Phénix process"), even `users add`, which the page itself asks for. The service now shares the
 * database on its socket: `alerts list`, `cases export` and `users add` run from another process while it serves.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/index.ts';
import { PHENIX_BIN, runPhenix, waitFor } from '../../helpers/cli.ts';
import { seedReview } from '../../helpers/seed-review.ts';

describe('the CLI while `phenix serve` runs on the embedded database', () => {
  let dir: string;
  let config: string;
  let serve: ChildProcess;
  let serveOut = '';
  let site: string;
  let candidate: string;
  const env = { DATABASE_URL: undefined, PHENIX_USER: undefined, PHENIX_TOKEN: undefined };
  const phenix = (args: string[], input?: string, token?: string) =>
    runPhenix(['--config', config, ...args], {
      env: token ? { ...env, PHENIX_TOKEN: token } : env,
      input,
      timeoutMs: 180_000,
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phenix-shared-'));
    config = join(dir, 'phenix.yaml');
    const seedDb = await openDatabase({ dataDir: join(dir, 'data', 'db') });
    const seeded = await seedReview(seedDb.db, { evidenceDir: join(dir, 'evidence') });
    await seedDb.close();
    site = seeded.siteNames[0];
    writeFileSync(
      config,
      `sites:\n  - name: ${site}\n    status: convicted\n    caseRef: PJ-2026-017\n    domains: [${site}.test]\nevidence:\n  dir: evidence\nschedules:\n  seeds: "0 3 1 1 *"\n  candidates: "0 3 1 1 *"\n`,
    );
    // Its own process group, so that stopping it stops everything it started.
    serve = spawn(process.execPath, [PHENIX_BIN, '--config', config, 'serve', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', PHENIX_USER: '', LOG_FORMAT: 'json', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    serve.stdout?.on('data', (d) => {
      serveOut += d;
    });
    serve.stderr?.on('data', (d) => {
      serveOut += d;
    });
    await waitFor(() => existsSync(join(dir, 'data', 'db.sock', '.s.PGSQL.5432')), 120_000, 'the shared socket').catch(
      (error) => {
        throw new Error(`${error.message}; serve said: ${serveOut.slice(-2000)}`);
      },
    );
    const alerts = await phenix(['alerts', 'list', '--json']);
    candidate = (JSON.parse(alerts.stdout || '[]') as { candidate: string }[])[0]?.candidate;
  }, 180_000);

  afterAll(async () => {
    if (serve?.pid && serve.exitCode === null) {
      const exited = new Promise((r) => serve.once('close', r));
      process.kill(-serve.pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (serve.exitCode === null) process.kill(-serve.pid, 'SIGKILL');
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the alerts', async () => {
    const r = await phenix(['alerts', 'list']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(candidate);
  });

  it('exports a case as a PDF', async () => {
    const out = join(dir, 'case.pdf');
    const r = await phenix(['cases', 'export', site, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('creates the first account, which the running service then knows', async () => {
    const r = await phenix(['users', 'add', 'alice', '--role', 'supervisor', '--password-stdin'], 'a long enough pass');
    expect(r.code, r.stderr).toBe(0);
    // The first account is given its CLI token at once: from now on a command acts only as an account it proves.
    const token = /^phx_\S+$/m.exec(r.stdout)?.[0];
    expect(token, r.stdout).toBeDefined();
    const listed = await phenix(['users', 'list', '--json'], undefined, token);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ name: 'alice', role: 'supervisor' })]);
    // Accounts exist now: the identity and role rules apply through the socket as on a server database.
    const refused = await phenix(['users', 'list', '--by', 'nobody']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"nobody"');
    expect(refused.stderr).toContain('is a name, not a proof');
  });

  it('refuses a second service on the same embedded database, saying why', async () => {
    const r = await phenix(['review', '--port', '0', '--by', 'alice']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/in use by another Phénix process \(pid \d+\)\. A service needs the embedded database/);
  });

  it('removes its socket when it stops', async () => {
    const exited = new Promise((r) => serve.once('close', r));
    process.kill(-(serve.pid as number), 'SIGTERM');
    await exited;
    expect(existsSync(join(dir, 'data', 'db.sock'))).toBe(false);
    expect(existsSync(join(dir, 'data', 'db', 'phenix.lock'))).toBe(false);
  }, 60_000);
});
