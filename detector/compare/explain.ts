/**
 * Report lines an investigator can paste: what is shared, how much, and the values themselves
 * ("14 of 20 phone numbers shared: +33 6 39 98 01 23, …; 11 ads near-identical; layout distance 4/64").
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { type LookSignal, type PhotoSignal, photosBothWays } from '../images/index.ts';
import type { ContactKind, DetectorThresholds, Evidence, PivotKind, SiteProfile, Verdict } from '../types.ts';
import type { MergedContent } from './merged.ts';
import type { ContactSignal, LayoutSignal, PivotSignal, TextSignal } from './signals.ts';
import type { Condition, OperatorFamily, RuleName, RuleOutcome } from './verdict.ts';

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
  /** The layout signal whose evidence items carry the rule's judgement (sameTemplate, operatorTemplate). */
  layout: LayoutSignal;
  pivots: PivotSignal;
  photos?: PhotoSignal;
  look?: LookSignal;
  rule: RuleOutcome;
  /** The candidate read against every monitored reference at once (absent when the pair is judged on its own). */
  merged?: MergedContent;
  /** The photo rule decided the verdict (the ad photos come from the reference). */
  byPhotos: boolean;
  verdict: Verdict;
  thresholds: DetectorThresholds;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
const f2 = (x: number) => x.toFixed(2);

const RULE_NAMES: Record<RuleName, string> = {
  content: 'content both ways',
  'merged-content': 'boards merged into one site',
  'photo-copy': "the reference's ad pictures both ways",
  'corroborated-content': 'content corroborated by an operator family',
  'operator-content': "content either way, signed by the operator's own contacts or ids",
  'template-and-content': 'shared template and content both ways',
  'template-and-advertisers': 'shared template and nearly all advertisers both ways',
  'advertisers-and-copies': "nearly all advertisers both ways, with half of the reference's ads or pictures",
  'same-operator': 'two operator families',
};

const FAMILY_NAMES: Record<OperatorFamily, string> = {
  identity: 'site identity',
  pivots: 'pivot',
  layout: 'rare template',
};

/** A shared pivot in words, the same in its own line and in the verdict's list of corroboration. */
function pivotWords(kind: PivotKind, values: string[]): string {
  return `same ${PIVOT_NAMES[kind]}${values.length > 1 ? 's' : ''} ${listed(values)}`;
}

function pivotsByKind(evidence: Evidence[]): Map<PivotKind, { values: string[]; operatorId: boolean }> {
  const out = new Map<PivotKind, { values: string[]; operatorId: boolean }>();
  for (const e of evidence) {
    if (e.kind !== 'shared-pivot') continue;
    const row = out.get(e.pivotKind) ?? { values: [], operatorId: e.operatorId === true };
    row.values.push(e.value);
    out.set(e.pivotKind, row);
  }
  return out;
}

function layoutJudgement(layout: LayoutSignal): { same: boolean; operator: boolean; sites: number } | null {
  const e = layout.evidence[0];
  if (!e) return null;
  return { same: e.sameTemplate === true, operator: e.operatorTemplate === true, sites: e.templateSites ?? 0 };
}

/**
 * The template as the rule weighed it. "One operator's" only when at most `templateRareSites` sites share it; a
 * template on more sites that still corroborates is said to be uncommon, with its rarity, not claimed as one
 * operator's own.
 */
function templateWords(layout: LayoutSignal, t: DetectorThresholds): string {
  const j = layoutJudgement(layout);
  if (!j?.same) return 'not the same template';
  const spread = j.sites > 1 ? `found on ${j.sites} sites of the corpus` : 'found on no other site of the corpus';
  if (!j.operator) return `same template, common (${spread})`;
  if (j.sites <= t.templateRareSites) return `same template, rare (${spread}): one operator's`;
  const rarity = `, rarity ${layout.rarity.toFixed(2)} of 1`;
  return `same template, uncommon (${spread}${rarity}): an operator's or a few sites' of one script`;
}

