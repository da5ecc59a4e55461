import { describe, expect, it } from 'vitest';
import { BrowserNotFoundError, findChromium } from '../../../chromium/index.ts';

describe('findChromium', () => {
  it('prefers the configured path, then the environment, then the fallbacks', () => {
    expect(findChromium('/bin/sh', '/bin/ls', [])).toEqual({ path: '/bin/sh', source: 'config' });
    expect(findChromium('/nonexistent/chromium', '/bin/ls', [])).toEqual({ path: '/bin/ls', source: 'env' });
    expect(findChromium(undefined, undefined, [['/bin/sh', 'system']])).toEqual({ path: '/bin/sh', source: 'system' });
  });

  it('says how to install a browser when none is found', () => {
    expect(() => findChromium('/nonexistent/a', '/nonexistent/b', [])).toThrow(BrowserNotFoundError);
    expect(() => findChromium('/nonexistent/a', undefined, [])).toThrow(
      /apt-get install chromium.*npx playwright install chromium/,
    );
    expect(() => findChromium('/nonexistent/a', undefined, [])).toThrow(/\/nonexistent\/a/);
  });
});
