/**
 * Issue 20.6: for a seized site, "side by side" shows the site as it was (its last crawl that describes it, the one
 * the detector compares), not the seizure notice a later crawl found.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlert } from '../../../db/index.ts';
import { captures, crawlRuns, domains } from '../../../db/schema/index.ts';
import { createReviewFixture, type ReviewFixture, TestClient } from './review-fixture.ts';

describe('side by side for a seized site', () => {
  let f: ReviewFixture;

  beforeAll(async () => {
    f = await createReviewFixture();
    const db = f.t.handle.db;
    const [seed] = await db.select().from(domains).where(eq(domains.hostname, 'maison-services.test'));
    // The crawl from before the seizure: what the detector extracted from it (ads, a listing layout).
    await db
      .update(captures)
      .set({ features: { ads: [{ text: 'Plombier disponible 7j/7' }], contacts: [], pageType: 'listing' } })
      .where(eq(captures.domainId, seed.id));
    // A later crawl found only the seizure notice, at the same address.
    const later = new Date(Date.now() + 3_600_000);
    await db.insert(crawlRuns).values({
      id: 'seizure-run',
      domainId: seed.id,
      siteId: seed.siteId,
      mode: 'browser',
      status: 'done',
      startedAt: later,
      finishedAt: later,
    });
    await db.insert(captures).values({
      runId: 'seizure-run',
      domainId: seed.id,
      requestedUrl: 'http://maison-services.test/',
      finalUrl: 'http://maison-services.test/',
      redirectChain: [],
      status: 200,
      headers: {},
      timings: { navigationMs: 90, totalMs: 200 },
      mode: 'browser',
      depth: 0,
      title: 'Ce site a été saisi par la gendarmerie',
      htmlSha256: 'a'.repeat(64),
      textSha256: 'b'.repeat(64),
      artifacts: [],
      outlinks: { internal: [], external: [] },
      features: { ads: [], contacts: [], pageType: 'other' },
      capturedAt: later,
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('shows the last capture that describes the site, not the seizure notice', async () => {
    const client = new TestClient(f.server);
    await client.loginAndGetCsrf();
    const alert = await getAlert(f.t.handle.db, f.seeded.alerts.clone);
    const page = await (await client.request(`/alerts/${alert.id}`)).text();
    const reference = page.slice(page.indexOf('class="side-title"'), page.lastIndexOf('class="side-title"'));
    expect(reference).toContain('Maison Services — petites annonces');
    expect(reference).not.toContain('saisi par la gendarmerie');
  });
});
