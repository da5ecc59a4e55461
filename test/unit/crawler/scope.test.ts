import { describe, expect, it } from 'vitest';
import { compileUrlPatterns, createScope, normalizeSeed, SeedError, siteKey } from '../../../crawler/scope.ts';

describe('seeds', () => {
  it('turns bare host names into https with an http fallback', () => {
    expect(normalizeSeed('annonces.test')).toEqual({
      url: 'https://annonces.test/',
      fallbackUrl: 'http://annonces.test/',
    });
    expect(normalizeSeed('annonces.test:8080')).toEqual({
      url: 'https://annonces.test:8080/',
      fallbackUrl: 'http://annonces.test:8080/',
    });
  });

  it('keeps full URLs and refuses other schemes', () => {
    expect(normalizeSeed('http://www.annonces.test/liste?p=1#top')).toEqual({
      url: 'http://www.annonces.test/liste?p=1',
      fallbackUrl: null,
    });
    expect(() => normalizeSeed('file:///etc/passwd')).toThrow(SeedError);
    expect(() => normalizeSeed('javascript:alert(1)')).toThrow(SeedError);
  });
});

describe('scope', () => {
  it('covers the registrable domain and its subdomains', () => {
    const scope = createScope(['https://www.annonces.test/']);
    expect(scope.domains).toEqual(['annonces.test']);
    expect(scope.inScope('http://annonces.test/a')).toBe(true);
    expect(scope.inScope('https://img.cdn.annonces.test/x.png')).toBe(true);
    expect(scope.inScope('https://annonces-bis.test/')).toBe(false);
    expect(scope.inScope('file:///etc/passwd')).toBe(false);
    expect(scope.inScope('data:text/html,hi')).toBe(false);
  });

  it('uses the public suffix list', () => {
    expect(siteKey('www.plombier.co.uk')).toBe('plombier.co.uk');
    expect(siteKey('127.0.0.1')).toBe('127.0.0.1');
    expect(createScope(['http://127.0.0.1:8080/']).inScope('http://127.0.0.1:9090/')).toBe(true);
  });
});

describe('URL patterns', () => {
  it('matches globs on the URL or the path, and regexes', () => {
    const match = compileUrlPatterns(['/annonce/*', '*/liste*', '/\\/cal\\/\\d+/i']);
    expect(match(new URL('http://a.test/annonce/42'))).toBe(true);
    expect(match(new URL('http://a.test/liste?p=2'))).toBe(true);
    expect(match(new URL('http://a.test/CAL/2026/11'))).toBe(true);
    expect(match(new URL('http://a.test/contact'))).toBe(false);
    expect(compileUrlPatterns(undefined)(new URL('http://a.test/'))).toBe(false);
  });
});
