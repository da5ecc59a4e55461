/**
 * The crawler must not be steered into the unit's own network: loopback targets, names resolving to loopback and
 * rebinding names are refused unless allowPrivateTargets is set — in both modes, since both go through the guard.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../crawler/index.ts';
import { type FixtureSite, startFixtureSite } from '../../helpers/fixture-server.ts';
import { type CrawlHarness, createHarness } from './crawl-helpers.ts';

let site: FixtureSite;
let h: CrawlHarness;

beforeAll(async () => {
  site = await startFixtureSite({ adCount: 3 });
  h = await createHarness();
});
beforeEach(() => {
  h.captures.length = 0;
  h.failures.length = 0;
  site.hits.length = 0;
});
afterAll(async () => {
  await site.close();
  await h.cleanup();
});

describe('private targets', () => {
  it('refuses loopback addresses and names that resolve to them by default', async () => {
    const seeds = [
      `http://127.0.0.1:${site.port}/`,
      `http://localhost:${site.port}/`,
      `http://[::1]:${site.port}/`,
      'file:///etc/passwd',
    ];
    const summary = await crawlSite(h.options({ mode: 'http', seeds, maxDepth: 0 }));
    expect(summary.pagesOk).toBe(0);
    expect(h.failures.map((f) => f.reason).sort()).toEqual([
      'blocked-scheme',
      'refused-private-address',
      'refused-private-address',
      'refused-private-address',
    ]);
    expect(site.hits).toEqual([]);
  });

  it('refuses a name whose DNS answer points at loopback (an attacker-controlled zone)', async () => {
    let lookups = 0;
    const resolve = async () => {
      lookups++;
      return ['198.18.0.1', '127.0.0.1'];
    };
    await crawlSite(h.options({ mode: 'http', seeds: [`http://rebind.example:${site.port}/`], maxDepth: 0, resolve }));
    expect(h.failures.map((f) => f.reason)).toEqual(['refused-private-address']);
    expect(lookups).toBe(1);
    expect(site.hits).toEqual([]);
    // The switch from a public answer to a private one between check and connect is played in guard-proxy.test.ts.
  });

  it('refuses loopback in browser mode too (Chromium sends loopback through the guard)', {
    timeout: 90_000,
  }, async () => {
    await crawlSite(h.options({ mode: 'browser', seeds: [`http://127.0.0.1:${site.port}/`], maxDepth: 0 }));
    expect(h.failures.map((f) => f.reason)).toEqual(['refused-private-address']);
    expect(site.hits).toEqual([]);
  });

  it('crawls loopback when private targets are allowed (tests, demo)', async () => {
    const summary = await crawlSite(
      h.options({ mode: 'http', seeds: [`http://127.0.0.1:${site.port}/`], maxDepth: 1, allowPrivateTargets: true }),
    );
    expect(summary.pagesOk).toBeGreaterThan(1);
    expect(h.failures).toEqual([]);
    expect(h.captures[0].title).toBe('Annonces Services — Accueil');
  });
});
