/**
 * The review commands through the real `phenix` binary: alerts list (exact JSON shape), show, confirm and
 * dismiss with the audit trail, exit codes on bad input, users add from stdin, export files, and the evidence
 * package written and verified (exit 0 intact, 1 altered).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUserForLogin, getAlert, listAlerts, listAudit } from '../../../db/index.ts';
import { sealJournal } from '../../../monitor/index.ts';
import { verifyPassword } from '../../../review/index.ts';
import { mintCliToken, runPhenixHere, withToken } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';
import { type SeededReview, seedReview } from '../../helpers/seed-review.ts';

const BIN = fileURLToPath(new URL('../../../bin/phenix.js', import.meta.url));
let t: TestDatabase;
let seeded: SeededReview;
let dir: string;
let config: string;

/** CLI tokens of the accounts made below: `--by NAME` in a call gives NAME's token (none for an unknown name). */
const tokens: Record<string, string> = {};

function phenix(args: string[], input?: string) {
  process.env.DATABASE_URL = t.url;
  const by = args.indexOf('--by');
  const run = () => runPhenixHere(['--config', config, ...args], input);
  return by >= 0 ? withToken(tokens[args[by + 1]], run) : run();
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-review-cli-'));
  seeded = await seedReview(t.handle.db, { evidenceDir: join(dir, 'evidence') });
  config = join(dir, 'phenix.yaml');
  writeFileSync(
    config,
    `sites:\n  - name: maison-services\n    status: convicted\n    caseRef: PJ-2026-017\n    domains: [maison-services.test]\ndatabase:\n  url: ${t.url}\nevidence:\n  dir: evidence\n`,
  );
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  delete process.env.PHENIX_TOKEN;
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('phenix alerts', () => {
  it('lists alerts as JSON with exactly the agreed fields, strongest first', async () => {
    const r = await phenix(['alerts', 'list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual([
        'id',
        'site',
        'candidate',
        'verdict',
        'score',
        'status',
        'createdAt',
        'updatedAt',
      ]);
      expect(Number.isNaN(Date.parse(row.createdAt as string))).toBe(false);
    }
    expect(rows.map((x) => x.score)).toEqual([...rows.map((x) => x.score as number)].sort((a, b) => b - a));
    expect(rows[0]).toMatchObject({
      id: seeded.alerts.clone,
      site: 'maison-services',
      candidate: 'maison-services2.test',
    });
    const dismissed = JSON.parse((await phenix(['alerts', 'list', '--json', '--status', 'dismissed'])).out);
    expect(dismissed.map((x: { id: number }) => x.id)).toEqual([seeded.alerts.dismissed]);
    const bySite = JSON.parse((await phenix(['alerts', 'list', '--json', '--site', 'jardins-menage'])).out);
    expect(bySite.every((x: { site: string }) => x.site === 'jardins-menage')).toBe(true);
  });

  it('shows the reasons and the evidence first, the captured files only with --files, without terminal escapes', async () => {
    const r = await phenix(['alerts', 'show', String(seeded.alerts.clone)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2 phone numbers of maison-services appear on maison-services2.test');
    expect(r.out).toContain('shared phone: +33639980123, +33639980145');
    expect(r.out).toMatch(/near-identical ad \(SimHash distance 3 of 64; \d+ of \d+ words shared/);
    const why = r.out.indexOf('Why:');
    expect(why).toBeGreaterThan(0);
    expect(why).toBeLessThan(r.out.indexOf('Evidence:'));
    expect(r.out).not.toContain(join(dir, 'evidence', 'sha256'));
    expect(r.out).toMatch(new RegExp(`alerts show ${seeded.alerts.clone} --files`));
    expect(r.out).toMatch(new RegExp(`evidence ${seeded.alerts.clone} --out alert-${seeded.alerts.clone}\\.wacz`));
    expect(r.out).not.toMatch(/\u001b/);
    const files = await phenix(['alerts', 'show', String(seeded.alerts.clone), '--files']);
    expect(files.code).toBe(0);
    expect(files.out).toMatch(
      new RegExp(`screenshot\\s+${join(dir, 'evidence', 'sha256')}/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}`),
    );
    expect(r.out).not.toMatch(/\u001b/);
    // The hint writes a WACZ under a .wacz name, with a command the shell finds (issue 20.4).
    const id = seeded.alerts.clone;
    expect(r.out).toMatch(new RegExp(`Evidence package: (npx )?phenix evidence ${id} --out alert-${id}\\.wacz`));
    expect(r.out).not.toContain('.warc.gz');
    expect(r.out.split('\n').length).toBeLessThan(files.out.split('\n').length);
  });

  it('prints captured text without terminal control sequences', async () => {
    const r = await phenix(['alerts', 'show', String(seeded.alerts.hostile)]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Title \\x1b[2J\\x1b]0;pwned\\x07');
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });

  it('confirms and dismisses with a note, by the named analyst or the OS user, into the audit log', async () => {
    const confirm = await phenix([
      'alerts',
      'confirm',
      String(seeded.alerts.clone),
      '--note',
      'Same phones, same ads.',
      '--by',
      'analyste.martin',
    ]);
    expect(confirm.code).toBe(0);
    expect(confirm.out).toContain('is now confirmed');
    const dismiss = await phenix(['alerts', 'dismiss', String(seeded.alerts.hostile), '--note', 'Different operator.']);
    expect(dismiss.code).toBe(0);
    expect((await getAlert(t.handle.db, seeded.alerts.clone)).status).toBe('confirmed');
    const hostile = await getAlert(t.handle.db, seeded.alerts.hostile);
    expect(hostile).toMatchObject({ status: 'dismissed', reviewer: userInfo().username, note: 'Different operator.' });
    const audit = await listAudit(t.handle.db, { subjectType: 'alert', subjectId: seeded.alerts.clone });
    expect(audit.at(-1)).toMatchObject({
      actor: 'analyste.martin',
      action: 'alert.confirmed',
      details: { note: 'Same phones, same ads.' },
    });
  });

  it('exits 2 with a plain message on a bad or unknown id and on a missing note', async () => {
    for (const args of [
      ['alerts', 'show', 'abc'],
      ['alerts', 'show', '999999'],
      ['alerts', 'confirm', '0', '--note', 'x'],
      ['alerts', 'dismiss', String(seeded.alerts.clone)],
      ['alerts', 'list', '--status', 'maybe'],
    ]) {
      const r = await phenix(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect((await phenix(['alerts', 'show', '999999'])).err).toContain('No alert with id 999999');
    expect((await phenix(['alerts', 'show', 'abc'])).err).toContain('"abc" is not an alert id');
  });
});

describe('phenix users', () => {
  it('adds an account from --password-stdin, hashed with scrypt, and lists it', async () => {
    // The first account needs nobody's permission (there is nobody yet); from then on a supervisor manages them.
    const r = await phenix(
      ['users', 'add', 'analyste.leroy', '--role', 'supervisor', '--password-stdin'],
      'a long enough passphrase\n',
    );
    expect(r.code).toBe(0);
    // The first account is given its CLI token at once; from now on commands act as the account it proves.
    const token = /phx_[A-Za-z0-9_-]{43}/.exec(r.out)?.[0];
    expect(token).toBeDefined();
    tokens['analyste.leroy'] = token as string;
    process.env.PHENIX_TOKEN = token;
    const user = await findUserForLogin(t.handle.db, 'analyste.leroy');
    expect(user?.passwordHash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('a long enough passphrase', user?.passwordHash ?? '')).toBe(true);
    expect((await phenix(['users', 'list'])).out).toMatch(/analyste\.leroy\s+supervisor/);
    expect(
      (await phenix(['users', 'add', 'analyste.leroy', '--password-stdin'], 'a long enough passphrase')).code,
    ).toBe(2);
    expect((await phenix(['users', 'add', 'analyste.court', '--password-stdin'], 'short')).code).toBe(2);
    expect(
      (await phenix(['users', 'add', 'no spaces allowed', '--password-stdin'], 'a long enough passphrase')).code,
    ).toBe(2);
  });

  it('refuses to read a password from a pipe without --password-stdin', async () => {
    const r = await phenix(['users', 'add', 'analyste.x'], 'secret secret secret');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--password-stdin');
  });
});

describe('roles on the command line', () => {
  it('refuses what the acting account’s role does not allow, with a plain message', async () => {
    const add = (name: string, role: string) =>
      phenix(['users', 'add', name, '--role', role, '--password-stdin'], 'a long enough passphrase');
    expect((await add('igpn.durand', 'auditor')).code).toBe(0);
    expect((await add('analyste.petit', 'analyst')).code).toBe(0);
    for (const name of ['igpn.durand', 'analyste.petit']) tokens[name] = await mintCliToken(t.handle.db, name);
    const auditorReads = await phenix(['alerts', 'list', '--by', 'igpn.durand']);
    expect(auditorReads.code).toBe(2);
    expect(auditorReads.err).toContain('igpn.durand is an auditor: this command needs the role analyst or supervisor');
    const analystAdds = await phenix(
      ['users', 'add', 'x.y', '--by', 'analyste.petit', '--password-stdin'],
      'a long enough passphrase',
    );
    expect(analystAdds.code).toBe(2);
    expect(analystAdds.err).toContain('needs the role supervisor');
    expect((await phenix(['audit', 'list', '--by', 'analyste.petit'])).code).toBe(2);
    const stranger = await phenix(['alerts', 'list', '--by', 'nobody.here']);
    expect(stranger.code).toBe(2);
    expect(stranger.err).toContain('"nobody.here" (from --by) is a name, not a proof');
    expect((await phenix(['users', 'role', 'analyste.petit', 'supervisor'])).code).toBe(0);
    expect(
      (await phenix(['users', 'add', 'x.y', '--by', 'analyste.petit', '--password-stdin'], 'a long enough passphrase'))
        .code,
    ).toBe(0);
  });

  it('journals consultations from the CLI and lists them by account and date', async () => {
    expect((await phenix(['alerts', 'show', String(seeded.alerts.clone), '--by', 'analyste.petit'])).code).toBe(0);
    const r = await phenix([
      'audit',
      'list',
      '--actor',
      'analyste.petit',
      '--since',
      '2020-01-01',
      '--json',
      '--by',
      'igpn.durand',
    ]);
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as { action: string; subjectId: string; details: { via?: string } }[];
    expect(rows.map((x) => x.action)).toContain('view.alert');
    expect(rows.find((x) => x.action === 'view.alert')).toMatchObject({
      subjectId: String(seeded.alerts.clone),
      details: { via: 'cli' },
    });
    const future = await phenix(['audit', 'list', '--since', '2999-01-01', '--json', '--by', 'igpn.durand']);
    expect(JSON.parse(future.out)).toEqual([]);
    expect((await phenix(['audit', 'list', '--since', 'yesterday', '--by', 'igpn.durand'])).code).toBe(2);
  });

  it('verifies the journal, and names the entry changed behind its back', async () => {
    const ok = await phenix(['audit', 'verify', '--by', 'igpn.durand']);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(/^OK: \d+ journal entries/);
    await t.handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.handle.db.execute(sql`update audit_log set actor = 'quelqu.un' where seq = 3`);
    await t.handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const bad = await phenix(['audit', 'verify', '--by', 'igpn.durand']);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('entry #3');
    expect(bad.out).toContain('was changed');
  });

  it("reports entries cut from the journal's end since its last seal as a gap", async () => {
    await sealJournal({ db: t.handle.db, logger: pino({ level: 'silent' }), reason: 'hourly' });
    const [{ n }] = (await t.handle.db.execute(sql`select max(seq)::int as n from audit_log`)) as unknown as {
      n: number;
    }[];
    await t.handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.handle.db.execute(sql`delete from audit_log where seq > ${n - 2}`);
    await t.handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const cut = await phenix(['audit', 'verify', '--by', 'igpn.durand']);
    expect(cut.code).toBe(1);
    expect(cut.out).toContain(`covers entries up to #${n}, the journal now ends at #${n - 2}`);
  });
});

describe('phenix purge and cases', () => {
  it('lists what retention would remove in a dry run, for supervisors only, and closes a case', async () => {
    expect((await phenix(['purge', '--dry-run', '--by', 'igpn.durand'])).code).toBe(2);
    const dry = await phenix(['purge', '--dry-run', '--by', 'analyste.leroy']);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toMatch(/^Dry run: \d+ capture\(s\)/);
    const closed = await phenix(['cases', 'close', 'maison-services', '--note', 'jugement', '--by', 'analyste.leroy']);
    expect(closed.code, closed.err).toBe(0);
    expect(closed.out).toContain('The case of maison-services is closed');
    expect((await phenix(['cases', 'close', 'maison-services', '--note', 'x', '--by', 'analyste.leroy'])).code).toBe(2);
  });
});

describe('phenix export and evidence', () => {
  it('writes CSV and STIX files', async () => {
    const csv = join(dir, 'alerts.csv');
    expect((await phenix(['export', 'alerts', '--format', 'csv', '--status', 'confirmed', '--out', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8').split('\r\n')[0]).toMatch(/^id,site,case_ref/);
    const stix = await phenix(['export', 'alerts', '--format', 'stix']);
    expect(JSON.parse(stix.out).type).toBe('bundle');
    expect((await phenix(['export', 'alerts', '--format', 'xml'])).code).toBe(2);
  });

  it('creates the unit key, writes a signed package that verifies, and fails verification once altered', async () => {
    const keys = await phenix(['keys', 'init']);
    expect(keys.code).toBe(0);
    expect(keys.out).toMatch(/Fingerprint \(SHA-256 of the public key\): [0-9a-f]{64}/);
    expect(statSync(join(dir, 'data/keys/unit-signing.pem')).mode & 0o777).toBe(0o600);
    expect((await phenix(['keys', 'init'])).code).toBe(2); // never replaces the key packages were signed with
    const out = join(dir, `alert-${seeded.alerts.clone}.wacz`);
    const made = await phenix(['evidence', String(seeded.alerts.clone), '--out', out]);
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/SHA-256 of the package: [0-9a-f]{64}/);
    expect(made.out).toMatch(/NOT timestamped/);
    expect(made.out).toMatch(/phenix evidence verify .*\.wacz --allow-untimestamped/);
    expect((await phenix(['evidence', String(seeded.alerts.clone), '--out', out])).code).toBe(2); // no silent overwrite
    // No timestamp: a missing element with its own exit code, never "altered" (issue 20.3).
    const untimestamped = await phenix(['evidence', 'verify', out]);
    expect(untimestamped.code).toBe(3);
    expect(untimestamped.out).toMatch(/^INTACT, NOT TIMESTAMPED: /);
    expect(untimestamped.out + untimestamped.err).not.toMatch(/MISMATCH|ALTERED|do not use it/);
    const ok = await phenix(['evidence', 'verify', out, '--allow-untimestamped']);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/^INTACT, NOT TIMESTAMPED: /);
    const court = await phenix([
      'evidence',
      'verify',
      out,
      '--allow-untimestamped',
      '--public-key',
      join(dir, 'data/keys/unit-signing.pem.pub.pem'),
    ]);
    expect(court.code).toBe(0);
    const bytes = readFileSync(out);
    const at = bytes.indexOf('Maison Services');
    bytes[at] = 'm'.charCodeAt(0);
    writeFileSync(out, bytes);
    const bad = await phenix(['evidence', 'verify', out, '--allow-untimestamped']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^ALTERED: /);
    expect(bad.out).toContain('does not match the SHA-256 and size listed in datapackage.json');
    expect((await phenix(['evidence', 'abc', '--out', join(dir, 'x.wacz')])).code).toBe(2);
    expect((await phenix(['evidence', 'check-cycle', 'no-such-cycle'])).out).toMatch(/has no sealed root/);
  });
});

describe('the phenix binary', () => {
  it('runs the review commands end to end as a separate process', async () => {
    const expected = (await listAlerts(t.handle.db, { status: 'dismissed' })).map((a) => a.id);
    const r = spawnSync(
      process.execPath,
      [BIN, '--config', config, 'alerts', 'list', '--json', '--status', 'dismissed'],
      {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: t.url, LOG_LEVEL: 'warn', PHENIX_TOKEN: tokens['analyste.leroy'] },
        timeout: 170_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).map((x: { id: number }) => x.id)).toEqual(expected);
  }, 180_000);
});
