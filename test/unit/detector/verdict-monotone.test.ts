/**
 * Property tests (fast-check) of issue 18's principles: more shared evidence never lowers the score nor the verdict
 * (unrelated < related < clone), the verdict is clone exactly when the score reaches cloneScore, and the corroborating
 * families of the analyst's brief do corroborate. Two levels: the rule on families (pure numbers), and whole
 * comparisons of synthetic profiles to which a shared ad, contact or pivot is added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFamilies, margin, marginScore } from '../../../detector/compare/verdict.ts';
import {
  type Comparison,
  compareProfiles,
  defaultThresholds,
  type Families,
  type PivotKind,
  type SiteProfile,
} from '../../../detector/index.ts';

const TIER = { unrelated: 0, related: 1, clone: 2 } as const;
const t = defaultThresholds;

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const familiesArb = fc.record({
  c: unit,
  r: unit,
  ac: unit,
  ar: unit,
  jc: unit,
  pc: unit,
  pr: unit,
  pcc: unit,
  pcr: unit,
  identity: unit,
  pivots: fc.constantFrom(0, 1),
  layout: unit,
  rarity: unit,
});
type Full = typeof familiesArb extends fc.Arbitrary<infer T> ? T : never;
/** The photo shares may be left out of an example (0). */
type F = Omit<Full, 'jc' | 'pc' | 'pr' | 'pcc' | 'pcr'> & Partial<Pick<Full, 'jc' | 'pc' | 'pr' | 'pcc' | 'pcr'>>;
const toFamilies = (f: F): [Families, number] => [
  {
    content: {
      candidateShare: Math.max(f.c, f.ac, f.pc ?? 0),
      referenceShare: Math.max(f.r, f.ar, f.pr ?? 0),
      adCandidateShare: f.ac,
      adReferenceShare: f.ar,
      jointCandidateShare: Math.max(f.ac, f.jc ?? 0),
      jointOwnShare: f.ac,
      jointReferenceShare: f.ar,
      photoCandidateShare: f.pc ?? 0,
      photoReferenceShare: f.pr ?? 0,
      photoCopyCandidateShare: f.pcc ?? 0,
      photoCopyReferenceShare: f.pcr ?? 0,
      advertiserCandidateShare: f.c,
      advertiserReferenceShare: f.r,
      sharedAds: 0,
      sharedAdvertisers: 0,
    },
    identity: f.identity,
    pivots: f.pivots,
    layout: f.layout * f.rarity,
  },
  f.layout,
];
const keys = ['c', 'r', 'ac', 'ar', 'jc', 'pc', 'pr', 'pcc', 'pcr', 'identity', 'pivots', 'layout', 'rarity'] as const;