/**
 * What corroborates, read from the evidence items the verdict rests on: strong pivots, the operator's own contacts,
 * a rare template; then what was found but does not corroborate on its own (a common template, a script's favicon).
 */
function corroborationWords(input: ExplainInput, evidence: Evidence[]): { strong: string[]; weak: string[] } {
  const { rule, contacts, layout, thresholds: t } = input;
  const strong: string[] = [];
  const weak: string[] = [];
  for (const [kind, { values, operatorId }] of pivotsByKind(evidence)) {
    if (operatorId && rule.corroborating.includes('pivots')) strong.push(pivotWords(kind, values));
    else if (operatorId) weak.push(`${pivotWords(kind, values)}, under ${t.corroborationStrength}`);
    else weak.push(`${pivotWords(kind, values)} (a script's file, not an operator's id)`);
  }
  if (contacts.siteContacts.shared > 0) {
    const words = `${contacts.siteContacts.shared} of the reference's own contacts (identity ${f2(rule.families.identity)})`;
    if (rule.corroborating.includes('identity')) strong.push(words);
    else weak.push(`${words}, under ${t.corroborationStrength}: contacts other sites also carry`);
  }
  const j = layoutJudgement(layout);
  if (j?.same) {
    if (rule.corroborating.includes('layout')) strong.push(templateWords(layout, t));
    else weak.push(`${templateWords(layout, t)}, which corroborates only with content both ways`);
  }
  return { strong, weak };
}

function conditionWords(c: Condition, rule: RuleOutcome): string {
  const has = c.margin >= 0 ? 'has' : 'only';
  switch (c.what) {
    case 'content':
      return `${pct(c.threshold)} of the candidate's content from the reference, or content both ways at ${pct(c.threshold)} (√(candidate share × reference share)) (${has} ${pct(c.value)})`;
    case 'carried':
      return `${pct(c.threshold)} of the candidate's content from the reference, or ${pct(c.threshold)} of the reference's content on the candidate (${has} ${pct(c.value)})`;
    case 'copied':
      return `${pct(c.threshold)} of the candidate's ads or ad photos from the reference, or both ways at ${pct(c.threshold)} (shared advertisers do not count beside a template alone) (${has} ${pct(c.value)})`;
    case 'reference-copied':
      return `${pct(c.threshold)} of the reference's ads or ad photos on the candidate (${has} ${pct(c.value)})`;
    case 'reference-copy-share':
      return `${pct(c.threshold)} of the reference's ads or ad pictures copied on the candidate, each picture once, stock pictures left out (${has} ${pct(c.value)})`;
    case 'candidate-ad-share':
      return `${pct(c.threshold)} of the candidate's ads from the reference (${has} ${pct(c.value)})`;
    case 'reference-ad-share':
      return `${pct(c.threshold)} of the reference's ads on the candidate (${has} ${pct(c.value)})`;
    case 'joint-candidate-share':
      return `${pct(c.threshold)} of the candidate's ads from monitored sites each largely on it, the reference among them (${has} ${pct(c.value)})`;
    case 'own-candidate-share':
      return `${pct(c.threshold)} of the candidate's ads from the reference itself (${has} ${pct(c.value)})`;
    case 'candidate-photo-share':
      return `${pct(c.threshold)} of the candidate's ad pictures from the reference, stock pictures left out (${has} ${pct(c.value)})`;
    case 'reference-photo-share':
      return `${pct(c.threshold)} of the reference's ad pictures on the candidate (${has} ${pct(c.value)})`;
    case 'candidate-advertiser-share':
      return `${pct(c.threshold)} of the candidate's advertisers from the reference (${has} ${pct(c.value)})`;
    case 'reference-advertiser-share':
      return `${pct(c.threshold)} of the reference's advertisers on the candidate (${has} ${pct(c.value)})`;
    case 'template':
      return `a shared template, layout ${pct(c.threshold)} alike (${has} ${pct(c.value)})`;
    case 'corroboration': {
      const f = rule.best.families[0];
      return `an operator family at ${f2(c.threshold)} (${has} ${f2(c.value)}${f ? `, ${FAMILY_NAMES[f]}` : ''})`;
    }
    case 'second-operator-family':
      return `a second operator family at ${f2(c.threshold)} (${has} ${f2(c.value)})`;
  }
}

