/** The case view, candidates and cycles pages, and the case PDF (Chromium print, read back with pdftotext). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideAlert, getAlert, getCase, recordCycleEnd, recordCycleStart } from '../../../db/index.ts';
import { renderCaseReport } from '../../../review/index.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

describe('the case view (Postgres)', () => {
  let f: ReviewFixture;
  let client: TestClient;
  let confirmed: string;

  beforeAll(async () => {
    f = await createReviewFixture();
    const clone = await getAlert(f.t.handle.db, f.seeded.alerts.clone);
    await decideAlert(f.t.handle.db, clone.id, {
      status: 'confirmed',
      reviewer: 'analyste.dupont',
      note: 'same phones',
    });
    confirmed = clone.candidate;
    await recordCycleStart(f.t.handle.db, { id: 'a1b2c3d4-0000-4000-8000-000000000001', scope: 'all', origin: 'test' });
    await recordCycleEnd(f.t.handle.db, 'a1b2c3d4-0000-4000-8000-000000000001', {
      status: 'completed',
      summary: { crawls: 4, pagesOk: 31, outcomes: { created: 3 } },
    });
    client = new TestClient(f.server);
    await client.loginAndGetCsrf();
  });
  afterAll(async () => {
    await f?.close();
  });

  it('needs a login like every page', async () => {
    const anonymous = new TestClient(f.server);
    for (const path of [
      '/cases',
      '/cases/maison-services',
      '/cases/maison-services/report.pdf',
      '/candidates',
      '/cycles',
    ])
      expect((await anonymous.request(path)).status, path).toBe(303);
  });

  it('shows the case: reference, status, counts, an SVG timeline and family graph, no script', async () => {
    const view = await getCase(f.t.handle.db, 'maison-services');
    const res = await client.request('/cases/maison-services');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Case PJ-2026-017');
    expect(page).toContain(`${view.counts.confirmed} confirmed`);
    expect(view.counts.confirmed).toBe(1);
    expect(page).toMatch(/<svg[^>]+aria-label="Timeline of the case"/);
    expect(page).toMatch(/<svg[^>]+aria-label="Family graph of the case"/);
    for (const a of view.alerts) expect(page).toContain(a.candidate);
    expect(page).toContain('contact(s)');
    expect(page).not.toMatch(/<script|onerror=|onload=/i);
    expect(page).toContain('/cases/maison-services/report.pdf');
    expect((await client.request('/cases')).status).toBe(200);
    expect((await client.request('/cases/no-such-site')).status).toBe(404);
  });

  it('lists decisions with who, what, when and the note, never journal consultations', async () => {
    // Opening the alert journals a consultation (view.alert): it is not a decision and must not be listed as one.
    expect((await client.request(`/alerts/${f.seeded.alerts.clone}`)).status).toBe(200);
    const page = await (await client.request('/cases/maison-services')).text();
    const decisions = page.slice(page.indexOf('<h2>Decisions</h2>'), page.indexOf('<h2>Family graph</h2>'));
    expect(decisions).toContain('Confirmed as a clone');
    expect(decisions).toContain('analyste.dupont');
    expect(decisions).toContain('same phones');
    expect(decisions).toContain(confirmed);
    expect(decisions).not.toMatch(/view\.alert|evidence\.packaged|decide\.alert/);
  });

  it('lists candidates by source and DNS state, and cycles with their summary', async () => {
    const all = await (await client.request('/candidates')).text();
    expect(all).toContain(confirmed);
    const none = await (await client.request('/candidates?source=feed&dns=nxdomain')).text();
    expect(none).toContain('No candidate matches these filters.');
    const cycles = await (await client.request('/cycles')).text();
    expect(cycles).toContain('completed');
    const one = await client.request('/cycles/a1b2c3d4-0000-4000-8000-000000000001');
    const words = await one.text();
    expect(words).toContain('It ran 4 crawls (one per site or candidate): 31 pages captured.');
    expect(words).not.toContain('Pages ok');
    expect(words).toContain('Outcome: 3 new alert(s) raised.');
    expect(words).not.toMatch(/pagesOk|PAGESOK|durationMs|\{"/i);
    expect((await client.request('/cycles/nope')).status).toBe(404);
  });

  it('exports the case as one PDF holding the case reference and each confirmed clone', async () => {
    const { pdf } = await renderCaseReport({
      db: f.t.handle.db,
      site: 'maison-services',
      by: 'analyste.dupont',
      evidenceDir: f.evidenceDir,
    });
    const file = join(mkdtempSync(join(tmpdir(), 'phenix-case-')), 'case.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('PJ-2026-017');
    expect(text).toContain(confirmed);
    expect(text).toContain('Confirmed clones');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // The reasons of the confirmed clone and the analyst's note are printed, and no word is broken mid-word.
    const view = await getCase(f.t.handle.db, 'maison-services');
    const reasons = view.decisions.find((d) => d.status === 'confirmed')?.explanation ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    const words = new Set(text.split(/[\s,.;:()«»"']+/));
    for (const reason of reasons)
      for (const word of reason.split(/[\s,.;:()«»"']+/).filter((w) => /^[\p{L}]{5,}$/u.test(w)))
        expect(words.has(word), `"${word}" of "${reason}" is whole in the PDF`).toBe(true);
    expect(text).toContain('same phones');
    // Phénix and its version as the author, not Chromium's user agent.
    const info = execFileSync('pdfinfo', [file]).toString('utf8');
    const version = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version;
    expect(info).toMatch(new RegExp(`^Author:\\s+Phénix ${version.replace(/\./g, '\\.')}$`, 'm'));
    expect(info).toMatch(/^Producer:\s+Phénix /m);
    expect(info).not.toMatch(/Chrom|Skia/);
    // Both screenshots of the confirmed clone are in the file (inlined: the print loads nothing).
    const images = execFileSync('pdfimages', ['-list', file]).toString('utf8').trim().split('\n').slice(2);
    expect(images.length).toBeGreaterThanOrEqual(2);

    const res = await client.request('/cases/maison-services/report.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('case-PJ-2026-017.pdf');
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 120_000);
});
