/**
 * The case view (GET /cases, /cases/:site, /cases/:site/report.pdf), candidates (GET /candidates) and cycles
 * (GET /cycles, /cycles/:id). Registered behind the session middleware like every other route.
 */
import type { Context, Hono } from 'hono';
import type { Logger } from 'pino';
import {
  candidateNotes,
  countCandidates,
  DNS_STATES,
  DOMAIN_SOURCES,
  type Executor,
  getCase,
  getCycle,
  listCandidates,
  listCycles,
  listSites,
  NotFoundError,
  SCREEN_STATES,
} from '../../db/index.ts';
import { renderCaseReport } from '../case-report.ts';
import type { ReviewEnv } from '../env.ts';
import { casePage, casesIndexPage } from '../pages/case-page.ts';
import { errorPage } from '../pages/error-page.ts';
import type { PageContext } from '../pages/layout.ts';
import { candidatesPage, cyclePage, cyclesPage } from '../pages/operations-pages.ts';

const CANDIDATES_PER_PAGE = 50;

function pageContext(c: Context<ReviewEnv>): PageContext {
  return { user: c.get('user'), csrf: c.get('session').csrfToken };
}

export function registerCaseRoutes(
  app: Hono<ReviewEnv>,
  o: { db: Executor; log: Logger; chromiumPath?: string; evidenceDir?: string },
) {
  const notFound = (c: Context<ReviewEnv>, what: string, message: string, back: string) =>
    c.html(errorPage(pageContext(c), what, message, back), 404);

  app.get('/cases', async (c) =>
    c.html(casesIndexPage(pageContext(c), await listSites(o.db, { includeInactive: true }))),
  );

  app.get('/cases/:site', async (c) => {
    try {
      return c.html(casePage(pageContext(c), await getCase(o.db, c.req.param('site'))));
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, 'No such case', error.message, '/cases');
      throw error;
    }
  });

  app.get('/cases/:site/report.pdf', async (c) => {
    const user = c.get('user').name;
    try {
      const { pdf, caseRef } = await renderCaseReport({
        db: o.db,
        site: c.req.param('site'),
        by: user,
        chromiumPath: o.chromiumPath,
        evidenceDir: o.evidenceDir,
      });
      o.log.info({ site: c.req.param('site'), by: user }, 'case report exported');
      const name = `case-${caseRef.replace(/[^A-Za-z0-9._-]+/g, '_')}.pdf`;
      return c.body(new Uint8Array(pdf), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
      });
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, 'No such case', error.message, '/cases');
      if (error instanceof Error && error.name === 'BrowserNotFoundError')
        return c.html(errorPage(pageContext(c), 'No browser to print with', error.message, '/cases'), 503);
      throw error;
    }
  });

  app.get('/candidates', async (c) => {
    const q = c.req.query();
    const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
      (list as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
    const source = pick(DOMAIN_SOURCES, q.source);
    const dnsState = pick(DNS_STATES, q.dns);
    const screenState = pick(SCREEN_STATES, q.screen);
    const alert = pick(['yes', 'no'] as const, q.alert);
    const filter = { source, dnsState, screenState, hasAlert: alert ? alert === 'yes' : undefined };
    const total = await countCandidates(o.db, filter);
    const pages = Math.max(1, Math.ceil(total / CANDIDATES_PER_PAGE));
    const page = Math.min(pages, Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1));
    const candidates = await listCandidates(o.db, {
      ...filter,
      limit: CANDIDATES_PER_PAGE,
      offset: (page - 1) * CANDIDATES_PER_PAGE,
    });
    return c.html(
      candidatesPage(pageContext(c), {
        candidates,
        notes: await candidateNotes(o.db, candidates),
        filter: { source, dns: dnsState, screen: screenState, alert },
        page,
        pageSize: CANDIDATES_PER_PAGE,
        total,
      }),
    );
  });

  app.get('/cycles', async (c) => c.html(cyclesPage(pageContext(c), await listCycles(o.db, 200))));

  app.get('/cycles/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^[A-Za-z0-9-]{1,80}$/.test(id)) return notFound(c, 'No such cycle', 'Cycle ids are UUIDs.', '/cycles');
    try {
      return c.html(cyclePage(pageContext(c), await getCycle(o.db, id)));
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(c, 'No such cycle', error.message, '/cycles');
      throw error;
    }
  });
}
