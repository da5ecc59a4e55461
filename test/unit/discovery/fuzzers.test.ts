import { describe, expect, it } from 'vitest';
import {
  adjacentKeyFuzz,
  affixFuzz,
  homoglyphFuzz,
  hyphenationFuzz,
  idnFuzz,
  numberFuzz,
  omissionFuzz,
  repetitionFuzz,
  subdomainFuzz,
  tldSwap,
  transpositionFuzz,
  vowelSwapFuzz,
} from '../../../crawler/discovery/fuzzers.ts';
import { adjacentKeys } from '../../../crawler/discovery/keyboards.ts';

const seed = { name: 'annonces-maison', suffix: 'test' };
const short = { name: 'abc', suffix: 'fr' };

describe('fuzzers', () => {
  it('tld-swap replaces the public suffix, skipping the seed own suffix and keeping multi-label ones', () => {
    expect(tldSwap({ name: 'site', suffix: 'co.uk' }, ['fr', 'co.uk', 'com.br'])).toEqual(['site.fr', 'site.com.br']);
  });

  it('number adds suffixes and prefixes, with and without hyphen', () => {
    const out = numberFuzz(seed);
    expect(out.slice(0, 2)).toEqual(['annonces-maison2.test', 'annonces-maison-2.test']);
    expect(out).toContain('annonces-maison-24.test');
    expect(out).toContain('2annonces-maison.test');
    expect(out).toContain('2-annonces-maison.test');
  });

  it('number continues a counted series first (site2 → site3)', () => {
    expect(numberFuzz({ name: 'site2', suffix: 'fr' }).slice(0, 3)).toEqual(['site3.fr', 'site4.fr', 'site5.fr']);
  });

  it('affix puts each word after and before, hyphenated forms first', () => {
    expect(affixFuzz(short, ['bis'])).toEqual(['abc-bis.fr', 'bis-abc.fr', 'abcbis.fr', 'bisabc.fr']);
  });

  it('hyphenation removes hyphens first, then inserts one between characters', () => {
    const out = hyphenationFuzz({ name: 'a-bc', suffix: 'fr' });
    expect(out[0]).toBe('abc.fr');
    expect(out).toContain('a-b-c.fr');
    expect(out.every((d) => !d.includes('--'))).toBe(true);
    expect(hyphenationFuzz(short)).toEqual(['a-bc.fr', 'ab-c.fr']);
  });

  it('subdomain prefixes the name and turns hyphens into dots', () => {
    const out = subdomainFuzz(seed);
    expect(out.slice(0, 2)).toEqual(['www2.annonces-maison.test', 'm.annonces-maison.test']);
    expect(out).toContain('annonces.maison.test');
  });

  it('omission, repetition and transposition edit one position at a time', () => {
    expect(omissionFuzz(short)).toEqual(['bc.fr', 'ac.fr', 'ab.fr']);
    expect(repetitionFuzz(short)).toEqual(['aabc.fr', 'abbc.fr', 'abcc.fr']);
    expect(transpositionFuzz(short)).toEqual(['bac.fr', 'acb.fr']);
    expect(transpositionFuzz({ name: 'aab', suffix: 'fr' })).toEqual(['aba.fr']);
  });

  it('vowel-swap replaces each vowel by every other vowel', () => {
    expect(vowelSwapFuzz({ name: 'ba', suffix: 'fr' })).toEqual(['be.fr', 'bi.fr', 'bo.fr', 'bu.fr', 'by.fr']);
  });

  it('adjacent-key uses both AZERTY and QWERTY neighbours', () => {
    expect(adjacentKeys('a')).toEqual(expect.arrayContaining(['z', 'q', 's'])); // AZERTY
    expect(adjacentKeys('a')).toEqual(expect.arrayContaining(['w'])); // QWERTY: a is under q and w
    expect(adjacentKeys('m')).toEqual(expect.arrayContaining(['l', 'n'])); // AZERTY m sits right of l
    const out = adjacentKeyFuzz({ name: 'a', suffix: 'fr' });
    expect(out).toContain('z.fr');
    expect(out).toContain('q.fr');
  });

  it('homoglyph gives ASCII confusions both ways and no IDN letter', () => {
    const out = homoglyphFuzz({ name: 'momo', suffix: 'fr' });
    expect(out).toContain('m0mo.fr');
    expect(out).toContain('rnomo.fr');
    expect(out.every((d) => /^[a-z0-9.-]+$/.test(d))).toBe(true);
    expect(homoglyphFuzz({ name: 'rn', suffix: 'fr' })).toContain('m.fr');
  });

  it('idn gives accented letters, ligatures and the whole label in Cyrillic', () => {
    expect(idnFuzz({ name: 'momo', suffix: 'fr' })).toContain('mómo.fr');
    expect(idnFuzz({ name: 'coeur', suffix: 'fr' })).toContain('cœur.fr');
    expect(idnFuzz({ name: 'sac', suffix: 'com' })).toContain('ѕас.com');
    expect(idnFuzz({ name: 'sable', suffix: 'com' }).some((d) => /[\u0400-\u04ff]/.test(d))).toBe(false);
  });
});

describe('homoglyph on accented names', () => {
  it('folds accents to ASCII first', () => {
    expect(homoglyphFuzz({ name: 'pâtisserie', suffix: 'fr' })[0]).toBe('patisserie.fr');
  });
});
