/**
 * One monitored site as a case: status and case reference, alert counts, the timeline, the family graph and the
 * alerts with their decisions. The same page, printed by Chromium, is the PDF report (`print` drops the controls).
 */
import type { CaseAlert, CaseDecision, CaseView, SiteWithDomains } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';
import { caseTimeline } from './case-timeline.ts';
import { familyGraph } from './family-graph.ts';
import { layout, type PageContext } from './layout.ts';
import { scoreCell, statusBadge } from './queue-page.ts';

export interface CasePageOptions {
  /** The PDF: the stylesheet inlined, no top bar nor links to actions, and when it was produced. */
  print?: { stylesheet: string; producedAt: Date; by: string; shots?: CaseShots };
}

export interface CaseShot {
  /** A data: URL (the printed page loads nothing). */
  src: string;
  url: string;
  at: Date;
}
/** Per confirmed alert id: the monitored site's and the clone's home-page screenshots. */
export type CaseShots = Map<number, { reference?: CaseShot; candidate?: CaseShot }>;

function shotFigure(label: string, shot: CaseShot | undefined): SafeHtml {
  return shot
    ? html`<figure><img src="${shot.src}" alt="${label}"><figcaption class="meta">${label}: <span class="url">${shot.url}</span>, captured ${formatDate(shot.at)}</figcaption></figure>`
    : html`<figure><p class="meta">${label}: no screenshot stored.</p></figure>`;
}

const DECISION_WORD = { confirmed: 'Confirmed as a clone', dismissed: 'Dismissed', open: 'Reopened' } as const;

