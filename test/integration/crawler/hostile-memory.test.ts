/**
 * A reduced memory-trap crawl (the full measurement is `npm run bench:hostile`): a script allocating forever and
 * allocating workers, then ordinary pages linked after them. The renderer over its budget is recycled, the traps
 * fail with a reason, and the ordinary pages are still captured.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { crawlSite } from '../../../crawler/index.ts';
import { type HostileSite, MEMORY_TRAPS, startHostileSite } from '../../helpers/hostile-server.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

let site: HostileSite;
let h: CrawlHarness;

beforeAll(async () => {
  site = await startHostileSite({ memoryTraps: [MEMORY_TRAPS.allocTimer, MEMORY_TRAPS.workers], extraOrdinary: 3 });
  h = await createHarness();
});
afterAll(async () => {
  await site.close();
  await h.cleanup();
});

it('recycles a renderer over its budget and still captures the pages after the traps', {
  timeout: 90_000,
}, async () => {
  const summary = await crawlSite(
    h.options({
      mode: 'browser',
      seeds: ['http://hostile.test/'],
      hostMap: site.hostMap,
      // The home page, its three ordinary pages, the two traps and the three pages linked after them.
      maxPages: 9,
      maxDepth: 1,
      concurrency: 2,
      pageTimeoutMs: 8_000,
      navigationTimeoutMs: 6_000,
      rendererMemoryBytes: 384 * 1024 * 1024,
    }),
  );
  expect(summary.renderersRecycled).toBeGreaterThanOrEqual(1);
  const captured = new Set(h.captures.map((c) => new URL(c.requestedUrl).pathname));
  // The crawl carries on past the traps: most ordinary pages after them are captured. A tab Chromium could not open
  // just after a recycle ('browserController.newPage() timed out', the old cause of '/ok/annonce-0' missing) or whose
  // renderer died under it is now retried as browser-crash. Still seen once in 13 runs: right after a recycle the
  // browser stalls for tens of seconds, and a navigation in a tab that reported no crash times out; that page is lost
  // as a timeout. At most one then, failed as a lost tab, and the others must be there.
  const ordinary = ['/ok/annonce-0', '/ok/annonce-1', '/ok/annonce-2'];
  const lost = ordinary.filter((path) => !captured.has(path));
  expect(lost.length, `lost: ${lost.join(', ')}`).toBeLessThanOrEqual(1);
  for (const path of lost)
    expect(['browser-crash', 'timeout'], path).toContain(h.failures.find((f) => f.url.endsWith(path))?.reason);
  const allocTimer = h.failures.find((f) => f.url.endsWith(MEMORY_TRAPS.allocTimer));
  expect(['browser-crash', 'timeout']).toContain(allocTimer?.reason);
});
