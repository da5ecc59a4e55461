/**
 * Report lines an investigator can paste: what is shared, how much, and the values themselves
 * ("14 of 20 phone numbers shared: +33 6 39 98 01 23, …; 11 ads near-identical; layout distance 4/64").
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { LookSignal, PhotoSignal } from '../images/index.ts';
import type { ContactKind, DetectorThresholds, Evidence, PivotKind, SiteProfile, Verdict } from '../types.ts';
import type { ContactSignal, LayoutSignal, PivotSignal, TextSignal } from './signals.ts';
import type { RuleOutcome } from './verdict.ts';

const CONTACT_NAMES: Record<ContactKind, string> = {
  phone: 'phone numbers',
  email: 'e-mail addresses',
  telegram: 'Telegram handles',
  snapchat: 'Snapchat handles',
  instagram: 'Instagram accounts',
  signal: 'Signal usernames',
};

const PIVOT_NAMES: Record<PivotKind, string> = {
  'google-analytics': 'Google Analytics id',
  'google-tag-manager': 'Google Tag Manager container',
  adsense: 'AdSense publisher id',
  'meta-pixel': 'Meta pixel id',
  'yandex-metrica': 'Yandex Metrica counter',
  'favicon-mmh3': 'favicon (Shodan hash)',
  'favicon-sha256': 'favicon (SHA-256)',
  asset: 'asset file',
  iban: 'IBAN',
  bitcoin: 'Bitcoin address',
  ethereum: 'Ethereum address',
  'payment-link': 'payment link',
};

const MAX_LISTED = 5;

export function formatContact(kind: ContactKind, value: string): string {
  if (kind !== 'phone') return value;
  return parsePhoneNumberFromString(value)?.formatInternational() ?? value;
}

function listed(values: string[]): string {
  const head = values.slice(0, MAX_LISTED).join(', ');
  return values.length > MAX_LISTED ? `${head}, …` : head;
}

export interface ExplainInput {
  ref: SiteProfile;
  cand: SiteProfile;
  text: TextSignal;
  contacts: ContactSignal;
  layout: LayoutSignal;
  pivots: PivotSignal;
  photos?: PhotoSignal;
  look?: LookSignal;
  rule: RuleOutcome;
  verdict: Verdict;
  thresholds: DetectorThresholds;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

function joinOr(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** What the content family holds, in the analyst's words ("4 of 40 ads of the reference, 10 % of the candidate's"). */
function contentSummary({ ref, cand, rule, contacts }: ExplainInput): string {
  const c = rule.families.content;
  const parts: string[] = [];
  if (c.sharedAds > 0)
    parts.push(
      `shares ${c.sharedAds} of ${ref.ads.length} ads of the reference (${c.sharedAds} of the candidate's ${cand.ads.length})`,
    );
  const refAdvertisers = ref.contacts.filter((x) => x.scope !== 'site').length;
  if (c.sharedAdvertisers > 0)
    parts.push(`shares ${contacts.advertisers.shared} of ${refAdvertisers} advertiser contacts`);
  return parts.length > 0 ? parts.join(', ') : 'no ad or advertiser in common';
}

/** The closing line: why the verdict is what it is, what was found and what was missing. */
function verdictLine(input: ExplainInput): string {
  const { rule, verdict, layout, thresholds: t } = input;
  const c = rule.families.content;
  const found = rule.corroborating;
  const missing = (['layout', 'identity', 'pivots'] as const).filter((f) => !found.includes(f));
  const names = { layout: 'shared layout', identity: 'identity', pivots: 'pivot' };
  const commonTemplate =
    layout.value !== null && layout.value >= t.corroborationStrength && layout.rarity < t.corroborationStrength
      ? `; the shared template is found on ${layout.templateSites} sites (an off-the-shelf script, not a sign of one operator)`
      : '';
  const absent = missing.length > 0 ? `no ${joinOr(missing.map((f) => names[f]))}` : '';
  const containment = `${pct(c.candidateShare)} of the candidate's content comes from the reference, ${pct(c.referenceShare)} of the reference's is on the candidate`;
  if (verdict === 'clone') {
    if (rule.reason === 'overwhelming-content')
      return `clone: overwhelming content (${containment})${found.length ? `, corroborated by ${found.join(', ')}` : ''}`;
    if (rule.reason === 'corroborated-content')
      return `clone: ${containment}, corroborated by ${found.join(', ')}${absent ? `; ${absent}` : ''}`;
    if (rule.reason === null)
      return `clone: the candidate's ad photos come from the reference (${input.photos?.pairs.length ?? 0} photos identical or near-identical); ${contentSummary(input)}`;
    return `clone: same operator (${found.join(', ')}); ${contentSummary(input)}`;
  }
  const why =
    c.candidateShare >= t.corroboratedAdShare
      ? `${containment}, but ${absent || 'nothing corroborates it'}`
      : `${contentSummary(input)} (${containment})${absent ? `; ${absent}` : ''}`;
  return `not a clone: ${why}${commonTemplate}`;
}

