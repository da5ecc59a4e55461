/**
 * The candidates page (paged; filtered by source, DNS state, screening result and alert; each name with its alert or
 * why it raised none) and the cycles pages (progress, and the summary in words).
 */
import { domainToUnicode } from 'node:url';
import type { CandidateListing, CandidateNote, CycleRow } from '../../db/index.ts';
import { DNS_STATES, DOMAIN_SOURCES, SCREEN_STATES } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';
import { cycleSentences } from './cycle-words.ts';
import { layout, type PageContext } from './layout.ts';

function select(name: string, values: readonly string[], chosen: string | undefined): SafeHtml {
  return html`<select name="${name}"><option value="">any</option>${values.map((v) => html`<option value="${v}"${chosen === v ? html` selected` : ''}>${v}</option>`)}</select>`;
}

export interface CandidatesView {
  candidates: CandidateListing[];
  notes: Map<number, CandidateNote>;
  filter: { source?: string; dns?: string; screen?: string; alert?: 'yes' | 'no' };
  page: number;
  pageSize: number;
  total: number;
}

/** A lookalike in Unicode as a reader sees it, with its punycode (what the DNS holds) beside it. */
function hostnameCell(hostname: string): SafeHtml {
  const unicode = domainToUnicode(hostname);
  return unicode && unicode !== hostname
    ? html`<strong>${unicode}</strong><br><span class="meta hash">${hostname}</span>`
    : html`${hostname}`;
}

function alertCell(note: CandidateNote | undefined): SafeHtml {
  if (!note) return html``;
  if (note.alerts.length)
    return html`${note.alerts.map((a, i) => html`${i ? ', ' : ''}<a href="/alerts/${a.id}">alert #${a.id}</a> <span class="badge status-${a.status}">${a.status}</span>`)}`;
  return html`<span class="meta">${note.whyNoAlert ?? ''}</span>`;
}

export function candidatesPage(ctx: PageContext, v: CandidatesView): string {
  const pages = Math.max(1, Math.ceil(v.total / v.pageSize));
  const query = (page: number) => {
    const q = new URLSearchParams(Object.entries(v.filter).filter((e): e is [string, string] => Boolean(e[1])));
    if (page > 1) q.set('page', String(page));
    const text = q.toString();
    return `/candidates${text ? `?${text}` : ''}`;
  };
  const first = (v.page - 1) * v.pageSize;
  const rows = v.candidates.map(
    (
      c,
    ) => html`<tr><td>${hostnameCell(c.hostname)}</td><td>${alertCell(v.notes.get(c.id))}</td><td>${c.source} <span class="meta">${c.sourceDetail.slice(0, 100)}</span></td><td>${c.originSite ?? '—'}</td>
<td>${c.dnsState}</td><td>${c.screenState ?? '—'}</td><td>${formatDate(c.firstSeenAt)}</td></tr>`,
  );
  const nav = html`<nav class="pager">${v.page > 1 ? html`<a href="${query(v.page - 1)}">← previous</a>` : ''} page ${v.page} of ${pages} ${v.page < pages ? html`<a href="${query(v.page + 1)}">next →</a>` : ''}</nav>`;
  return layout(
    'Candidates',
    html`<h1>Candidates</h1>
<form class="filters" method="get" action="/candidates"><label>Found by ${select('source', DOMAIN_SOURCES, v.filter.source)}</label>
<label>DNS ${select('dns', DNS_STATES, v.filter.dns)}</label>
<label>Screening ${select('screen', SCREEN_STATES, v.filter.screen)}</label>
<label>Alert ${select('alert', ['yes', 'no'], v.filter.alert)}</label><button type="submit">Filter</button> <a href="/candidates">Clear</a></form>
<p class="meta">${v.total} candidate(s)${v.total ? ` · showing ${first + 1}–${first + v.candidates.length}` : ''}.</p>
<table><thead><tr><th>Domain</th><th>Alert, or why none</th><th>Found by</th><th>From site</th><th>DNS</th><th>Screening</th><th>First seen</th></tr></thead>
<tbody>${rows.length ? rows : html`<tr><td colspan="7">No candidate matches these filters.</td></tr>`}</tbody></table>
${pages > 1 ? nav : ''}`,
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
  return layout(
    `Cycle ${c.id}`,
    html`<h1>Cycle ${formatDate(c.startedAt)}</h1>
<p class="meta">${c.id} · scope ${c.scope} · started by ${c.origin || '—'} · <span class="badge cycle-${c.status}">${c.status}</span> · ${duration(c)}${c.finishedAt ? html` · ended ${formatDate(c.finishedAt)}` : ''}</p>
${c.status === 'running' && progress ? html`<p>Now: ${progress.step ?? ''} <span class="meta">(${formatDate(progress.at)})</span></p>` : ''}
${c.error ? html`<p class="notice" role="alert">Error: ${c.error}</p>` : ''}
${cycleSentences(summary).map((line) => html`<p>${line}</p>`)}
<p><a href="/cycles">All cycles</a></p>`,
    ctx,
  );
}
