import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AFFIXES,
  DEFAULT_LOOKALIKE_TLDS,
  generateLookalikes,
  InvalidSeedDomainError,
  isValidHostname,
} from '../../../crawler/discovery/index.ts';

const options = { tlds: DEFAULT_LOOKALIKE_TLDS, affixes: DEFAULT_AFFIXES, maxPerSeed: 100_000 };

describe('generateLookalikes', () => {
  const all = generateLookalikes('annonces-maison.fr', options);
  const domains = all.map((l) => l.domain);

  it('produces every fuzzer', () => {
    const fuzzers = new Set(all.map((l) => l.fuzzer));
    for (const f of [
      'tld-swap',
      'number',
      'affix',
      'hyphenation',
      'subdomain',
      'omission',
      'repetition',
      'transposition',
      'vowel-swap',
      'adjacent-key',
      'homoglyph',
      'number+tld-swap',
      'affix+tld-swap',
      'hyphenation+tld-swap',
    ]) {
      expect(fuzzers, f).toContain(f);
    }
  });

  it('gives the expected resurgence names', () => {
    for (const d of [
      'annonces-maison.com',
      'annonces-maison2.fr',
      'annonces-maison-24.fr',
      '2annonces-maison.fr',
      'annonces-maison-bis.fr',
      'nouveau-annonces-maison.fr',
      'annoncesmaison.fr',
      'www2.annonces-maison.fr',
      'annonces-maison2.com',
      'annonce-maison.fr',
    ]) {
      expect(domains, d).toContain(d);
    }
  });

  it('is deduplicated, never contains the seed, and holds only valid lowercase ASCII hostnames', () => {
    expect(new Set(domains).size).toBe(domains.length);
    expect(domains).not.toContain('annonces-maison.fr');
    for (const d of domains) {
      expect(isValidHostname(d), d).toBe(true);
      expect(d).toMatch(/^[a-z0-9.-]+$/);
    }
  });

  it('stores IDN homoglyphs as punycode', () => {
    const idn = all.filter((l) => l.fuzzer === 'homoglyph' && l.domain.includes('xn--'));
    expect(idn.length).toBeGreaterThan(10);
    expect(domains).toContain(domainToASCII('annonces-maíson.fr'));
    expect(domainToASCII('annonces-maíson.fr')).toMatch(/^xn--/);
  });

  it('is reproducible: same input, same output, same order', () => {
    expect(generateLookalikes('annonces-maison.fr', options)).toEqual(all);
  });

  it('caps the list and keeps the resurgence-likely names first', () => {
    const capped = generateLookalikes('annonces-maison.fr', { ...options, maxPerSeed: 25 });
    expect(capped).toHaveLength(25);
    expect(capped).toEqual(all.slice(0, 25));
    const fuzzers = new Set(capped.map((l) => l.fuzzer));
    expect([...fuzzers].sort()).toEqual(['affix', 'hyphenation', 'number', 'subdomain', 'tld-swap']);
    expect(generateLookalikes('annonces-maison.fr', { ...options, maxPerSeed: 0 })).toEqual([]);
  });

  it('works on the registrable domain and keeps multi-label suffixes intact', () => {
    const uk = generateLookalikes('www.annonces-maison.co.uk', { tlds: ['fr'], affixes: [], maxPerSeed: 50 });
    const ukDomains = uk.map((l) => l.domain);
    expect(ukDomains).toContain('annonces-maison.fr');
    expect(ukDomains).toContain('annonces-maison2.co.uk');
    expect(ukDomains).not.toContain('annonces-maison.co.uk');
    expect(ukDomains.some((d) => d.endsWith('.uk.fr') || d.includes('co2'))).toBe(false);
  });

  it('fuzzes an IDN seed in its Unicode form', () => {
    const out = generateLookalikes('pâtisserie.fr', { tlds: [], affixes: [], maxPerSeed: 1000 }).map((l) => l.domain);
    expect(out).toContain(domainToASCII('pâtisserie2.fr'));
    expect(out).toContain(domainToASCII('pâtisseriee.fr')); // repetition of the last letter
    expect(out).toContain('patisserie.fr'); // accents folded away
  });

  it('refuses a seed that is not a hostname, in plain words', () => {
    expect(() => generateLookalikes('http://x.fr/', options)).toThrow(InvalidSeedDomainError);
    expect(() => generateLookalikes('http://x.fr/', options)).toThrow(/is a URL/);
  });
});
