/**
 * The detector's evidence, rendered by kind: shared contacts, near-identical ads (paired, with their word
 * differences marked), layout distances and shared pivots. Any kind this page does not know is still shown,
 * as escaped JSON, so no evidence is ever hidden from the analyst.
 */
import { diffWords, similarity } from '../diff.ts';
import { html, type SafeHtml } from '../html.ts';

type Item = Record<string, unknown> & { kind?: unknown };

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function side(v: unknown): { id: string; url: string; text: string } | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return typeof o.text === 'string' ? { id: str(o.id), url: str(o.url), text: o.text } : null;
}

/** Contact values the evidence says both sides share (used to highlight them everywhere on the page). */
export function sharedContactValues(evidence: unknown[]): Set<string> {
  const out = new Set<string>();
  for (const item of evidence as Item[]) {
    if (item?.kind === 'shared-contact' && Array.isArray(item.values)) for (const v of item.values) out.add(str(v));
  }
  return out;
}

export function adPair(
  reference: { url: string; text: string },
  candidate: { url: string; text: string },
  distance: number | null,
): SafeHtml {
  const ops = diffWords(reference.text, candidate.text);
  const left = ops
    .filter((o) => o.op !== 'added')
    .map((o) => (o.op === 'removed' ? html`<del>${o.text}</del> ` : html`${o.text} `));
  const right = ops
    .filter((o) => o.op !== 'removed')
    .map((o) => (o.op === 'added' ? html`<ins>${o.text}</ins> ` : html`${o.text} `));
  return html`<div class="ad-pair card">
<div><div class="meta">Monitored site · ${reference.url}</div><div class="text">${left}</div></div>
<div><div class="meta">Candidate · ${candidate.url}</div><div class="text">${right}</div></div>
<div class="meta">SimHash distance ${distance ?? '—'} of 64 · ${Math.round(similarity(ops) * 100)}% of words in common</div></div>`;
}

export function evidenceView(evidence: unknown[]): SafeHtml {
  const items = (Array.isArray(evidence) ? evidence : []) as Item[];
  const contacts = items.filter((i) => i?.kind === 'shared-contact');
  const ads = items.filter((i) => i?.kind === 'near-identical-ad');
  const layouts = items.filter((i) => i?.kind === 'layout');
  const pivots = items.filter((i) => i?.kind === 'shared-pivot');
  const known = new Set([...contacts, ...ads, ...layouts, ...pivots]);
  const other = items.filter((i) => !known.has(i));
  const parts: SafeHtml[] = [];
  if (contacts.length) {
    parts.push(html`<h3>Shared contacts</h3><table><thead><tr><th>Kind</th><th>Values</th><th class="num">On monitored site</th><th class="num">On candidate</th></tr></thead><tbody>
${contacts.map(
  (
    c,
  ) => html`<tr><td>${str(c.contactKind)}</td><td><ul class="contacts">${(Array.isArray(c.values) ? c.values : []).map((v) => html`<li class="shared">${str(v)}</li>`)}</ul></td>
<td class="num">${num(c.referenceCount) ?? '—'}</td><td class="num">${num(c.candidateCount) ?? '—'}</td></tr>`,
)}</tbody></table>`);
  }
  if (ads.length) {
    const pairs = ads.flatMap((a) => {
      const r = side(a.reference);
      const c = side(a.candidate);
      return r && c ? [adPair(r, c, num(a.distance))] : [html`<pre>${JSON.stringify(a, null, 2)}</pre>`];
    });
    parts.push(
      html`<h3>Near-identical ads (${ads.length})</h3><p class="meta">Words only on the monitored site are struck out; words only on the candidate are highlighted green.</p>${pairs}`,
    );
  }
  if (layouts.length) {
    parts.push(html`<h3>Layout</h3><table><thead><tr><th>Page type</th><th class="num">Layout distance (of 64)</th></tr></thead><tbody>
${layouts.map((l) => html`<tr><td>${str(l.pageType)}</td><td class="num">${num(l.distance) ?? '—'}</td></tr>`)}</tbody></table>`);
  }
  if (pivots.length) {
    parts.push(html`<h3>Shared pivots</h3><table><thead><tr><th>Kind</th><th>Value</th></tr></thead><tbody>
${pivots.map((p) => html`<tr><td>${str(p.pivotKind)}</td><td><mark>${str(p.value)}</mark></td></tr>`)}</tbody></table>`);
  }
  if (other.length) {
    parts.push(html`<h3>Other evidence</h3>${other.map((o) => html`<pre>${JSON.stringify(o, null, 2)}</pre>`)}`);
  }
  return parts.length ? html`${parts}` : html`<p>No evidence item was recorded.</p>`;
}
