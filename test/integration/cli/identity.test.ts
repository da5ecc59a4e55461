/**
 * Issue 19.6, the reviewer's scenario: anyone who can run the CLI against the database declared a supervisor's
 * name (`--by` / PHENIX_USER) and acted as them, and the journal recorded the impersonated name. Now, once
 * accounts exist, a declared name without proof acts as nobody; a CLI token (environment or a 0600 file) or a
 * mapped PostgreSQL role proves the account; the journal adds the OS user and host.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, findUserForLogin, listAudit } from '../../../db/index.ts';
import { hashPassword } from '../../../review/index.ts';
import { runPhenixHere, withToken } from '../../helpers/cli.ts';
import { createTestDatabase, TEST_SERVER_URL, type TestDatabase } from '../../helpers/db.ts';

let t: TestDatabase;
let dir: string;
let config: string;
let supervisorToken: string;
let home: string | undefined;
const ROLE = `phenix_t_role_${process.pid}`;

function setEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function phenix(args: string[], env: Record<string, string | undefined> = {}, input?: string) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  process.env.DATABASE_URL = env.DATABASE_URL ?? t.url;
  for (const [k, v] of Object.entries(env)) if (k !== 'DATABASE_URL') setEnv(k, v);
  return runPhenixHere(['--config', config, ...args], input).finally(() => {
    for (const [k, v] of Object.entries(saved)) setEnv(k, v);
  });
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-identity-'));
  config = join(dir, 'phenix.yaml');
  writeFileSync(config, `database:\n  url: ${t.url}\n`);
  home = process.env.HOME;
  process.env.HOME = dir; // never the developer's own ~/.config/phenix/token
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  process.env.HOME = home;
  const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
  await t?.drop();
  await admin.unsafe(`drop role if exists ${ROLE}`).catch(() => {});
  await admin.end();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('who runs a command', () => {
  it('keeps the first-account bootstrap, and gives the first account its token', async () => {
    const r = await phenix(
      ['users', 'add', 'chef.martin', '--role', 'supervisor', '--password-stdin'],
      {},
      'un mot de passe assez long\n',
    );
    expect(r.code, r.err).toBe(0);
    supervisorToken = /phx_[A-Za-z0-9_-]{43}/.exec(r.out)?.[0] as string;
    expect(supervisorToken).toBeDefined();
    const stored = await findUserForLogin(t.handle.db, 'chef.martin');
    expect(stored?.cliTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await listAudit(t.handle.db))).not.toContain(supervisorToken);
  });

  it('refuses a declared supervisor name without proof, and journals nothing', async () => {
    await createUser(t.handle.db, {
      name: 'analyste.roux',
      passwordHash: await hashPassword('un autre mot de passe'),
      by: 'test',
    });
    const before = (await listAudit(t.handle.db)).length;
    for (const env of [{ PHENIX_USER: 'chef.martin' }, {}]) {
      const r = await withToken(undefined, () =>
        phenix(['users', 'disable', 'analyste.roux', '--by', 'chef.martin'], env),
      );
      expect(r.code).toBe(2);
      expect(r.err).toContain('is a name, not a proof');
      expect(r.err).toContain('phenix users token');
    }
    const viaEnv = await withToken(undefined, () => phenix(['users', 'list'], { PHENIX_USER: 'chef.martin' }));
    expect(viaEnv.code).toBe(2);
    expect(viaEnv.err).toContain('"chef.martin" (from PHENIX_USER) is a name, not a proof');
    expect((await listAudit(t.handle.db)).length).toBe(before);
    expect((await findUserForLogin(t.handle.db, 'analyste.roux'))?.active).toBe(true);
  });

  it('acts as the account its token proves, and journals the OS user and host beside it', async () => {
    const r = await withToken(supervisorToken, () => phenix(['users', 'role', 'analyste.roux', 'analyst']));
    expect(r.code, r.err).toBe(0);
    const [entry] = await listAudit(t.handle.db, { action: 'user.role-changed' });
    expect(entry.actor).toBe('chef.martin');
    expect(entry.details).toMatchObject({ origin: { osUser: userInfo().username, host: hostname(), proof: 'token' } });
    const mismatch = await withToken(supervisorToken, () => phenix(['users', 'list', '--by', 'analyste.roux']));
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('proves the account chef.martin');
    const forged = await withToken(`phx_${'A'.repeat(43)}`, () => phenix(['users', 'list']));
    expect(forged.code).toBe(2);
    expect(forged.err).toContain('belongs to no account');
  });

  it('reads a token file only when nobody else can read it', async () => {
    const file = join(dir, 'token');
    writeFileSync(file, `${supervisorToken}\n`);
    chmodSync(file, 0o644);
    const open = await withToken(undefined, () => phenix(['users', 'list'], { PHENIX_TOKEN_FILE: file }));
    expect(open.code).toBe(2);
    expect(open.err).toContain(`chmod 600 ${file}`);
    chmodSync(file, 0o600);
    const ok = await withToken(undefined, () => phenix(['users', 'list'], { PHENIX_TOKEN_FILE: file }));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('chef.martin');
  });

  it('lets an account make its own token with its password, and a new token retires the old one', async () => {
    const out = join(dir, 'roux-token');
    const r = await withToken(undefined, () =>
      phenix(['users', 'token', 'analyste.roux', '--password-stdin', '--out', out], {}, 'un autre mot de passe\n'),
    );
    expect(r.code, r.err).toBe(0);
    const wrong = await withToken(undefined, () =>
      phenix(['users', 'token', 'chef.martin', '--password-stdin'], {}, 'pas le bon mot de passe\n'),
    );
    expect(wrong.code).toBe(2);
    const fresh = await withToken(supervisorToken, () => phenix(['users', 'token', 'chef.martin']));
    expect(fresh.code, fresh.err).toBe(0);
    const stale = await withToken(supervisorToken, () => phenix(['users', 'list']));
    expect(stale.code).toBe(2);
    supervisorToken = /phx_[A-Za-z0-9_-]{43}/.exec(fresh.out)?.[0] as string;
  });

  it('takes a mapped PostgreSQL login role as the identity', async () => {
    const admin = postgres(TEST_SERVER_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${ROLE} login superuser`);
    await admin.end();
    expect((await withToken(supervisorToken, () => phenix(['users', 'db-role', 'chef.martin', ROLE]))).code).toBe(0);
    const asRole = t.url?.replace('postgres://postgres@', `postgres://${ROLE}@`);
    const r = await withToken(undefined, () => phenix(['users', 'list'], { DATABASE_URL: asRole }));
    expect(r.code, r.err).toBe(0);
    const other = await withToken(undefined, () => phenix(['users', 'list']));
    expect(other.code).toBe(2); // the usual login role is mapped to nobody
  });
});
