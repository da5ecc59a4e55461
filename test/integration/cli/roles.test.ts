/**
 * Roles on every command, in a real database with one account of each role: each command is run as an analyst, a
 * supervisor and an auditor; a role without the permission is refused (exit 2, the role needed named) before any
 * work, and a role with it gets past the check. A command missing from the table below fails the first test, so a
 * command added by another change has to say who may run it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../../cli/main.ts';
import { createUser, listAudit, type UserRole } from '../../../db/index.ts';
import { type Permission, rolesFor } from '../../../review/index.ts';
import { hashPassword } from '../../../review/security/passwords.ts';
import { mintCliToken, runPhenixHere, waitFor, withToken } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const ACCOUNTS: Record<UserRole, string> = {
  analyst: 'analyste.roux',
  supervisor: 'chef.martin',
  auditor: 'igpn.durand',
};
const REFUSED = /needs the role|not a proof|belongs to no account|is disabled/;

interface Row {
  /** The command's path, as typed after `phenix`. */
  command: string;
  permission: Permission;
  /** Arguments after the command's path (the role's CLI token is given in PHENIX_TOKEN). */
  args: (role: UserRole) => string[];
  /** Exit code once allowed: 0, or the code of a failure that comes after the role check (`errAfter` says which). */
  code?: number | number[];
  errAfter?: RegExp;
  input?: string;
  /** A service: allowed means it starts; it is stopped with SIGTERM once `started` is printed. */
  started?: RegExp;
}

let t: TestDatabase;
let dir: string;
let config: string;
const tokens = {} as Record<UserRole, string>;

