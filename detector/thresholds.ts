/**
 * Default detector thresholds, calibrated on the evaluation corpus (test/eval). The monitor passes overrides from the
 * configuration (`detector.thresholds` in phenix.yaml); any field left out keeps its default.
 */
import type { DetectorThresholds } from './types.ts';

export const defaultThresholds: DetectorThresholds = {
  adMaxDistance: 12,
  layoutZeroDistance: 24,
  layoutSameDistance: 12,
  weightContent: 0.7,
  weightSecondContent: 0.15,
  weightLayout: 0.25,
  weightPivots: 0.25,
  cloneScore: 0.55,
  cloneAdShare: 0.5,
  minSharedAds: 3,
  relatedScore: 0.25,
  minAds: 2,
  minContacts: 1,
  photoMaxDistance: 6,
  clonePhotoShare: 0.5,
  minSharedPhotos: 3,
  lookZeroDistance: 24,
};

export function resolveThresholds(overrides?: Partial<DetectorThresholds>): DetectorThresholds {
  return { ...defaultThresholds, ...overrides };
}
