/**
 * Default detector thresholds, calibrated on part A of the evaluation (test/eval) and checked on the held-out part.
 * The monitor passes overrides from the configuration (the `detector` section of phenix.yaml, one key per threshold,
 * e.g. `detector: { cloneScore: 0.6 }`); any field left out keeps its default.
 */
import type { DetectorThresholds } from './types.ts';

export const defaultThresholds: DetectorThresholds = {
  adMaxDistance: 12,
  adCounterpartDistance: 16,
  layoutZeroDistance: 24,
  layoutSameDistance: 12,
  layoutSketchExponent: 2,
  weightContent: 0.7,
  weightSecondContent: 0.15,
  weightLayout: 0.25,
  weightPivots: 0.25,
  weightIdentity: 0.25,
  cloneScore: 0.55,
  cloneAdShare: 0.8,
  cloneReferenceShare: 0.5,
  corroboratedAdShare: 0.7,
  corroborationStrength: 0.5,
  minSharedAds: 3,
  templateRareSites: 6,
  templateCommonSites: 40,
  relatedScore: 0.25,
  minAds: 2,
  minContacts: 1,
  photoMaxDistance: 6,
  photoCropMaxDistance: 4,
  clonePhotoShare: 0.5,
  minSharedPhotos: 3,
  photoFamilySites: 4,
  lookZeroDistance: 24,
};

export function resolveThresholds(overrides?: Partial<DetectorThresholds>): DetectorThresholds {
  return { ...defaultThresholds, ...overrides };
}

export interface ThresholdProblem {
  /** The threshold to change (one the overrides set, when they set one of the pair). */
  key: keyof DetectorThresholds;
  message: string;
}

/**
 * Thresholds that contradict each other once the defaults fill the gaps: every verdict tier must be reachable and
 * no formula may divide by zero. The configuration refuses them with these messages.
 */
export function thresholdProblems(overrides: Partial<DetectorThresholds>): ThresholdProblem[] {
  const t = resolveThresholds(overrides);
  const given = (a: keyof DetectorThresholds, b: keyof DetectorThresholds) => (a in overrides ? a : b);
  const out: ThresholdProblem[] = [];
  if (t.relatedScore >= t.cloneScore)
    out.push({
      key: given('relatedScore', 'cloneScore'),
      message: `relatedScore (${t.relatedScore}) must be below cloneScore (${t.cloneScore}): a pair cannot become related only where it is already a clone`,
    });
  if (t.layoutZeroDistance < 1)
    out.push({
      key: 'layoutZeroDistance',
      message: 'layoutZeroDistance must be at least 1 bit (the layout signal divides by it)',
    });
  if (!(t.layoutSketchExponent > 0))
    out.push({
      key: 'layoutSketchExponent',
      message: `layoutSketchExponent (${t.layoutSketchExponent}) must be above 0: the layout signal is the sketches' cosine to this power`,
    });
  if (t.layoutSameDistance > t.layoutZeroDistance)
    out.push({
      key: given('layoutSameDistance', 'layoutZeroDistance'),
      message: `layoutSameDistance (${t.layoutSameDistance}) must not exceed layoutZeroDistance (${t.layoutZeroDistance}): "same template" cannot lie where the layout signal is already 0`,
    });
  if (t.adMaxDistance > t.adCounterpartDistance)
    out.push({
      key: given('adCounterpartDistance', 'adMaxDistance'),
      message: `adCounterpartDistance (${t.adCounterpartDistance}) must be at least adMaxDistance (${t.adMaxDistance}): a near-identical ad is also a counterpart`,
    });
  if (t.clonePhotoShare >= 1)
    out.push({
      key: 'clonePhotoShare',
      message: `clonePhotoShare (${t.clonePhotoShare}) must be below 1: the photo rule rises from it to 1 (it divides by 1 − clonePhotoShare)`,
    });
  if (t.templateRareSites >= t.templateCommonSites)
    out.push({
      key: given('templateRareSites', 'templateCommonSites'),
      message: `templateRareSites (${t.templateRareSites}) must be below templateCommonSites (${t.templateCommonSites})`,
    });
  return out;
}