function photoShares(photos: PhotoSignal | undefined): string {
  if (!photos) return 'no photo in common';
  return `${pct(photos.candidateShare)} of the candidate's photos, ${pct(photos.referenceShare)} of the reference's`;
}

/** A quarter of each side's ads or ad photos: what the note below calls part of the old ads carried both ways. */
const NOTE_COPIED_SHARE = 0.25;

/**
 * A related pair (no rule holds) carrying part of the reference's ads both ways (a quarter of each side's ads or ad
 * photos weighed by specificity) with most of its advertisers (more than half, and corroboratedAdShare): a restart
 * that kept part of the old database, or a rival to which the advertisers moved with some of their ads. Content cannot
 * tell them apart (the evaluation worlds label them both ways), so the line says what would: the operator's own
 * contact or id, which with that share of advertisers always makes the rule "content either way, signed by the
 * operator" hold. Null when the pattern is not there or the verdict is not related.
 */
function partialCopyNote(input: ExplainInput): string | null {
  if (input.verdict !== 'related') return null;
  const c = input.rule.families.content;
  const candidate = Math.max(c.adCandidateShare, c.photoCandidateShare);
  const reference = Math.max(c.adReferenceShare, c.photoReferenceShare);
  const advertisers = c.advertiserReferenceShare;
  if (Math.min(candidate, reference) < NOTE_COPIED_SHARE) return null;
  if (advertisers <= 0.5 || advertisers < input.thresholds.corroboratedAdShare) return null;
  return `${pct(candidate)} of the candidate's ads or ad photos and ${pct(reference)} of the reference's are copies of the other's, and ${pct(advertisers)} of the reference's advertisers (weighed by how specific each contact is) are on the candidate: a restart that kept part of the old database looks like this, and so does a rival to which the advertisers moved with some of their ads. Only the operator's own phone, e-mail or address, or an analytics, advertising or payment id shared with the reference, could tell them apart`;
}

/** The closing line: the verdict, the rule that decided it with its values and thresholds, and every corroboration. */
function verdictLine(input: ExplainInput, evidence: Evidence[]): string {
  const { rule, verdict, photos } = input;
  const c = rule.families.content;
  // Name the photos when they are what a side's share was read on (a gallery shows no ad text to count).
  const byPictures = (share: number, photo: number) => (photo > 0 && photo >= share ? ' (its ad photos)' : '');
  const content = `content ${pct(c.candidateShare)} of the candidate from the reference${byPictures(c.candidateShare, c.photoCandidateShare)}, ${pct(c.referenceShare)} of the reference on the candidate${byPictures(c.referenceShare, c.photoReferenceShare)}`;
  const { strong, weak } = corroborationWords(input, evidence);
  const found = `corroboration found: ${strong.length > 0 ? strong.join('; ') : 'none'}${weak.length > 0 ? `; also shared, not corroborating alone: ${weak.join('; ')}` : ''}`;
  const best = rule.best;
  const needs = best.conditions.map((x) => conditionWords(x, rule)).join(', ');
  if (input.byPhotos)
    return `${verdict}: the candidate's ad photos come from the reference (${photos?.pairs.length ?? 0} photos identical or near-identical, photo rule: ${photoShares(photos)}, both ways ${pct(photos ? photosBothWays(photos) : 0)}, it needs ${pct(input.thresholds.clonePhotoShare)}); ${content}; ${found}`;
  const sources =
    best.name === 'merged-content' ? `; ${mergedWords(input.merged, input.ref.site, input.thresholds)}` : '';
  if (best.margin >= 0)
    return `${verdict} by the rule "${RULE_NAMES[best.name]}": ${content}${sources}; it needs ${needs}; ${found}`;
  const note = partialCopyNote(input);
  return `${verdict}: ${content}${sources}; the nearest rule to a clone, "${RULE_NAMES[best.name]}", needs ${needs}; ${found}${note ? `; note: ${note}` : ''}`;
}