describe('the rule on families', () => {
  it('margin and its score are non-decreasing, 0 at the threshold, cloneScore at margin 0', () => {
    fc.assert(
      fc.property(unit, unit, unit, (a, b, th) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(margin(lo, th)).toBeLessThanOrEqual(margin(hi, th));
        expect(marginScore(margin(lo, th), t)).toBeLessThanOrEqual(marginScore(margin(hi, th), t));
      }),
    );
    expect(margin(0.6, 0.6)).toBe(0);
    expect(marginScore(0, t)).toBe(t.cloneScore);
  });

  it('raising any family or share never lowers the rule score', () => {
    fc.assert(
      fc.property(familiesArb, fc.constantFrom(...keys), unit, (f, key, by) => {
        const raised = { ...f, [key]: key === 'pivots' ? 1 : Math.min(1, f[key] + by * (1 - f[key])) };
        const before = decideFamilies(...toFamilies(f), t);
        const after = decideFamilies(...toFamilies(raised), t);
        expect(after.ruleScore).toBeGreaterThanOrEqual(before.ruleScore);
        expect(after.best.margin >= 0 || before.best.margin < 0).toBe(true);
      }),
    );
  });

  it('a tracker or payment pivot corroborates exactly as the operator’s own contacts do', () => {
    fc.assert(
      fc.property(familiesArb, (f) => {
        const withPivot = decideFamilies(...toFamilies({ ...f, pivots: 1, identity: 0 }), t);
        const withIdentity = decideFamilies(...toFamilies({ ...f, pivots: 0, identity: 1 }), t);
        expect(withPivot.ruleScore).toBe(withIdentity.ruleScore);
      }),
    );
  });

  it('a common template corroborates only with content both ways; a rare one with content', () => {
    const base = { ac: 0, ar: 0, identity: 0, pivots: 0, layout: 1 };
    const holds = (f: Partial<F>) =>
      decideFamilies(...toFamilies({ ...base, c: 0, r: 0, rarity: 0, ...f } as F), t).best.margin >= 0;
    expect(holds({ ac: 0.67, ar: 0.71, rarity: 0 })).toBe(true); // common template, two thirds of the ads both ways
    expect(holds({ ac: 1, ar: 0.2, rarity: 0 })).toBe(false); // common template, a few quoted ads
    expect(holds({ c: 1, r: 0.2, rarity: 1 })).toBe(true); // rare template, a restart with a few ads
    expect(holds({ c: 0.5, r: 0.5, rarity: 1 })).toBe(false); // a competitor with half the advertisers
    // The old database diluted by new ads on its own script: under 60 % of the candidate, but carried both ways
    // (√(c·r) ≥ 0.6); a competitor with half of the ads both ways stays under it.
    expect(holds({ ac: 0.54, ar: 0.74, rarity: 0 })).toBe(true);
    expect(holds({ ac: 0.5, ar: 0.7, rarity: 0 })).toBe(false);
    // A competitor on the same common script to which the advertisers moved with their numbers, not their ads
    // (world 5: 55 % / 80 % by advertisers, 3–14 % by ad texts): the template does not make it a clone.
    expect(holds({ c: 0.55, r: 0.8, ac: 0.1, ar: 0.1, rarity: 0 })).toBe(false);
    // The old board on its old script with its ads rewritten keeps nearly all of its advertisers both ways.
    expect(holds({ c: 0.85, r: 0.9, ac: 0.1, ar: 0.1, rarity: 0 })).toBe(true);
    expect(holds({ c: 0, r: 0, rarity: 1 })).toBe(false); // the template alone
  });

  it("most of the reference on the candidate is a clone when the operator's own contacts or ids sign it, not a template", () => {
    const holds = (f: Partial<F>) =>
      decideFamilies(...toFamilies({ c: 0, r: 0, ac: 0, ar: 0, identity: 0, pivots: 0, layout: 0, rarity: 0, ...f }), t)
        .best.margin >= 0;
    // A gallery of 63 % of the reference's pictures (29 % of its own: it shows photos the old listings never did),
    // with the operator's phone and address in its footer; or the old database under as many new ads, with its tracker.
    expect(holds({ c: 0.29, r: 0.63, identity: 0.86 })).toBe(true);
    expect(holds({ c: 0.35, r: 0.8, pivots: 1 })).toBe(true);
    // The same shares beside a rare template only (an aggregator on the reference's script), or with nothing.
    expect(holds({ c: 0.29, r: 0.63, layout: 1, rarity: 1 })).toBe(false);
    expect(holds({ c: 0.29, r: 0.63 })).toBe(false);
    // The paying core an operator keeps under its own number, a third of the old ads or more (world 9's loyal core:
    // 50 % / 55 %), or the old database diluted in a new catalogue with its tracker (world 10: 35 % / 59 %).
    expect(holds({ c: 0.5, r: 0.55, identity: 1 })).toBe(true);
    expect(holds({ c: 0.35, r: 0.59, pivots: 1 })).toBe(true);
    // Under a third either way, however strong the signature: the operator's new board with a few old advertisers.
    expect(holds({ c: 0.25, r: 0.3, identity: 1 })).toBe(false);
    // The operator's number alone (an address quoted as the candidate's own, nothing of the database).
    expect(holds({ c: 0, r: 0, identity: 1 })).toBe(false);
  });

  it("a copy of the reference's pictures both ways is a clone without any other family; a rival's share is not", () => {
    const holds = (f: Partial<F>) =>
      decideFamilies(...toFamilies({ c: 0, r: 0, ac: 0, ar: 0, identity: 0, pivots: 0, layout: 0, rarity: 0, ...f }), t)
        .best.margin >= 0;
    // A gallery relaunch: every picture of the candidate is the reference's, two thirds of the reference's are on it,
    // while specificity (rival boards where the advertisers post show the same photos) weighs them at 36 % / 24 %.
    expect(holds({ pc: 0.36, pr: 0.24, pcc: 1, pcr: 0.68 })).toBe(true);
    // A rival board to which half of the advertisers moved with their photos (world 5's competitors: at most 53 % /
    // 60 % of pictures), an advertiser's own site (all of its pictures, 11 % of the reference's), a press screenshot.
    expect(holds({ pc: 0.32, pr: 0.3, pcc: 0.53, pcr: 0.6 })).toBe(false);
    expect(holds({ pc: 1, pr: 0.06, pcc: 1, pcr: 0.11 })).toBe(false);
    expect(holds({ pc: 1, pr: 0.03, pcc: 1, pcr: 0.03 })).toBe(false);
  });

  it('nearly all advertisers both ways with half of the reference copied is a clone on any template; a rival or a press dossier is not', () => {
    const outcome = (f: Partial<F>) =>
      decideFamilies(
        ...toFamilies({ c: 0, r: 0, ac: 0, ar: 0, identity: 0, pivots: 0, layout: 0, rarity: 0, ...f }),
        t,
      );
    const holds = (f: Partial<F>) => outcome(f).best.margin >= 0;
    // A photo gallery of the old board on another template: its pictures watermarked and cropped, so only two thirds
    // of the gallery's are matched (under the photo-copy rule's 75 %), but nearly all of the reference's are, and the
    // advertisers are the board's both ways (world 6's galleries).
    const gallery = { c: 0.85, r: 0.87, ac: 0.31, ar: 0.24, pc: 0.32, pr: 0.44, pcc: 0.65, pcr: 0.87 };
    expect(holds(gallery)).toBe(true);
    expect(outcome(gallery).best.name).toBe('advertisers-and-copies');
    // The same advertisers without their ads or pictures copied: advertisers move with their numbers.
    expect(holds({ ...gallery, ac: 0.2, ar: 0.2, pcc: 0.3, pcr: 0.3 })).toBe(false);
    // A rival to which most of the board's advertisers moved, beside its own (world 5: 55–59 % of the rival's).
    expect(holds({ c: 0.59, r: 0.82, ac: 0.45, ar: 0.45, pcc: 0.53, pcr: 0.6 })).toBe(false);
    // A press dossier quoting a third of the ads: all of its advertisers are the board's, half of the board's are in it.
    expect(holds({ c: 1, r: 0.52, ac: 1, ar: 0.32 })).toBe(false);
  });
});

