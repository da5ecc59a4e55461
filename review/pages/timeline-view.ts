/** The candidate domain's timeline: first seen and how, DNS changes, captures with their redirects, the alert. */
import type { AlertReview } from '../../db/index.ts';
import { formatDate, html, type SafeHtml } from '../html.ts';

interface Event {
  at: Date;
  order: number;
  body: SafeHtml;
}

export function timelineView(review: AlertReview): SafeHtml {
  const d = review.candidate.domain;
  const events: Event[] = [
    {
      at: d.firstSeenAt,
      order: 0,
      body: html`First seen — source <strong>${d.source}</strong>${d.sourceDetail ? html`: ${d.sourceDetail}` : ''}`,
    },
  ];
  for (const e of review.candidate.dnsEvents) {
    events.push({
      at: e.observedAt,
      order: 1,
      body: html`DNS <strong>${e.state}</strong>${e.addresses.length ? html` → ${e.addresses.join(', ')}` : ''}`,
    });
  }
  for (const c of review.candidate.allCaptures) {
    const hops = c.redirectChain.map(
      (h) => html`<br><span class="meta">redirect ${h.status}: ${h.url} → ${h.location}</span>`,
    );
    events.push({
      at: c.capturedAt,
      order: 2,
      body: html`Captured ${c.requestedUrl}${c.finalUrl !== c.requestedUrl ? html` (ended at ${c.finalUrl})` : ''} · HTTP ${c.status ?? '—'}${hops}`,
    });
  }
  events.push({
    at: review.alert.createdAt,
    order: 3,
    body: html`Alert raised against <strong>${review.alert.site}</strong>`,
  });
  for (const h of review.history) {
    if (h.actor === 'monitor') continue;
    events.push({ at: h.at, order: 4, body: html`${h.action} by <strong>${h.actor}</strong>` });
  }
  events.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order);
  const site = review.site;
  return html`<p class="meta">Monitored site ${site.name} is <strong>${site.liveState}</strong>${site.liveStateChangedAt ? html` since ${formatDate(site.liveStateChangedAt)}` : ''}; last crawled ${formatDate(site.lastCrawledAt)}.</p>
<ol class="timeline">${events.map((e) => html`<li><time>${formatDate(e.at)}</time>${e.body}</li>`)}</ol>`;
}
