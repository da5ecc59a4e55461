import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPhenix } from '../../helpers/cli.ts';
import { createServerDatabase } from '../../helpers/db.ts';

/** Every migration the repository ships (drizzle-kit's journal). */
const MIGRATIONS = (
  JSON.parse(readFileSync(new URL('../../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
    entries: unknown[];
  }
).entries.length;

const CONFIG = `sites:
  - name: annonces-maison
    status: convicted
    caseRef: CASE-1
    domains: [annonces-maison.test, www.annonces-maison.test]
  - name: services-domicile
    status: suspected
    caseRef: CASE-2
    domains: [services-domicile.test]
`;

describe('phenix CLI: help, config, exit codes', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'phenix-cli-'));
  });

  it('--help lists the commands and exits 0', async () => {
    const r = await runPhenix(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['config', 'init', 'db', 'sites']) expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('every command has --help', async () => {
    for (const args of [['config', 'check'], ['sites', 'sync'], ['sites', 'list'], ['db', 'migrate'], ['init']]) {
      const r = await runPhenix([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toContain(`Usage: phenix ${args.join(' ')}`);
    }
  });

  it('exits 2 on an unknown command or option', async () => {
    expect((await runPhenix(['frobnicate'])).code).toBe(2);
    const r = await runPhenix(['sites', 'list', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--bogus'");
  });

  it('init writes a config that config check accepts; a second init refuses to overwrite', async () => {
    const path = join(dir, 'init.yaml');
    expect((await runPhenix(['--config', path, 'init'])).code).toBe(0);
    const check = await runPhenix(['config', 'check', '--config', path]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('2 monitored site(s), 3 domain(s)');
    const again = await runPhenix(['init', '--config', path]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists; use --force');
  });

  it('config check exits 2 and names the path of a URL where a hostname belongs', async () => {
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, CONFIG.replace('services-domicile.test', '"http://x.fr/path"'));
    const r = await runPhenix(['config', 'check', '--config', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'sites[1].domains[0] (line 9): "http://x.fr/path" is a URL; expected a hostname such as x.fr',
    );
    expect(r.stdout).toBe('');
  });

  it('a missing config file exits 2 and says how to create one; PHENIX_CONFIG is honoured', async () => {
    const r = await runPhenix(['config', 'check'], { cwd: dir, env: { PHENIX_CONFIG: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no config file here. Create one with "phenix init"');
    const path = join(dir, 'env.yaml');
    writeFileSync(path, CONFIG);
    expect((await runPhenix(['config', 'check'], { cwd: dir, env: { PHENIX_CONFIG: path } })).code).toBe(0);
  });

  it('an unreachable database exits 1 with a plain message', async () => {
    const path = join(dir, 'unreachable.yaml');
    writeFileSync(path, CONFIG);
    const r = await runPhenix(['sites', 'list', '--config', path], {
      env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:9/nope' },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cannot reach the database at postgres://postgres@127.0.0.1:9/nope');
  });
});

describe('phenix sites sync on the Postgres server', () => {
  let server: Awaited<ReturnType<typeof createServerDatabase>>;
  let path: string;
  beforeAll(async () => {
    server = await createServerDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'phenix-cli-pg-'));
    path = join(dir, 'phenix.yaml');
    writeFileSync(path, CONFIG);
  });
  afterAll(async () => {
    await server?.drop();
  });

  it('refuses to use an unmigrated server database, then migrates it', async () => {
    const env = { DATABASE_URL: server.url };
    const before = await runPhenix(['sites', 'list', '--config', path], { env });
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('Run: phenix db migrate');
    const m = await runPhenix(['db', 'migrate', '--config', path], { env });
    expect(m.code).toBe(0);
    expect(m.stdout).toContain(`${MIGRATIONS} migration(s) applied`);
    expect((await runPhenix(['db', 'migrate', '--config', path], { env })).stdout).toContain('0 migration(s) applied');
  });

  it('sync twice leaves the same rows; a removed site becomes inactive', async () => {
    const env = { DATABASE_URL: server.url };
    const first = await runPhenix(['sites', 'sync', '--config', path], { env });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('sites added: 2 (annonces-maison, services-domicile)');
    const listed = JSON.parse((await runPhenix(['sites', 'list', '--json', '--config', path], { env })).stdout);
    const second = await runPhenix(['sites', 'sync', '--config', path], { env });
    expect(second.stdout.trim()).toBe('Already in sync: nothing changed.');
    expect(JSON.parse((await runPhenix(['sites', 'list', '--json', '--config', path], { env })).stdout)).toEqual(
      listed,
    );
    writeFileSync(path, readFileSync(path, 'utf8').split('  - name: services-domicile')[0]);
    const third = await runPhenix(['sites', 'sync', '--config', path], { env });
    expect(third.stdout).toContain('sites deactivated: 1 (services-domicile)');
    const all = JSON.parse((await runPhenix(['sites', 'list', '--json', '--all', '--config', path], { env })).stdout);
    expect(all.map((s: { name: string; active: boolean }) => [s.name, s.active])).toEqual([
      ['annonces-maison', true],
      ['services-domicile', false],
    ]);
  });
});

describe('phenix sites sync on the embedded database', () => {
  it('creates and migrates the embedded database on first use, beside the config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'phenix-cli-embedded-'));
    const path = join(dir, 'phenix.yaml');
    writeFileSync(path, CONFIG);
    const env = { DATABASE_URL: undefined };
    expect((await runPhenix(['sites', 'sync', '--config', path], { env })).code).toBe(0);
    const second = await runPhenix(['sites', 'sync', '--config', path], { env });
    expect(second.stdout.trim()).toBe('Already in sync: nothing changed.');
    const list = await runPhenix(['sites', 'list', '--config', path], { env });
    expect(list.stdout).toMatch(/annonces-maison\s+convicted\s+CASE-1/);
  });
});
