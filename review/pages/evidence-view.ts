/**
 * The detector's evidence, rendered by kind: shared contacts, near-identical ads (paired, with their word
 * differences marked), layout distances and shared pivots. Any kind this page does not know is still shown,
 * as escaped JSON, so no evidence is ever hidden from the analyst.
 */
import { type AdText, compareAdTexts, type Span, type SpanKind } from '../diff.ts';
import { html, type SafeHtml } from '../html.ts';

type Item = Record<string, unknown> & { kind?: unknown };

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function side(v: unknown): { id: string; url: string; text: string; cut: boolean } | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  return typeof o.text === 'string' ? { id: str(o.id), url: str(o.url), text: o.text, cut: o.cut === true } : null;
}

/** Contact values the evidence says both sides share (used to highlight them everywhere on the page). */
export function sharedContactValues(evidence: unknown[]): Set<string> {
  const out = new Set<string>();
  for (const item of evidence as Item[]) {
    if (item?.kind === 'shared-contact' && Array.isArray(item.values)) for (const v of item.values) out.add(str(v));
  }
  return out;
}

const SPAN_TITLES: Record<SpanKind, string> = {
  same: '',
  changed: '',
  elsewhere: 'Also in the other ad, at another place',
  uncompared: 'Past the end of the other side’s stored excerpt: not compared',
};

function spans(list: Span[], changedTag: 'del' | 'ins'): SafeHtml[] {
  return list.map((s) => {
    const text = s.words.join(' ');
    if (s.kind === 'same') return html`${text} `;
    if (s.kind === 'changed') return changedTag === 'del' ? html`<del>${text}</del> ` : html`<ins>${text}</ins> `;
    return html`<span class="${s.kind}" title="${SPAN_TITLES[s.kind]}">${text}</span> `;
  });
}

/** Both ads as stored, whole, with the words only one side has marked (see review/diff.ts for what each mark claims). */
export function adPair(
  reference: AdText & { url: string },
  candidate: AdText & { url: string },
  distance: number | null,
): SafeHtml {
  const c = compareAdTexts(reference, candidate);
  const cut = [reference.cut ? 'the monitored site’s' : '', candidate.cut ? 'the candidate’s' : ''].filter(Boolean);
  return html`<div class="ad-pair card">
<div><div class="meta">Monitored site · ${reference.url}</div><div class="text">${spans(c.reference, 'del')}</div></div>
<div><div class="meta">Candidate · ${candidate.url}</div><div class="text">${spans(c.candidate, 'ins')}</div></div>
<div class="meta">SimHash distance ${distance ?? '—'} of 64 · <strong>${c.sharedWords} of ${c.referenceWords} words shared</strong> (the candidate’s ad has ${c.candidateWords})${cut.length ? ` · ${cut.join(' and ')} stored text is an excerpt` : ''}</div></div>`;
}

function photoSide(v: unknown): { url: string; sha256: string } | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  // Only a SHA-256 is put into a URL: anything else in a stored alert is shown as text, never fetched.
  return typeof o.sha256 === 'string' && /^[0-9a-f]{64}$/.test(o.sha256) ? { url: str(o.url), sha256: o.sha256 } : null;
}

/** Shared ad photos side by side: both pictures served as the page serves every artifact (inert images). */
function photoPairs(photos: Item[]): SafeHtml {
  const pairs = photos.map((p) => {
    const r = photoSide(p.reference)!;
    const c = photoSide(p.candidate)!;
    const spec = num(p.specificity);
    return html`<div class="photo-pair card">
<figure><img src="/artifacts/${r.sha256}" alt="Photo on the monitored site" loading="lazy"><figcaption class="meta">Monitored site · ${r.url}</figcaption></figure>
<figure><img src="/artifacts/${c.sha256}" alt="Photo on the candidate" loading="lazy"><figcaption class="meta">Candidate · ${c.url}</figcaption></figure>
<div class="meta">Perceptual-hash distance ${num(p.distance) ?? '—'} of 64${spec !== null && spec < 1 ? html` · also on other sites (weight ${spec.toFixed(2)})` : ''}</div></div>`;
  });
  return html`<h3>Shared ad photos (${photos.length})</h3><p class="meta">Each pair: the same picture on both sites, possibly resized, recompressed, cropped or watermarked.</p>${pairs}`;
}

export function evidenceView(evidence: unknown[]): SafeHtml {
  const items = (Array.isArray(evidence) ? evidence : []) as Item[];
  const contacts = items.filter((i) => i?.kind === 'shared-contact');
  const ads = items.filter((i) => i?.kind === 'near-identical-ad');
  const layouts = items.filter((i) => i?.kind === 'layout');
  const pivots = items.filter((i) => i?.kind === 'shared-pivot');
  const photos = items.filter((i) => i?.kind === 'shared-photo' && photoSide(i.reference) && photoSide(i.candidate));
  const looks = items.filter((i) => i?.kind === 'look' && num(i.distance) !== null);
  const known = new Set([...contacts, ...ads, ...layouts, ...pivots, ...photos, ...looks]);
  const other = items.filter((i) => !known.has(i));
  const parts: SafeHtml[] = [];
  if (contacts.length) {
    parts.push(html`<h3>Shared contacts</h3><table><thead><tr><th>Kind</th><th>Values</th><th class="num">On monitored site</th><th class="num">On candidate</th></tr></thead><tbody>
${contacts.map(
  (
    c,
  ) => html`<tr><td>${str(c.contactKind)}</td><td><ul class="contacts">${(Array.isArray(c.values) ? c.values : []).map((v) => html`<li class="shared">${str(v)}${Array.isArray(c.fromImages) && c.fromImages.includes(v) ? ' (in a picture)' : ''}</li>`)}</ul></td>
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
      html`<h3>Near-identical ads (${ads.length})</h3><p class="meta">Each ad whole, as stored. Struck out: words of the monitored site's ad that the candidate's does not have; green: words only the candidate's has; dotted: words the other ad has at another place; grey: past the end of an excerpt, not compared.</p>${pairs}`,
    );
  }
  if (layouts.length) {
    parts.push(html`<h3>Layout</h3><table><thead><tr><th>Page type</th><th class="num">Layout distance (of 64)</th></tr></thead><tbody>
${layouts.map((l) => html`<tr><td>${str(l.pageType)}</td><td class="num">${num(l.distance) ?? '—'}</td></tr>`)}</tbody></table>`);
  }
  if (photos.length) parts.push(photoPairs(photos));
  if (looks.length) {
    parts.push(
      html`<h3>Look of the home page</h3><p>Above-the-fold screenshots ${num(looks[0].distance)} of 64 bits apart (perceptual hash).</p>`,
    );
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
