/** The access journal for supervisors and auditors: who did or consulted what, when, from where. */
import type { AuditRow } from '../../db/index.ts';
import { formatDate, html } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

export interface JournalFilters {
  actor?: string;
  since?: string;
  action?: string;
}

export function journalPage(ctx: PageContext, rows: AuditRow[], filters: JournalFilters, error?: string): string {
  const body = html`<h1>Journal</h1>
<form method="get" action="/journal" class="filters">
<label>Account <input name="actor" value="${filters.actor ?? ''}"></label>
<label>Since <input name="since" type="date" value="${filters.since ?? ''}"></label>
<label>Action <input name="action" value="${filters.action ?? ''}" placeholder="view. or alert.confirmed"></label>
<button type="submit">Filter</button></form>
${error ? html`<p class="error">${error}</p>` : ''}
<p>${rows.length} entr${rows.length === 1 ? 'y' : 'ies'}, newest first (at most 1,000; the CLI reads all: phenix audit list).</p>
<table><thead><tr><th>#</th><th>when (server time)</th><th>account</th><th>action</th><th>subject</th><th>from</th></tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td>${r.seq}</td><td>${formatDate(r.at)}</td><td>${r.actor}</td><td>${r.action}</td>
<td>${r.subjectType} ${r.subjectId}</td><td>${String((r.details as { address?: unknown }).address ?? '')}</td></tr>`,
  )}</tbody></table>`;
  return layout('Journal', body, ctx);
}
