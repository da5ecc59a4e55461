/** The candidates page (filter by source and DNS state) and the cycles pages (progress and summary). */
import type { CandidateListing, CycleRow } from '../../db/index.ts';
import { DNS_STATES, DOMAIN_SOURCES } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';
import { layout, type PageContext } from './layout.ts';

function select(name: string, values: readonly string[], chosen: string | undefined): SafeHtml {
  return html`<select name="${name}"><option value="">any</option>${values.map((v) => html`<option value="${v}"${chosen === v ? html` selected` : ''}>${v}</option>`)}</select>`;
}

export function candidatesPage(
  ctx: PageContext,
  data: { candidates: CandidateListing[]; source?: string; dnsState?: string; limit: number },
): string {
  const rows = data.candidates.map(
    (
      c,
    ) => html`<tr><td>${c.hostname}</td><td>${c.source}</td><td class="meta">${c.sourceDetail.slice(0, 100)}</td><td>${c.originSite ?? '—'}</td>
<td>${c.dnsState}</td><td>${formatDate(c.firstSeenAt)}</td><td>${c.active ? 'yes' : 'no'}</td></tr>`,
  );
  return layout(
    'Candidates',
    html`<h1>Candidates</h1>
<form class="filters" method="get" action="/candidates"><label>Found by ${select('source', DOMAIN_SOURCES, data.source)}</label>
<label>DNS ${select('dns', DNS_STATES, data.dnsState)}</label><button type="submit">Filter</button> <a href="/candidates">Clear</a></form>
<p class="meta">${data.candidates.length} candidate(s)${data.candidates.length >= data.limit ? ` (the first ${data.limit})` : ''}.</p>
<table><thead><tr><th>Domain</th><th>Found by</th><th>Detail</th><th>From site</th><th>DNS</th><th>First seen</th><th>Active</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="7">No candidate matches these filters.</td></tr>`}</tbody></table>`,
    ctx,
  );
}

function duration(c: CycleRow): string {
  const end = c.finishedAt?.getTime() ?? Date.now();
  const s = Math.round((end - c.startedAt.getTime()) / 1000);
  return s >= 3600
    ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`
    : s >= 60
      ? `${Math.round(s / 60)} min`
      : `${s} s`;
}

export function cyclesPage(ctx: PageContext, cycles: CycleRow[]): string {
  const rows = cycles.map((c) => {
    const s = c.summary as { crawls?: number; pagesOk?: number; outcomes?: { created?: number } };
    return html`<tr><td><a href="/cycles/${encodeURIComponent(c.id)}">${formatDate(c.startedAt)}</a></td><td>${c.scope}</td><td>${c.origin}</td>
<td><span class="badge cycle-${c.status}">${c.status}</span></td><td>${duration(c)}</td><td class="num">${s.crawls ?? '—'}</td><td class="num">${s.pagesOk ?? '—'}</td><td class="num">${s.outcomes?.created ?? '—'}</td></tr>`;
  });
  return layout(
    'Cycles',
    html`<h1>Monitoring cycles</h1>
<table><thead><tr><th>Started</th><th>Scope</th><th>Started by</th><th>Status</th><th>Duration</th><th class="num">Crawls</th><th class="num">Pages</th><th class="num">New alerts</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="8">No cycle has run yet.</td></tr>`}</tbody></table>`,
    ctx,
  );
}

export function cyclePage(ctx: PageContext, c: CycleRow): string {
  const summary = c.summary as Record<string, unknown>;
  const progress = summary.progress as { step?: string; at?: string } | undefined;
  const facts = Object.entries(summary).filter(([k]) => k !== 'progress');
  return layout(
    `Cycle ${c.id}`,
    html`<h1>Cycle ${formatDate(c.startedAt)}</h1>
<p class="meta">${c.id} · scope ${c.scope} · started by ${c.origin || '—'} · <span class="badge cycle-${c.status}">${c.status}</span> · ${duration(c)}${c.finishedAt ? html` · ended ${formatDate(c.finishedAt)}` : ''}</p>
${c.status === 'running' && progress ? html`<p>Now: ${progress.step ?? ''} <span class="meta">(${formatDate(progress.at)})</span></p>` : ''}
${c.error ? html`<p class="notice" role="alert">Error: ${c.error}</p>` : ''}
<table><tbody>${facts.map(([k, v]) => html`<tr><th>${k}</th><td>${typeof v === 'object' ? JSON.stringify(v) : String(v)}</td></tr>`)}</tbody></table>
<p><a href="/cycles">All cycles</a></p>`,
    ctx,
  );
}
