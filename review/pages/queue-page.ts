/** The alert queue: filters (status, verdict, site, minimum score, dates) and the alerts, clones first, then strongest and newest. */
import type { AlertStatus, AlertSummary, Verdict } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

export interface QueueFilters {
  status?: AlertStatus;
  verdict?: Verdict;
  site?: string;
  minScore?: number;
  since?: string;
  until?: string;
}

export function scoreCell(score: number): SafeHtml {
  return html`<span class="score"><meter min="0" max="1" value="${score.toFixed(3)}"></meter>${score.toFixed(2)}</span>`;
}

export function statusBadge(status: string): SafeHtml {
  return html`<span class="badge status-${status}">${status}</span>`;
}

export function verdictBadge(verdict: string): SafeHtml {
  return html`<span class="badge verdict-${verdict}">${verdict}</span>`;
}

function option(value: string, label: string, selected: string | undefined): SafeHtml {
  return html`<option value="${value}"${selected === value ? html` selected` : ''}>${label}</option>`;
}

export function queuePage(
  ctx: PageContext,
  data: {
    alerts: AlertSummary[];
    filters: QueueFilters;
    siteNames: string[];
    counts: Record<AlertStatus, number>;
    error?: string;
  },
): string {
  const f = data.filters;
  const rows = data.alerts.map(
    (a) => html`<tr>
<td class="num">${scoreCell(a.score)}</td><td>${verdictBadge(a.verdict)}</td><td>${statusBadge(a.status)}</td>
<td><a href="/alerts/${a.id}">${a.candidate}</a></td><td>${a.site}</td>
<td>${formatDate(a.createdAt)}</td><td>${formatDate(a.updatedAt)}</td><td>${a.reviewer ?? ''}</td></tr>`,
  );
  return layout(
    'Alerts',
    html`<h1>Alerts</h1>
<div class="counts"><span>${data.counts.open} open</span><span>${data.counts.confirmed} confirmed</span><span>${data.counts.dismissed} dismissed</span></div>
${data.error ? html`<p class="notice" role="alert">${data.error}</p>` : ''}
<form class="filters" method="get" action="/alerts">
<label>Status <select name="status">${option('', 'any', f.status ?? '')}${option('open', 'open', f.status)}${option('confirmed', 'confirmed', f.status)}${option('dismissed', 'dismissed', f.status)}</select></label>
<label>Verdict <select name="verdict">${option('', 'any', f.verdict ?? '')}${option('clone', 'clone', f.verdict)}${option('related', 'related', f.verdict)}</select></label>
<label>Monitored site <select name="site">${option('', 'any', f.site ?? '')}${data.siteNames.map((n) => option(n, n, f.site))}</select></label>
<label>Minimum score <input type="number" name="minScore" min="0" max="1" step="0.05" value="${f.minScore ?? ''}"></label>
<label>Updated since <input type="date" name="since" value="${f.since ?? ''}"></label>
<label>Updated until <input type="date" name="until" value="${f.until ?? ''}"></label>
<button type="submit">Filter</button> <a href="/alerts">Clear</a>
</form>
<p class="meta">Export these alerts: ${(['json', 'csv', 'stix'] as const).map(
      (format, i) =>
        html`${i ? ' · ' : ''}<a href="/export/alerts?${new URLSearchParams({ format, ...(f.status ? { status: f.status } : {}), ...(f.verdict ? { verdict: f.verdict } : {}), ...(f.site ? { site: f.site } : {}) }).toString()}">${format.toUpperCase()}</a>`,
    )}</p>
<table><thead><tr><th class="num">Score</th><th>Verdict</th><th>Status</th><th>Candidate</th><th>Monitored site</th><th>Raised</th><th>Updated</th><th>Reviewer</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">No alert matches these filters.</td></tr>`}</tbody></table>`,
    ctx,
  );
}
