/**
 * Alerts as CSV (RFC 4180: CRLF lines, fields quoted when needed, quotes doubled). A cell that a spreadsheet
 * would run as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe, since
 * captured text is attacker-controlled.
 */
import type { AlertForExport } from '../../db/index.ts';
import { sharedContacts } from './contacts.ts';

export const CSV_COLUMNS = [
  'id',
  'site',
  'case_ref',
  'seed_domains',
  'candidate',
  'verdict',
  'score',
  'status',
  'reviewer',
  'decided_at',
  'note',
  'shared_contacts',
  'explanation',
  'created_at',
  'updated_at',
] as const;

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function alertsToCsv(alerts: AlertForExport[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const a of alerts) {
    const row: (string | number | null)[] = [
      a.id,
      a.site,
      a.caseRef,
      a.seedDomains.join(' '),
      a.candidate,
      a.verdict,
      Number(a.score.toFixed(4)),
      a.status,
      a.reviewer,
      a.decidedAt?.toISOString() ?? null,
      a.note,
      sharedContacts(a.evidence)
        .map((c) => `${c.kind}:${c.value}`)
        .join(' '),
      a.explanation.join(' | '),
      a.createdAt.toISOString(),
      a.updatedAt.toISOString(),
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
