/**
 * The case as one PDF for the file: the case page rendered for print and printed by Chromium. The page is loaded
 * with JavaScript off and every network request refused, so nothing in it can reach out while it is printed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { browserLaunchOptions, findChromium } from '../chromium/index.ts';
import { type Executor, getCase } from '../db/index.ts';
import { casePage } from './pages/case-page.ts';

const STYLESHEET = readFileSync(new URL('./static/review.css', import.meta.url), 'utf8');

export interface CaseReportOptions {
  db: Executor;
  site: string;
  /** Who produced it (printed on the report). */
  by: string;
  /** config crawler.chromiumPath, then CHROMIUM_PATH, then the usual places. */
  chromiumPath?: string;
  chromiumPathFromEnv?: string;
}

export async function renderCaseReport(o: CaseReportOptions): Promise<{ pdf: Buffer; caseRef: string }> {
  const view = await getCase(o.db, o.site);
  const page = casePage(undefined, view, { print: { stylesheet: STYLESHEET, producedAt: new Date(), by: o.by } });
  const { path } = findChromium(o.chromiumPath, o.chromiumPathFromEnv);
  const browser = await chromium.launch(browserLaunchOptions(path));
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route('**/*', (route) => route.abort());
    const tab = await context.newPage();
    await tab.setContent(page, { waitUntil: 'load' });
    const pdf = await tab.pdf({
      format: 'A4',
      printBackground: true,
      margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' },
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate:
        '<div style="font-size:8px;width:100%;text-align:center">Phénix case report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
    });
    return { pdf, caseRef: view.site.caseRef };
  } finally {
    await browser.close();
  }
}
