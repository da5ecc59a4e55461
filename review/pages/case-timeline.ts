/**
 * The case timeline as inline SVG drawn on the server (the CSP forbids scripts): the site's lane with its
 * takedown, then one lane per candidate: first seen (circle) → alert raised (square) → decision (diamond).
 */
import type { CaseView } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';

const WIDTH = 960;
const LABEL = 230;
const LANE = 26;
const TOP = 30;
const DAY = 86_400_000;

export const STATUS_COLOR = { open: '#d97706', confirmed: '#b91c1c', dismissed: '#6b7280' } as const;

export function caseTimeline(view: CaseView): SafeHtml {
  const site = view.site;
  // Two different facts: the takedown day the unit entered (its records), and when a crawl of Phénix saw the site
  // down, which can be days later. Clones are placed against the first; the second is only drawn for reference.
  const takedown = site.takedownDate ? new Date(`${site.takedownDate}T00:00:00Z`) : null;
  const seenDown = site.liveState !== 'online' && site.liveStateChangedAt ? site.liveStateChangedAt : null;
  const dates = [
    ...(takedown ? [takedown] : []),
    ...(seenDown ? [seenDown] : []),
    ...view.alerts.flatMap((a) => [a.firstSeenAt, a.createdAt, ...(a.decidedAt ? [a.decidedAt] : [])]),
  ].map((d) => d.getTime());
  if (dates.length === 0) return html`<p class="meta">Nothing to draw yet: no takedown recorded and no alert.</p>`;
  // A margin of 5 % of the span (at least a minute): a case of one afternoon spreads over the width, not a dot.
  const span = Math.max(...dates) - Math.min(...dates);
  const pad = Math.max(span * 0.05, 60_000);
  const min = Math.min(...dates) - pad;
  const max = Math.max(...dates) + pad;
  const tickLabel = (d: Date) => (max - min > 4 * DAY ? formatDate(d).slice(0, 10) : formatDate(d).slice(0, 16));
  const x = (d: Date) => LABEL + ((d.getTime() - min) / (max - min)) * (WIDTH - LABEL - 20);
  const height = TOP + LANE * (view.alerts.length + 1) + 24;
  const ticks = Array.from({ length: 4 }, (_, i) => new Date(min + ((max - min) * (i + 0.5)) / 4));
  const y = (lane: number) => TOP + LANE * lane + LANE / 2;

  const siteLane = html`<text x="4" y="${y(0) + 4}" class="tl-label tl-site">${site.name} (${site.liveState})</text>
${takedown ? html`<line x1="${x(takedown)}" x2="${x(takedown)}" y1="${TOP}" y2="${height - 24}" class="tl-takedown"/><text x="${x(takedown) + 4}" y="${TOP - 10}" class="tl-note">taken down ${site.takedownDate} (unit's records)</text>` : ''}
${seenDown ? html`<line x1="${x(seenDown)}" x2="${x(seenDown)}" y1="${TOP}" y2="${height - 24}" class="tl-seen-down"/><text x="${x(seenDown) > WIDTH * 0.6 ? x(seenDown) - 4 : x(seenDown) + 4}" y="${y(0) + 4}" text-anchor="${x(seenDown) > WIDTH * 0.6 ? 'end' : 'start'}" class="tl-note">seen ${site.liveState} by Phénix ${formatDate(seenDown).slice(0, 16)}</text>` : ''}`;
  const lanes = view.alerts.map((a, i) => {
    const ly = y(i + 1);
    const color = STATUS_COLOR[a.status];
    const decided = a.decidedAt
      ? html`<path d="M${x(a.decidedAt)} ${ly - 7} l7 7 l-7 7 l-7 -7 z" fill="${color}"><title>${a.status} by ${a.reviewer ?? '?'} ${formatDate(a.decidedAt)}</title></path>`
      : '';
    return html`<g class="tl-lane"><text x="4" y="${ly + 4}" class="tl-label">${a.candidate.slice(0, 34)}</text>
<line x1="${x(a.firstSeenAt)}" x2="${x(a.decidedAt ?? a.createdAt)}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>
<circle cx="${x(a.firstSeenAt)}" cy="${ly}" r="5" fill="#fff" stroke="${color}" stroke-width="2"><title>first seen ${formatDate(a.firstSeenAt)} (${a.source})</title></circle>
<rect x="${x(a.createdAt) - 5}" y="${ly - 5}" width="10" height="10" fill="${color}"><title>alert #${a.id} raised ${formatDate(a.createdAt)}, score ${a.score.toFixed(2)}</title></rect>
${decided}</g>`;
  });
  return html`<figure class="case-timeline"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="Timeline of the case">
${ticks.map((t) => html`<line x1="${x(t)}" x2="${x(t)}" y1="${TOP - 6}" y2="${height - 24}" class="tl-grid"/><text x="${x(t)}" y="${height - 8}" text-anchor="middle" class="tl-tick">${tickLabel(t)}</text>`)}
${siteLane}${lanes}</svg>
<figcaption class="meta">○ first seen · ■ alert raised · ◆ decision — orange open, red confirmed, grey dismissed; the red line is the takedown date the unit entered${takedown ? '' : ' (none entered yet: phenix sites takedown)'}, the dashed grey line when Phénix saw the site down.</figcaption></figure>`;
}
