/** The queue (GET /alerts), one alert (GET /alerts/:id) and its decision (POST /alerts/:id/decision). */
import type { Context, Hono } from 'hono';
import type { Logger } from 'pino';
import {
  ALERT_STATUSES,
  type AlertStatus,
  countAlertsByStatus,
  decideAlert,
  type Executor,
  getAlertReview,
  listAlerts,
  listSites,
  NotFoundError,
  VERDICTS,
  type Verdict,
} from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { alertPage } from '../pages/alert-page.ts';
import { errorPage } from '../pages/error-page.ts';
import type { PageContext } from '../pages/layout.ts';
import { type QueueFilters, queuePage } from '../pages/queue-page.ts';
import { roleAllows } from '../security/permissions.ts';

const DECISIONS = ['confirmed', 'dismissed', 'open'] as const;
type Decision = (typeof DECISIONS)[number];
const DONE: Record<Decision, string> = { confirmed: 'confirmed', dismissed: 'dismissed', open: 'reopened' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function pageContext(c: Context<ReviewEnv>): PageContext {
  return { user: c.get('user'), csrf: c.get('session').csrfToken };
}

/** Reads the queue filters from the query string; anything malformed is dropped and reported. */
export function parseQueueFilters(query: Record<string, string>): { filters: QueueFilters; problems: string[] } {
  const filters: QueueFilters = {};
  const problems: string[] = [];
  if (query.status) {
    if ((ALERT_STATUSES as readonly string[]).includes(query.status)) filters.status = query.status as AlertStatus;
    else problems.push(`"${query.status}" is not a status`);
  }
  if (query.verdict) {
    if ((VERDICTS as readonly string[]).includes(query.verdict)) filters.verdict = query.verdict as Verdict;
    else problems.push(`"${query.verdict}" is not a verdict`);
  }
  if (query.site) filters.site = query.site.slice(0, 200);
  if (query.minScore) {
    const n = Number(query.minScore);
    if (Number.isFinite(n) && n >= 0 && n <= 1) filters.minScore = n;
    else problems.push('the minimum score must be between 0 and 1');
  }
  for (const key of ['since', 'until'] as const) {
    const v = query[key];
    if (!v) continue;
    if (DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))) filters[key] = v;
    else problems.push(`"${v}" is not a date (YYYY-MM-DD)`);
  }
  return { filters, problems };
}

export function registerAlertRoutes(app: Hono<ReviewEnv>, o: { db: Executor; log: Logger }): void {
  app.get('/', (c) => c.redirect(roleAllows(c.get('user').role, 'alerts.read') ? '/alerts' : '/journal', 303));

  app.get('/alerts', async (c) => {
    const { filters, problems } = parseQueueFilters(c.req.query());
    const [alerts, sites, counts] = await Promise.all([
      listAlerts(o.db, {
        status: filters.status,
        verdict: filters.verdict,
        site: filters.site,
        minScore: filters.minScore,
        since: filters.since ? new Date(`${filters.since}T00:00:00Z`) : undefined,
        until: filters.until ? new Date(Date.parse(`${filters.until}T00:00:00Z`) + 86_400_000 - 1) : undefined,
        limit: 1000,
      }),
      listSites(o.db, { includeInactive: true }),
      countAlertsByStatus(o.db),
    ]);
    return c.html(
      queuePage(pageContext(c), {
        alerts,
        filters,
        siteNames: sites.map((s) => s.name),
        counts,
        error: problems.length ? `Some filters were ignored: ${problems.join('; ')}.` : undefined,
      }),
    );
  });

  app.get('/alerts/:id', async (c) => {
    const id = alertId(c.req.param('id'));
    if (id === null) return c.html(errorPage(pageContext(c), 'No such alert', 'Alert ids are whole numbers.'), 404);
    try {
      const review = await getAlertReview(o.db, id);
      const done = c.req.query('done');
      const flash =
        done && Object.values(DONE).includes(done) ? `Alert ${done}. The decision is in the audit log.` : undefined;
      return c.html(alertPage(pageContext(c), review, flash));
    } catch (error) {
      if (error instanceof NotFoundError) return c.html(errorPage(pageContext(c), 'No such alert', error.message), 404);
      throw error;
    }
  });

  app.post('/alerts/:id/decision', async (c) => {
    const id = alertId(c.req.param('id'));
    const form = await c.req.parseBody();
    const decision = DECISIONS.find((d) => d === form.decision);
    const note = typeof form.note === 'string' ? form.note.trim().slice(0, 4000) : '';
    if (id === null) return c.html(errorPage(pageContext(c), 'No such alert', 'Alert ids are whole numbers.'), 404);
    if (!decision) return c.html(errorPage(pageContext(c), 'Unknown decision', 'Confirm, dismiss or reopen.'), 400);
    if (!note) {
      return c.html(
        errorPage(
          pageContext(c),
          'A note is needed',
          'Write why you take this decision, then send again.',
          `/alerts/${id}`,
        ),
        400,
      );
    }
    const reviewer = c.get('user').name;
    try {
      await (o.db as { transaction: <T>(fn: (tx: Executor) => Promise<T>) => Promise<T> }).transaction((tx) =>
        decideAlert(tx, id, { status: decision, reviewer, note }),
      );
    } catch (error) {
      if (error instanceof NotFoundError) return c.html(errorPage(pageContext(c), 'No such alert', error.message), 404);
      throw error;
    }
    o.log.info({ alert: id, decision, reviewer }, 'alert decided');
    return c.redirect(`/alerts/${id}?done=${DONE[decision]}`, 303);
  });
}

function alertId(raw: string): number | null {
  return /^[1-9]\d{0,9}$/.test(raw) && Number(raw) <= 2_147_483_647 ? Number(raw) : null;
}
