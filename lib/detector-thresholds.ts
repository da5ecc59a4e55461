/**
 * The detector's thresholds: their type, their defaults (calibrated on part A of the evaluation, test/eval, and
 * checked on the held-out part) and the rules that keep them consistent. A neutral module, so that the detector
 * (which uses them) and the configuration (which refuses contradictory overrides with their line) share one table
 * without config/ importing the detector. The monitor passes overrides from the configuration (the `detector`
 * section of phenix.yaml, one key per threshold, e.g. `detector: { cloneScore: 0.6 }`); any field left out keeps its
 * default.
 */

export interface DetectorThresholds {
  /** Hamming distance (of 64) up to which two ads are near-identical. */
  adMaxDistance: number;
  /**
   * Hamming distance up to which an ad has a counterpart on the other side, for containment only (not shown as
   * near-identical): rewritten ads stay within it, ads of unrelated sites rarely do (3 % of them in the evaluation).
   */
  adCounterpartDistance: number;
  /** Layout distance at which the layout signal reaches 0 (as different as unrelated templates). */
  layoutZeroDistance: number;
  /** Layout distance up to which two sites are said to share a template in the explanation. */
  layoutSameDistance: number;
  /** The layout signal is the layout sketches' cosine to this power (graded over the whole range, never clamped). */
  layoutSketchExponent: number;
  /**
   * Weights of the evidence sum that ranks pairs no clone rule comes near (the `related` tier); the sum is capped
   * halfway between relatedScore and cloneScore, so it never decides a clone.
   */
  weightContent: number;
  weightSecondContent: number;
  weightLayout: number;
  weightPivots: number;
  /**
   * Score at or above which the verdict is `clone`: the score of a rule that just holds (its margin 0). Rules that hold
   * rise above it with their margin, rules that fail fall under it, so clone ⇔ score ≥ cloneScore.
   */
  cloneScore: number;
  /**
   * The content rule: at least this share of the candidate's ads (or advertisers) come from the reference, and at
   * least `cloneReferenceShare` of the reference's are on the candidate. Then nothing but a copy of the database
   * explains it, whatever else changed (template, phones, name, trackers).
   */
  cloneAdShare: number;
  /** Share of the reference's ads (or advertisers) found on the candidate for content to be overwhelming. */
  cloneReferenceShare: number;
  /**
   * The corroborated rules: at least this share of the candidate's ads (or advertisers) come from the reference, or
   * content carried both ways reaches it (√ of the candidate's and the reference's shares: an old database diluted by
   * new ads), with an operator family (identity, a strong pivot, a rare template) or with a shared template.
   * More than half: a competitor to which half the advertisers moved stays under it; a clone that kept two thirds of
   * its old database, or restarted small with nothing else, does not.
   */
  corroboratedAdShare: number;
  /**
   * With only a shared template as corroboration (however common), at least this share of the reference's ads (or
   * advertisers) must also be on the candidate: a common template corroborates content carried both ways, never a few
   * quoted ads.
   */
  templateReferenceShare: number;
  /**
   * The operator's own rule: with the reference's own contact shown by the candidate as its own, or a shared operator
   * id (analytics, tag manager, advertising, payment), at least this share of either side's content (the higher of the
   * candidate's and the reference's shares). A third: the paying core an operator keeps when it restarts under its own
   * name, or the old database diluted in a new catalogue; nothing else carries the operator's signature as its own.
   */
  operatorContentShare: number;
  /** Family strength (in [0, 1]) from which site identity, layout or pivots corroborate content. */
  corroborationStrength: number;
  /** Near-identical ads (or shared advertiser contacts) needed before content counts at all (small overlaps prove little). */
  minSharedAds: number;
  /** A template shared by at most this many sites of the corpus is rare (one operator and its copies). */
  templateRareSites: number;
  /** A template shared by at least this many sites of the corpus is an off-the-shelf script: no evidence of an operator. */
  templateCommonSites: number;
  /** Score weight of shared site-level contacts (the operator's address, handle). */
  weightIdentity: number;
  /** Score at or above which the verdict is `related`. */
  relatedScore: number;
  /** Minimum ads on both sides for the text signal to be measured. */
  minAds: number;
  /** Minimum contacts on both sides for the contacts signal to be measured. */
  minContacts: number;
  /** Perceptual-hash distance (of 64) up to which two photos are the same picture (re-encoded, resized, cropped). */
  photoMaxDistance: number;
  /** Distance up to which one photo's whole-picture hash and a window of the other's make them the same (a crop). */
  photoCropMaxDistance: number;
  /** Share of photos shared (weighted by specificity) at or above which the candidate is a clone. */
  clonePhotoShare: number;
  /** Shared photos (weighted by specificity) needed before the photo rule applies. */
  minSharedPhotos: number;
  /**
   * A photo on more sites than this is too common to tie sites into one family (detector/images/families.ts): it
   * makes no family and counts in no family's share. Families themselves have no size limit.
   */
  photoFamilySites: number;
  /** Screenshot-hash distance at which the look signal reaches 0. */
  lookZeroDistance: number;
}

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
  cloneAdShare: 0.75,
  cloneReferenceShare: 0.5,
  corroboratedAdShare: 0.6,
  templateReferenceShare: 0.4,
  operatorContentShare: 0.33,
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
  photoFamilySites: 30,
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
  if (t.operatorContentShare > t.corroboratedAdShare)
    out.push({
      key: given('operatorContentShare', 'corroboratedAdShare'),
      message: `operatorContentShare (${t.operatorContentShare}) must not exceed corroboratedAdShare (${t.corroboratedAdShare}): content signed by the operator's own contact or id cannot need more than content with any corroboration`,
    });
  if (t.corroboratedAdShare > t.cloneAdShare)
    out.push({
      key: given('corroboratedAdShare', 'cloneAdShare'),
      message: `corroboratedAdShare (${t.corroboratedAdShare}) must not exceed cloneAdShare (${t.cloneAdShare}): content with corroboration cannot need more than content alone`,
    });
  if (!(t.corroborationStrength > 0))
    out.push({
      key: 'corroborationStrength',
      message: `corroborationStrength (${t.corroborationStrength}) must be above 0: at 0 a family that is absent would corroborate`,
    });
  if (!(t.cloneScore > 0))
    out.push({
      key: 'cloneScore',
      message: `cloneScore (${t.cloneScore}) must be above 0: every pair, even one sharing nothing, would be a clone`,
    });
  if (t.templateRareSites >= t.templateCommonSites)
    out.push({
      key: given('templateRareSites', 'templateCommonSites'),
      message: `templateRareSites (${t.templateRareSites}) must be below templateCommonSites (${t.templateCommonSites})`,
    });
  return out;
}
