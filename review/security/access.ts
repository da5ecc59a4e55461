/**
 * Every route's access rule in one table: which permission it needs (see permissions.ts) and what a successful
 * request writes to the access journal (who, when, what, from where). The middleware finds the route the request
 * matched; a route missing from this table is refused (403) and logged, so a route added by another change is
 * closed until someone decides who may use it. test/integration/review/roles.test.ts walks `app.routes`.
 */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import { appendAudit, type Executor } from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { type Permission, roleAllows } from './permissions.ts';

export interface RouteRule {
  /** `public` routes answer before the session check; `session` is any logged-in account. */
  permission: Permission | 'public';
  /** Journal a consultation: action, subject type, and the route parameter naming the subject. */
  journal?: { action: string; subjectType: string; param?: string };
}

export const ROUTE_RULES: Record<string, RouteRule> = {
  'GET /login': { permission: 'public' },
  'POST /login': { permission: 'public' },
  'GET /static/review.css': { permission: 'public' },
  'POST /logout': { permission: 'session' },
  'GET /': { permission: 'session' },
  'GET /alerts': { permission: 'alerts.read', journal: { action: 'view.queue', subjectType: 'alerts' } },
  'GET /alerts/:id': {
    permission: 'alerts.read',
    journal: { action: 'view.alert', subjectType: 'alert', param: 'id' },
  },
  'POST /alerts/:id/decision': { permission: 'alerts.decide' },
  'GET /artifacts/:sha256': {
    permission: 'alerts.read',
    journal: { action: 'view.artifact', subjectType: 'artifact', param: 'sha256' },
  },
  // exportAlerts itself writes `alerts.exported` (with the alert ids and the address).
  'GET /export/alerts': { permission: 'alerts.export' },
  // evidence packages leave the system: exports; the route itself writes `evidence.packaged`.
  'GET /alerts/:id/evidence.wacz': { permission: 'alerts.export' },
  'GET /cases': { permission: 'alerts.read', journal: { action: 'view.cases', subjectType: 'cases' } },
  'GET /cases/:site': {
    permission: 'alerts.read',
    journal: { action: 'view.case', subjectType: 'case', param: 'site' },
  },
  // The PDF of a case leaves the system: an export, journaled as one.
  'GET /cases/:site/report.pdf': {
    permission: 'alerts.export',
    journal: { action: 'case.exported', subjectType: 'case', param: 'site' },
  },
  'GET /candidates': { permission: 'alerts.read', journal: { action: 'view.candidates', subjectType: 'candidates' } },
  'GET /cycles': { permission: 'alerts.read', journal: { action: 'view.cycles', subjectType: 'cycles' } },
  'GET /cycles/:id': {
    permission: 'alerts.read',
    journal: { action: 'view.cycle', subjectType: 'cycle', param: 'id' },
  },
  'GET /journal': { permission: 'journal.read', journal: { action: 'view.journal', subjectType: 'journal' } },
};

/** `GET /alerts/:id`: the route (method and pattern) the request matched, without the middlewares. */
export function matchedRoute(c: Parameters<MiddlewareHandler>[0]): string | null {
  const routes = c.req.matchedRoutes.filter((r) => r.method !== 'ALL');
  const last = routes[routes.length - 1];
  return last ? `${last.method} ${last.path}` : null;
}

/** After the session check: refuses what the account's role does not allow, then journals consultations. */
export function authorize(db: Executor, log: Logger): MiddlewareHandler<ReviewEnv> {
  return async (c, next) => {
    const route = matchedRoute(c);
    if (route === null) return next(); // no such page: the 404 handler answers
    const rule = ROUTE_RULES[route];
    const user = c.get('user');
    if (!rule || rule.permission === 'public') {
      log.error({ route }, 'route has no access rule in review/security/access.ts: refused');
      return c.text('This page has no access rule yet; it is closed until one is added.', 403);
    }
    if (rule.permission !== 'session' && !roleAllows(user.role, rule.permission)) {
      log.warn({ route, user: user.name, role: user.role }, 'refused by role');
      return c.text(`Your role (${user.role}) does not allow this page.`, 403);
    }
    await next();
    if (rule.journal && c.res.status < 400) {
      const url = new URL(c.req.url);
      await appendAudit(db, {
        actor: user.name,
        action: rule.journal.action,
        subjectType: rule.journal.subjectType,
        subjectId: (rule.journal.param ? c.req.param(rule.journal.param) : url.search) || '-',
        details: { path: url.pathname + url.search, address: c.get('address'), via: 'web' },
      });
    }
  };
}