// Synthetic profiles: ads are 64-bit fingerprints; unrelated ones differ by ~32 bits, copies by a few flipped bits
// (rewritten ads), so that one ad can be a counterpart of several and pairings compete.
const base64 = fc.bigInt({ min: 0n, max: (1n << 64n) - 1n });
const flips = fc.array(fc.integer({ min: 0, max: 63 }), { maxLength: 14 });
const flip = (b: bigint, bits: number[]) => bits.reduce((x, i) => x ^ (1n << BigInt(i)), b);
const hex = (b: bigint) => b.toString(16).padStart(16, '0');
const PIVOTS: PivotKind[] = [
  'google-analytics',
  'google-tag-manager',
  'meta-pixel',
  'yandex-metrica',
  'adsense',
  'iban',
];

function profile(
  site: string,
  ads: string[],
  contacts: [string, 'site' | 'ad'][],
  pivots: string[],
  summaries: string[] = [],
): SiteProfile {
  const fingerprints = (list: string[], kind: string) =>
    list.map((fingerprint, i) => ({
      id: `${site}-${kind}${i}`,
      url: `http://${site}/${kind}${i}`,
      fingerprint,
      text: 'annonce',
    }));
  return {
    version: 1,
    site,
    pageCount: ads.length + 1,
    pageTypes: { listing: 1, ad: ads.length, other: 0 },
    layout: { listing: null, ad: null, other: null },
    layoutAll: null,
    contacts: contacts.map(([value, scope]) => ({ kind: 'phone', value, raw: value, scope })),
    ads: fingerprints(ads, ''),
    ...(summaries.length > 0 ? { summaries: fingerprints(summaries, 's') } : {}),
    textAll: null,
    pivots: pivots.map((value, i) => ({ kind: PIVOTS[i % PIVOTS.length], value })),
  };
}

