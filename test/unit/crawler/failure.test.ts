import { describe, expect, it } from 'vitest';
import { capUtf8 } from '../../../crawler/capture-builder.ts';
import { classifyFailure, isRetryable, PageRefusedError } from '../../../crawler/failure.ts';
import type { GuardProxy } from '../../../crawler/guard-proxy.ts';

const reason = (message: string) => classifyFailure(new Error(message), 'http://a.test/', null, 0).reason;

describe('classifyFailure', () => {
  it.each([
    ['page.goto: net::ERR_TOO_MANY_REDIRECTS at http://a.test/', 'redirect-loop'],
    ['MaxRedirectsError: Redirected 10 times. Aborting.', 'redirect-loop'],
    ['page.goto: Timeout 4000ms exceeded.', 'timeout'],
    ['request timed out after 10 seconds.', 'timeout'],
    ['page.goto: Download is starting', 'download'],
    [
      'Resource http://a.test/x served Content-Type application/octet-stream, but only text/html are allowed.',
      'download',
    ],
    ['Resource http://a.test/x served Content-Type image/png, but only text/html are allowed.', 'unsupported-content'],
    ['getaddrinfo ENOTFOUND nowhere.test', 'dns'],
    ['page.goto: net::ERR_UNSAFE_REDIRECT at http://a.test/', 'blocked-scheme'],
    ['Unsupported protocol "file:"', 'blocked-scheme'],
    ['connect ECONNREFUSED 203.0.113.1:80', 'network'],
    ['Target page, context or browser has been closed', 'browser-crash'],
    ['page.evaluate: Target crashed ', 'browser-crash'],
    // No tab could be opened for the page (seen after a renderer recycle): a lost tab, not the page's own timeout.
    [
      'browserController.newPage() failed: Qp7JbH3yjnOGpO2Rsc4Ev\nCause:browserController.newPage() timed out..',
      'browser-crash',
    ],
    [
      'browserController.newPage() failed: 0_NK\nCause:browserContext.newPage: Target page, context or browser has been closed.',
      'browser-crash',
    ],
    ["Target crashed during the page's load (requestHandler timed out after 8 seconds.)", 'browser-crash'],
    ['requestHandler timed out after 8 seconds.', 'timeout'],
    ['something nobody expected', 'error'],
  ])('%s → %s', (message, expected) => {
    expect(reason(message)).toBe(expected);
  });

  it('prefers the reason given by the crawler, then the guard', () => {
    const refused = new PageRefusedError('http-4xx', 'http://a.test/ answered HTTP 404.', 404);
    expect(classifyFailure(refused, 'http://a.test/', null, 0)).toEqual({
      reason: 'http-4xx',
      message: refused.message,
      status: 404,
    });
    const guard = {
      refusalFor: (url: string, since: number) =>
        url === 'http://a.test/big' && since <= 5 ? { reason: 'too-large' as const, message: 'cut', at: 5 } : null,
      latestRefusal: () => ({ reason: 'refused-private-address' as const, message: 'internal', at: 9 }),
    } as unknown as GuardProxy;
    expect(classifyFailure(new Error('socket hang up'), 'http://a.test/big', guard, 0).reason).toBe('too-large');
    expect(classifyFailure(new Error('socket hang up'), 'http://a.test/big', guard, 6).reason).toBe('network');
    expect(classifyFailure(new Error('net::ERR_TUNNEL_CONNECTION_FAILED'), 'https://a.test/', guard, 0).reason).toBe(
      'refused-private-address',
    );
  });

  it('retries only what may succeed the second time', () => {
    expect(isRetryable('network')).toBe(true);
    expect(isRetryable('browser-crash')).toBe(true);
    expect(isRetryable('timeout')).toBe(false);
    expect(isRetryable('refused-private-address')).toBe(false);
  });
});

describe('capUtf8', () => {
  it('cuts on a character boundary and says so', () => {
    expect(capUtf8('ménage', 100)).toEqual({ text: 'ménage', truncated: false });
    expect(capUtf8('ménage', 2)).toEqual({ text: 'm', truncated: true });
    expect(capUtf8('ménage', 3)).toEqual({ text: 'mé', truncated: true });
  });
});
