/** GET /journal?actor=&since=&action=: the audit log for supervisors and auditors (the role check is in access.ts). */
import type { Hono } from 'hono';
import { type Executor, listAudit } from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { type JournalFilters, journalPage } from '../pages/journal-page.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function registerJournalRoutes(app: Hono<ReviewEnv>, o: { db: Executor }): void {
  app.get('/journal', async (c) => {
    const q = c.req.query();
    const filters: JournalFilters = {};
    let error: string | undefined;
    if (q.actor) filters.actor = q.actor.slice(0, 64);
    if (q.action) filters.action = q.action.slice(0, 64);
    if (q.since) {
      if (DAY.test(q.since) && !Number.isNaN(Date.parse(q.since))) filters.since = q.since;
      else error = `"${q.since}" is not a date (YYYY-MM-DD); ignored.`;
    }
    const rows = await listAudit(o.db, {
      actor: filters.actor,
      action: filters.action,
      since: filters.since ? new Date(`${filters.since}T00:00:00Z`) : undefined,
      newestFirst: true,
      limit: 1000,
    });
    return c.html(journalPage({ user: c.get('user'), csrf: c.get('session').csrfToken }, rows, filters, error));
  });
}
