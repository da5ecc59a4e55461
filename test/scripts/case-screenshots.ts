/**
 * Regenerates docs/case-page.png and docs/case-cycles.png from the demo: the demo universe, one cycle on a
 * throw-away database, the first alert confirmed and the last dismissed by an analyst, then the case page of the
 * seized site photographed at 1280 px.
 * Run: npx tsx test/scripts/case-screenshots.ts   (a development tool; it uses the test helpers)
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium } from 'playwright';
import { browserLaunchOptions } from '../../chromium/index.ts';
import { decideAlert, listAlerts, syncSites } from '../../db/index.ts';
import { startUniverse } from '../../demo/index.ts';
import { runCycle, siteSpecsFromConfig } from '../../monitor/index.ts';
import { createReviewServer } from '../../review/index.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { demoContext, importDemoSnapshots } from '../helpers/monitor.ts';
import { ANALYST, seedAnalyst } from '../helpers/seed-review.ts';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
const universe = await startUniverse();
const t = await createTestDatabase('postgres').catch(() => createTestDatabase('embedded'));
const browser = await chromium.launch(browserLaunchOptions(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'));
try {
  const ctx = demoContext(t.handle.db, universe);
  await syncSites(ctx.db, siteSpecsFromConfig(ctx.config));
  await importDemoSnapshots(ctx, universe);
  await runCycle(ctx, { origin: 'phenix demo' });
  const alerts = await listAlerts(ctx.db);
  const site = alerts[0].site;
  const own = alerts.filter((a) => a.site === site);
  await decideAlert(ctx.db, own[0].id, { status: 'confirmed', reviewer: ANALYST.name, note: 'same phones and ads' });
  if (own.length > 2)
    await decideAlert(ctx.db, own.at(-1)!.id, { status: 'dismissed', reviewer: ANALYST.name, note: 'checked' });
  await seedAnalyst(t.handle.db);
  const server = await createReviewServer({
    db: t.handle.db,
    evidenceDir: ctx.evidence.dir,
    logger: pino({ level: 'warn' }),
  }).start({
    host: '127.0.0.1',
    port: 0,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}/login`);
  await page.fill('input[name=name]', ANALYST.name);
  await page.fill('input[name=password]', ANALYST.password);
  await Promise.all([page.waitForURL('**/alerts'), page.click('button[type=submit]')]);
  mkdirSync(docs, { recursive: true });
  await page.goto(`${server.url}/cases/${site}`);
  await page.screenshot({ path: join(docs, 'case-page.png'), fullPage: true });
  await page.goto(`${server.url}/cycles`);
  await page.screenshot({ path: join(docs, 'case-cycles.png') });
  await server.close();
  process.stdout.write(`Wrote ${join(docs, 'case-page.png')} and ${join(docs, 'case-cycles.png')} (case of ${site})\n`);
} finally {
  await browser.close();
  await t.drop();
  await universe.close();
  rmSync(join(docs, '.tmp'), { recursive: true, force: true });
}
