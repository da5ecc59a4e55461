/**
 * Profile × profile → signals → families of evidence → verdict. The score ranks pairs: content (containment both
 * ways), the weaker of the shared-text and shared-advertiser signals, site identity, layout weighed by the template's
 * rarity, and pivots. The verdict follows the corroboration rule of verdict.ts: a pair the rule does not allow to be a clone is
 * held just under `cloneScore`, whatever its score; a pair it allows rises from `cloneScore` with its content.
 * Corpus statistics (buildCorpusStats) say how specific each contact and template is; without them every contact and
 * template counts as specific.
 */

import { lookSignal, photoRule, photoSignal } from '../images/index.ts';
import { resolveThresholds } from '../thresholds.ts';
import type { Comparison, CorpusStats, DetectorThresholds, SiteProfile, Verdict } from '../types.ts';
import { evidenceOf, explain } from './explain.ts';
import { contactSignal, layoutSignal, pivotSignal, textSignal } from './signals.ts';
import { decide } from './verdict.ts';

export { buildCorpusStats } from './corpus.ts';
export { formatContact } from './explain.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;
/** How far under `cloneScore` an uncorroborated pair is held (visible in the score, never rounded away). */
const HELD_UNDER = 0.01;

export function compareProfiles(
  reference: SiteProfile,
  candidate: SiteProfile,
  overrides?: Partial<DetectorThresholds>,
  stats?: CorpusStats,
): Comparison {
  const t = resolveThresholds(overrides);
  const text = textSignal(reference, candidate, t);
  const contacts = contactSignal(reference, candidate, t, stats);
  const layout = layoutSignal(reference, candidate, t, stats);
  const pivots = pivotSignal(reference, candidate);
  // Pictures: shared ad photos have their own rule (they come with the operator's database, like copied ads); the
  // screenshot's look is a layout signal that survives a rebuilt DOM, so layout takes the stronger of the two.
  const photos = photoSignal(reference, candidate, t);
  const look = lookSignal(reference, candidate, t);
  const layoutOrLook =
    look.value !== null && look.value > (layout.value ?? 0) ? { ...layout, value: look.value } : layout;
  const rule = decide(text, contacts, layoutOrLook, pivots, reference.ads.length, candidate.ads.length, t);
  const { families } = rule;
  const tv = text.value ?? 0;
  const cv = contacts.value ?? 0;
  // Content counts by containment both ways (geometric mean): a page made only of three quoted ads of a 30-ad site
  // holds 10 % of it, a partial clone holding half of a site's ads and nothing else holds 71 %.
  const content = Math.sqrt(families.content.candidateShare * families.content.referenceShare);
  const weighted = Math.min(
    1,
    t.weightContent * content +
      t.weightSecondContent * Math.min(tv, cv) +
      t.weightIdentity * families.identity +
      t.weightLayout * families.layout +
      t.weightPivots * (pivots.value ?? 0),
  );
  const photoScore = photoRule(photos, t);
  const score =
    rule.reason !== null
      ? Math.max(weighted, photoScore, Math.min(1, t.cloneScore + (1 - t.cloneScore) * content))
      : photoScore >= t.cloneScore
        ? Math.max(weighted, photoScore)
        : Math.min(weighted, Math.max(0, t.cloneScore - HELD_UNDER));
  const verdict: Verdict = score >= t.cloneScore ? 'clone' : score >= t.relatedScore ? 'related' : 'unrelated';
  const input = {
    ref: reference,
    cand: candidate,
    text,
    contacts,
    layout,
    pivots,
    photos,
    look,
    rule,
    verdict,
    thresholds: t,
  };
  return {
    verdict,
    score: round(score),
    signals: {
      layout: layout.value === null ? null : round(layout.value),
      text: text.value === null ? null : round(text.value),
      contacts: contacts.value === null ? null : round(contacts.value),
      identity: contacts.identity === null ? null : round(contacts.identity),
      pivots: pivots.value,
      ...(photos.value === null ? {} : { photos: round(photos.value) }),
      ...(look.value === null ? {} : { look: round(look.value) }),
    },
    families: {
      content: {
        ...families.content,
        candidateShare: round(families.content.candidateShare),
        referenceShare: round(families.content.referenceShare),
      },
      identity: round(families.identity),
      layout: round(families.layout),
      pivots: families.pivots,
    },
    evidence: evidenceOf(input),
    explanation: explain(input),
  };
}
