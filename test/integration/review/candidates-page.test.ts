/**
 * Issue 20.5: /candidates is paged (50 a page) and filtered (source, DNS, screening, alert); lookalikes read in
 * Unicode with their punycode beside; a name links to its alert, or says why it raised none.
 */
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlert, upsertCandidates } from '../../../db/index.ts';
import { domains } from '../../../db/schema/index.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

describe('the candidates page', () => {
  let f: ReviewFixture;
  let client: TestClient;

  beforeAll(async () => {
    f = await createReviewFixture();
    const names = Array.from({ length: 120 }, (_, i) => ({
      hostname: `plombier-${String(i).padStart(3, '0')}.test`,
      source: 'import' as const,
      sourceDetail: 'test list',
    }));
    await upsertCandidates(f.t.handle.db, [
      ...names,
      { hostname: 'xn--mnage-bsa.test', source: 'lookalike', sourceDetail: 'homoglyph' },
    ]);
    await f.t.handle.db
      .update(domains)
      .set({ dnsState: 'nxdomain' })
      .where(inArray(domains.hostname, ['plombier-000.test', 'plombier-001.test']));
    client = new TestClient(f.server);
    await client.loginAndGetCsrf();
  });
  afterAll(async () => {
    await f?.close();
  });

  const rowsOf = (page: string) => (page.match(/<tr><td>/g) ?? []).length;

  it('shows 50 names a page with a link to the next, keeping the filters', async () => {
    const first = await (await client.request('/candidates?source=import')).text();
    expect(first).toContain('120 candidate(s) · showing 1–50');
    expect(rowsOf(first)).toBe(50);
    expect(first).toContain('href="/candidates?source=import&amp;page=2"');
    const last = await (await client.request('/candidates?source=import&page=3')).text();
    expect(last).toContain('showing 101–120');
    expect(rowsOf(last)).toBe(20);
  });

  it('filters by DNS state, screening and alert, and says why a name raised no alert', async () => {
    const nx = await (await client.request('/candidates?dns=nxdomain')).text();
    expect(nx).toContain('2 candidate(s)');
    expect(nx).toContain('Does not resolve (nxdomain)');
    const clone = await getAlert(f.t.handle.db, f.seeded.alerts.clone);
    const withAlert = await (await client.request('/candidates?alert=yes')).text();
    expect(withAlert).toContain(`href="/alerts/${clone.id}"`);
    expect(withAlert).not.toContain('plombier-');
    const none = await (await client.request('/candidates?alert=no&source=import&dns=unknown')).text();
    expect(none).toContain('118 candidate(s)');
    expect(none).toContain('Not looked up in the DNS yet.');
    expect(await (await client.request('/candidates?screen=parked')).text()).toContain(
      'No candidate matches these filters.',
    );
  });

  it('shows a lookalike in Unicode with its punycode beside', async () => {
    const page = await (await client.request('/candidates?source=lookalike')).text();
    expect(page).toContain('<strong>ménage.test</strong>');
    expect(page).toContain('xn--mnage-bsa.test');
  });
});
