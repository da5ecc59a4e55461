/** Issue 19.8: a webhook is named by a hash of its URL and its host; error text never carries the URL. */
import { describe, expect, it } from 'vitest';
import { scrubWebhookUrl, webhookKey } from '../../../notify/index.ts';

const URL_WITH_SECRETS = 'https://hookuser:pa55-w0rd@hooks.example:8443/services/T0/B0/k3y-in-path?token=q5';

describe('webhook keys', () => {
  it('keeps the host and a short hash, never the path, query or credentials', () => {
    const key = webhookKey(URL_WITH_SECRETS);
    expect(key).toMatch(/^webhook#[0-9a-f]{8} \(hooks\.example:8443\)$/);
    expect(webhookKey(URL_WITH_SECRETS)).toBe(key);
    expect(webhookKey('https://hooks.example:8443/services/other')).not.toBe(key);
  });

  it('scrubs every form of the URL from error text', () => {
    const text = `Request cannot be constructed from a URL that includes credentials: ${URL_WITH_SECRETS}; also /services/T0/B0/k3y-in-path?token=q5 and https://hooks.example:8443/services/T0/B0/k3y-in-path?token=q5`;
    const scrubbed = scrubWebhookUrl(text, URL_WITH_SECRETS);
    for (const secret of ['pa55-w0rd', 'hookuser', 'k3y-in-path', 'token=q5']) expect(scrubbed).not.toContain(secret);
    expect(scrubbed).toContain(webhookKey(URL_WITH_SECRETS));
  });
});
