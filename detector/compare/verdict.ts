/**
 * The verdict rule. Evidence comes in four independent families: content (copied ads, shared advertisers, measured
 * both ways: the share of the candidate that comes from the reference and the share of the reference found on the
 * candidate), site identity (the operator's own contacts), pivots (the operator's analytics, tag-manager, advertising
 * and payment ids) and layout (a template; rare templates belong to one operator, common ones to a script).
 *
 * A pair is a clone when one of the rules holds:
 * - content: most of the candidate's ads come from the reference (`cloneAdShare`) and it carries a good part of the
 *   reference's ads (`cloneReferenceShare`): nothing but a copy of the database explains that, whatever else changed.
 *   Ad texts only: advertisers move between sites with their numbers (competitors), and an advertiser's number
 *   quoted once counts the whole advertiser, so shared advertisers without their texts need corroboration;
 * - merged boards: the content rule read against every monitored reference at once (merged.ts): `cloneAdShare` of the
 *   candidate's ads come from monitored boards each largely on it, this one among them (`cloneReferenceShare` of it on
 *   the candidate, and at least the part the content rule leaves to new ads, 1 − `cloneAdShare`, of the candidate
 *   from it): two taken-down boards merged into one site, about half of it each;
 * - photo copy: the content rule's shares read on ad pictures counted as ad texts are, each picture once, whoever else
 *   also shows some of them (stock pictures left out): most of the candidate's pictures are the reference's and a
 *   good part of the reference's are on the candidate (a photo gallery, a reworded copy that kept the photos). An
 *   advertiser who posts on a rival brings their own photos, not most of the rival's; specificity still weighs the
 *   lower shares the other rules read;
 * - corroborated content: more than half of the candidate comes from the reference, or content is carried both ways
 *   (the cosine √(c·r) of the two shares), at `corroboratedAdShare`, and an operator's family corroborates it
 *   (identity, a strong pivot, or a rare template), each at `corroborationStrength`;
 * - operator's content: the operator's own contacts shown by the candidate as its own, or its ids (identity or a
 *   strong pivot, not a template, which aggregators and competitors on one script share), and content carried either
 *   way at `operatorContentShare` (a third): of the candidate from the reference, or of the reference on the candidate
 *   (max(c, r)): the old database padded with new ads, its paying core kept, or a gallery of its photos, signed by the
 *   operator. A page quoting the board's number (press, forum) shows it among its articles, not as its own: no identity;
 * - template and content: copied content (ad texts, listing excerpts, ad photos: not shared advertisers, who move to a
 *   competitor with their numbers) at `corroboratedAdShare` as above, a shared template however common, and
 *   `templateReferenceShare` of the reference's copied content on the candidate: a common template says nothing
 *   alone, only with content carried both ways;
 * - template and advertisers: the content rule's shares (`cloneAdShare` of the candidate, `cloneReferenceShare` of the
 *   reference) read on shared advertisers, beside a shared template: the old board on its old script, its ads
 *   rewritten, still carrying nearly all of its advertisers. A rival to which some advertisers moved has its own too;
 * - advertisers and copies: nearly all advertisers both ways (`cloneAdShare` of each side's) and `cloneReferenceShare`
 *   of the reference's ad texts or ad pictures copied on the candidate (pictures counted as the photo-copy rule counts
 *   them): the board's whole advertiser base and a good part of its content, on any template (a photo gallery of the
 *   old board whose pictures a watermark and a crop partly hide);
 * - same operator: two operator families, not only the layout.
 *
 * Content is read on full ad texts, on listing excerpts (excerpts against excerpts: signals.ts), on shared advertisers
 * and on ad photos (pictures in common, weighed by specificity), whichever sees more on each side.
 *
 * Each rule has a margin in [-1, 1]: its weakest condition's distance to its threshold, scaled so that -1 is nothing,
 * 0 the threshold and 1 everything. The score is the best rule's margin mapped onto [0, 1] with 0 at `cloneScore`,
 * so clone ⇔ score ≥ cloneScore and the score of a non-clone says how far it is from being one. Every condition is
 * non-decreasing in the evidence, and so are min and max: more shared evidence never lowers the score.
 */
