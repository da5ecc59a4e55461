/**
 * Challenge pages are recognised from the markers their vendors' pages carry (fixtures modelled on the real pages,
 * with neutral names), and an ordinary page that merely embeds a captcha in its contact form is not one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectChallenge } from '../../../crawler/challenge.ts';

const DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'challenges');
const page = (file: string) => readFileSync(path.join(DIR, file), 'utf8');
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null;

describe('detectChallenge', () => {
  it.each([
    ['cloudflare-just-a-moment.html', 403, { server: 'cloudflare', 'cf-mitigated': 'challenge' }, 'cloudflare'],
    ['cloudflare-just-a-moment.html', 503, { server: 'cloudflare' }, 'cloudflare'],
    ['hcaptcha-interstitial.html', 200, {}, 'hcaptcha'],
    ['sucuri-blocked.html', 403, { server: 'Sucuri/Cloudproxy' }, 'sucuri'],
    ['ddos-guard-check.html', 403, { server: 'ddos-guard' }, 'ddos-guard'],
  ])('%s (HTTP %i) is a %s challenge', (file, status, headers, vendor) => {
    const html = page(file);
    expect(detectChallenge({ status, headers, title: title(html), html })).toBe(vendor);
  });

  it('knows Cloudflare by its header alone, and by its title alone', () => {
    expect(detectChallenge({ status: 403, headers: { 'cf-mitigated': 'challenge' }, title: null, html: '' })).toBe(
      'cloudflare',
    );
    expect(detectChallenge({ status: 200, headers: {}, title: 'Just a moment...', html: '<p>x</p>' })).toBe(
      'cloudflare',
    );
  });

  it('does not take a site whose contact form embeds reCAPTCHA for a challenge', () => {
    const html = page('recaptcha-contact-form.html');
    expect(detectChallenge({ status: 200, headers: { server: 'nginx' }, title: title(html), html })).toBeNull();
    // the same widget on a refusal is one
    expect(detectChallenge({ status: 429, headers: {}, title: title(html), html })).toBe('recaptcha');
  });

  it('leaves ordinary pages alone, even ones served by Cloudflare', () => {
    const html =
      '<html><head><title>Maison Services</title></head><body><p>Plombier disponible 06 39 98 00 17</p></body></html>';
    expect(
      detectChallenge({
        status: 200,
        headers: { server: 'cloudflare', 'cf-ray': '00-CDG' },
        title: 'Maison Services',
        html,
      }),
    ).toBeNull();
    expect(
      detectChallenge({ status: 404, headers: { server: 'cloudflare' }, title: 'Not found', html: '<p>Not found</p>' }),
    ).toBeNull();
  });
});
