/**
 * The application can run as a role that only inserts into and reads the audit log (migration 0004): a login
 * role made a member of phenix_app, connected for real, cannot update, delete, truncate, alter the table or
 * disable its triggers, and its inserts are still chained.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PhenixDatabase, verifyAuditChain } from '../../../db/index.ts';
import { createServerDatabase } from '../../helpers/db.ts';

const ROLE = `phenix_t_app_${process.pid}`;

describe('phenix_app role on postgres', () => {
  let server: { url: string; drop(): Promise<void> };
  let owner: PhenixDatabase;
  let app: postgres.Sql;
  beforeAll(async () => {
    server = await createServerDatabase();
    owner = await openDatabase({ url: server.url, migrate: true, maxConnections: 2 });
    const admin = postgres(server.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${ROLE} login in role phenix_app`);
    await admin.end();
    app = postgres(server.url.replace('//postgres@', `//${ROLE}@`), { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await app?.end();
    await owner?.close();
    await server?.drop();
    const admin = postgres(server.url.replace(/\/[^/]*$/, '/postgres'), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop role if exists ${ROLE}`);
    await admin.end();
  });

  it('connects as a member of phenix_app, not as the owner', async () => {
    const [row] = await app`select current_user as me, pg_has_role(current_user, 'phenix_app', 'member') as member`;
    expect(row).toEqual({ me: ROLE, member: true });
  });

  it('inserts and reads the audit log, chained by the database', async () => {
    await app`insert into audit_log (actor, action, subject_type, subject_id) values ('service', 'x', 't', '1')`;
    const rows = await app`select actor, seq from audit_log`;
    expect(rows).toEqual([{ actor: 'service', seq: '1' }]);
    expect((await verifyAuditChain(owner.db)).ok).toBe(true);
  });

  it.each([
    ['update', `update audit_log set actor = 'forger'`, /permission denied/],
    ['delete', 'delete from audit_log', /permission denied/],
    ['truncate', 'truncate audit_log', /permission denied/],
    ['disable the trigger', 'alter table audit_log disable trigger audit_log_chain', /must be owner/],
    ['drop the trigger', 'drop trigger audit_log_no_update_delete on audit_log', /must be owner/],
    [
      'replace the hash function',
      `create or replace function phenix_audit_entry_text(text, bigint, timestamptz, text, text, text, text, jsonb) returns text as $$ select 'x' $$ language sql`,
      /must be owner|permission denied/,
    ],
    ['stop the triggers for the session', `set session_replication_role = replica`, /permission denied/],
  ])('cannot %s', async (_what, statement, error) => {
    await expect(app.unsafe(statement)).rejects.toThrow(error);
  });

  it('still works on the other tables (reads and writes)', async () => {
    await app`insert into sites (name, status, case_ref) values ('services-domicile', 'suspected', 'CASE-T')`;
    await app`update sites set notes = 'ok' where name = 'services-domicile'`;
    const [row] = await app`select notes from sites where name = 'services-domicile'`;
    expect(row.notes).toBe('ok');
  });

  it('passes the start-up check that the database is migrated', async () => {
    const asApp = await openDatabase({ url: server.url.replace('//postgres@', `//${ROLE}@`), maxConnections: 1 });
    await asApp.close();
  });

  it('migrates as an owner that is not a superuser (the usual production set-up)', async () => {
    const owner2 = `phenix_t_owner_${process.pid}`;
    const db2 = `phenix_t_owned_${process.pid}`;
    const admin = postgres(server.url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create role ${owner2} login`);
    await admin.unsafe(`create database ${db2} owner ${owner2}`);
    try {
      const url = server.url.replace('//postgres@', `//${owner2}@`).replace(/\/[^/]*$/, `/${db2}`);
      const handle = await openDatabase({ url, migrate: true, maxConnections: 1 });
      await handle.db.execute(
        sql`insert into audit_log (actor, action, subject_type, subject_id) values ('a', 'b', 'c', 'd')`,
      );
      expect((await verifyAuditChain(handle.db)).ok).toBe(true);
      await handle.close();
    } finally {
      await admin.unsafe(`drop database if exists ${db2} with (force)`);
      await admin.unsafe(`drop owned by ${owner2}`).catch(() => {});
      await admin.unsafe(`drop role if exists ${owner2}`).catch(() => {});
      await admin.end();
    }
  });
});