const ROWS: Row[] = [
  { command: 'sites sync', permission: 'operations.run', args: () => [] },
  { command: 'sites list', permission: 'alerts.read', args: () => ['--json'] },
  {
    command: 'sites takedown',
    permission: 'alerts.decide',
    args: () => ['nulle-part', '--date', '2026-03-14'],
    code: 2,
    errAfter: /nulle-part/,
  },
  {
    command: 'sites import-snapshot',
    permission: 'operations.run',
    args: () => ['nulle-part', join(dir, 'saved'), '--captured-at', '2026-09-14T08:30:00Z'],
    code: 2,
    errAfter: /nulle-part/,
  },
  { command: 'candidates list', permission: 'alerts.read', args: () => ['--json'] },
  { command: 'candidates import', permission: 'operations.run', args: () => [join(dir, 'names.txt')] },
  { command: 'feeds ingest', permission: 'operations.run', args: (r) => [join(dir, 'names.txt'), '--source', r] },
  { command: 'feeds status', permission: 'operations.run', args: () => ['--json'] },
  {
    command: 'feeds diff',
    permission: 'operations.run',
    args: () => [join(dir, 'names.txt'), join(dir, 'names.txt'), '--ingest'],
  },
  {
    command: 'crawl',
    permission: 'operations.run',
    args: () => ['pas un nom!'],
    code: 2,
    errAfter: /neither a monitored site name nor a hostname/,
  },
  {
    command: 'run',
    permission: 'operations.run',
    // No site in scope: the cycle is recorded and ends at once.
    args: () => ['--once', '--scope', 'seeds', '--site', 'nulle-part', '--json'],
  },
  { command: 'reprocess', permission: 'operations.run', args: () => ['--json'] },
  {
    command: 'compare',
    permission: 'operations.run',
    args: () => [join(dir, 'saved'), join(dir, 'saved'), '--json'],
  },
  { command: 'queue status', permission: 'operations.run', args: () => ['--json'] },
  { command: 'notify status', permission: 'operations.run', args: () => ['--json'] },
  {
    command: 'notify test',
    permission: 'operations.run',
    args: () => [],
    code: 1,
    errAfter: /did not accept the test message/,
  },
  { command: 'doctor', permission: 'operations.run', args: () => ['--json'], code: [0, 1] },
  {
    command: 'evidence check-cycle',
    permission: 'operations.run',
    args: () => ['00000000-0000-4000-8000-000000000000'],
    code: [1, 2],
    errAfter: /00000000-0000-4000-8000-000000000000/,
  },
  { command: 'keys init', permission: 'keys.manage', args: () => [] },
  {
    command: 'serve',
    permission: 'operations.run',
    args: () => ['--port', '0'],
    started: /Phénix is running/,
  },
  { command: 'worker', permission: 'operations.run', args: () => [], started: /worker running/ },
  { command: 'review', permission: 'operations.run', args: () => ['--port', '0'], started: /Review page at/ },
  { command: 'alerts list', permission: 'alerts.read', args: () => ['--json'] },
  { command: 'alerts show', permission: 'alerts.read', args: () => ['999999'], code: 2, errAfter: /999999/ },
  ...(['confirm', 'dismiss', 'reopen'] as const).map(
    (verb): Row => ({
      command: `alerts ${verb}`,
      permission: 'alerts.decide',
      args: () => ['999999', '--note', 'vu'],
      code: 2,
      errAfter: /999999/,
    }),
  ),
  { command: 'export alerts', permission: 'alerts.export', args: () => ['--format', 'json'] },
  {
    command: 'evidence',
    permission: 'alerts.export',
    args: (r) => ['999999', '--out', join(dir, `${r}.wacz`)],
    code: 2,
    errAfter: /999999/,
  },
  {
    command: 'cases export',
    permission: 'alerts.export',
    args: (r) => ['nulle-part', '--out', join(dir, `${r}.pdf`)],
    code: 2,
    errAfter: /nulle-part/,
  },
  { command: 'cases close', permission: 'cases.close', args: () => ['nulle-part', '--note', 'x'], code: 2 },
  { command: 'purge', permission: 'retention.manage', args: () => ['--dry-run'] },
  { command: 'audit list', permission: 'journal.read', args: () => ['--json'] },
  { command: 'audit verify', permission: 'journal.read', args: () => [] },
  { command: 'users list', permission: 'users.manage', args: () => ['--json'] },
  {
    command: 'users add',
    permission: 'users.manage',
    args: (r) => [`nouvel.agent.${r}`, '--password-stdin'],
    input: 'un mot de passe assez long\n',
  },
  { command: 'users disable', permission: 'users.manage', args: () => ['agent.cible'] },
  { command: 'users enable', permission: 'users.manage', args: () => ['agent.cible'] },
  { command: 'users role', permission: 'users.manage', args: () => ['agent.cible', 'analyst'] },
  {
    command: 'users token',
    permission: 'users.manage',
    args: (r) => ['agent.cible', '--out', join(dir, `token-${r}`)],
  },
  { command: 'users db-role', permission: 'users.manage', args: () => ['agent.cible', 'phenix_agent_cible'] },
];

/** Commands that check no role, and why (cli/README.md says the same). */
const EXEMPT: Record<string, string> = {
  'config check': 'reads the config file only, no database',
  init: 'writes an example config file, no database',
  'db migrate': 'a database administrator with only DATABASE_URL; the accounts live in the tables it creates',
  demo: 'a new embedded database of its own, with no account',
  'evidence verify': 'checks a package file offline against a public key; a court runs it without any database',
  'evidence renew': "adds a TSA's timestamp to a package file; no database, nothing of the unit's data is read",
};

function commandPaths(cmd: Command, prefix: string[] = []): string[] {
  const paths: string[] = [];
  for (const sub of cmd.commands) {
    const path = [...prefix, sub.name()];
    if ((sub as unknown as { _actionHandler: unknown })._actionHandler) paths.push(path.join(' '));
    paths.push(...commandPaths(sub, path));
  }
  return paths;
}

async function phenix(row: Row, role: UserRole) {
  return withToken(tokens[role], () => phenixAs(row, role));
}

