/**
 * CSRF, response headers, artifact serving and escaping of hostile captured content on the review server.
 */
import { chmodSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlert, listAudit } from '../../../db/index.ts';
import { captures } from '../../../db/schema/index.ts';
import { createEvidenceStore } from '../../../evidence/index.ts';
import { XSS } from '../../helpers/seed-review.ts';
import { createReviewFixture, csrfFrom, type ReviewFixture, TestClient } from './review-fixture.ts';

let f: ReviewFixture;
let client: TestClient;
let csrf: string;

beforeAll(async () => {
  f = await createReviewFixture();
  client = new TestClient(f.server);
  csrf = await client.loginAndGetCsrf();
});
afterAll(async () => {
  await f?.close();
});

describe('CSRF', () => {
  const decide = (c: TestClient, form: Record<string, string>, headers: Record<string, string> = {}) =>
    c.post(
      `/alerts/${f.seeded.alerts.mention}/decision`,
      { decision: 'confirmed', note: 'same phone', ...form },
      headers,
    );

  it('rejects a decision without the token, with a wrong token, and with another session’s token', async () => {
    expect((await decide(client, {})).status).toBe(403);
    expect((await decide(client, { _csrf: 'x'.repeat(43) })).status).toBe(403);
    const other = new TestClient(f.server, '192.0.2.77');
    const otherToken = await other.loginAndGetCsrf();
    expect(otherToken).not.toBe(csrf);
    expect((await decide(client, { _csrf: otherToken })).status).toBe(403);
    expect((await getAlert(f.t.handle.db, f.seeded.alerts.mention)).status).toBe('open');
  });

  it('rejects a form posted from another origin even with the token', async () => {
    const res = await decide(client, { _csrf: csrf }, { origin: 'http://attacker.example' });
    expect(res.status).toBe(403);
    expect((await getAlert(f.t.handle.db, f.seeded.alerts.mention)).status).toBe('open');
  });

  it('rejects logout without the token (the session stays)', async () => {
    expect((await client.post('/logout', {})).status).toBe(403);
    expect((await client.get('/alerts')).status).toBe(200);
  });

  it('rejects a login form without its login token', async () => {
    const fresh = new TestClient(f.server, '192.0.2.78');
    const res = await fresh.post('/login', { name: 'analyste.dupont', password: 'correct horse battery staple' });
    expect(res.status).toBe(403);
    expect(fresh.cookies.has('phenix_session')).toBe(false);
  });

  it('rejects a login posted from another origin, even with a valid login token', async () => {
    const fresh = new TestClient(f.server, '192.0.2.79');
    const token = await fresh.loginToken();
    const form = { _csrf: token, name: 'analyste.dupont', password: 'correct horse battery staple' };
    expect((await fresh.post('/login', form, { origin: 'http://attacker.example' })).status).toBe(403);
    expect(fresh.cookies.has('phenix_session')).toBe(false);
    expect((await fresh.post('/login', form)).status).toBe(303);
  });

  it('accepts the decision with the session’s token and audits it with the analyst and the time', async () => {
    const before = Date.now();
    const res = await decide(client, { _csrf: csrf, note: 'Same phone and ad text; moved site.' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/alerts/${f.seeded.alerts.mention}?done=confirmed`);
    const alert = await getAlert(f.t.handle.db, f.seeded.alerts.mention);
    expect(alert.status).toBe('confirmed');
    expect(alert.reviewer).toBe('analyste.dupont');
    const audit = await listAudit(f.t.handle.db, { subjectType: 'alert', subjectId: f.seeded.alerts.mention });
    const entry = audit.at(-1);
    expect(entry?.action).toBe('alert.confirmed');
    expect(entry?.actor).toBe('analyste.dupont');
    expect(entry?.details).toMatchObject({
      from: 'open',
      to: 'confirmed',
      note: 'Same phone and ad text; moved site.',
    });
    expect(entry?.at.getTime()).toBeGreaterThanOrEqual(before - 1000);
    const page = await (await client.get(`/alerts/${f.seeded.alerts.mention}?done=confirmed`)).text();
    expect(page).toContain('Alert confirmed');
    expect(page).toContain('Same phone and ad text; moved site.');
  });

  it('refuses a decision without a note', async () => {
    expect((await decide(client, { _csrf: csrf, decision: 'dismissed', note: '   ' })).status).toBe(400);
  });
});

describe('response headers', () => {
  const directives = (csp: string | null) =>
    new Map(
      (csp ?? '')
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v.join(' ')]),
    );

  it('sends a strict CSP, nosniff and no framing on every page, logged in or not', async () => {
    const anonymous = new TestClient(f.server);
    for (const res of [
      await anonymous.get('/login'),
      await anonymous.get('/alerts'),
      await client.get('/alerts'),
      await client.get(`/alerts/${f.seeded.alerts.hostile}`),
      await client.get('/alerts/999999'),
    ]) {
      const csp = directives(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toBe("'none'");
      expect(csp.get('img-src')).toBe("'self'");
      expect(csp.get('style-src')).toBe("'self'");
      expect(csp.get('form-action')).toBe("'self'");
      expect(csp.get('frame-ancestors')).toBe("'none'");
      expect(csp.get('base-uri')).toBe("'none'");
      expect(csp.has('script-src')).toBe(false); // falls back to default-src 'none': no script at all
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});

describe('captured files', () => {
  async function artifactOf(kind: string) {
    const rows = await f.t.handle.db.select({ artifacts: captures.artifacts }).from(captures);
    const a = rows.flatMap((r) => r.artifacts).find((x) => x.kind === kind);
    if (!a) throw new Error(`no ${kind} artifact`);
    return a;
  }

  it('serves captured HTML as text/plain under a sandbox CSP and nosniff, never as HTML', async () => {
    const html = await artifactOf('html');
    const res = await client.get(`/artifacts/${html.sha256}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(await res.text()).toContain('<!doctype html>');
  });

  it('serves a screenshot as an image only when its bytes are that image; anything else as a download', async () => {
    const shot = await artifactOf('screenshot');
    const ok = await client.get(`/artifacts/${shot.sha256}`);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    // A hostile "screenshot" that is really HTML with a script.
    const store = createEvidenceStore({ dir: f.evidenceDir });
    const fake = await store.put(`<html><script>alert(1)</script></html>`);
    const [row] = await f.t.handle.db.select().from(captures).limit(1);
    await f.t.handle.db.insert(captures).values({
      ...row,
      id: undefined,
      requestedUrl: `${row.requestedUrl}?fake`,
      artifacts: [
        { kind: 'screenshot', sha256: fake.sha256, size: fake.size, path: fake.path, mediaType: 'text/html' },
      ],
    });
    const res = await client.get(`/artifacts/${fake.sha256}`);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves only files a capture recorded, and refuses a file altered in the store', async () => {
    const store = createEvidenceStore({ dir: f.evidenceDir });
    const stray = await store.put('not referenced by any capture');
    expect((await client.get(`/artifacts/${stray.sha256}`)).status).toBe(404);
    expect((await client.get('/artifacts/../../etc/passwd')).status).toBe(404);
    const text = await artifactOf('text');
    const file = store.absolutePath(text.sha256);
    chmodSync(file, 0o644);
    writeFileSync(file, 'tampered text');
    const res = await client.get(`/artifacts/${text.sha256}`);
    expect(res.status).toBe(409);
  });
});

describe('hostile captured content is escaped', () => {
  const payloads = [XSS.script, XSS.img, XSS.svg, XSS.link, XSS.style];

  it('shows every payload as text on the alert page and the queue, never as markup', async () => {
    const page = await (await client.get(`/alerts/${f.seeded.alerts.hostile}`)).text();
    for (const p of payloads) expect(page).not.toContain(p);
    expect(page).not.toMatch(/<script|<svg|<style|href="javascript:/i);
    expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i); // no event-handler attribute in any real tag
    // ...but the analyst still sees them, escaped: title, ad text, contact, explanation, source, unknown evidence.
    expect(page).toContain('Annonces &lt;script&gt;fetch(');
    expect(page).toContain('jardin&quot;&gt;&lt;svg onload=');
    expect(page).toContain('&lt;a href=&quot;javascript:alert(');
    expect(page).toContain('tld-swap &lt;img src=');
    expect(page).toContain('future-kind&lt;img');
    const queue = await (await client.get('/alerts')).text();
    expect(queue).not.toMatch(/<script|<[a-z][^>]*\son[a-z]+=/i);
    // the only <img> tags are our own screenshots, from this server
    const imgs = [...page.matchAll(/<img\b[^>]*>/g)].map((m) => m[0]);
    expect(imgs.length).toBeGreaterThan(0);
    for (const img of imgs) expect(img).toMatch(/^<img class="shot" src="\/artifacts\/[0-9a-f]{64}" alt="[^<>]*">$/);
  });

  it('keeps filter values from the query string escaped in the queue form', async () => {
    const page = await (await client.get(`/alerts?site=${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(csrfFrom(page)).toBe(csrf);
  });
});
