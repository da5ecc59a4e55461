/**
 * Regenerates docs/review-ad-pair.png: one demo cycle (the demo universe, a throw-away database), then the alert of
 * the clone that announces its move, photographed in Chromium at its "Near-identical ads" part: the banner the clone
 * added is the only highlighted text, and the line under each pair counts the words shared.
 * Run: npx tsx test/scripts/demo-ad-screenshot.ts   (a development tool; it uses the test helpers)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium } from 'playwright';
import { browserLaunchOptions } from '../../chromium/index.ts';
import { listAlerts } from '../../db/index.ts';
import { runCycle } from '../../monitor/index.ts';
import { createReviewServer } from '../../review/index.ts';
import { startDemoMonitor } from '../helpers/monitor.ts';
import { ANALYST, seedAnalyst } from '../helpers/seed-review.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const demo = await startDemoMonitor(process.env.SCREENSHOT_DB === 'embedded' ? 'embedded' : 'postgres');
const browser = await chromium.launch(browserLaunchOptions(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));
try {
  await runCycle(demo.ctx);
  const alert = (await listAlerts(demo.ctx.db)).find((a) => a.candidate === 'annonces-maison2.test');
  if (!alert) throw new Error('the demo cycle raised no alert on annonces-maison2.test');
  await seedAnalyst(demo.ctx.db);
  const server = await createReviewServer({
    db: demo.ctx.db,
    evidenceDir: demo.ctx.evidence.dir,
    logger: pino({ level: 'warn' }),
  }).start({ host: '127.0.0.1', port: 0 });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=name]', ANALYST.name);
  await page.fill('input[name=password]', ANALYST.password);
  await Promise.all([page.waitForURL('**/alerts'), page.click('button[type=submit]')]);
  await page.goto(`${server.url}/alerts/${alert.id}`);
  // Page coordinates of the part: its heading down to the end of its second pair.
  const part = await page.evaluate(() => {
    const heading = [...document.querySelectorAll('h3')].find((h) => h.textContent?.startsWith('Near-identical ads'));
    const pairs = document.querySelectorAll('.ad-pair');
    if (!heading || pairs.length < 2) return null;
    const top = heading.getBoundingClientRect().top + window.scrollY;
    const bottom = pairs[1].getBoundingClientRect().bottom + window.scrollY;
    return { top, bottom };
  });
  if (!part) throw new Error('no near-identical ads on the page');
  mkdirSync(docs, { recursive: true });
  await page.screenshot({
    path: join(docs, 'review-ad-pair.png'),
    fullPage: true,
    clip: { x: 0, y: part.top - 10, width: 1280, height: part.bottom - part.top + 20 },
  });
  await server.close();
  process.stdout.write(`Wrote ${join(docs, 'review-ad-pair.png')}\n`);
} finally {
  await browser.close();
  await demo.close();
}
