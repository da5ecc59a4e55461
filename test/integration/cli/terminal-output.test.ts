/**
 * Issue 19.14: commands that print stored text (a journal actor in `audit verify`'s findings, a receiver's error in
 * `notify status`, a screening reason in `candidates list`) print terminal escapes as visible text. Before the
 * fix those lines wrote the raw escape sequences to the analyst's terminal.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, enqueueNotification, upsertCandidates } from '../../../db/index.ts';
import { runPhenixHere } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/db.ts';

const ESC = '\u001b]0;pwned\u0007\u001b[2J';
let t: TestDatabase;
let dir: string;
let config: string;

function phenix(args: string[]) {
  process.env.DATABASE_URL = t.url;
  return runPhenixHere(['--config', config, ...args]);
}

beforeAll(async () => {
  t = await createTestDatabase('postgres');
  dir = mkdtempSync(join(tmpdir(), 'phenix-terminal-'));
  config = join(dir, 'phenix.yaml');
  writeFileSync(config, `database:\n  url: ${t.url}\n`);
  await appendAudit(t.handle.db, { actor: `chef${ESC}`, action: 'view.alert', subjectType: 'alert', subjectId: 1 });
  await appendAudit(t.handle.db, { actor: 'b', action: 'view.alert', subjectType: 'alert', subjectId: 2 });
  const outbox = await enqueueNotification(t.handle.db, 'test', { by: 'test' });
  await t.handle.db.execute(
    sql`insert into notification_deliveries (outbox_id, target, status, attempts, last_error) values (${outbox}, ${'email:a@unit.example'}, 'failed', 1, ${`550 refused${ESC}`})`,
  );
  await upsertCandidates(t.handle.db, [{ hostname: 'menage-exemple.test', source: 'import', sourceDetail: 'test' }]);
  await t.handle.db.execute(
    sql`update domains set screen_state = 'dismissed', screen_reason = ${`title says ${ESC}`} where hostname = 'menage-exemple.test'`,
  );
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await t?.drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('stored text on the terminal', () => {
  it('escapes it in audit verify, notify status and candidates list', async () => {
    // Make the journal's first entry fail its hash, so verify names its (hostile) actor.
    await t.handle.db.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await t.handle.db.execute(sql`update audit_log set action = 'view.queue' where seq = 1`);
    await t.handle.db.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
    const verify = await phenix(['audit', 'verify']);
    expect(verify.out).toContain('chef\\x1b]0;pwned\\x07');
    const status = await phenix(['notify', 'status']);
    expect(status.out).toContain('550 refused\\x1b');
    const candidates = await phenix(['candidates', 'list']);
    expect(candidates.code, candidates.err).toBe(0);
    expect(candidates.out).toContain('title says \\x1b');
    for (const r of [verify, status, candidates]) expect(r.out + r.err).not.toMatch(/[\u001b\u0007]/);
  });
});
