/**
 * One alert: the decision form, the explanation and signals, both sides side by side (screenshots, pages,
 * contacts with the shared ones highlighted), the evidence, the candidate domain's timeline and the decision
 * history, with the evidence each decision saw (frozen; later evidence is what the page shows above). Captured URLs
 * are shown as text, never as links.
 */
import type { AlertReview, ReviewSide } from '../../db/index.ts';
import type { CaptureRow } from '../../db/schema/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';
import { evidenceView, sharedContactValues } from './evidence-view.ts';
import { csrfField, layout, type PageContext } from './layout.ts';
import { scoreCell, statusBadge, verdictBadge } from './queue-page.ts';
import { timelineView } from './timeline-view.ts';

const TEXT_KINDS: [string, string][] = [
  ['html', 'HTML (as text)'],
  ['text', 'Visible text'],
  ['headers', 'Headers'],
  ['screenshot-full', 'Full-page screenshot'],
];

function artifactLinks(capture: CaptureRow): SafeHtml {
  const links = TEXT_KINDS.flatMap(([kind, label]) => {
    const a = capture.artifacts.find((x) => x.kind === kind);
    return a ? [html`<a href="/artifacts/${a.sha256}">${label}</a>`] : [];
  });
  return html`${links.map((l, i) => html`${i ? ' · ' : ''}${l}`)}`;
}

function screenshotOf(capture: CaptureRow | undefined): SafeHtml {
  const shot =
    capture?.artifacts.find((a) => a.kind === 'screenshot') ??
    capture?.artifacts.find((a) => a.kind === 'screenshot-full');
  return shot
    ? html`<img class="shot" src="/artifacts/${shot.sha256}" alt="Screenshot of ${capture?.finalUrl ?? ''}">`
    : html`<p class="meta">No screenshot was captured (HTTP mode or capture failed).</p>`;
}

function sideView(label: string, side: ReviewSide, shared: Set<string>): SafeHtml {
  const home = side.captures[0];
  return html`<section class="card">
<div class="side-title">${label}</div>
<div class="meta">${side.domains.map((d) => d.hostname).join(', ')}</div>
${screenshotOf(home)}
${
  home
    ? html`<p><strong>${home.title ?? '(no title)'}</strong><br><span class="meta">${home.finalUrl} · HTTP ${home.status ?? '—'} · captured ${formatDate(home.capturedAt)}</span><br>${artifactLinks(home)}</p>`
    : html`<p class="meta">No capture of this side is stored.</p>`
}
<h3>Contacts</h3>
${
  side.contacts.length
    ? html`<ul class="contacts">${side.contacts.map((c) => html`<li class="${shared.has(c.value) ? 'shared' : ''}" title="${c.kind}">${c.value}</li>`)}</ul>`
    : html`<p class="meta">None found.</p>`
}
<details><summary>${side.captures.length} page(s) captured</summary><table><tbody>
${side.captures.map((c) => html`<tr><td class="meta">${c.finalUrl}</td><td>${c.title ?? ''}</td><td>${formatDate(c.capturedAt)}</td><td>${artifactLinks(c)}</td></tr>`)}
</tbody></table></details>
</section>`;
}

function decisionForm(review: AlertReview, csrf: string): SafeHtml {
  const a = review.alert;
  const decided = a.status !== 'open';
  return html`<form class="decide card" method="post" action="/alerts/${a.id}/decision">${csrfField(csrf)}
<label>Note for the record (required)<textarea name="note" required maxlength="4000" placeholder="Why you confirm or dismiss this alert"></textarea></label>
${
  decided
    ? html`<button type="submit" name="decision" value="open" class="secondary">Reopen</button><span></span>`
    : html`<button type="submit" name="decision" value="confirmed" class="confirm">Confirm clone</button>
<button type="submit" name="decision" value="dismissed" class="dismiss">Dismiss</button>`
}
</form>`;
}

function signalsTable(signals: Record<string, number | null>): SafeHtml {
  const entries = Object.entries(signals ?? {});
  return html`<table><thead><tr><th>Signal</th><th class="num">Strength (0–1)</th></tr></thead><tbody>
${entries.map(([k, v]) => html`<tr><td>${k}</td><td class="num">${typeof v === 'number' ? v.toFixed(2) : 'not measured'}</td></tr>`)}
</tbody></table>`;
}

export function alertPage(ctx: PageContext, review: AlertReview, flash?: string): string {
  const a = review.alert;
  const shared = sharedContactValues(a.evidence);
  for (const c of review.reference.contacts) {
    if (review.candidate.contacts.some((d) => d.kind === c.kind && d.value === c.value)) shared.add(c.value);
  }
  return layout(
    `Alert ${a.id}: ${a.candidate}`,
    html`<p class="meta"><a href="/alerts">← all alerts</a></p>
${flash ? html`<p class="flash" role="status">${flash}</p>` : ''}
<h1>${a.candidate} <span class="meta">looks like</span> ${a.site}</h1>
<p>${verdictBadge(a.verdict)} ${statusBadge(a.status)} ${scoreCell(a.score)}
<span class="meta">raised ${formatDate(a.createdAt)} · updated ${formatDate(a.updatedAt)}${a.reviewer ? html` · decided by ${a.reviewer} ${formatDate(a.decidedAt)}` : ''}</span></p>
${a.note ? html`<p><strong>Note:</strong> ${a.note}</p>` : ''}
${decisionForm(review, ctx.csrf)}
<p class="meta"><a href="/alerts/${a.id}/evidence.wacz" download>Download the evidence package (signed WACZ)</a></p>
<div class="grid-2"><section><h2>Why Phénix raised it</h2><ul class="explanation">${(a.explanation ?? []).map((line) => html`<li>${line}</li>`)}</ul></section>
<section><h2>Signals</h2>${signalsTable(a.signals)}</section></div>
<h2>Side by side</h2>
<div class="side-by-side">${sideView(`Monitored site: ${review.site.name} (${review.site.status}, case ${review.site.caseRef})`, review.reference, shared)}
${sideView(`Candidate: ${a.candidate}`, review.candidate, shared)}</div>
<h2>Evidence</h2>${evidenceView(a.evidence)}
<h2>Timeline of ${a.candidate}</h2>${timelineView(review)}
<h2>Decision history</h2>
<table><thead><tr><th>When</th><th>Who</th><th>What</th><th>Note</th></tr></thead><tbody>
${review.history.map((h) => html`<tr><td>${formatDate(h.at)}</td><td>${h.actor}</td><td>${h.action}</td><td>${typeof h.details?.note === 'string' ? h.details.note : ''}</td></tr>`)}
</tbody></table>
${
  review.decisions.length
    ? html`<h2>Evidence as each decision saw it</h2>${review.decisions.map(
        (d) => html`<section class="card"><h3>${d.status} by ${d.reviewer} ${formatDate(d.decidedAt)}</h3>
<p>${verdictBadge(d.verdict)} ${scoreCell(d.score)}</p><ul class="explanation">${d.explanation.map((line) => html`<li>${line}</li>`)}</ul>
<details><summary>Evidence then (${d.evidence.length} items)</summary>${evidenceView(d.evidence)}</details></section>`,
      )}`
    : ''
}`,
    ctx,
  );
}
