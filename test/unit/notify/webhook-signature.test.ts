/**
 * Issue 19.11: the webhook signature carries the delivery time (`t=…,v1=…` over `${t}.${body}`), so a captured
 * delivery cannot be replayed once the receiver's tolerance has passed; http:// webhooks are refused outside
 * loopback by the config check.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../config/index.ts';
import { signBody, verifySignature } from '../../../notify/index.ts';

const SECRET = 'a-shared-secret-of-the-test-unit';
const BODY = '{"id":1,"event":"alert.created","site":"plomberie-exemple"}';
const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe('webhook signature with a signed time', () => {
  it('signs the time, a dot and the body, and says when', () => {
    const header = signBody(SECRET, BODY, NOW);
    const t = NOW / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac('sha256', SECRET).update(`${t}.${BODY}`).digest('hex')}`);
    expect(verifySignature(SECRET, BODY, header, { nowMs: NOW + 60_000 })).toBe(true);
  });

  it('refuses a replay after the tolerance, a changed time, a changed body and the old untimed format', () => {
    const header = signBody(SECRET, BODY, NOW);
    expect(verifySignature(SECRET, BODY, header, { nowMs: NOW + 301_000 })).toBe(false);
    expect(verifySignature(SECRET, BODY, header, { nowMs: NOW + 3_600_000, toleranceSeconds: 7200 })).toBe(true);
    const moved = header.replace(/^t=\d+/, `t=${NOW / 1000 + 600}`);
    expect(verifySignature(SECRET, BODY, moved, { nowMs: NOW + 600_000 })).toBe(false);
    expect(verifySignature(SECRET, `${BODY} `, header, { nowMs: NOW })).toBe(false);
    const untimed = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;
    expect(verifySignature(SECRET, BODY, untimed, { nowMs: NOW })).toBe(false);
    expect(verifySignature(SECRET, BODY, undefined)).toBe(false);
  });
});

describe('webhook URLs in the config', () => {
  const config = (url: string) =>
    parseConfig(`notify:\n  webhooks:\n    - url: ${url}\n      secret: ${SECRET}\n`).notify.webhooks[0].url;

  it('refuses http:// outside loopback, without quoting the URL', () => {
    const url = 'http://hookuser:pa55-w0rd@hooks.example/T0/private-path';
    expect(() => config(url)).toThrow(/must be https:\/\//);
    try {
      config(url);
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('pa55-w0rd');
      expect(String((error as Error).message)).not.toContain('private-path');
    }
  });

  it('accepts https:// anywhere and http:// on this machine', () => {
    expect(config('https://hooks.example/phenix')).toBe('https://hooks.example/phenix');
    for (const local of ['http://127.0.0.1:8080/h', 'http://localhost/h', 'http://[::1]:9/h'])
      expect(config(local)).toBe(local);
  });
});
