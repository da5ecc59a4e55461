/**
 * A cycle's recorded figures written as sentences an analyst reads (the record keeps machine keys such as pagesOk
 * and {"checked":602,"resolving":8}). Figures this file does not know yet are still shown, in plain words.
 */

const OUTCOME_WORDS: Record<string, string> = {
  created: 'new alert(s) raised',
  updated: 'open alert(s) updated with new evidence',
  unchanged: 'alert(s) unchanged',
  reopened: 'alert(s) reopened',
  'kept-dismissed': 'dismissed alert(s) left dismissed',
  'not-raised': 'comparison(s) below the alert threshold',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} seconds`;
  if (s < 3600) return `${Math.round(s / 60)} minutes`;
  return `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
}

/** camelCase or kebab-case key → lower-case words ("pagesFailed" → "pages failed"). */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
}

function plain(value: unknown): string {
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : 'none';
  if (value && typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${words(k)} ${plain(v)}`)
      .join(', ');
  return String(value);
}

export function cycleSentences(summary: Record<string, unknown>): string[] {
  const s = summary as {
    durationMs?: number;
    promoted?: string[];
    lookalikes?: { generated?: number; added?: number };
    dns?: { checked?: number; resolving?: number };
    discovered?: number;
    crawls?: number;
    pagesOk?: number;
    pagesFailed?: number;
    compared?: number;
    outcomes?: Record<string, number>;
  };
  const out: string[] = [];
  const known = new Set(['progress']);
  const take = (key: string) => known.add(key) && summary[key] !== undefined;
  if (take('durationMs')) out.push(`The cycle took ${duration(Number(s.durationMs))}.`);
  if (take('lookalikes'))
    out.push(
      `It generated ${plural(s.lookalikes?.generated ?? 0, 'lookalike name', 'lookalike names')} of the monitored sites' domains, ${s.lookalikes?.added ?? 0} of them new.`,
    );
  if (take('dns'))
    out.push(
      `It looked up ${plural(s.dns?.checked ?? 0, 'candidate name', 'candidate names')} in the DNS; ${plural(s.dns?.resolving ?? 0, 'resolves', 'resolve')} to an address.`,
    );
  if (take('discovered'))
    out.push(`Crawls and feeds brought ${plural(Number(s.discovered), 'new candidate', 'new candidates')}.`);
  if ([take('crawls'), take('pagesOk'), take('pagesFailed')].some(Boolean))
    out.push(
      `It ran ${plural(s.crawls ?? 0, 'crawl', 'crawls')} (one per site or candidate): ${plural(s.pagesOk ?? 0, 'page', 'pages')} captured${s.pagesFailed ? `, ${plural(s.pagesFailed, 'page', 'pages')} could not be fetched` : ''}.`,
    );
  if (take('compared'))
    out.push(`It compared ${plural(Number(s.compared), 'candidate', 'candidates')} with the monitored sites.`);
  if (take('outcomes')) {
    const parts = Object.entries(s.outcomes ?? {})
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${n} ${OUTCOME_WORDS[k] ?? words(k)}`);
    out.push(parts.length ? `Outcome: ${parts.join('; ')}.` : 'No alert was raised or changed.');
  }
  if (take('promoted'))
    out.push(
      s.promoted?.length
        ? `Confirmed clones now monitored as sites themselves: ${s.promoted.join(', ')}.`
        : 'No confirmed clone was newly put under monitoring.',
    );
  for (const [k, v] of Object.entries(summary))
    if (!known.has(k)) out.push(`${words(k).replace(/^./, (c) => c.toUpperCase())}: ${plain(v)}.`);
  return out;
}
