/**
 * Report lines an investigator can paste: what is shared, how much, and the values themselves
 * ("14 of 20 phone numbers shared: +33 6 39 98 01 23, …; 11 ads near-identical; layout distance 4/64").
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { LookSignal, PhotoSignal } from '../images/index.ts';
import type { ContactKind, DetectorThresholds, Evidence, PivotKind, SiteProfile } from '../types.ts';
import type { ContactSignal, LayoutSignal, PivotSignal, TextSignal } from './signals.ts';

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
  thresholds: DetectorThresholds;
}

export function explain({
  ref,
  cand,
  text,
  contacts,
  layout,
  pivots,
  photos,
  look,
  thresholds,
}: ExplainInput): string[] {
  const lines: string[] = [];
  for (const e of contacts.shared) {
    const inPicture = new Set(e.fromImages ?? []);
    const values = e.values.map(
      (v) => `${formatContact(e.contactKind, v)}${inPicture.has(v) ? ' (in a picture)' : ''}`,
    );
    lines.push(`${e.values.length} of ${e.referenceCount} ${CONTACT_NAMES[e.contactKind]} shared: ${listed(values)}`);
  }
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
    lines.push(`layout distance ${parts} (${same ? 'same template' : 'different template'})`);
  }
  lines.push(...explainPictures(cand, photos, look, thresholds));
  const byKind = new Map<PivotKind, string[]>();
  for (const p of pivots.shared) byKind.set(p.pivotKind, [...(byKind.get(p.pivotKind) ?? []), p.value]);
  for (const [kind, values] of byKind) {
    lines.push(`same ${PIVOT_NAMES[kind]}${values.length > 1 ? 's' : ''} ${listed(values)}`);
  }
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
    lines.push(
      `${photos.pairs.length} ad photos ${kind} (distance ≤ ${t.photoMaxDistance} of 64; ${cand.photos?.length ?? 0} on the candidate)` +
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
