import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_AFFIXES,
  DEFAULT_LOOKALIKE_TLDS,
  generateLookalikes,
  InvalidSeedDomainError,
  isValidHostname,
  registrableDomain,
} from '../../../crawler/discovery/index.ts';

/** A short TLD list keeps the uncapped lists small enough for unit tests. */
const TLDS = ['fr', 'com', 'net', 'org', 'eu', 'info', 'co', 'io', 'be', 'ch', 'xyz', 'online', 'site', 'top'];
const options = { tlds: TLDS, affixes: DEFAULT_AFFIXES, maxPerSeed: 100_000 };
const AFNIC = 'abcdefghijklmnopqrstuvwxyz0123456789-ßàáâãäåæçèéêëìíîïñòóôõöùúûüýÿœ';

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
      'idn',
      'plural',
      'addition',
      'inner-number',
      'dictionary',
      'tld-joined',
      'insertion',
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
    const idn = all.filter((l) => l.fuzzer === 'idn' && l.domain.includes('xn--'));
    expect(idn.length).toBeGreaterThan(10);
    expect(domains).toContain(domainToASCII('annonces-maíson.fr'));
    expect(domainToASCII('annonces-maíson.fr')).toMatch(/^xn--/);
  });

  it('is reproducible: same input, same output, same order', () => {
    expect(generateLookalikes('annonces-maison.fr', options)).toEqual(all);
  });

  it('caps the list by plausibility, best first, each name with its score and reason', () => {
    const capped = generateLookalikes('annonces-maison.fr', { ...options, maxPerSeed: 25 });
    expect(capped).toHaveLength(25);
    expect(capped).toEqual(all.slice(0, 25));
    for (let i = 1; i < all.length; i++) expect(all[i].score).toBeLessThanOrEqual(all[i - 1].score);
    for (const l of all) {
      expect(l.score).toBeGreaterThan(0);
      expect(l.score).toBeLessThanOrEqual(1);
      expect(l.reason).toMatch(/ = \d\.\d\d\)$/);
    }
    expect(capped.map((l) => l.domain)).toContain('annonces-maison.com');
    expect(capped.find((l) => l.domain === 'annonces-maison.com')?.reason).toMatch(/same name on \.com/);
    expect(generateLookalikes('annonces-maison.fr', { ...options, maxPerSeed: 0 })).toEqual([]);
  });

  it('keeps resurgence names on other TLDs under the default cap rather than one TLD at a time', () => {
    const kept = generateLookalikes('annonces-maison.fr', { affixes: DEFAULT_AFFIXES, maxPerSeed: 500 }).map(
      (l) => l.domain,
    );
    for (const d of [
      'annonces-maison2.fr',
      'annonces-maison2.org',
      'annonces-maison2.com',
      'new-annonces-maison.xyz',
      'annonces-maison.xxx',
      'annonces-maison.buzz',
      'annonces-maison.es',
      'annonces-maison-new.com',
      'annonce-maison.fr',
      'annoncesmaison.fr',
    ]) {
      expect(kept, d).toContain(d);
    }
  });

  it('generates the families operators pick: plurals, added letters, inner numbers, trade words, TLD in the name', () => {
    for (const d of [
      'annonces-maisons.fr',
      'annonces-maisonx.fr',
      'annonces2-maison.fr',
      'annonces-2-maison.fr',
      'annonces-escort.fr',
      'escort-maison.fr',
      'rencontre-annonces-maison.fr',
      'annonces-maisonfr.com',
      'annonces-maison-fr.com',
      'annonces-maisonfr.fr',
    ]) {
      expect(domains, d).toContain(d);
    }
  });

  it('uses only letters the registry accepts: AFNIC letters on .fr, whole Cyrillic labels on .com, no IDN on .co.uk', () => {
    const fr = generateLookalikes('annonces-maison.fr', { ...options, tlds: ['fr', 'com', 'co.uk'] });
    for (const l of fr) {
      const [label, ...rest] = domainToUnicode(l.domain).split('.');
      const tld = rest.join('.');
      if (tld === 'fr')
        expect(
          [...label].every((c) => AFNIC.includes(c)),
          l.domain,
        ).toBe(true);
      if (tld === 'co.uk') expect(l.domain, l.domain).not.toMatch(/xn--/);
      if (tld === 'com' && /[\u0400-\u04ff]/.test(label)) expect(label, l.domain).toMatch(/^[\u0400-\u04ff0-9-]+$/);
    }
    const sco = generateLookalikes('sac.com', { tlds: ['com', 'fr'], affixes: [], maxPerSeed: 100_000 });
    expect(sco.map((l) => l.domain)).toContain(domainToASCII('ѕас.com'));
    expect(sco.map((l) => l.domain)).not.toContain(domainToASCII('ѕас.fr'));
  });

  it('always gives valid, unique, ranked names without the seed (any seed)', () => {
    const label = fc.stringMatching(/^[a-z][a-z0-9]{1,8}(-[a-z0-9]{2,6})?$/);
    fc.assert(
      fc.property(label, fc.constantFrom('fr', 'com', 'co.uk', 'be'), (name, tld) => {
        const seed = `${name}.${tld}`;
        fc.pre(registrableDomain(seed) === seed); // tm.fr, asso.fr… are public suffixes, refused with an error
        const out = generateLookalikes(seed, { tlds: ['fr', 'com', 'net'], affixes: ['bis'], maxPerSeed: 300 });
        const seen = new Set<string>();
        out.forEach((l, i) => {
          expect(isValidHostname(l.domain), l.domain).toBe(true);
          expect(seen.has(l.domain)).toBe(false);
          seen.add(l.domain);
          if (i > 0) expect(l.score).toBeLessThanOrEqual(out[i - 1].score);
        });
        expect(seen.has(seed)).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  it('tries every TLD of the ranked list by default', () => {
    expect(DEFAULT_LOOKALIKE_TLDS.length).toBeGreaterThan(250);
    expect(DEFAULT_LOOKALIKE_TLDS.slice(0, 4)).toEqual(['com', 'fr', 'net', 'org']);
    for (const t of [
      'biz',
      'me',
      'cc',
      'tv',
      'club',
      'pro',
      'app',
      'link',
      'mobi',
      'wiki',
      'xxx',
      'es',
      'de',
      'it',
      'nl',
      'pt',
      'co.uk',
      'buzz',
      'work',
      'rest',
      'fit',
    ])
      expect(DEFAULT_LOOKALIKE_TLDS, t).toContain(t);
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