export function explain(input: ExplainInput): string[] {
  const { ref, cand, text, contacts, layout, pivots, photos, look, thresholds } = input;
  const lines: string[] = [];
  for (const e of contacts.shared) {
    const inPicture = new Set(e.fromImages ?? []);
    const values = e.values.map(
      (v) => `${formatContact(e.contactKind, v)}${inPicture.has(v) ? ' (in a picture)' : ''}`,
    );
    lines.push(`${e.values.length} of ${e.referenceCount} ${CONTACT_NAMES[e.contactKind]} shared: ${listed(values)}`);
  }
  if (contacts.siteContacts.shared > 0)
    lines.push(
      `${contacts.siteContacts.shared} of the reference's own contacts (contact page, footer) on the candidate`,
    );
  if (contacts.value === null) lines.push('contacts not comparable (none found on one side)');
  else if (contacts.shared.length === 0) lines.push('no contact in common');
  if (text.value === null) lines.push('ad texts not comparable (too few ads on one side)');
  else if (text.pairs.length > 0) {
    lines.push(
      `${text.matchedCandidate} ads near-identical (of ${cand.ads.length} on the candidate, ${ref.ads.length} on the reference; ` +
        `${Math.round((text.value ?? 0) * 100)} % of the smaller side)`,
    );
  } else
    lines.push(`no ad text in common (${cand.ads.length} ads on the candidate, ${ref.ads.length} on the reference)`);
  if (layout.distance !== null) {
    const parts = layout.evidence.map((e) => `${e.distance}/64 on ${e.pageType} pages`).join(', ');
    const same = layout.distance <= thresholds.layoutSameDistance;
    const spread = layout.templateSites > 1 ? `, found on ${layout.templateSites} sites of the corpus` : '';
    const similar = layout.similarity === null ? '' : `; layout tokens ${Math.round(layout.similarity * 100)} % alike`;
    const verdict = same
      ? `same template${spread}`
      : `not the same template: fingerprints over ${thresholds.layoutSameDistance} bits apart`;
    lines.push(`layout distance ${parts} (${verdict})${similar}`);
  }
  lines.push(...explainPictures(cand, photos, look, thresholds));
  const byKind = new Map<PivotKind, string[]>();
  for (const p of pivots.shared) byKind.set(p.pivotKind, [...(byKind.get(p.pivotKind) ?? []), p.value]);
  for (const [kind, values] of byKind) {
    lines.push(`same ${PIVOT_NAMES[kind]}${values.length > 1 ? 's' : ''} ${listed(values)}`);
  }
  lines.push(verdictLine(input));
  return lines;
}

function explainPictures(
  cand: SiteProfile,
  photos: PhotoSignal | undefined,
  look: LookSignal | undefined,
  t: DetectorThresholds,
): string[] {
  const lines: string[] = [];
  if (photos && photos.pairs.length > 0) {
    const exact = photos.pairs.filter((p) => p.distance === 0).length;
    const kind = exact === photos.pairs.length ? 'identical' : 'identical or near-identical';
    const common = photos.pairs.length - photos.pairs.filter((p) => p.specificity === 1).length;
    const cropped = photos.pairs.filter((p) => p.crop).length;
    lines.push(
      `${photos.pairs.length} ad photos ${kind} (distance ≤ ${t.photoMaxDistance} of 64; ${cand.photos?.length ?? 0} on the candidate)` +
        (cropped > 0 ? `; ${cropped} of them cropped (a window within ${t.photoCropMaxDistance} of 64)` : '') +
        (common > 0 ? `; ${common} of them also on other sites, weighed down` : ''),
    );
  }
  if (look?.evidence[0]) {
    const d = look.evidence[0].distance;
    lines.push(
      `home page screenshot distance ${d}/64 (${d <= t.lookZeroDistance / 2 ? 'same look' : 'different look'})`,
    );
  }
  return lines;
}

export function evidenceOf({ text, contacts, layout, pivots, photos, look }: ExplainInput): Evidence[] {
  return [
    ...contacts.shared,
    ...text.pairs,
    ...layout.evidence,
    ...pivots.shared,
    ...(photos?.pairs ?? []),
    ...(look?.evidence ?? []),
  ];
}
