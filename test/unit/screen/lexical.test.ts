import { describe, expect, it } from 'vitest';
import { createLexicalScorer } from '../../../screen/index.ts';
import { boundedDistance } from '../../../screen/lexical.ts';

describe('lexical score of new names (orders screening, never gates it)', () => {
  const score = createLexicalScorer({ hostnames: ['annonces-maison.test'], names: ['annonces-maison'] });

  it('ranks brand tokens and near spellings above unrelated names', () => {
    const lookalike = score('annonces-maisom.test');
    const branded = score('maison-annonces-bis.example');
    const unrelated = score('verger-calme.test');
    expect(lookalike).toBeGreaterThan(0.8);
    expect(branded).toBeGreaterThan(0.6);
    expect(unrelated).toBe(0);
  });

  it('computes edit distances and stops early beyond the bound', () => {
    expect(boundedDistance('maison', 'maisom', 2)).toBe(1);
    expect(boundedDistance('kitten', 'sitting', 3)).toBe(3);
    expect(boundedDistance('abc', 'xyzxyz', 2)).toBe(3);
  });
});