import type { PhotoSignal } from '../images/index.ts';
import type { DetectorThresholds, Families } from '../types.ts';
import type { ContactSignal, LayoutSignal, PivotSignal, TextSignal } from './signals.ts';

export type RuleName =
  | 'content'
  | 'merged-content'
  | 'photo-copy'
  | 'corroborated-content'
  | 'operator-content'
  | 'template-and-content'
  | 'template-and-advertisers'
  | 'advertisers-and-copies'
  | 'same-operator';
export type OperatorFamily = 'identity' | 'pivots' | 'layout';

/** One condition of a rule: the value measured, the threshold it must reach, and its margin. */
export interface Condition {
  what:
    | 'content'
    | 'carried'
    | 'copied'
    | 'reference-copied'
    | 'reference-copy-share'
    | 'candidate-ad-share'
    | 'reference-ad-share'
    | 'joint-candidate-share'
    | 'own-candidate-share'
    | 'candidate-photo-share'
    | 'reference-photo-share'
    | 'candidate-advertiser-share'
    | 'reference-advertiser-share'
    | 'corroboration'
    | 'template'
    | 'second-operator-family';
  value: number;
  threshold: number;
  margin: number;
}

export interface RuleResult {
  name: RuleName;
  conditions: Condition[];
  /** The weakest condition's margin: ≥ 0 when the rule holds. */
  margin: number;
  /** For rules that rest on operator families, the one(s) used. */
  families: OperatorFamily[];
}

export interface RuleOutcome {
  families: Families;
  /** Shared template (layout similarity ≥ corroborationStrength), however common. */
  sameTemplate: boolean;
  /** Operator families at `corroborationStrength` or more (identity, pivots, rare layout), strongest first. */
  corroborating: OperatorFamily[];
  /** Every rule with its margin; `best` is the one with the highest margin (the deciding one when it holds). */
  rules: RuleResult[];
  best: RuleResult;
  /** The best rule's margin mapped onto [0, 1] (cloneScore at margin 0). */
  ruleScore: number;
}

/**
 * Distance of `x` to threshold `t` in [-1, 1]: (x − t) / t under it, (x − t) / (1 − t) over it. Non-decreasing in x.
 */
export function margin(x: number, t: number): number {
  if (x >= t) return t >= 1 ? 0 : Math.min(1, (x - t) / (1 - t));
  return t <= 0 ? 0 : Math.max(-1, (x - t) / t);
}

/** A margin in [-1, 1] onto a score in [0, 1], with margin 0 at `cloneScore`. Non-decreasing. */
export function marginScore(m: number, t: DetectorThresholds): number {
  const s = m >= 0 ? t.cloneScore + (1 - t.cloneScore) * m : t.cloneScore * (1 + m);
  return Math.max(0, Math.min(1, s));
}

