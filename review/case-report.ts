/**
 * The case as one PDF for the file: the case page rendered for print and printed by Chromium. The page is loaded
 * with JavaScript off and every network request refused, so nothing in it can reach out while it is printed.
 */
import { readFileSync } from 'node:fs';
import { browserLaunchOptions, findChromium } from '../chromium/index.ts';
import { type CaptureRow, type Executor, getAlertReview, getCase } from '../db/index.ts';
import { createEvidenceStore } from '../evidence/index.ts';
import { type CaseShots, casePage } from './pages/case-page.ts';

const STYLESHEET = readFileSync(new URL('./static/review.css', import.meta.url), 'utf8');
/** Phénix's version, from its package.json: the PDF names it as author, creator and producer. */
export const PHENIX_VERSION: string = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).version;

/**
 * Chromium's page.pdf() writes its own user agent as Creator/Producer and takes no metadata: rewrite the Info
 * dictionary so the file says it comes from Phénix, which version, and which case.
 */
export async function stampCaseReport(pdf: Uint8Array, o: { title: string; subject: string; by: string }) {
  const { PDFDocument } = await import('pdf-lib');
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const who = `Phénix ${PHENIX_VERSION}`;
  doc.setTitle(o.title);
  doc.setSubject(o.subject);
  doc.setAuthor(who);
  doc.setCreator(`${who} (case report, exported by ${o.by})`);
  doc.setProducer(who);
  doc.setKeywords(['Phénix', 'case report']);
  return Buffer.from(await doc.save());
}

export interface CaseReportOptions {
  db: Executor;
  site: string;
  /** Who produced it (printed on the report). */
  by: string;
  /** config crawler.chromiumPath, then CHROMIUM_PATH, then the usual places. */
  chromiumPath?: string;
  chromiumPathFromEnv?: string;
  /** The evidence store: each confirmed clone's two screenshots are inlined from it (the print refuses requests). */
  evidenceDir?: string;
}

/** Both sides' home-page screenshots of every confirmed clone, as data: URLs (read from the evidence store). */
async function confirmedShots(db: Executor, evidenceDir: string, alertIds: number[]): Promise<CaseShots> {
  const store = createEvidenceStore({ dir: evidenceDir });
  const shot = async (capture: CaptureRow | undefined) => {
    const ref =
      capture?.artifacts.find((a) => a.kind === 'screenshot') ??
      capture?.artifacts.find((a) => a.kind === 'screenshot-full');
    if (!capture || !ref) return undefined;
    const bytes = await store.read(ref.sha256).catch(() => null);
    return bytes
      ? {
          src: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`,
          url: capture.finalUrl,
          at: capture.capturedAt,
        }
      : undefined;
  };
  const shots: CaseShots = new Map();
  for (const id of alertIds) {
    const review = await getAlertReview(db, id);
    shots.set(id, {
      reference: await shot(review.reference.captures[0]),
      candidate: await shot(review.candidate.captures[0]),
    });
  }
  return shots;
}

export async function renderCaseReport(o: CaseReportOptions): Promise<{ pdf: Buffer; caseRef: string }> {
  const view = await getCase(o.db, o.site);
  const confirmed = view.alerts.filter((a) => a.status === 'confirmed').map((a) => a.id);
  const shots = o.evidenceDir ? await confirmedShots(o.db, o.evidenceDir, confirmed) : new Map();
  const page = casePage(undefined, view, {
    print: { stylesheet: STYLESHEET, producedAt: new Date(), by: o.by, shots },
  });
  const { path } = findChromium(o.chromiumPath, o.chromiumPathFromEnv);
  const { chromium } = await import('playwright');
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
    const stamped = await stampCaseReport(pdf, {
      title: `Case ${view.site.caseRef} — ${view.site.name}`,
      subject: `Phénix case report for the monitored site ${view.site.name}`,
      by: o.by,
    });
    return { pdf: stamped, caseRef: view.site.caseRef };
  } finally {
    await browser.close();
  }
}