/** A few ad "families" (base fingerprints); every ad is one of them with some bits flipped. */
const world = fc.array(base64, { minLength: 1, maxLength: 4 });
const adArb = fc.tuple(fc.nat(), flips);
const phone = fc.integer({ min: 0, max: 9999 }).map((n) => `+336399${String(n).padStart(4, '0')}`);
const contactArb = fc.tuple(phone, fc.constantFrom('site' as const, 'ad' as const));
const side = fc.record({
  ads: fc.array(adArb, { maxLength: 12 }),
  summaries: fc.array(adArb, { maxLength: 8 }),
  contacts: fc.array(contactArb, { maxLength: 8 }),
  pivots: fc.array(fc.constantFrom('G-AAAA1111', 'GTM-BBBB22', 'FR7630001007941234567890185'), { maxLength: 2 }),
});
/** Shared ads: the reference's copy and the candidate's (a few more bits flipped: rewritten). */
const sharedAd = fc.tuple(adArb, flips);
const shared = fc.record({
  ads: fc.array(sharedAd, { maxLength: 10 }),
  summaries: fc.array(sharedAd, { maxLength: 6 }),
  contacts: fc.array(contactArb, { maxLength: 6 }),
  pivots: fc.array(fc.constantFrom('G-CCCC3333', 'GTM-DDDD44'), { maxLength: 2 }),
});
type Ad = [number, number[]];
type SideIn = { ads: Ad[]; summaries: Ad[]; contacts: [string, 'site' | 'ad'][]; pivots: string[] };
type SharedIn = {
  ads: [Ad, number[]][];
  summaries: [Ad, number[]][];
  contacts: [string, 'site' | 'ad'][];
  pivots: string[];
};
const none: SharedIn = { ads: [], summaries: [], contacts: [], pivots: [] };
const addition = fc.oneof(
  sharedAd.map((ad): SharedIn => ({ ...none, ads: [ad] })),
  // A listing excerpt of a shared ad, on both sides' listing pages.
  sharedAd.map((ad): SharedIn => ({ ...none, summaries: [ad] })),
  contactArb.map((c): SharedIn => ({ ...none, contacts: [c] })),
  fc.constantFrom('G-EEEE5555', 'ym-5555').map((p): SharedIn => ({ ...none, pivots: [p] })),
);

/**
 * The pair's comparison; with `other` (a second monitored board and the ads the candidate took from it), read against
 * both boards at once (merged boards, compare/merged.ts).
 */
