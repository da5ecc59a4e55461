/**
 * Profile × profile → signals → families of evidence → verdict. The score is the best clone rule's margin
 * (verdict.ts) mapped onto [0, 1] with `cloneScore` at the rule's threshold, or the photo rule's score, or (for pairs
 * far from any rule) a weighted sum of the evidence capped under `cloneScore`: clone ⇔ score ≥ cloneScore.
 * Corpus statistics (buildCorpusStats) say how specific each contact and template is; without them every contact and
 * template counts as specific.
 */

import { lookSignal, photoRule, photoSignal } from '../images/index.ts';
import { resolveThresholds } from '../thresholds.ts';
import type { Comparison, CorpusStats, DetectorThresholds, SiteProfile, Verdict } from '../types.ts';
import { evidenceOf, explain } from './explain.ts';
import { type MergedContent, mergedContent } from './merged.ts';
import { contactSignal, layoutSignal, pivotSignal, textSignal } from './signals.ts';
import { decide } from './verdict.ts';

export { buildCorpusStats } from './corpus.ts';
export { formatContact } from './explain.ts';

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * `references`: every monitored site's profile (the reference among them or not): the candidate is also read against
 * all of them at once, for boards merged into one site (merged.ts). Pass one array for every pair of a cycle (the
 * reading is cached per candidate and array). Without it the pair is judged on its own.
 */
export function compareProfiles(
  reference: SiteProfile,
  candidate: SiteProfile,
  overrides?: Partial<DetectorThresholds>,
  stats?: CorpusStats,
  references?: SiteProfile[],
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
  const merged: MergedContent | undefined = references ? mergedContent(reference, candidate, references, t) : undefined;
  const rule = decide(
    text,
    contacts,
    layoutOrLook,
    pivots,
    reference.ads.length,
    candidate.ads.length,
    t,
    photos,
    merged,
  );
  const { families } = rule;
  const tv = text.value ?? 0;
  const cv = contacts.value ?? 0;
  // Under the clone rules, a weighted sum of the evidence ranks what is merely related. It is capped halfway between
  // relatedScore and cloneScore, so that the score of a pair no rule allows says how near a rule it is, not how much
  // weaker evidence piled up (a pile of it once held such pairs just under cloneScore, with no margin to see).
  const content = Math.sqrt(families.content.candidateShare * families.content.referenceShare);
  const weighted = Math.min(
    (t.relatedScore + t.cloneScore) / 2,
    t.weightContent * content +
      t.weightSecondContent * Math.min(tv, cv) +
      t.weightIdentity * families.identity +
      t.weightLayout * families.layout +
      t.weightPivots * (pivots.value ?? 0),
  );
  const photoScore = photoRule(photos, t);
  const score = Math.max(rule.ruleScore, photoScore, weighted);
  const verdict: Verdict = score >= t.cloneScore ? 'clone' : score >= t.relatedScore ? 'related' : 'unrelated';
  // The rule's judgement of the layout travels on each layout evidence item: the explanation and the review read it.
  const judgedLayout = {
    ...layout,
    evidence: layout.evidence.map((e) => ({
      ...e,
      sameTemplate: rule.sameTemplate,
      templateSites: layout.templateSites,
      operatorTemplate: rule.corroborating.includes('layout'),
    })),
  };
  const input = {
    ref: reference,
    cand: candidate,
    text,
    contacts,
    layout: judgedLayout,
    pivots,
    photos,
    look,
    rule,
    merged,
    byPhotos: rule.best.margin < 0 && photoScore >= t.cloneScore,
    verdict,
    thresholds: t,
  };
  const evidence = evidenceOf(input);
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
        adCandidateShare: round(families.content.adCandidateShare),
        adReferenceShare: round(families.content.adReferenceShare),
        jointCandidateShare: round(families.content.jointCandidateShare),
        jointOwnShare: round(families.content.jointOwnShare),
        jointReferenceShare: round(families.content.jointReferenceShare),
        photoCandidateShare: round(families.content.photoCandidateShare),
        photoReferenceShare: round(families.content.photoReferenceShare),
        photoCopyCandidateShare: round(families.content.photoCopyCandidateShare),
        photoCopyReferenceShare: round(families.content.photoCopyReferenceShare),
        advertiserCandidateShare: round(families.content.advertiserCandidateShare),
        advertiserReferenceShare: round(families.content.advertiserReferenceShare),
      },
      identity: round(families.identity),
      layout: round(families.layout),
      pivots: families.pivots,
    },
    evidence,
    explanation: explain(input, evidence),
  };
}
