/**
 * Roles on every route, the access journal, the body limit and X-Forwarded-For from trusted proxies only.
 */
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, listAudit } from '../../../db/index.ts';
import { captures } from '../../../db/schema/index.ts';
import { createReviewServer, type ReviewServer } from '../../../review/index.ts';
import { ROUTE_RULES } from '../../../review/security/access.ts';
import { hashPassword } from '../../../review/security/passwords.ts';
import { ANALYST } from '../../helpers/seed-review.ts';
import { createReviewFixture, csrfFrom, type ReviewFixture, TestClient } from './review-fixture.ts';

const PASSWORD = 'correct horse battery';
let f: ReviewFixture;
let sha: string;

beforeAll(async () => {
  f = await createReviewFixture();
  const hash = await hashPassword(PASSWORD);
  await createUser(f.t.handle.db, { name: 'chef.martin', passwordHash: hash, by: 'test', role: 'supervisor' });
  await createUser(f.t.handle.db, { name: 'igpn.durand', passwordHash: hash, by: 'test', role: 'auditor' });
  const [c] = await f.t.handle.db.select({ artifacts: captures.artifacts }).from(captures).limit(1);
  sha = c.artifacts[0].sha256;
});
afterAll(async () => {
  await f?.close();
});

async function as(name: string, password = PASSWORD, address = '192.0.2.60'): Promise<TestClient> {
  const client = new TestClient(f.server, address);
  expect((await client.login(name, password)).status).toBe(303);
  return client;
}

describe('roles', () => {
  it('has an access rule for every route the server registers', () => {
    const missing = f.server.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`)
      .filter((route) => !ROUTE_RULES[route]);
    expect(missing).toEqual([]);
  });

  it('lets analysts review but not read the journal', async () => {
    const analyst = await as(ANALYST.name, ANALYST.password);
    expect((await analyst.get('/alerts')).status).toBe(200);
    expect((await analyst.get(`/alerts/${f.seeded.alerts.clone}`)).status).toBe(200);
    expect((await analyst.get(`/artifacts/${sha}`)).status).toBe(200);
    expect((await analyst.get('/journal')).status).toBe(403);
  });

  it('lets auditors read the journal only', async () => {
    const auditor = await as('igpn.durand');
    const home = await auditor.get('/');
    expect(home.headers.get('location')).toBe('/journal');
    const journal = await auditor.get('/journal');
    expect(journal.status).toBe(200);
    const csrf = csrfFrom(await journal.text());
    for (const path of [
      '/alerts',
      `/alerts/${f.seeded.alerts.clone}`,
      `/artifacts/${sha}`,
      '/export/alerts?format=json',
    ])
      expect((await auditor.get(path)).status, path).toBe(403);
    const decision = await auditor.post(`/alerts/${f.seeded.alerts.clone}/decision`, {
      _csrf: csrf,
      decision: 'confirmed',
      note: 'not mine to decide',
    });
    expect(decision.status).toBe(403);
    expect((await auditor.post('/logout', { _csrf: csrf })).status).toBe(303);
  });

  it('lets supervisors review and read the journal', async () => {
    const supervisor = await as('chef.martin');
    expect((await supervisor.get('/alerts')).status).toBe(200);
    expect((await supervisor.get('/journal?actor=chef.martin')).status).toBe(200);
  });

  it('refuses a route that has no access rule, even to a supervisor', async () => {
    const logs: Record<string, unknown>[] = [];
    const server: ReviewServer = createReviewServer({
      db: f.t.handle.db,
      evidenceDir: f.evidenceDir,
      logger: pino({ level: 'info' }, { write: (l: string) => logs.push(JSON.parse(l)) }),
    });
    server.app.get('/added-by-someone-else', (c) => c.text('secret'));
    const client = new TestClient(server, '192.0.2.61');
    expect((await client.login('chef.martin', PASSWORD)).status).toBe(303);
    const res = await client.get('/added-by-someone-else');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
    expect(logs.some((l) => l.route === 'GET /added-by-someone-else')).toBe(true);
  });
});

describe('access journal', () => {
  it('records who consulted which alert and artifact, when and from where', async () => {
    const analyst = await as(ANALYST.name, ANALYST.password, '192.0.2.77');
    await analyst.get(`/alerts/${f.seeded.alerts.clone}`);
    await analyst.get(`/artifacts/${sha}`);
    await analyst.get('/alerts?status=open');
    await analyst.get('/alerts/999999'); // not found: nothing was consulted
    const rows = (await listAudit(f.t.handle.db, { actor: ANALYST.name, action: 'view.' })).filter(
      (r) => (r.details as { address?: string }).address === '192.0.2.77',
    );
    expect(rows.map((r) => [r.action, r.subjectId])).toEqual([
      ['view.alert', String(f.seeded.alerts.clone)],
      ['view.artifact', sha],
      ['view.queue', '?status=open'],
    ]);
    for (const r of rows) expect(r.details).toMatchObject({ address: '192.0.2.77', via: 'web' });
  });

  it('records web exports with the address', async () => {
    const analyst = await as(ANALYST.name, ANALYST.password, '192.0.2.78');
    expect((await analyst.get('/export/alerts?format=csv')).status).toBe(200);
    const [row] = await listAudit(f.t.handle.db, { action: 'alerts.exported', newestFirst: true, limit: 1 });
    expect(row).toMatchObject({ actor: ANALYST.name, details: expect.objectContaining({ address: '192.0.2.78' }) });
  });
});

describe('request hardening', () => {
  it('answers 413 to a large body on every POST, before reading it', async () => {
    const client = new TestClient(f.server, '192.0.2.90');
    const big = 'x'.repeat(200 * 1024);
    const login = await client.post('/login', { name: 'a', password: big });
    expect(login.status).toBe(413);
    const analyst = await as(ANALYST.name, ANALYST.password, '192.0.2.91');
    const decision = await analyst.post(`/alerts/${f.seeded.alerts.clone}/decision`, { note: big });
    expect(decision.status).toBe(413);
    // A chunked body with no Content-Length is counted as it streams.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 100; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(4096)));
        controller.close();
      },
    });
    const chunked = await client.request('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const server = createReviewServer({
      db: f.t.handle.db,
      evidenceDir: f.evidenceDir,
      logger: pino({ level: 'silent' }),
      trustedProxies: ['10.0.0.0/8'],
    });
    const viaProxy = new TestClient(server, '10.1.2.3');
    const direct = new TestClient(server, '192.0.2.99');
    for (const [client, forwarded] of [
      [viaProxy, '198.51.100.7, 10.9.9.9'],
      [direct, '198.51.100.8'],
    ] as const) {
      const token = await client.loginToken();
      const res = await client.post(
        '/login',
        { _csrf: token, name: ANALYST.name, password: ANALYST.password, next: '/alerts' },
        { 'x-forwarded-for': forwarded },
      );
      expect(res.status).toBe(303);
    }
    const logins = await listAudit(f.t.handle.db, { action: 'session.login', newestFirst: true, limit: 2 });
    expect(logins.map((r) => (r.details as { address: string }).address)).toEqual(['192.0.2.99', '198.51.100.7']);
  });
});
