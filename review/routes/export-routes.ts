/** GET /export/alerts?format=json|csv|stix[&status=S][&verdict=V][&site=NAME]: the same exports as the CLI, downloaded. */
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { ALERT_STATUSES, type AlertStatus, type Executor, VERDICTS, type Verdict } from '../../db/index.ts';
import type { ReviewEnv } from '../env.ts';
import { EXPORT_FORMATS, type ExportFormat, exportAlerts } from '../export/index.ts';

export function registerExportRoutes(app: Hono<ReviewEnv>, o: { db: Executor; log: Logger }): void {
  app.get('/export/alerts', async (c) => {
    const format = EXPORT_FORMATS.find((f) => f === c.req.query('format'));
    const status = c.req.query('status') || undefined;
    if (!format) return c.text('Choose format=json, csv or stix.', 400);
    const verdict = c.req.query('verdict') || undefined;
    if (status && !(ALERT_STATUSES as readonly string[]).includes(status)) return c.text('Unknown status.', 400);
    if (verdict && !(VERDICTS as readonly string[]).includes(verdict)) return c.text('Unknown verdict.', 400);
    const result = await exportAlerts(o.db, {
      format: format as ExportFormat,
      filter: {
        status: status as AlertStatus | undefined,
        verdict: verdict as Verdict | undefined,
        site: c.req.query('site') || undefined,
      },
      by: c.get('user').name,
      address: c.get('address'),
    });
    o.log.info({ format, count: result.count, by: c.get('user').name }, 'alerts exported');
    return c.body(result.body, 200, {
      'Content-Type': result.mediaType,
      'Content-Disposition': `attachment; filename="phenix-alerts.${result.extension}"`,
    });
  });
}