export function contentFamily(
  text: TextSignal,
  contacts: ContactSignal,
  refAds: number,
  candAds: number,
  t: DetectorThresholds,
  photos?: PhotoSignal,
  merged?: { share: number; own: number; referenceShare: number },
): Families['content'] {
  const counterparts = text.counterparts;
  const ads = text.value !== null && counterparts >= t.minSharedAds;
  const adv = contacts.advertisers;
  const advertisers = adv.shared >= t.minSharedAds;
  const share = (num: number, den: number) => (den > 0 ? Math.min(1, num / den) : 0);
  // Full texts with full texts, and listing excerpts with listing excerpts: whichever sees more of the copy.
  const sum = text.summaries;
  const excerpts = sum !== null && sum.counterparts >= t.minSharedAds;
  const adCandidateShare = Math.max(
    ads ? share(counterparts, candAds) : 0,
    excerpts ? share(sum.counterparts, sum.candidate) : 0,
  );
  const adReferenceShare = Math.max(
    ads ? share(counterparts, refAds) : 0,
    excerpts ? share(sum.counterparts, sum.reference) : 0,
  );
  // Ad photos are content too (a photo-only gallery carries the database without a word of it): each side's share
  // of pictures in common, weighed by specificity, once enough specific photos match.
  const pictures = photos !== undefined && photos.value !== null && photos.weighted >= t.minSharedPhotos;
  const photoCandidateShare = pictures ? photos.candidateShare : 0;
  const photoReferenceShare = pictures ? photos.referenceShare : 0;
  const photoCopyCandidateShare = pictures ? photos.candidateCopied : 0;
  const photoCopyReferenceShare = pictures ? photos.referenceCopied : 0;
  const advertiserCandidateShare = advertisers ? share(adv.sharedWeight, adv.candidateWeight) : 0;
  const advertiserReferenceShare = advertisers ? share(adv.sharedWeight, adv.referenceWeight) : 0;
  return {
    candidateShare: Math.max(adCandidateShare, advertiserCandidateShare, photoCandidateShare),
    referenceShare: Math.max(adReferenceShare, advertiserReferenceShare, photoReferenceShare),
    adCandidateShare,
    adReferenceShare,
    // Boards merged into one (merged.ts): the three values read together on one side; without the other monitored
    // references, the pair's own shares (the rule is then the content rule's, never above it).
    jointCandidateShare: merged ? merged.share : adCandidateShare,
    jointOwnShare: merged ? merged.own : adCandidateShare,
    jointReferenceShare: merged ? merged.referenceShare : adReferenceShare,
    advertiserCandidateShare,
    advertiserReferenceShare,
    photoCandidateShare,
    photoReferenceShare,
    photoCopyCandidateShare,
    photoCopyReferenceShare,
    sharedAds: Math.max(text.matched, excerpts ? sum.near : 0),
    sharedAdvertisers: adv.shared,
  };
}

function rule(name: RuleName, conditions: Condition[], families: OperatorFamily[] = []): RuleResult {
  return { name, conditions, margin: Math.min(...conditions.map((c) => c.margin)), families };
}

const cond = (what: Condition['what'], value: number, threshold: number): Condition => ({
  what,
  value,
  threshold,
  margin: margin(value, threshold),
});

