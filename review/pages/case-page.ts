/**
 * One monitored site as a case: status and case reference, alert counts, the timeline, the family graph and the
 * alerts with their decisions. The same page, printed by Chromium, is the PDF report (`print` drops the controls).
 */
import type { CaseView, SiteWithDomains } from '../../db/index.ts';
import { formatDate, html } from '../html.ts';
import { caseTimeline } from './case-timeline.ts';
import { familyGraph } from './family-graph.ts';
import { layout, type PageContext } from './layout.ts';
import { scoreCell, statusBadge } from './queue-page.ts';

export interface CasePageOptions {
  /** The PDF: the stylesheet inlined, no top bar nor links to actions, and when it was produced. */
  print?: { stylesheet: string; producedAt: Date; by: string };
}

export function casePage(ctx: PageContext | undefined, view: CaseView, options: CasePageOptions = {}): string {
  const s = view.site;
  const confirmed = view.alerts.filter((a) => a.status === 'confirmed');
  const body = html`<h1>Case ${s.caseRef} — ${s.name}</h1>
<p class="meta">Site status <strong>${s.status}</strong> · now <strong>${s.liveState}</strong>${s.liveStateChangedAt ? html` since ${formatDate(s.liveStateChangedAt)}` : ''} · last crawled ${formatDate(s.lastCrawledAt)} · domains: ${s.domains.map((d) => d.hostname).join(', ')}</p>
${s.notes ? html`<p>${s.notes}</p>` : ''}
<div class="counts"><span>${view.counts.open} open</span><span>${view.counts.confirmed} confirmed</span><span>${view.counts.dismissed} dismissed</span></div>
${options.print ? html`<p class="meta">Report produced ${formatDate(options.print.producedAt)} by ${options.print.by}.</p>` : html`<p class="meta"><a href="/cases/${encodeURIComponent(s.name)}/report.pdf">Download this case as PDF</a> · <a href="/alerts?site=${encodeURIComponent(s.name)}">its alerts in the queue</a></p>`}
<h2>Confirmed clones</h2>
${confirmed.length ? html`<ul class="confirmed">${confirmed.map((a) => html`<li><strong>${a.candidate}</strong> — alert #${a.id}, confirmed ${formatDate(a.decidedAt)} by ${a.reviewer ?? '?'}</li>`)}</ul>` : html`<p>None yet.</p>`}
<h2>Timeline</h2>
${caseTimeline(view)}
<h2>Family graph</h2>
${familyGraph(view)}
<h2>Alerts</h2>
<table><thead><tr><th class="num">Score</th><th>Status</th><th>Candidate</th><th>First seen</th><th>Found by</th><th>Raised</th><th>Decided</th></tr></thead>
<tbody>${view.alerts.length ? view.alerts.map((a) => html`<tr><td class="num">${scoreCell(a.score)}</td><td>${statusBadge(a.status)}</td><td>${options.print ? a.candidate : html`<a href="/alerts/${a.id}">${a.candidate}</a>`}</td><td>${formatDate(a.firstSeenAt)}</td><td>${a.source}${a.sourceDetail ? html` <span class="meta">${a.sourceDetail.slice(0, 80)}</span>` : ''}</td><td>${formatDate(a.createdAt)}</td><td>${a.decidedAt ? html`${formatDate(a.decidedAt)} · ${a.reviewer ?? ''}` : '—'}</td></tr>`) : html`<tr><td colspan="7">No alert for this site yet.</td></tr>`}</tbody></table>
<h2>Decisions</h2>
${view.decisions.length ? html`<ol class="timeline">${view.decisions.map((d) => html`<li><time>${formatDate(d.at)}</time>${d.action} of alert #${d.alertId} by <strong>${d.actor}</strong></li>`)}</ol>` : html`<p>No decision yet.</p>`}`;
  if (options.print) {
    return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Case ${s.caseRef} · Phénix</title>
<style>${options.print.stylesheet}</style></head><body class="print"><main>${body}</main></body></html>`.value;
  }
  return layout(`Case ${s.caseRef}`, body, ctx);
}

export function casesIndexPage(ctx: PageContext, sites: SiteWithDomains[]): string {
  return layout(
    'Cases',
    html`<h1>Cases</h1><table><thead><tr><th>Case</th><th>Site</th><th>Status</th><th>Now</th><th>Last crawled</th></tr></thead>
<tbody>${sites.map((s) => html`<tr><td><a href="/cases/${encodeURIComponent(s.name)}">${s.caseRef}</a></td><td>${s.name}</td><td>${s.status}</td><td>${s.liveState}</td><td>${formatDate(s.lastCrawledAt)}</td></tr>`)}</tbody></table>`,
    ctx,
  );
}
