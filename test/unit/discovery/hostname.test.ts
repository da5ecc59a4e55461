import { describe, expect, it } from 'vitest';
import {
  hostnameFromUrl,
  isValidHostname,
  matchHostMap,
  registrableDomain,
  registrationProblem,
} from '../../../crawler/discovery/index.ts';

describe('discovery hostname helpers', () => {
  it('gives the registrable domain, keeping multi-label suffixes', () => {
    expect(registrableDomain('www.annonces.co.uk')).toBe('annonces.co.uk');
    expect(registrableDomain('a.b.annonces.test')).toBe('annonces.test');
    expect(registrableDomain('co.uk')).toBeNull();
    expect(registrableDomain('127.0.0.1')).toBeNull();
  });

  it('accepts only normal, registrable names', () => {
    expect(isValidHostname('annonces-maison2.test')).toBe(true);
    expect(isValidHostname('xn--ptisserie-b2a.fr')).toBe(true);
    expect(isValidHostname('Annonces.test')).toBe(false);
    expect(isValidHostname('-annonces.test')).toBe(false);
    expect(isValidHostname('an--nonces.test')).toBe(false);
    expect(isValidHostname('co.uk')).toBe(false);
    expect(isValidHostname(`${'a'.repeat(64)}.test`)).toBe(false);
    expect(registrationProblem('an--nonces.test')).toMatch(/reserved for xn-- names/);
  });

  it('reduces http(s) URLs to their normal hostname', () => {
    expect(hostnameFromUrl('HTTPS://Www.Pâtisserie.FR/a?b')).toBe('www.xn--ptisserie-b2a.fr');
    expect(hostnameFromUrl('//cdn.test/x.js')).toBe('cdn.test');
    expect(hostnameFromUrl('mailto:a@b.test')).toBeNull();
    expect(hostnameFromUrl('annonces.test')).toBeNull();
  });
});

describe('matchHostMap', () => {
  const map = { '*.test': '127.0.0.1:8080', 'exact.test': '127.0.0.2:9090', 'v6.example': '[::1]:81' };

  it('matches wildcards and exact names, exact first', () => {
    expect(matchHostMap('a.b.test', map)).toEqual({
      target: '127.0.0.1:8080',
      address: '127.0.0.1',
      port: 8080,
      family: 4,
    });
    expect(matchHostMap('EXACT.test.', map)?.address).toBe('127.0.0.2');
    expect(matchHostMap('v6.example', map)).toEqual({ target: '[::1]:81', address: '::1', port: 81, family: 6 });
  });

  it('does not match the bare suffix or other names', () => {
    expect(matchHostMap('test', map)).toBeNull();
    expect(matchHostMap('x.example', map)).toBeNull();
    expect(matchHostMap('x.test', undefined)).toBeNull();
  });
});