/** The rules on the families, with their margins. Pure arithmetic on numbers: the property tests drive it directly. */
export function decideFamilies(families: Families, layoutSimilarity: number, t: DetectorThresholds): RuleOutcome {
  const { candidateShare: c, referenceShare: r } = families.content;
  // Content for the corroborated rules: most of the candidate from the reference, or content carried both ways (the
  // cosine of the two contents, √(c·r): an old database that new ads dilute on the candidate but that is all there).
  const content = Math.max(c, Math.sqrt(c * r));
  // With the operator's own contacts or ids, content carried either way: a third of the candidate from the reference
  // (the paying core kept), or of the reference on the candidate (the old database padded with new ads, a gallery).
  const carried = Math.max(c, r);
  // With a template alone, content is what was copied, not who posts: ad texts, listing excerpts and ad photos. A
  // competitor on the same off-the-shelf script to which the advertisers moved shares their numbers, not their ads.
  const {
    adCandidateShare: ac,
    adReferenceShare: ar,
    photoCandidateShare: pc,
    photoReferenceShare: pr,
  } = families.content;
  const copiedC = Math.max(ac, pc);
  const copiedR = Math.max(ar, pr);
  const copied = Math.max(copiedC, Math.sqrt(copiedC * copiedR));
  const operator: [OperatorFamily, number][] = [
    ['identity', families.identity],
    ['pivots', families.pivots],
    ['layout', families.layout],
  ];
  // Strongest first; ties keep the order above (the operator's own contacts and ids before the template).
  const ranked = [...operator].sort((a, b) => b[1] - a[1]);
  const corroborating = ranked.filter(([, v]) => v >= t.corroborationStrength).map(([f]) => f);
  const [strongest, strongestValue] = ranked[0];
  const [own, ownValue] = ranked.find(([f]) => f !== 'layout')!;
  // Same operator: the best pair of families of which one is not the layout; its weaker member decides.
  const pairs: [OperatorFamily, OperatorFamily][] = [
    ['identity', 'pivots'],
    ['identity', 'layout'],
    ['pivots', 'layout'],
  ];
  const value = (f: OperatorFamily) => operator.find(([g]) => g === f)![1];
  const bestPair = pairs.reduce((a, b) =>
    Math.min(value(b[0]), value(b[1])) > Math.min(value(a[0]), value(a[1])) ? b : a,
  );
  const rules = [
    rule('content', [
      cond('candidate-ad-share', families.content.adCandidateShare, t.cloneAdShare),
      cond('reference-ad-share', families.content.adReferenceShare, t.cloneReferenceShare),
    ]),
    rule('merged-content', [
      cond('joint-candidate-share', families.content.jointCandidateShare, t.cloneAdShare),
      cond('reference-ad-share', families.content.jointReferenceShare, t.cloneReferenceShare),
      cond('own-candidate-share', families.content.jointOwnShare, 1 - t.cloneAdShare),
    ]),
    rule('photo-copy', [
      cond('candidate-photo-share', families.content.photoCopyCandidateShare, t.cloneAdShare),
      cond('reference-photo-share', families.content.photoCopyReferenceShare, t.cloneReferenceShare),
    ]),
    rule(
      'corroborated-content',
      [cond('content', content, t.corroboratedAdShare), cond('corroboration', strongestValue, t.corroborationStrength)],
      [strongest],
    ),
    rule(
      'operator-content',
      [cond('carried', carried, t.operatorContentShare), cond('corroboration', ownValue, t.corroborationStrength)],
      [own],
    ),
    rule('template-and-content', [
      cond('copied', copied, t.corroboratedAdShare),
      cond('reference-copied', copiedR, t.templateReferenceShare),
      cond('template', layoutSimilarity, t.corroborationStrength),
    ]),
    rule('template-and-advertisers', [
      cond('candidate-advertiser-share', families.content.advertiserCandidateShare, t.cloneAdShare),
      cond('reference-advertiser-share', families.content.advertiserReferenceShare, t.cloneReferenceShare),
      cond('template', layoutSimilarity, t.corroborationStrength),
    ]),
    // The board's whole advertiser base with a good part of its ads or pictures: nearly all of the candidate's
    // advertisers are the reference's and nearly all of the reference's are on the candidate, and half of the
    // reference's ad texts or ad pictures were copied there (each picture once, stock left out, as the photo-copy
    // rule counts them). A rival to which advertisers moved has its own too; a press dossier quoting a third of the
    // ads names the advertisers it quotes, not the others.
    rule('advertisers-and-copies', [
      cond('candidate-advertiser-share', families.content.advertiserCandidateShare, t.cloneAdShare),
      cond('reference-advertiser-share', families.content.advertiserReferenceShare, t.cloneAdShare),
      cond(
        'reference-copy-share',
        Math.max(families.content.adReferenceShare, families.content.photoCopyReferenceShare),
        t.cloneReferenceShare,
      ),
    ]),
    rule(
      'same-operator',
      [
        cond('corroboration', Math.max(value(bestPair[0]), value(bestPair[1])), t.corroborationStrength),
        cond('second-operator-family', Math.min(value(bestPair[0]), value(bestPair[1])), t.corroborationStrength),
      ],
      bestPair,
    ),
  ];
  // The deciding rule: the highest margin; among rules that hold, the first listed wins a tie (the simplest reason).
  const best = rules.reduce((a, b) => (b.margin > a.margin ? b : a));
  return {
    families,
    sameTemplate: layoutSimilarity >= t.corroborationStrength,
    corroborating,
    rules,
    best,
    ruleScore: marginScore(best.margin, t),
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
  photos?: PhotoSignal,
  merged?: { share: number; own: number; referenceShare: number },
): RuleOutcome {
  const families: Families = {
    content: contentFamily(text, contacts, refAds, candAds, t, photos, merged),
    identity: contacts.identity ?? 0,
    layout: (layout.value ?? 0) * layout.rarity,
    pivots: pivots.strong ? 1 : 0,
  };
  return decideFamilies(families, layout.value ?? 0, t);
}
