import { describe, expect, it } from 'vitest';
import { candidatesFromOutlinks, candidatesFromRedirects } from '../../../crawler/discovery/index.ts';

describe('candidatesFromRedirects', () => {
  it('turns a cross-domain redirect hop into a strong candidate with the redirect as evidence', () => {
    const out = candidatesFromRedirects(
      [
        { url: 'http://annonces-maison.test/', status: 301, location: 'https://www.annonces-maison.test/' },
        {
          url: 'https://www.annonces-maison.test/',
          status: 302,
          location: 'https://nouveau-annonces-maison.test/?from=old',
        },
      ],
      'annonces-maison.test',
    );
    expect(out).toEqual([
      {
        domain: 'nouveau-annonces-maison.test',
        registrableDomain: 'nouveau-annonces-maison.test',
        source: 'redirect',
        strength: 'strong',
        evidence:
          'https://www.annonces-maison.test/ redirected (HTTP 302) to https://nouveau-annonces-maison.test/?from=old',
      },
    ]);
  });

  it('resolves relative locations and accepts plain URLs (meta refresh, final URL)', () => {
    const out = candidatesFromRedirects(
      [{ url: 'http://annonces-maison.test/a', status: 301, location: '/b' }, 'http://autre-site.test/'],
      'annonces-maison.test',
    );
    expect(out.map((c) => [c.domain, c.evidence])).toEqual([
      ['autre-site.test', 'http://annonces-maison.test/b led to http://autre-site.test/'],
    ]);
  });

  it('ignores same-site hops, third parties and unparsable locations', () => {
    expect(
      candidatesFromRedirects(
        [
          { url: 'http://annonces-maison.test/', status: 301, location: 'http://m.annonces-maison.test/' },
          { url: 'http://m.annonces-maison.test/', status: 302, location: 'https://www.facebook.com/x' },
          { url: 'http://m.annonces-maison.test/', status: 302, location: 'http://[bad' },
        ],
        'annonces-maison.test',
      ),
    ).toEqual([]);
  });
});

describe('candidatesFromOutlinks', () => {
  it('gives one weak candidate per hostname with the first link and a count', () => {
    const out = candidatesFromOutlinks(
      [
        'https://menage-pro.test/a',
        'https://menage-pro.test/b',
        'https://twitter.com/x',
        'mailto:a@b.test',
        'https://www.annonces-maison.test/',
        'https://jardin.test/',
      ],
      { ownDomains: ['annonces-maison.test'], pageUrl: 'https://annonces-maison.test/' },
    );
    expect(out).toEqual([
      {
        domain: 'menage-pro.test',
        registrableDomain: 'menage-pro.test',
        source: 'outlink',
        strength: 'weak',
        evidence: 'link to https://menage-pro.test/a on https://annonces-maison.test/ (2 links to this host)',
      },
      {
        domain: 'jardin.test',
        registrableDomain: 'jardin.test',
        source: 'outlink',
        strength: 'weak',
        evidence: 'link to https://jardin.test/ on https://annonces-maison.test/',
      },
    ]);
  });
});
