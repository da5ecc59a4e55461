/**
 * Profile × profile → signals → score → verdict. The score leans on content (the stronger of shared ad texts and
 * shared contacts), then on the weaker of the two, the layout and the pivots: a shared template alone (same
 * off-the-shelf script) or a shared template plus a few advertisers stays below the clone threshold, while a clone
 * keeps either its texts or its advertisers whatever it did to its template. A candidate that copied at least
 * `cloneAdShare` of the ads is a clone even when it changed template and every phone number.
 */

import { lookSignal, photoRule, photoSignal } from '../images/index.ts';
import { resolveThresholds } from '../thresholds.ts';
import type { Comparison, DetectorThresholds, SiteProfile, Verdict } from '../types.ts';
import { evidenceOf, explain } from './explain.ts';
import { contactSignal, layoutSignal, pivotSignal, textSignal } from './signals.ts';

export { formatContact } from './explain.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function compareProfiles(
  reference: SiteProfile,
  candidate: SiteProfile,
  overrides?: Partial<DetectorThresholds>,
): Comparison {
  const t = resolveThresholds(overrides);
  const text = textSignal(reference, candidate, t);
  const contacts = contactSignal(reference, candidate, t);
  const layout = layoutSignal(reference, candidate, t);
  const pivots = pivotSignal(reference, candidate);
  // Pictures: shared ad photos have their own rule (like copied ads); the screenshot's look is a layout signal.
  const photos = photoSignal(reference, candidate, t);
  const look = lookSignal(reference, candidate, t);
  const layoutValue = Math.max(layout.value ?? 0, look.value ?? 0);
  const tv = text.value ?? 0;
  const cv = contacts.value ?? 0;
  const weighted = Math.min(
    1,
    t.weightContent * Math.max(tv, cv) +
      t.weightSecondContent * Math.min(tv, cv) +
      t.weightLayout * layoutValue +
      t.weightPivots * (pivots.value ?? 0),
  );
  // Copied ads alone make a clone: the score then rises from the clone threshold with the share of copied ads.
  const adRule =
    text.value !== null && text.value >= t.cloneAdShare && text.matchedCandidate >= t.minSharedAds
      ? t.cloneScore + ((1 - t.cloneScore) * (text.value - t.cloneAdShare)) / (1 - t.cloneAdShare)
      : 0;
  const score = Math.max(weighted, adRule, photoRule(photos, t));
  const verdict: Verdict = score >= t.cloneScore ? 'clone' : score >= t.relatedScore ? 'related' : 'unrelated';
  const input = { ref: reference, cand: candidate, text, contacts, layout, pivots, photos, look, thresholds: t };
  return {
    verdict,
    score: round(score),
    signals: {
      layout: layout.value === null ? null : round(layout.value),
      text: text.value === null ? null : round(text.value),
      contacts: contacts.value === null ? null : round(contacts.value),
      pivots: pivots.value,
      ...(photos.value === null ? {} : { photos: round(photos.value) }),
      ...(look.value === null ? {} : { look: round(look.value) }),
    },
    evidence: evidenceOf(input),
    explanation: explain(input),
  };
}