function comparePair(
  bases: bigint[],
  ref: SideIn,
  cand: SideIn,
  both: SharedIn,
  other?: { own: Ad[]; taken: [Ad, number[]][]; unread?: boolean },
): Comparison {
  const ad = ([k, bits]: [number, number[]]) => flip(bases[k % bases.length], bits);
  const refSide = (own: Ad[], common: [Ad, number[]][]) => [
    ...own.map((a) => hex(ad(a))),
    ...common.map(([a]) => hex(ad(a))),
  ];
  const candSide = (own: Ad[], common: [Ad, number[]][]) => [
    ...own.map((a) => hex(ad(a))),
    ...common.map(([a, more]) => hex(flip(ad(a), more))),
  ];
  const reference = profile(
    'ref.test',
    refSide(ref.ads, both.ads),
    [...ref.contacts, ...both.contacts],
    [...ref.pivots, ...both.pivots],
    refSide(ref.summaries, both.summaries),
  );
  const taken = other?.taken ?? [];
  const candidate = profile(
    'cand.test',
    [...candSide(cand.ads, both.ads), ...candSide([], taken)],
    [...cand.contacts, ...both.contacts],
    [...cand.pivots, ...both.pivots],
    candSide(cand.summaries, both.summaries),
  );
  if (!other || other.unread) return compareProfiles(reference, candidate);
  const board = profile('other.test', refSide(other.own, taken), [], []);
  return compareProfiles(reference, candidate, undefined, undefined, [reference, board]);
}
const merge = (a: SharedIn, b: SharedIn): SharedIn => ({
  ads: [...a.ads, ...b.ads],
  summaries: [...a.summaries, ...b.summaries],
  contacts: [...a.contacts, ...b.contacts],
  pivots: [...a.pivots, ...b.pivots],
});

describe('whole comparisons', () => {
  it('adding a shared ad, listing excerpt, contact or pivot never lowers the score nor the verdict; clone ⇔ score ≥ cloneScore', () => {
    fc.assert(
      fc.property(world, side, side, shared, addition, (bases, ref, cand, both, extra) => {
        const before = comparePair(bases, ref, cand, both);
        const after = comparePair(bases, ref, cand, merge(both, extra));
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(TIER[after.verdict]).toBeGreaterThanOrEqual(TIER[before.verdict]);
        for (const c of [before, after]) expect(c.verdict === 'clone').toBe(c.score >= t.cloneScore);
      }),
      { numRuns: 400 },
    );
  });

  it('read against a second monitored board (merged boards), adding shared evidence never lowers the score nor the verdict', () => {
    // Drawn near a merge (two boards each about half of a candidate with few ads of its own), where the rule decides.
    const otherBoard = fc.record({
      own: fc.array(adArb, { maxLength: 6 }),
      taken: fc.array(sharedAd, { minLength: 2, maxLength: 10 }),
    });
    const small = fc.record({
      ads: fc.array(adArb, { maxLength: 3 }),
      summaries: fc.constant([] as Ad[]),
      contacts: fc.constant([] as [string, 'site' | 'ad'][]),
      pivots: fc.constant([] as string[]),
    });
    const copied = fc.record({
      ads: fc.array(sharedAd, { minLength: 2, maxLength: 10 }),
      summaries: fc.constant([] as [Ad, number[]][]),
      contacts: fc.constant([] as [string, 'site' | 'ad'][]),
      pivots: fc.constant([] as string[]),
    });
    let merges = 0;
    fc.assert(
      fc.property(
        fc.array(base64, { minLength: 8, maxLength: 16 }),
        small,
        small,
        copied,
        otherBoard,
        addition,
        (bases, ref, cand, both, other, extra) => {
          const before = comparePair(bases, ref, cand, both, other);
          const after = comparePair(bases, ref, cand, merge(both, extra), other);
          expect(after.score).toBeGreaterThanOrEqual(before.score);
          expect(TIER[after.verdict]).toBeGreaterThanOrEqual(TIER[before.verdict]);
          // Reading the other board never lowers the pair's score: it can only explain more of the candidate.
          const unread = comparePair(bases, ref, cand, merge(both, extra), { ...other, unread: true });
          expect(after.score).toBeGreaterThanOrEqual(unread.score);
          if (before.verdict === 'clone' && before.explanation.at(-1)!.includes('boards merged')) merges++;
        },
      ),
      { numRuns: 300 },
    );
    // The draws reach the rule: a property that never meets a merge proves nothing about it.
    expect(merges).toBeGreaterThan(10);
  });
});
