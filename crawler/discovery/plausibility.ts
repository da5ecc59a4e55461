/**
 * How plausible a lookalike is as the name an operator picks to re-open a site, with the reason in words. The
 * score is the product of two priors: the edit (the same name on another TLD is the most common restart, then
 * a number, a restart word, a word of the trade…; typos and homoglyphs, which fool visitors rather than follow
 * them, come last) and the TLD (tld-priors.ts). Within a family the fuzzers list the likelier names first, so a
 * name loses a little for its rank. The priors are judgement, written down here, not fitted on data: they decide
 * which names are checked first under `discovery.maxLookalikesPerSeed`, never which names exist.
 */
import type { FuzzerName } from './fuzzers.ts';
import type { TldPrior } from './tld-priors.ts';

export interface FamilyPrior {
  prior: number;
  reason: string;
}

export const FAMILY_PRIORS: Readonly<Record<FuzzerName, FamilyPrior>> = {
  'tld-swap': { prior: 1, reason: 'the same name' },
  number: { prior: 0.9, reason: 'a restart number added' },
  affix: { prior: 0.85, reason: 'a restart word added (new, bis, officiel…)' },
  plural: { prior: 0.75, reason: 'a word put in the plural' },
  dictionary: { prior: 0.65, reason: 'a word of the trade added or swapped in' },
  'inner-number': { prior: 0.65, reason: 'a number inside the name' },
  hyphenation: { prior: 0.6, reason: 'hyphens removed or added' },
  'tld-joined': { prior: 0.55, reason: 'the TLD written into the name' },
  subdomain: { prior: 0.5, reason: 'a subdomain in front of the name' },
  addition: { prior: 0.45, reason: 'a character added at the end of a word' },
  omission: { prior: 0.4, reason: 'a letter left out (typo)' },
  repetition: { prior: 0.4, reason: 'a letter doubled (typo)' },
  transposition: { prior: 0.4, reason: 'two letters swapped (typo)' },
  'vowel-swap': { prior: 0.35, reason: 'a vowel changed' },
  homoglyph: { prior: 0.35, reason: 'characters that look alike (0 for o, rn for m)' },
  idn: { prior: 0.3, reason: 'an accented or Cyrillic letter the registry accepts' },
  'adjacent-key': { prior: 0.25, reason: 'a neighbouring key (typo)' },
  insertion: { prior: 0.2, reason: 'a neighbouring key typed as well (typo)' },
};

/** An inner `s` (annosnces) is a typo, not a plural: it weighs as one. */
export const INNER_PLURAL: FamilyPrior = { prior: 0.3, reason: 'an s typed inside a word (typo)' };

/**
 * How fast a family's names lose weight with their rank: the k-th name (from 0) keeps (1 + k)^-RANK_DECAY of the
 * prior. A family's first names are its likely ones (site2, site-2, site3…), and a large family (60 numbers, 40
 * affix forms, 200 trade-word forms) must not crowd out the other families and TLDs under the cap.
 */
const RANK_DECAY = 0.3;

export function rankFactor(index: number): number {
  return (1 + index) ** -RANK_DECAY;
}

export interface Plausibility {
  score: number;
  reason: string;
}

const fmt = (x: number) => x.toFixed(2);

/** Combines an edit's prior (already ranked) and the TLD's into the score and its sentence. */
export function plausibility(edit: FamilyPrior, ranked: number, tld: TldPrior, ownSuffix: string): Plausibility {
  const score = ranked * tld.prior;
  const where = tld.tld === ownSuffix ? `on the seed's own .${tld.tld}` : `on .${tld.tld}, ${tld.reason}`;
  return { score, reason: `${edit.reason} ${where} (${fmt(ranked)} × ${fmt(tld.prior)} = ${fmt(score)})` };
}