/** The monitored sites the candidate's ads come from, each with its two shares, the reference among them. */
function mergedWords(merged: MergedContent | undefined, referenceSite: string, t: DetectorThresholds): string {
  if (!merged) return 'no other monitored site was read';
  const reference = `the reference (${pct(merged.own)} of the candidate, ${pct(merged.referenceShare)} of it on the candidate)`;
  const others = merged.sources.filter((s) => s.site !== referenceSite);
  const list = others
    .slice(0, MAX_LISTED)
    .map(
      (s) => `${s.site} (${pct(s.candidateShare)} of the candidate, ${pct(s.referenceShare)} of it on the candidate)`,
    );
  const more = others.length > MAX_LISTED ? `, and ${others.length - MAX_LISTED} more` : '';
  const sources =
    list.length > 0
      ? `monitored sites with ${pct(t.cloneReferenceShare)} of their ads or more on it: ${list.join(', ')}${more}`
      : `no monitored site with ${pct(t.cloneReferenceShare)} of its ads on it`;
  return `${pct(merged.share)} of the candidate's ads come from ${reference} and ${sources}`;
}

export function explain(input: ExplainInput, evidence: Evidence[]): string[] {
  const { ref, cand, text, contacts, layout, photos, look, thresholds } = input;
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
  if (contacts.siteContacts.quoted > 0)
    lines.push(
      `${contacts.siteContacts.quoted} of the reference's own contacts quoted in the candidate's ads or articles, not shown as its own contact: they do not count as site identity`,
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
  const sum = text.summaries;
  if (sum && sum.counterparts >= thresholds.minSharedAds)
    lines.push(
      `${sum.counterparts} listing excerpts with a counterpart on the other side's listings, ${sum.near} near-identical ` +
        `(of ${sum.candidate} on the candidate's listing pages, ${sum.reference} on the reference's)`,
    );
  if (layout.distance !== null) {
    const parts = layout.evidence.map((e) => `${e.distance}/64 on ${e.pageType} pages`).join(', ');
    const similar = layout.similarity === null ? '' : `; layout tokens ${Math.round(layout.similarity * 100)} % alike`;
    // The rule takes the stronger of the DOM layout and the screenshot's look: say so when the look decided.
    const byLook =
      input.rule.sameTemplate && (layout.value ?? 0) < thresholds.corroborationStrength
        ? ", by the home page's look"
        : '';
    lines.push(`layout distance ${parts}${similar} (${templateWords(layout, thresholds)}${byLook})`);
  }
  lines.push(...explainPictures(cand, photos, look, thresholds));
  for (const [kind, { values, operatorId }] of pivotsByKind(evidence))
    lines.push(`${pivotWords(kind, values)}${operatorId ? " (the operator's own id)" : " (a script's file)"}`);
  lines.push(verdictLine(input, evidence));
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
    const deeper = photos.pairs.filter((p) => p.ladder).length;
    const cropped = photos.pairs.filter((p) => p.crop && !p.ladder).length;
    lines.push(
      `${photos.pairs.length} ad photos ${kind} (distance ≤ ${t.photoMaxDistance} of 64; ${cand.photos?.length ?? 0} on the candidate)` +
        (cropped > 0 ? `; ${cropped} of them cropped (a window within ${t.photoCropMaxDistance} of 64)` : '') +
        (deeper > 0
          ? `; ${deeper} of them re-cropped deeper (the picture's middle at another scale, within ${t.photoMaxDistance} of 64)`
          : '') +
        (common > 0 ? `; ${common} of them also on other sites, weighed down` : '') +
        `; ${photoShares(photos)}`,
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
