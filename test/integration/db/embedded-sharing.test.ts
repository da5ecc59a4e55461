/**
 * The embedded database shared on its socket (db/embedded.ts, db/shared/): other processes' sessions run one at a
 * time and whole transactions at a time, never inside the service's own, and a client that holds a transaction open
 * in silence or disappears mid-transaction is rolled back without stalling the service.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type PhenixDatabase } from '../../../db/index.ts';

const rows = async (h: PhenixDatabase, q: ReturnType<typeof sql>) => {
  const r = (await h.db.execute(q)) as unknown as { rows?: Record<string, unknown>[] } | Record<string, unknown>[];
  return Array.isArray(r) ? r : (r.rows ?? []);
};

describe('the embedded database shared on its socket', () => {
  let dir: string;
  let owner: PhenixDatabase;
  let socketDir: string;
  const clients: postgres.Sql[] = [];
  const client = () => {
    const c = postgres({ path: join(socketDir, '.s.PGSQL.5432'), max: 1, prepare: false, onnotice: () => {} });
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'phenix-share-'));
    owner = await openDatabase({ dataDir: join(dir, 'db'), idleInTransactionMs: 400 });
    socketDir = join(dir, 'db.sock');
    await owner.db.execute(sql`create table t (id serial primary key, who text not null)`);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end({ timeout: 1 }).catch(() => {})));
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves it on a socket only this user can reach', async () => {
    expect(owner.sharing).toContain(join(socketDir, '.s.PGSQL.5432'));
    expect(statSync(socketDir).mode & 0o777).toBe(0o700);
    const c = client();
    expect((await c`select 1 + 1 as two`)[0].two).toBe(2);
    await c`insert into t (who) values ('client')`;
    expect(await rows(owner, sql`select who from t`)).toEqual([{ who: 'client' }]);
  });

  it('runs the service’s queries outside a client’s transaction, after it', async () => {
    const c = client();
    let ownerDone = false;
    let ownerWrite: Promise<unknown> | undefined;
    await expect(
      c.begin(async (tx) => {
        await tx`insert into t (who) values ('rolled back')`;
        ownerWrite = owner.db.execute(sql`insert into t (who) values ('service')`).then(() => {
          ownerDone = true;
        });
        await new Promise((r) => setTimeout(r, 150));
        expect(ownerDone).toBe(false); // waits for the client's transaction to end
        throw new Error('abandon');
      }),
    ).rejects.toThrow('abandon');
    await ownerWrite;
    const who = (await rows(owner, sql`select who from t order by id`)).map((r) => r.who);
    expect(who).toContain('service');
    expect(who).not.toContain('rolled back');
  });

  it('keeps several clients’ transactions whole', async () => {
    await owner.db.execute(sql`create table counter (n int not null)`);
    await owner.db.execute(sql`insert into counter values (0)`);
    const bump = async (c: postgres.Sql) => {
      for (let i = 0; i < 15; i++)
        await c.begin(async (tx) => {
          const [{ n }] = await tx`select n from counter`;
          await new Promise((r) => setImmediate(r));
          await tx`update counter set n = ${n + 1}`;
        });
    };
    const inProcess = async () => {
      for (let i = 0; i < 15; i++)
        await owner.db.transaction(async (tx) => {
          const r = (await tx.execute(sql`select n from counter`)) as unknown as { rows: { n: number }[] };
          const [{ n }] = r.rows;
          await tx.execute(sql`update counter set n = ${n + 1}`);
        });
    };
    await Promise.all([bump(client()), bump(client()), bump(client()), inProcess()]);
    expect(await rows(owner, sql`select n from counter`)).toEqual([{ n: 60 }]);
  });

  it('rolls back a client that holds a transaction open in silence, and lets the service go on', async () => {
    const c = client();
    const reserved = await c.reserve();
    await reserved`begin`;
    await reserved`insert into t (who) values ('silent')`;
    const started = Date.now();
    await owner.db.execute(sql`insert into t (who) values ('after silence')`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const who = (await rows(owner, sql`select who from t`)).map((r) => r.who);
    expect(who).toContain('after silence');
    expect(who).not.toContain('silent');
    await expect(reserved`select 1`).rejects.toThrow();
  });

  it('rolls back a client that disappears mid-transaction', async () => {
    const c = client();
    const reserved = await c.reserve();
    await reserved`begin`;
    await reserved`insert into t (who) values ('gone')`;
    await c.end({ timeout: 0 });
    await owner.db.execute(sql`insert into t (who) values ('after gone')`);
    const who = (await rows(owner, sql`select who from t`)).map((r) => r.who);
    expect(who).toContain('after gone');
    expect(who).not.toContain('gone');
  });

  it('removes its socket when the owner closes', async () => {
    await owner.close();
    expect(() => statSync(socketDir)).toThrow();
  });
});
