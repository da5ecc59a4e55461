/**
 * Boards merged into one site (detector/compare/merged.ts): a candidate read against every monitored reference at
 * once, on synthetic boards (test/helpers/boards.ts).
 */
import { describe, expect, it } from 'vitest';
import { mergedContent } from '../../../detector/compare/merged.ts';
import { compareProfiles, defaultThresholds } from '../../../detector/index.ts';
import { board, copied, fingerprints } from '../../helpers/boards.ts';

const t = defaultThresholds;

const next = fingerprints(7);
const fresh = (n: number) => Array.from({ length: n }, () => next());

const adsA = fresh(20);
const adsB = fresh(20);
const A = board('ancien-a.test', adsA);
const B = board('ancien-b.test', adsB);

describe('boards merged into one site', () => {
  // 12 of A's 20 ads, 10 of B's 20, 2 new: half of the candidate each, most of each board.
  const merged = board('fusion.test', [...copied(adsA.slice(0, 12)), ...copied(adsB.slice(0, 10)), ...fresh(2)]);

  it('is a clone of each board when read against both, with the rule, the values and the boards named', () => {
    const alone = compareProfiles(A, merged);
    expect(alone.verdict).not.toBe('clone');
    const c = compareProfiles(A, merged, undefined, undefined, [A, B]);
    expect(c.verdict).toBe('clone');
    expect(c.families.content.jointCandidateShare).toBeCloseTo(22 / 24, 3);
    const line = c.explanation.at(-1)!;
    expect(line).toContain('clone by the rule "boards merged into one site"');
    expect(line).toContain(
      "92 % of the candidate's ads come from the reference (50 % of the candidate, 60 % of it on the candidate) and " +
        'monitored sites with 50 % of their ads or more on it: ancien-b.test (42 % of the candidate, 50 % of it on the candidate)',
    );
    expect(line).not.toContain('ancien-a.test (');
    expect(line).toContain("it needs 75 % of the candidate's ads from monitored sites");
    // B carries exactly cloneReferenceShare of itself: it is a source, and a clone at its threshold.
    expect(compareProfiles(B, merged, undefined, undefined, [A, B]).verdict).toBe('clone');
  });

  it('is not a clone of a board only half of which is there, nor when a board brings under a quarter of it', () => {
    // A competitor with 8 of each board's 20 ads (40 % of each: no source) and 8 of its own.
    const competitor = board('rival.test', [...copied(adsA.slice(0, 8)), ...copied(adsB.slice(0, 8)), ...fresh(8)]);
    const c = compareProfiles(A, competitor, undefined, undefined, [A, B]);
    expect(c.verdict).not.toBe('clone');
    expect(c.families.content.jointCandidateShare).toBeCloseTo(8 / 24, 3);
    // A small board whose 3 ads of 4 were cross-posted on A: a copy of A carries most of it, but it is 3 ads of 20.
    const small = board('petit.test', [...adsA.slice(0, 3), next()]);
    const copyOfA = board('copie-a.test', copied(adsA));
    expect(compareProfiles(A, copyOfA, undefined, undefined, [A, B, small]).verdict).toBe('clone');
    const s = compareProfiles(small, copyOfA, undefined, undefined, [A, B, small]);
    expect(s.verdict).not.toBe('clone');
    expect(s.explanation.at(-1)).toContain("25 % of the candidate's ads from the reference itself (only 15 %)");
  });

  it('counts a candidate ad once however many boards carry it', () => {
    // Two boards that share 10 ads (one advertiser base); the candidate holds those 10 and 10 of its own.
    const common = fresh(10);
    const C = board('commun-c.test', [...common, ...fresh(4)]);
    const D = board('commun-d.test', [...common, ...fresh(4)]);
    const cand = board('moitie.test', [...copied(common), ...fresh(10)]);
    const m = mergedContent(C, cand, [C, D], t);
    expect(m.share).toBeCloseTo(0.5, 3);
    expect(m.sources.map((s) => s.site).sort()).toEqual(['commun-c.test', 'commun-d.test']);
    expect(compareProfiles(C, cand, undefined, undefined, [C, D]).verdict).not.toBe('clone');
  });

  it('reads a stored copy of the compared reference as the reference itself', () => {
    const storedA = structuredClone(A);
    const m = mergedContent(A, merged, [storedA, B], t);
    expect(m.sources.map((s) => s.site)).toEqual(['ancien-a.test', 'ancien-b.test']);
    expect(m.share).toBeCloseTo(22 / 24, 3);
    expect(compareProfiles(A, merged, undefined, undefined, [storedA, B]).score).toBe(
      compareProfiles(A, merged, undefined, undefined, [A, B]).score,
    );
  });

  it('caches by thresholds: a stricter reference share drops a source', () => {
    const strict = { ...t, cloneReferenceShare: 0.55 };
    expect(mergedContent(A, merged, [A, B], t).sources).toHaveLength(2);
    expect(mergedContent(A, merged, [A, B], strict).sources.map((s) => s.site)).toEqual(['ancien-a.test']);
    expect(mergedContent(A, merged, [A, B], strict).share).toBeCloseTo(12 / 24, 3);
  });

  it("never adds one side's joint share to the other side's reference share (listing excerpts against full texts)", () => {
    // The reference has full texts only; another board has listing excerpts only. The candidate's excerpts are all
    // that board's, while 11 of its 40 ads are the reference's and 29 come from no monitored site.
    const hex = (b: bigint) => b.toString(16).padStart(16, '0');
    const excerpts = (site: string, ads: bigint[]) =>
      ads.map((a, i) => ({ id: `/l#${i}`, url: `http://${site}/l#${i}`, fingerprint: hex(a), text: `extrait ${i}` }));
    const adsR = fresh(20);
    const sO = fresh(10);
    const R = board('texte.test', adsR);
    const O = { ...board('extraits.test', fresh(10)), summaries: excerpts('extraits.test', sO) };
    const cand = {
      ...board('melange.test', [...copied(adsR.slice(0, 11)), ...fresh(29)]),
      summaries: excerpts('melange.test', copied(sO)),
    };
    const c = compareProfiles(R, cand, undefined, undefined, [R, O]);
    expect(c.verdict).not.toBe('clone');
    expect(c.families.content.jointCandidateShare).toBeCloseTo(11 / 40, 3);
  });
});
