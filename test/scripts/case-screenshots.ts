/**
 * Regenerates docs/case-page.png, docs/case-cycles.png, docs/cycle-page.png, docs/candidates-page.png,
 * docs/case-seized-side-by-side.png and docs/case-file-page-N.png (the case PDF as images) from the demo: the demo universe, one cycle on a
 * throw-away database, the first alert confirmed and the last dismissed by an analyst, then the case page of the
 * seized site photographed at 1280 px.
 * Run: npx tsx test/scripts/case-screenshots.ts   (a development tool; it uses the test helpers)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { chromium } from 'playwright';
import { browserLaunchOptions } from '../../chromium/index.ts';
import { decideAlert, listAlerts, listSites, recordTakedown, syncSites } from '../../db/index.ts';
import { startUniverse } from '../../demo/index.ts';
import { runCycle, siteSpecsFromConfig } from '../../monitor/index.ts';
import { createReviewServer, renderCaseReport } from '../../review/index.ts';
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
  // The case of a seized site when the demo has one with alerts: its side by side must show the site as it was.
  const seized = (await listSites(ctx.db)).find(
    (s) => s.liveState !== 'online' && alerts.some((a) => a.site === s.name),
  );
  const site = seized?.name ?? alerts[0].site;
  const own = alerts.filter((a) => a.site === site);
  await decideAlert(ctx.db, own[0].id, {
    status: 'confirmed',
    reviewer: ANALYST.name,
    note: 'Same two phone numbers and the same plumbing ads, word for word; the layout is the one of the seized site. Checked by hand on both captures.',
  });
  if (own.length > 2)
    await decideAlert(ctx.db, own.at(-1)!.id, {
      status: 'dismissed',
      reviewer: ANALYST.name,
      note: 'A real cleaning company: no shared contact, different ads.',
    });
  await recordTakedown(ctx.db, site, { date: '2026-09-01', note: 'seizure order 26/017', by: ANALYST.name });
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
  await page.click('tbody tr a');
  await page.screenshot({ path: join(docs, 'cycle-page.png') });
  await page.goto(`${server.url}/candidates`);
  await page.screenshot({ path: join(docs, 'candidates-page.png') });
  await page.goto(`${server.url}/alerts/${own[0].id}`);
  await page.locator('.side-title').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(docs, 'case-seized-side-by-side.png') });
  await server.close();
  // The case PDF, as a magistrate would get it, one PNG per page.
  const { pdf } = await renderCaseReport({
    db: t.handle.db,
    site,
    by: ANALYST.name,
    chromiumPath: '/usr/bin/chromium',
    evidenceDir: ctx.evidence.dir,
  });
  const tmp = join(docs, '.tmp');
  mkdirSync(tmp, { recursive: true });
  writeFileSync(join(tmp, 'case.pdf'), pdf);
  for (const f of readdirSync(docs)) if (/^case-file-page-\d+\.png$/.test(f)) rmSync(join(docs, f));
  execFileSync('pdftoppm', ['-png', '-r', '60', join(tmp, 'case.pdf'), join(tmp, 'page')]);
  for (const f of readdirSync(tmp).filter((n) => n.endsWith('.png')))
    execFileSync('cp', [join(tmp, f), join(docs, `case-file-page-${Number(/(\d+)\.png$/.exec(f)![1])}.png`)]);
  process.stdout.write(execFileSync('pdfinfo', [join(tmp, 'case.pdf')]).toString('utf8'));
  process.stdout.write(`Wrote ${join(docs, 'case-page.png')} and ${join(docs, 'case-cycles.png')} (case of ${site})\n`);
} finally {
  await browser.close();
  await t.drop();
  await universe.close();
  rmSync(join(docs, '.tmp'), { recursive: true, force: true });
}
