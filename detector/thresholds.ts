/**
 * Default detector thresholds and their consistency rules: the table lives in lib/detector-thresholds.ts, shared
 * with the configuration, which refuses contradictory overrides.
 */
export {
  defaultThresholds,
  resolveThresholds,
  type ThresholdProblem,
  thresholdProblems,
} from '../lib/detector-thresholds.ts';