/** The first page of the PDF: what the case is, its dates, and the summary a reader needs before the details. */
function cover(view: CaseView, print: NonNullable<CasePageOptions['print']>): SafeHtml {
  const s = view.site;
  const confirmed = view.alerts.filter((a) => a.status === 'confirmed');
  const firstSeen = view.alerts.length ? new Date(Math.min(...view.alerts.map((a) => a.firstSeenAt.getTime()))) : null;
  return html`<section class="cover">
<p class="cover-kicker">Phénix — site resurgence monitoring · case report</p>
<h1>${s.name}</h1>
<table class="cover-facts"><tbody>
<tr><th>Case reference</th><td>${s.caseRef}</td></tr>
<tr><th>Site status</th><td>${s.status}; now ${s.liveState}</td></tr>
<tr><th>Domains of the site</th><td>${s.domains.map((d) => d.hostname).join(', ')}</td></tr>
<tr><th>Taken down (unit's records)</th><td>${s.takedownDate ? html`${s.takedownDate}${s.takedownNote ? html` — ${s.takedownNote}` : ''}${s.takedownBy ? html` (entered by ${s.takedownBy})` : ''}` : 'not entered'}</td></tr>
<tr><th>Seen down by Phénix</th><td>${s.liveState !== 'online' && s.liveStateChangedAt ? formatDate(s.liveStateChangedAt) : '—'}</td></tr>
<tr><th>First clone candidate seen</th><td>${formatDate(firstSeen)}</td></tr>
<tr><th>Last crawled</th><td>${formatDate(s.lastCrawledAt)}</td></tr>
<tr><th>Report produced</th><td>${formatDate(print.producedAt)} by ${print.by}</td></tr>
</tbody></table>
<h2>Summary</h2>
<p>Phénix raised ${view.alerts.length} alert(s) for this site: ${view.counts.confirmed} confirmed as clones by an analyst, ${view.counts.dismissed} dismissed, ${view.counts.open} still to review.</p>
${confirmed.length ? html`<p>Confirmed clones: ${confirmed.map((a, i) => html`${i ? ', ' : ''}<strong>${a.candidate}</strong>`)}. Each is set out below with the reasons Phénix gave, what the clone shares with the site, and the analyst's note.</p>` : html`<p>No clone has been confirmed yet.</p>`}
${s.notes ? html`<p>Notes on the site: ${s.notes}</p>` : ''}
</section>`;
}

/** One confirmed clone: why Phénix flagged it (as the analyst saw it when deciding), what it shares, the note. */
function cloneSection(
  a: CaseAlert,
  decision: CaseDecision | undefined,
  shots?: { reference?: CaseShot; candidate?: CaseShot },
): SafeHtml {
  const shared = [...a.shared.contacts, ...a.shared.pivots];
  return html`<section class="clone card">
<h3>${a.candidate} <span class="meta">alert #${a.id} · score ${a.score.toFixed(2)}</span></h3>
<p class="meta">First seen ${formatDate(a.firstSeenAt)} (found by ${a.source}) · alert raised ${formatDate(a.createdAt)} · confirmed ${formatDate(a.decidedAt)} by ${a.reviewer ?? '?'}</p>
<h4>Why Phénix flagged it</h4>
${decision?.explanation.length ? html`<ul>${decision.explanation.map((e) => html`<li>${e}</li>`)}</ul>` : html`<p class="meta">No explanation was recorded with the decision.</p>`}
${shared.length ? html`<p>Shared with the site: ${shared.map((k, i) => html`${i ? ', ' : ''}<span class="hash">${k}</span>`)}${a.shared.ads ? html`; ${a.shared.ads} near-identical ad(s)` : ''}${a.shared.layout ? '; the same layout' : ''}.</p>` : ''}
${shots ? html`<div class="photo-pair case-shots">${shotFigure('The monitored site as it was', shots.reference)}${shotFigure('The clone', shots.candidate)}</div>` : ''}
<h4>The analyst's note</h4>
<blockquote>${decision?.note ?? '—'}</blockquote>
</section>`;
}

function decisionsList(view: CaseView): SafeHtml {
  if (!view.decisions.length) return html`<p>No decision yet.</p>`;
  return html`<table class="decisions"><thead><tr><th>When</th><th>Who</th><th>Decision</th><th>Alert</th><th>Note</th></tr></thead><tbody>
${view.decisions.map((d) => html`<tr><td>${formatDate(d.at)}</td><td><strong>${d.actor}</strong></td><td>${DECISION_WORD[d.status]}</td><td>#${d.alertId} ${d.candidate}</td><td>${d.note}</td></tr>`)}</tbody></table>`;
}

export function casePage(ctx: PageContext | undefined, view: CaseView, options: CasePageOptions = {}): string {
  const s = view.site;
  const confirmed = view.alerts.filter((a) => a.status === 'confirmed');
  // The newest confirming decision of each alert carries the note and the explanation the analyst saw.
  const confirming = (a: CaseAlert) => view.decisions.find((d) => d.alertId === a.id && d.status === 'confirmed');
  const head = options.print
    ? cover(view, options.print)
    : html`<h1>Case ${s.caseRef} — ${s.name}</h1>
<p class="meta">Site status <strong>${s.status}</strong> · taken down <strong>${s.takedownDate ?? 'date not entered'}</strong>${s.takedownNote ? html` (${s.takedownNote})` : ''} · seen <strong>${s.liveState}</strong> by Phénix${s.liveStateChangedAt ? html` since ${formatDate(s.liveStateChangedAt)}` : ''} · last crawled ${formatDate(s.lastCrawledAt)} · domains: ${s.domains.map((d) => d.hostname).join(', ')}</p>
${s.notes ? html`<p>${s.notes}</p>` : ''}
<div class="counts"><span>${view.counts.open} open</span><span>${view.counts.confirmed} confirmed</span><span>${view.counts.dismissed} dismissed</span></div>
<p class="meta"><a href="/cases/${encodeURIComponent(s.name)}/report.pdf">Download this case as PDF</a> · <a href="/alerts?site=${encodeURIComponent(s.name)}">its alerts in the queue</a></p>`;
  const body = html`${head}
<h2>Timeline</h2>
${caseTimeline(view)}
<h2>Confirmed clones</h2>
${confirmed.length ? confirmed.map((a) => cloneSection(a, confirming(a), options.print?.shots?.get(a.id))) : html`<p>None yet.</p>`}
<h2>Decisions</h2>
${decisionsList(view)}
<h2>Family graph</h2>
${familyGraph(view)}
<h2>All alerts</h2>
<table><thead><tr><th class="num">Score</th><th>Status</th><th>Candidate</th><th>First seen</th><th>Found by</th><th>Raised</th><th>Decided</th></tr></thead>
<tbody>${view.alerts.length ? view.alerts.map((a) => html`<tr><td class="num">${scoreCell(a.score)}</td><td>${statusBadge(a.status)}</td><td>${options.print ? a.candidate : html`<a href="/alerts/${a.id}">${a.candidate}</a>`}</td><td>${formatDate(a.firstSeenAt)}</td><td>${a.source}${a.sourceDetail ? html` <span class="meta">${a.sourceDetail.slice(0, 80)}</span>` : ''}</td><td>${formatDate(a.createdAt)}</td><td>${a.decidedAt ? html`${formatDate(a.decidedAt)} · ${a.reviewer ?? ''}` : '—'}</td></tr>`) : html`<tr><td colspan="7">No alert for this site yet.</td></tr>`}</tbody></table>`;
  if (options.print) {
    return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Case ${s.caseRef} — ${s.name} · Phénix</title>
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
