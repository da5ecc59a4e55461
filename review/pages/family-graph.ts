/**
 * The family graph: which domains link to which, by what. The monitored site sits in the middle, each alert's
 * candidate around it with what their evidence shares (contacts, pivots, near-identical ads, layout); candidates
 * sharing a contact or pivot with each other are joined too, and how each candidate was found (redirect, outlink,
 * mention) is listed. Drawn as SVG on the server, with the same links in a table.
 */
import type { CaseAlert, CaseView } from '../../db/index.ts';
import { html, type SafeHtml } from '../html.ts';
import { STATUS_COLOR } from './case-timeline.ts';
import { layoutLabels } from './label-layout.ts';

interface Link {
  from: string;
  to: string;
  by: string;
}

function sharedSummary(a: CaseAlert): string {
  const parts = [];
  if (a.shared.contacts.length) parts.push(`${a.shared.contacts.length} contact(s)`);
  if (a.shared.pivots.length) parts.push(`${a.shared.pivots.length} pivot(s)`);
  if (a.shared.ads) parts.push(`${a.shared.ads} ad(s)`);
  if (a.shared.layout) parts.push('layout');
  return parts.join(' · ') || 'score only';
}

export function familyLinks(view: CaseView): Link[] {
  const links: Link[] = view.alerts.map((a) => ({ from: view.site.name, to: a.candidate, by: sharedSummary(a) }));
  // Candidates that share the same contact or pivot with each other, not only with the site.
  const holders = new Map<string, string[]>();
  for (const a of view.alerts)
    for (const key of [...a.shared.contacts, ...a.shared.pivots])
      holders.set(key, [...(holders.get(key) ?? []), a.candidate]);
  const pairs = new Map<string, string[]>();
  for (const [key, names] of holders)
    for (let i = 0; i < names.length; i++)
      for (let j = i + 1; j < names.length; j++) {
        const pair = `${names[i]}\u0000${names[j]}`;
        pairs.set(pair, [...(pairs.get(pair) ?? []), key]);
      }
  for (const [pair, keys] of pairs) {
    const [from, to] = pair.split('\u0000');
    links.push({ from, to, by: `share ${keys.length} contact(s)/pivot(s)` });
  }
  for (const a of view.alerts)
    if (['redirect', 'outlink', 'mention'].includes(a.source))
      links.push({
        from: a.sourceDetail.slice(0, 160) || '(a crawled page)',
        to: a.candidate,
        by: `found by ${a.source}`,
      });
  return links;
}

export function familyGraph(view: CaseView): SafeHtml {
  const links = familyLinks(view);
  const n = view.alerts.length;
  const size = 560;
  const c = size / 2;
  const r = n > 0 ? 200 : 0;
  const pos = new Map<string, { x: number; y: number }>([[view.site.name, { x: c, y: c }]]);
  view.alerts.forEach((a, i) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(n, 1);
    pos.set(a.candidate, { x: c + r * Math.cos(angle), y: c + r * Math.sin(angle) });
  });
  const drawn = links.filter((l) => pos.has(l.from) && pos.has(l.to));
  // Edge labels are numbers laid out so that no two overlap (nor a node or its name); the table below says what
  // each number stands for.
  const nodeBoxes = [...pos.entries()].flatMap(([name, p]) => [
    { x: p.x - 14, y: p.y - 14, w: 28, h: 28 },
    { x: p.x - name.slice(0, 40).length * 3.2, y: p.y + 12, w: name.slice(0, 40).length * 6.4, h: 14 },
  ]);
  const labels = layoutLabels(
    drawn.map((l, i) => ({ from: pos.get(l.from)!, to: pos.get(l.to)!, w: 8 + 7 * String(i + 1).length, h: 14 })),
    { width: size, height: size, obstacles: nodeBoxes },
  );
  const edges = drawn.map((l) => {
    const a = pos.get(l.from)!;
    const b = pos.get(l.to)!;
    const between = l.from !== view.site.name;
    return html`<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" class="${between ? 'fg-edge fg-shared' : 'fg-edge'}"/>`;
  });
  const marks = labels.boxes.map(
    (
      box,
      i,
    ) => html`<g class="fg-mark"><title>${drawn[i].from} → ${drawn[i].to}: ${drawn[i].by}</title><rect x="${box.x}" y="${box.y}" width="${box.w}" height="${box.h}" rx="3"/>
<text x="${box.x + box.w / 2}" y="${box.y + box.h - 3.5}" text-anchor="middle" class="fg-edge-label">${i + 1}</text></g>`,
  );
  const nodes = view.alerts.map((a) => {
    const p = pos.get(a.candidate)!;
    return html`<circle cx="${p.x}" cy="${p.y}" r="9" fill="${STATUS_COLOR[a.status]}"><title>alert #${a.id} ${a.status}</title></circle>
<text x="${p.x}" y="${p.y + 22}" text-anchor="middle" class="fg-label">${a.candidate.slice(0, 40)}</text>`;
  });
  const number = new Map(drawn.map((l, i) => [l, i + 1]));
  return html`<figure class="family-graph"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size + labels.extraHeight}" width="100%" role="img" aria-label="Family graph of the case">
${edges}${marks}<circle cx="${c}" cy="${c}" r="14" fill="#1e3a8a"/><text x="${c}" y="${c + 30}" text-anchor="middle" class="fg-label fg-site">${view.site.name}</text>${nodes}</svg></figure>
<table class="links"><thead><tr><th>#</th><th>From</th><th>To</th><th>By what</th></tr></thead>
<tbody>${links.length ? links.map((l) => html`<tr><td>${number.get(l) ?? ''}</td><td class="url">${l.from}</td><td>${l.to}</td><td>${l.by}</td></tr>`) : html`<tr><td colspan="4">No link yet.</td></tr>`}</tbody></table>`;
}
