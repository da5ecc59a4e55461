/**
 * The verdict rule. Evidence comes in four independent families: content (copied ads, shared advertisers), site
 * identity (the operator's own contacts), layout (a template, weighed by how rare it is) and pivots (the operator's
 * analytics and payment ids). Advertisers post on several sites, the press and NGOs quote ads, aggregators scrape them
 * and competitors share advertisers, so content alone is only enough when it is overwhelming in both directions: most
 * of the candidate comes from the reference and much of the reference is on the candidate. Otherwise a `clone` needs
 * content that makes up most of the candidate, corroborated by another family; or two operator-specific families
 * (identity, pivots, rare layout) of which one is not the layout.
 */
import type { DetectorThresholds, Families } from '../types.ts';
import type { ContactSignal, LayoutSignal, PivotSignal, TextSignal } from './signals.ts';

export type CloneReason = 'overwhelming-content' | 'corroborated-content' | 'same-operator';

export interface RuleOutcome {
  families: Families;
  /** Why the verdict may be `clone`, or null when nothing allows it. */
  reason: CloneReason | null;
  /** Families strong enough to corroborate (`identity`, `layout`, `pivots`). */
  corroborating: ('identity' | 'layout' | 'pivots')[];
}

export function contentFamily(
  text: TextSignal,
  contacts: ContactSignal,
  refAds: number,
  candAds: number,
  t: DetectorThresholds,
): Families['content'] {
  const ads = text.value !== null && text.counterparts >= t.minSharedAds;
  const adv = contacts.advertisers;
  const advertisers = adv.shared >= t.minSharedAds;
  const share = (num: number, den: number) => (den > 0 ? Math.min(1, num / den) : 0);
  return {
    candidateShare: Math.max(
      ads ? share(text.counterparts, candAds) : 0,
      advertisers ? share(adv.sharedWeight, adv.candidateWeight) : 0,
    ),
    referenceShare: Math.max(
      ads ? share(text.counterparts, refAds) : 0,
      advertisers ? share(adv.sharedWeight, adv.referenceWeight) : 0,
    ),
    sharedAds: text.matched,
    sharedAdvertisers: adv.shared,
  };
}

export function decide(
  text: TextSignal,
  contacts: ContactSignal,
  layout: LayoutSignal,
  pivots: PivotSignal,
  refAds: number,
  candAds: number,
  t: DetectorThresholds,
): RuleOutcome {
  const content = contentFamily(text, contacts, refAds, candAds, t);
  const families: Families = {
    content,
    identity: contacts.identity ?? 0,
    layout: (layout.value ?? 0) * layout.rarity,
    pivots: pivots.strong ? 1 : 0,
  };
  const corroborating: RuleOutcome['corroborating'] = [];
  if (families.identity >= t.corroborationStrength) corroborating.push('identity');
  if (families.layout >= t.corroborationStrength) corroborating.push('layout');
  if (families.pivots >= t.corroborationStrength) corroborating.push('pivots');
  let reason: CloneReason | null = null;
  if (content.candidateShare >= t.cloneAdShare && content.referenceShare >= t.cloneReferenceShare)
    reason = 'overwhelming-content';
  else if (content.candidateShare >= t.corroboratedAdShare && corroborating.length > 0) reason = 'corroborated-content';
  else if (corroborating.length >= 2 && corroborating.some((f) => f !== 'layout')) reason = 'same-operator';
  return { families, reason, corroborating };
}
