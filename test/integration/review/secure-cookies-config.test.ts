/**
 * Issue 19.7: `review.secureCookies` in the config gives `phenix serve` and `phenix review` Secure, `__Host-`
 * cookies (before, serve had no way to set them and the config refused the key).
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { reviewPageSettings } from '../../../cli/commands/review.ts';
import type { LoadedConfig } from '../../../cli/context.ts';
import { parseConfig } from '../../../config/index.ts';
import { createReviewFixture, TestClient } from './review-fixture.ts';

function loaded(yaml: string): LoadedConfig {
  return { path: '/tmp/phenix.yaml', config: parseConfig(yaml), resolvePath: (p) => p };
}

describe('review.secureCookies', () => {
  it('makes the served page set Secure __Host- cookies', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
    const settings = reviewPageSettings(loaded('review:\n  secureCookies: true\n'), '0.0.0.0', log);
    expect(settings.secureCookies).toBe(true);
    expect(lines).toEqual([]); // no plain-HTTP warning once cookies are secure
    const f = await createReviewFixture({ secureCookies: settings.secureCookies });
    try {
      const res = await new TestClient(f.server, '192.0.2.77').login();
      expect(res.status).toBe(303);
      const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-phenix_session='));
      expect(session).toMatch(/; Secure/);
    } finally {
      await f.close();
    }
  });

  it('is off by default, and warns when the page is served beyond this machine without it', () => {
    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) });
    expect(reviewPageSettings(loaded('review:\n  host: 0.0.0.0\n'), '0.0.0.0', log).secureCookies).toBe(false);
    expect(String(lines[0]?.msg)).toMatch(/review\.secureCookies/);
  });
});