async function phenixAs(row: Row, role: UserRole) {
  process.env.DATABASE_URL = t.url;
  const argv = ['--config', config, ...row.command.split(' '), ...row.args(role)];
  if (!row.started || !rolesFor(row.permission).includes(role)) return runPhenixHere(argv, row.input);
  // A service allowed to start: stop it as SIGTERM would, once it says it runs.
  let printed = '';
  const running = runPhenixHere(argv, row.input, (chunk) => {
    printed += chunk;
  });
  await waitFor(() => row.started!.test(printed), 30_000, `${row.command} to start`);
  process.emit('SIGTERM', 'SIGTERM');
  return running;
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-cli-roles-'));
  const hash = await hashPassword('correct horse battery');
  for (const [role, name] of Object.entries(ACCOUNTS)) {
    await createUser(t.handle.db, { name, passwordHash: hash, by: 'test', role: role as UserRole });
    tokens[role as UserRole] = await mintCliToken(t.handle.db, name);
  }
  await createUser(t.handle.db, { name: 'agent.cible', passwordHash: hash, by: 'test', role: 'analyst' });
  mkdirSync(join(dir, 'saved'));
  writeFileSync(
    join(dir, 'saved', 'index.html'),
    '<html><head><title>Ménage à domicile</title></head><body><p>Appelez le 06 39 98 01 23</p></body></html>',
  );
  writeFileSync(join(dir, 'names.txt'), 'maison-services3.test\nmenage-exemple.test\n');
  config = join(dir, 'phenix.yaml');
  writeFileSync(
    config,
    [
      'sites:',
      '  - name: maison-services',
      '    status: convicted',
      '    caseRef: PJ-2026-017',
      '    domains: [maison-services.test]',
      'database:',
      `  url: ${t.url}`,
      'crawler:',
      '  mode: http',
      'metrics:',
      '  port: 0',
      'notify:',
      '  webhooks:',
      '    - url: http://127.0.0.1:9/hook',
      '      secret: un-secret-de-test-assez-long',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('roles on every command', () => {
  it('has a rule or a written exemption for every command', async () => {
    const known = new Set([...ROWS.map((r) => r.command), ...Object.keys(EXEMPT)]);
    expect(commandPaths(await buildProgram()).filter((path) => !known.has(path))).toEqual([]);
  });

  it('leaves the auditor the journal only', () => {
    const auditor = ROWS.filter((r) => rolesFor(r.permission).includes('auditor')).map((r) => r.command);
    expect(auditor).toEqual(['audit list', 'audit verify']);
  });

  for (const row of ROWS) {
    it(`${row.command}: ${rolesFor(row.permission).join(' and ')} only`, async () => {
      for (const role of ['auditor', 'analyst', 'supervisor'] as const) {
        const r = await phenix(row, role);
        if (!rolesFor(row.permission).includes(role)) {
          expect(r.code, `${row.command} as ${role}`).toBe(2);
          expect(r.err).toContain(`${ACCOUNTS[role]} is a${role === 'auditor' ? 'n' : ''} ${role}`);
          expect(r.err).toContain(`this command needs the role ${rolesFor(row.permission).join(' or ')}`);
          continue;
        }
        expect(r.err, `${row.command} as ${role}`).not.toMatch(REFUSED);
        expect([row.code ?? 0].flat(), `${row.command} as ${role}: ${r.err}`).toContain(r.code);
        if (row.errAfter) expect(r.err).toMatch(row.errAfter);
      }
    });
  }

  it('refuses a name without proof, and journals nothing for a refused command', async () => {
    const before = (await listAudit(t.handle.db, {})).length;
    process.env.DATABASE_URL = t.url;
    const r = await withToken(undefined, () =>
      runPhenixHere(['--config', config, 'sites', 'sync', '--by', 'inconnu.test']),
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain('"inconnu.test" (from --by) is a name, not a proof');
    const auditor = await withToken(tokens.auditor, () => runPhenixHere(['--config', config, 'purge']));
    expect(auditor.code).toBe(2);
    expect((await listAudit(t.handle.db, {})).length).toBe(before);
  });
});
