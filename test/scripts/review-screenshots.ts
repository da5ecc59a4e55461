/**
 * Regenerates docs/review-queue.png and docs/review-alert.png: seeds the review test data into a throw-away
 * database (the Postgres of the tests, else an embedded one), renders the seeded pages in Chromium for their
 * screenshots, starts the review server, logs in and photographs the queue and an alert at 1280 px.
 * Run: npx tsx test/scripts/review-screenshots.ts   (a development tool; it uses the test helpers)
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium } from 'playwright';
import { browserLaunchOptions } from '../../chromium/index.ts';
import { createReviewServer } from '../../review/index.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/db.ts';
import { ANALYST, seedAnalyst, seedReview } from '../helpers/seed-review.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));

async function database(): Promise<TestDatabase> {
  try {
    return await createTestDatabase('postgres');
  } catch {
    return createTestDatabase('embedded');
  }
}

const t = await database();
const evidenceDir = mkdtempSync(join(tmpdir(), 'phenix-screens-'));
const browser = await chromium.launch(browserLaunchOptions(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));
try {
  // The seeded "captured pages" are photographed with JavaScript off, as the crawler's own screenshots would be.
  const renderer = await browser.newPage({ viewport: { width: 900, height: 560 }, javaScriptEnabled: false });
  const seeded = await seedReview(t.handle.db, {
    evidenceDir,
    screenshot: async (html) => {
      await renderer.setContent(html);
      return renderer.screenshot({ type: 'png' });
    },
  });
  await seedAnalyst(t.handle.db);
  const server = await createReviewServer({ db: t.handle.db, evidenceDir, logger: pino({ level: 'warn' }) }).start({
    host: '127.0.0.1',
    port: 0,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=name]', ANALYST.name);
  await page.fill('input[name=password]', ANALYST.password);
  await Promise.all([page.waitForURL('**/alerts'), page.click('button[type=submit]')]);
  mkdirSync(docs, { recursive: true });
  await page.screenshot({ path: join(docs, 'review-queue.png') });
  await page.goto(`${server.url}/alerts/${seeded.alerts.clone}`);
  await page.screenshot({ path: join(docs, 'review-alert.png'), fullPage: true });
  await server.close();
  process.stdout.write(`Wrote ${join(docs, 'review-queue.png')} and ${join(docs, 'review-alert.png')}\n`);
} finally {
  await browser.close();
  await t.drop();
  rmSync(evidenceDir, { recursive: true, force: true });
}
