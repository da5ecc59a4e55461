/** One entry for every alert export (CLI and web): the format picks the writer; every export is audited. */
import { type AlertListFilter, appendAudit, type Executor, listAlertsForExport } from '../../db/index.ts';
import { alertsToCsv } from './csv.ts';
import { alertsToJson } from './json.ts';
import { alertsToStix } from './stix.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'stix'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  body: string;
  mediaType: string;
  extension: string;
  count: number;
}

export async function exportAlerts(
  db: Executor,
  options: { format: ExportFormat; filter?: AlertListFilter; by: string; address?: string },
): Promise<ExportResult> {
  const alerts = await listAlertsForExport(db, options.filter ?? {});
  const result: ExportResult =
    options.format === 'csv'
      ? { body: alertsToCsv(alerts), mediaType: 'text/csv; charset=utf-8', extension: 'csv', count: alerts.length }
      : options.format === 'stix'
        ? {
            body: `${JSON.stringify(alertsToStix(alerts), null, 2)}\n`,
            mediaType: 'application/stix+json;version=2.1',
            extension: 'stix.json',
            count: alerts.length,
          }
        : { body: alertsToJson(alerts), mediaType: 'application/json', extension: 'json', count: alerts.length };
  await appendAudit(db, {
    actor: options.by,
    action: 'alerts.exported',
    subjectType: 'export',
    subjectId: options.format,
    details: {
      filter: { ...options.filter },
      alerts: alerts.map((a) => a.id),
      ...(options.address ? { address: options.address, via: 'web' } : { via: 'cli' }),
    },
  });
  return result;
}

export { alertsToCsv, CSV_COLUMNS, csvCell } from './csv.ts';
export { alertsToJson } from './json.ts';
export { alertsToStix, contactPattern, patternLiteral } from './stix.ts';
export { uuid5 } from './uuid5.ts';
